// SPDX-License-Identifier: MIT
#include "lib/platform/mastodon_fixture.hpp"
#include "support/catch.hpp"
#include "support/images.hpp"

namespace smm::test {
namespace {

using platform::Json;

std::string header(const http::Request& r, std::string_view name) {
  return std::string(http::find_header(r.headers, name).value_or("<none>"));
}

}  // namespace

TEST_CASE("mastodon: a status is a form POST with the token and the part's idempotency key", "[mastodon]") {
  MastodonFixture f;
  f.http.stub({"POST", "/api/v1/statuses", "social.example"}, MastodonFixture::status("101"));
  auto client = f.client();
  auto part = f.part("Hello, fediverse");

  auto remote = client->publish(part);

  REQUIRE(remote.has_value());
  CHECK(remote->id == "101");
  CHECK(remote->url == "https://social.example/@acme/101");
  CHECK(remote->extra["uri"] == "https://social.example/users/acme/statuses/101");
  REQUIRE(f.http.requests().size() == 1);
  const auto& r = f.http.requests()[0];
  CHECK(r.url == "https://social.example/api/v1/statuses");
  CHECK(header(r, "Authorization") == std::string("Bearer ") + k_token);
  CHECK(header(r, "Idempotency-Key") == part.key);
  CHECK(header(r, "Content-Type") == "application/x-www-form-urlencoded");
  CHECK(form_json(r.body) == R"({"status":"Hello, fediverse","visibility":"public"})");
  f.http.verify();
}

TEST_CASE("mastodon: thread parts and the first comment reply, unlisted; settings shape the body", "[mastodon]") {
  MastodonFixture f;
  f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("102"));
  platform::Remote first{"101", "https://social.example/@acme/101", Json::object()};

