// SPDX-License-Identifier: MIT
// Post and account metrics of the Mastodon and Bluesky clients over a FakeTransport: batching,
// field mapping, deleted posts left out, refused credentials and rate limits.
#include "lib/platform/bluesky_fixture.hpp"
#include "lib/platform/mastodon_fixture.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

using report::Metric;

std::optional<std::int64_t> get(const report::Metrics& m, Metric metric) { return m[static_cast<std::size_t>(metric)]; }

std::string bsky_view(const std::string& uri, int likes) {
  return R"({"uri":")" + uri + R"(","cid":"bafy","author":{"did":"did:plc:alice123","handle":"alice.test"},"record":{},)" +
         R"("likeCount":)" + std::to_string(likes) + R"(,"repostCount":2,"replyCount":3,"quoteCount":4,"indexedAt":"2026-11-23T09:00:00Z"})";
}

/// The `uris` parameters of a getPosts request, decoded.
std::vector<std::string> uris_of(const http::Request& r) {
  std::vector<std::string> out;
  std::string query = r.url.substr(r.url.find('?') + 1);
  for (const auto& [name, value] : http::parse_form(query)) {
    if (name == "uris") {
      out.push_back(value);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("bluesky metrics: 60 posts in 3 getPosts calls of at most 25, deleted ones left out", "[bluesky][metrics]") {
  BlueskyFixture f;
  std::vector<platform::Remote> posts;
  for (int i = 0; i < 60; ++i) {
    std::string uri = BlueskyFixture::uri("3kpost" + std::to_string(100 + i));
    // Stored as the publishing machine stores them: id = the at:// URI, extra = {uri, cid}.
    posts.push_back(platform::Remote{uri, "https://bsky.app/x", platform::Json{{"uri", uri}, {"cid", "bafy"}}});
  }
  auto answer = [&](int from, int to) {
    std::string body = R"({"posts":[)";
    for (int i = from; i < to; ++i) {
      if (i == 30 || i == 59) {
        continue;  // deleted: getPosts leaves them out
      }
      body += (i == from ? "" : ",") + bsky_view(posts[static_cast<std::size_t>(i)].id, i);
    }
    return FakeTransport::reply(200, body + "]}");
  };
  f.http.stub({"GET", "/xrpc/app.bsky.feed.getPosts"}, answer(0, 25), 1);
  f.http.stub({"GET", "/xrpc/app.bsky.feed.getPosts"}, answer(25, 50), 1);
  f.http.stub({"GET", "/xrpc/app.bsky.feed.getPosts"}, answer(50, 60), 1);
  auto c = f.client();
  CHECK(c->capabilities().metrics);
  auto got = c->fetch_metrics(posts);
  REQUIRE(got.has_value());
  f.http.verify();
  REQUIRE(f.http.requests().size() == 3);
  CHECK(uris_of(f.http.requests()[0]).size() == 25);
  CHECK(uris_of(f.http.requests()[1]).size() == 25);
  CHECK(uris_of(f.http.requests()[2]).size() == 10);
  CHECK(uris_of(f.http.requests()[0]).front() == posts[0].id);
  CHECK(f.http.requests()[0].url.starts_with("https://pds.example/xrpc/app.bsky.feed.getPosts?uris=at%3A%2F%2F"));
  CHECK(http::find_header(f.http.requests()[0].headers, "Authorization") == "Bearer " + f.access);
  REQUIRE(got->size() == 58);
  CHECK(got->front().remote_id == posts[0].id);
  CHECK((*got)[30].remote_id == posts[31].id);
  const auto& m = (*got)[5].metrics;
  CHECK(get(m, Metric::likes) == 5);
  CHECK(get(m, Metric::reposts) == 2);
  CHECK(get(m, Metric::replies) == 3);
  CHECK(get(m, Metric::quotes) == 4);
  CHECK_FALSE(get(m, Metric::impressions).has_value());
}

TEST_CASE("bluesky metrics: the account's figures from getProfile of its DID", "[bluesky][metrics]") {
  BlueskyFixture f;
  f.http.stub({"GET", "/xrpc/app.bsky.actor.getProfile"},
              FakeTransport::reply(200, R"({"did":"did:plc:alice123","handle":"alice.test","followersCount":1204,"followsCount":310,"postsCount":452})"));
  auto got = f.client()->account_metrics();
  REQUIRE(got.has_value());
  CHECK(f.http.requests().at(0).url == "https://pds.example/xrpc/app.bsky.actor.getProfile?actor=did%3Aplc%3Aalice123");
  CHECK(get(*got, Metric::followers) == 1204);
  CHECK(get(*got, Metric::following) == 310);
  CHECK(get(*got, Metric::posts) == 452);
  CHECK_FALSE(get(*got, Metric::likes).has_value());
}

TEST_CASE("bluesky metrics: a rate limit fails with when to try again; no session is an auth error", "[bluesky][metrics]") {
  SECTION("429") {
    BlueskyFixture f;
    f.http.stub({"GET", "/xrpc/app.bsky.feed.getPosts"},
                FakeTransport::reply(429, R"({"error":"RateLimitExceeded","message":"Rate Limit Exceeded"})",
                                     {{"RateLimit-Reset", "4102444800"}}));
    auto got = f.client()->fetch_metrics({platform::Remote{BlueskyFixture::uri("3kx"), "", platform::Json::object()}});
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().message == "pds.example: reading the metrics of 1 post: rate limited until 2100-01-01T00:00:00+00:00");
    CHECK(got.error().retryable);
  }
  SECTION("no session") {
    BlueskyFixture f(false);
    auto got = f.client()->account_metrics();
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().kind == ErrorKind::auth);
    CHECK(got.error().hint == "run `smm account login sky`");
    CHECK(f.http.requests().empty());
  }
}

TEST_CASE("mastodon metrics: statuses 20 at a time by id[], gone ones left out, fields mapped", "[mastodon][metrics]") {
  MastodonFixture f;
  std::vector<platform::Remote> posts;
  std::string first;
  std::string second = "[";
  for (int i = 1; i <= 25; ++i) {
    posts.push_back(platform::Remote{std::to_string(1000 + i), "", platform::Json::object()});
  }
  first = "[";
  for (int i = 1; i <= 20; ++i) {
    if (i == 7) {
      continue;  // deleted
    }
    first += std::string(first.size() > 1 ? "," : "") + R"({"id":")" + std::to_string(1000 + i) +
             R"(","favourites_count":)" + std::to_string(i) + R"(,"reblogs_count":2,"replies_count":1,"quotes_count":null})";
  }
  for (int i = 21; i <= 25; ++i) {
    second += std::string(second.size() > 1 ? "," : "") + R"({"id":")" + std::to_string(1000 + i) +
              R"(","favourites_count":0,"reblogs_count":0,"replies_count":0,"quotes_count":3})";
  }
  f.http.stub({"GET", "/api/v1/statuses"}, FakeTransport::reply(200, first + "]"), 1);
  f.http.stub({"GET", "/api/v1/statuses"}, FakeTransport::reply(200, second + "]"), 1);
  auto c = f.client();
  CHECK(c->capabilities().metrics);
  auto got = c->fetch_metrics(posts);
  REQUIRE(got.has_value());
  f.http.verify();
  REQUIRE(f.http.requests().size() == 2);
  CHECK(f.http.requests()[0].url.starts_with("https://social.example/api/v1/statuses?id%5B%5D=1001&id%5B%5D=1002&"));
  CHECK(f.http.requests()[1].url == "https://social.example/api/v1/statuses?id%5B%5D=1021&id%5B%5D=1022&id%5B%5D=1023&"
                                    "id%5B%5D=1024&id%5B%5D=1025");
  CHECK(http::find_header(f.http.requests()[0].headers, "Authorization") == std::string("Bearer ") + k_token);
  REQUIRE(got->size() == 24);
  CHECK((*got)[6].remote_id == "1008");
  CHECK(get((*got)[6].metrics, Metric::likes) == 8);
  CHECK(get((*got)[6].metrics, Metric::reposts) == 2);
  CHECK(get((*got)[6].metrics, Metric::replies) == 1);
  CHECK_FALSE(get((*got)[6].metrics, Metric::quotes).has_value());  // null before Mastodon 4.5
  CHECK(get(got->back().metrics, Metric::quotes) == 3);
}