  SECTION("a later part replies to its parent") {
    auto part = f.part("two", 1);
    part.parent = first;
    part.root = first;
    REQUIRE(f.client()->publish(part).has_value());
    CHECK(form_json(f.http.requests()[0].body) == R"({"status":"two","in_reply_to_id":"101","visibility":"unlisted"})");
  }
  SECTION("the first comment replies to the first part") {
    auto part = f.part("more at https://example.com", 2);
    part.comment = true;
    part.parent = first;
    REQUIRE(f.client()->publish(part).has_value());
    CHECK(form_json(f.http.requests()[0].body) ==
          R"({"status":"more at https://example.com","in_reply_to_id":"101","visibility":"unlisted"})");
  }
  SECTION("a private account's thread stays private; content warning and languages") {
    f.account().extra["visibility"] = "private";
    f.account().extra["language"] = "fr";
    f.post.extra["content_warning"] = "spoilers";
    auto part = f.part("deux", 1);
    part.parent = first;
    REQUIRE(f.client()->publish(part).has_value());
    CHECK(form_json(f.http.requests()[0].body) ==
          R"({"status":"deux","in_reply_to_id":"101","visibility":"private","spoiler_text":"spoilers","language":"fr"})");
    f.post.extra["language"] = "de";
    REQUIRE(f.client()->publish(f.part("eins")).has_value());
    CHECK(form_json(f.http.requests()[1].body) ==
          R"({"status":"eins","visibility":"private","spoiler_text":"spoilers","language":"de"})");
  }
  SECTION("an unknown visibility is a project error") {
    f.account().extra["visibility"] = "everyone";
    auto made = platform::MastodonClient::make(f.env());
    REQUIRE_FALSE(made.has_value());
    CHECK(made.error().location == "accounts/masto.json: /visibility");
  }
}

TEST_CASE("mastodon: media are uploaded as multipart with alt text and polled until processed", "[mastodon]") {
  MastodonFixture f;
  f.dir.write("media/a.png", png(4, 3));
  platform::Media m{f.dir.dir() / "media/a.png", "media/a.png", "A red square", "image/png", 0, 4, 3};
  f.http.stub({"POST", "/api/v2/media"}, FakeTransport::reply(202, R"({"id":"m1","url":null})"));
  auto part = f.part("with a picture");
  part.media = {m};

  SECTION("202, then 206, then 200") {
    f.http.stub({"GET", "/api/v1/media/m1"}, FakeTransport::reply(206, R"({"id":"m1","url":null})"), 1);
    f.http.stub({"GET", "/api/v1/media/m1"}, FakeTransport::reply(200, R"({"id":"m1","url":"https://x/a.png"})"));
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("103"));
    REQUIRE(f.client()->publish(part).has_value());
    const auto& reqs = f.http.requests();
    REQUIRE(reqs.size() == 4);
    const auto& upload = reqs[0];
    std::string type = header(upload, "Content-Type");
    REQUIRE(type.starts_with("multipart/form-data; boundary="));
    std::string boundary = type.substr(type.find('=') + 1);
    CHECK(header(upload, "Authorization") == std::string("Bearer ") + k_token);
    CHECK(upload.body == "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n" +
                             "Content-Type: image/png\r\n\r\n" + png(4, 3) + "\r\n--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nA red square\r\n--" +
                             boundary + "--\r\n");
    CHECK(form_json(reqs[3].body) == R"({"status":"with a picture","media_ids":["m1"],"visibility":"public"})");
    CHECK(f.slept.size() == 2);
    f.http.verify();
  }
  SECTION("processing failed") {
    f.http.stub({"GET", "/api/v1/media/m1"}, FakeTransport::reply(422, R"({"error":"Processing failed"})"));
    auto sent = f.client()->publish(part);
    REQUIRE_FALSE(sent.has_value());
    CHECK(sent.error().message == "social.example: processing media/a.png: Processing failed");
    CHECK_FALSE(sent.error().retryable);
  }
  SECTION("still processing after every poll: retryable, no status sent") {
    f.http.stub({"GET", "/api/v1/media/m1"}, FakeTransport::reply(206, R"({"id":"m1","url":null})"));
    auto sent = f.client()->publish(part);
    REQUIRE_FALSE(sent.has_value());
    CHECK(sent.error().retryable);
    CHECK(f.slept.size() == 30);
    CHECK(f.slept.back() == std::chrono::milliseconds(5000));
  }
}

TEST_CASE("mastodon: error statuses map to error kinds, without the token", "[mastodon]") {
  struct Case {
    int status;
    std::string body;
    http::Headers headers;
    ErrorKind kind;
    bool retryable;
    std::string message;
  };
  auto c = GENERATE(
      Case{401, R"({"error":"The access token is invalid"})", {}, ErrorKind::auth, false,
           "social.example: posting part 1: the server refused the credentials (401 Unauthorized: The access token is invalid)"},
      Case{403, R"({"error":"Your login is currently disabled"})", {}, ErrorKind::auth, false,
           "social.example: posting part 1: the server refused the credentials (403 Forbidden: Your login is currently disabled)"},
      Case{404, R"({"error":"Record not found"})", {}, ErrorKind::not_found, false,
           "social.example: posting part 1: 404 Not Found: Record not found"},
      Case{422, R"({"error":"Validation failed: Text character limit of 500 exceeded"})", {}, ErrorKind::runtime, false,
           "social.example: posting part 1: Validation failed: Text character limit of 500 exceeded"},
      Case{429, R"({"error":"Too many requests"})", {{"X-RateLimit-Reset", "2036-11-23T10:05:00.123456Z"}},
           ErrorKind::runtime, true, "social.example: posting part 1: rate limited until 2036-11-23T10:05:01+00:00"},
      Case{503, "<html>down</html>", {}, ErrorKind::runtime, true,
           "social.example: request failed: posting part 1: 503 Service Unavailable"});
  MastodonFixture f;
  f.http.stub({"POST", "/api/v1/statuses"}, FakeTransport::reply(c.status, c.body, c.headers));
  auto sent = f.client()->publish(f.part("hi"));
  REQUIRE_FALSE(sent.has_value());
  CHECK(sent.error().kind == c.kind);
  CHECK(sent.error().retryable == c.retryable);
  CHECK(sent.error().message == c.message);
  CHECK(sent.error().message.find(k_token) == std::string::npos);
  CHECK(sent.error().hint.find(k_token) == std::string::npos);
  if (c.kind == ErrorKind::auth) {
    CHECK(sent.error().hint == "run `smm account login masto`");
  }
  // A 5xx may have been applied by the server: the machine must reconcile, not resend blindly.
  CHECK(http::maybe_sent(sent.error()) == (c.status >= 500));
}

TEST_CASE("mastodon: network failures pass through unchanged", "[mastodon]") {
  MastodonFixture f;
  f.http.stub({"POST", "/api/v1/statuses"}, std::unexpected(FakeTransport::failure("social.example", "timed out")));
  auto sent = f.client()->publish(f.part("hi"));
  REQUIRE_FALSE(sent.has_value());
  CHECK(sent.error().message == "social.example: timed out: detail");
  CHECK(http::maybe_sent(sent.error()));
}

TEST_CASE("mastodon: missing credentials fail with auth and the login hint, before any request", "[mastodon]") {
  MastodonFixture f(false);
  auto sent = f.client()->publish(f.part("hi"));
  REQUIRE_FALSE(sent.has_value());
  CHECK(sent.error().kind == ErrorKind::auth);
  CHECK(sent.error().message == "no credentials for mastodon:acme@social.example");
  CHECK(sent.error().hint == "run `smm account login masto`");
  CHECK_FALSE(f.client()->check().has_value());
  CHECK(f.http.requests().empty());
}

TEST_CASE("mastodon: a part over the instance limit fails before any request", "[mastodon]") {
  MastodonFixture f;
  f.post.extra["content_warning"] = std::string(10, 'w');
  auto sent = f.client()->publish(f.part(std::string(495, 'a')));
  REQUIRE_FALSE(sent.has_value());
  CHECK(sent.error().message == "part 1 counts 505 characters (with the content warning); social.example allows 500");
  CHECK(f.http.requests().empty());
}

TEST_CASE("mastodon: the dry-run preview works offline and names unknown ids by placeholder", "[mastodon]") {
  MastodonFixture f(false, false);
  auto client = f.client(false);
  CHECK(client->capabilities().max_media == 4);
  platform::Media m{f.dir.dir() / "media/a.png", "media/a.png", "Alt", "image/png", 1234, 4, 3};
  auto first = f.part("one");
  first.key = "{key-1}";
  first.media = {m};
  auto requests = client->preview(first);
  REQUIRE(requests.size() == 2);
  CHECK(http::describe(requests[0]) ==
        "POST https://social.example/api/v2/media\nContent-Type: multipart/form-data; boundary={boundary}\n\n"
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
        "{1234 bytes of media/a.png}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
        "Alt\r\n--{boundary}--\r\n");
  CHECK(http::describe(requests[1]) ==
        "POST https://social.example/api/v1/statuses\nContent-Type: application/x-www-form-urlencoded\n"
        "Idempotency-Key: {key-1}\n\nstatus=one&media_ids%5B%5D=%7Bmedia-1%7D&visibility=public\n");
  auto third = f.part("three", 2);
  CHECK(form_json(client->preview(third)[0].body) == R"({"status":"three","in_reply_to_id":"{part-2}","visibility":"unlisted"})");
  auto comment = f.part("c", 3);
  comment.comment = true;
  CHECK(form_json(client->preview(comment)[0].body) == R"({"status":"c","in_reply_to_id":"{part-1}","visibility":"unlisted"})");
  auto sent = client->publish(first);
  REQUIRE_FALSE(sent.has_value());
  CHECK(sent.error().message == "no network available");
}

TEST_CASE("mastodon: instance limits come from /api/v2/instance, then v1, and are cached", "[mastodon]") {
  MastodonFixture f(true, false);
  std::string cache = ".smm/cache/mastodon-social.example.json";
  SECTION("v2") {
    f.http.stub({"GET", "/api/v2/instance"},
                FakeTransport::reply(200, R"({"configuration":{"statuses":{"max_characters":1000,"max_media_attachments":6,"characters_reserved_per_url":23}}})"));
    auto client = f.client();
    CHECK(client->capabilities().max_media == 6);
    CHECK(client->limits().max_characters == 1000);
    CHECK(f.http.requests()[0].headers.empty());  // public: no token sent
    CHECK(f.dir.read(cache) ==
          "{\n  \"fetched_at\": \"2026-11-23T10:00:00+00:00\",\n  \"max_characters\": 1000,\n"
          "  \"max_media_attachments\": 6,\n  \"characters_reserved_per_url\": 23\n}\n");
    auto again = f.client();  // from the cache
    CHECK(again->limits().max_characters == 1000);
    CHECK(f.http.requests().size() == 1);
  }
  SECTION("an old server or a fork: v1 and max_toot_chars") {
    f.http.stub({"GET", "/api/v2/instance"}, FakeTransport::reply(404, R"({"error":"Record not found"})"));
    f.http.stub({"GET", "/api/v1/instance"}, FakeTransport::reply(200, R"({"max_toot_chars":5000})"));
    CHECK(f.client()->limits().max_characters == 5000);
    CHECK(f.client()->limits().max_media == 4);
  }
  SECTION("unreachable: defaults, nothing cached") {
    f.http.stub({"GET", "/api/v2/instance"}, std::unexpected(FakeTransport::failure("social.example", "could not connect")));
    CHECK(f.client()->limits().max_characters == 500);
    CHECK(f.dir.read(cache) == "<missing>");
  }
}

TEST_CASE("mastodon: find() replays within the hour and looks up after it", "[mastodon]") {
  MastodonFixture f;
  auto part = f.part("two", 1);
  part.parent = platform::Remote{"101", "", Json::object()};
  SECTION("a fresh key: the same Idempotency-Key again, which cannot duplicate") {
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("102"));
    auto found = f.client()->find(part);
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    CHECK((*found)->id == "102");
    CHECK(header(f.http.requests()[0], "Idempotency-Key") == part.key);
  }
  SECTION("a key older than the server remembers: the account's latest statuses") {
    part.key = "smm-" + std::to_string((fixed_now() - std::chrono::hours(3)).time_since_epoch().count()) + "-abc";
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, R"({"id":"7","acct":"acme"})"));
    std::string page = R"([
      {"id":"120","created_at":"2026-11-23T09:00:00.000Z","in_reply_to_id":null},
      {"id":"110","created_at":"2026-11-23T07:00:05.000Z","in_reply_to_id":"101"},
      {"id":"102","created_at":"2026-11-23T07:00:01.000Z","in_reply_to_id":"101","url":"https://social.example/@acme/102"},
      {"id":"90","created_at":"2026-11-22T07:00:00.000Z","in_reply_to_id":null}])";
    f.http.stub({"GET", "/api/v1/accounts/7/statuses"}, FakeTransport::reply(200, page));
    f.http.stub({"GET", "/api/v1/statuses/110/source"}, FakeTransport::reply(200, R"({"id":"110","text":"other"})"));
    SECTION("found") {
      f.http.stub({"GET", "/api/v1/statuses/102/source"}, FakeTransport::reply(200, R"({"id":"102","text":"two\n"})"));
      auto found = f.client()->find(part);
      REQUIRE(found.has_value());
      REQUIRE(found->has_value());
      CHECK((*found)->url == "https://social.example/@acme/102");
      CHECK(f.http.requests()[1].url == "https://social.example/api/v1/accounts/7/statuses?limit=40&exclude_reblogs=true");
      f.http.verify();
    }
    SECTION("surely absent: the page reaches back before the send") {
      f.http.stub({"GET", "/api/v1/statuses/102/source"}, FakeTransport::reply(200, R"({"id":"102","text":"else"})"));
      auto found = f.client()->find(part);
      REQUIRE(found.has_value());
      CHECK_FALSE(found->has_value());
    }
  }
  SECTION("a full page that does not reach back: cannot tell") {
    part.key = "smm-" + std::to_string((fixed_now() - std::chrono::hours(30)).time_since_epoch().count()) + "-abc";
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, R"({"id":"7","acct":"acme"})"));
    Json page = Json::array();
    for (int i = 0; i < 40; ++i) {
      page.push_back({{"id", std::to_string(200 + i)}, {"created_at", "2026-11-23T09:00:00Z"}, {"in_reply_to_id", nullptr}});
    }
    f.http.stub({"GET", "/api/v1/accounts/7/statuses"}, FakeTransport::reply(200, page.dump()));
    auto found = f.client()->find(part);
    REQUIRE_FALSE(found.has_value());
    CHECK(found.error().message.starts_with("cannot tell whether part 2 was published"));
  }
}

TEST_CASE("mastodon: keys carry their time; check and remove", "[mastodon]") {
  MastodonFixture f;
  auto client = f.client();
  std::string key = client->new_key(f.part("x"));
  CHECK(platform::mastodon_key_time(key) == fixed_now());
  CHECK_FALSE(platform::mastodon_key_time("0123abcd").has_value());
  CHECK_FALSE(platform::mastodon_key_time("smm-12x").has_value());

  f.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
              FakeTransport::reply(200, R"({"id":"7","acct":"acme","url":"https://social.example/@acme"})"));
  f.http.stub({"DELETE", "/api/v1/statuses/101"}, MastodonFixture::status("101"));
  auto id = client->check();
  REQUIRE(id.has_value());
  CHECK(id->handle == "@acme@social.example");
  CHECK(id->id == "7");
  CHECK(id->scopes == std::vector<std::string>{"read", "write"});
  CHECK_FALSE(id->expires_at.has_value());
  CHECK(client->remove(platform::Remote{"101", "", Json::object()}).has_value());
  CHECK(header(f.http.requests()[1], "Authorization") == std::string("Bearer ") + k_token);
  f.http.verify();
}

}  // namespace smm::test