TEST_CASE("mastodon metrics: a server without the batch endpoint is asked one status at a time", "[mastodon][metrics]") {
  MastodonFixture f;
  f.http.stub({"GET", "/api/v1/statuses"}, FakeTransport::reply(404, R"({"error":"Record not found"})"), 1);
  f.http.stub({"GET", "/api/v1/statuses/11"},
              FakeTransport::reply(200, R"({"id":"11","favourites_count":4,"reblogs_count":1,"replies_count":0})"));
  f.http.stub({"GET", "/api/v1/statuses/12"}, FakeTransport::reply(404, R"({"error":"Record not found"})"));
  auto got = f.client()->fetch_metrics({platform::Remote{"11", "", platform::Json::object()},
                                        platform::Remote{"12", "", platform::Json::object()}});
  REQUIRE(got.has_value());
  f.http.verify();
  REQUIRE(got->size() == 1);
  CHECK(got->front().remote_id == "11");
  CHECK(get(got->front().metrics, Metric::likes) == 4);
  CHECK_FALSE(get(got->front().metrics, Metric::quotes).has_value());
}

TEST_CASE("mastodon metrics: account figures from verify_credentials; 401 and 429 fail", "[mastodon][metrics]") {
  MastodonFixture f;
  SECTION("figures") {
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
                FakeTransport::reply(200, R"({"id":"7","acct":"acme","followers_count":1204,"following_count":310,"statuses_count":452})"));
    auto got = f.client()->account_metrics();
    REQUIRE(got.has_value());
    CHECK(get(*got, Metric::followers) == 1204);
    CHECK(get(*got, Metric::following) == 310);
    CHECK(get(*got, Metric::posts) == 452);
  }
  SECTION("refused") {
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
                FakeTransport::reply(401, R"({"error":"The access token is invalid"})"));
    auto got = f.client()->account_metrics();
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().kind == ErrorKind::auth);
    CHECK(got.error().hint == "run `smm account login masto`");
  }
  SECTION("rate limited") {
    f.http.stub({"GET", "/api/v1/statuses"},
                FakeTransport::reply(429, R"({"error":"Too many requests"})",
                                     {{"X-RateLimit-Reset", "2100-01-01T00:00:00.000000Z"}}));
    auto got = f.client()->fetch_metrics({platform::Remote{"11", "", platform::Json::object()}});
    REQUIRE_FALSE(got.has_value());
    CHECK(got.error().message == "social.example: reading the metrics of 1 status: rate limited until 2100-01-01T00:00:00+00:00");
  }
}

}  // namespace smm::test
