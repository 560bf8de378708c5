// SPDX-License-Identifier: MIT
// MastodonClient::fetch_inbox: kinds, paging with since_id/max_id, our posts, DMs, watches, HTML.
#include "lib/platform/mastodon_fixture.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

std::string status(const std::string& id, const std::string& created, const std::string& extra = "") {
  return R"({"id":")" + id + R"(","created_at":")" + created + R"(","url":"https://other.example/@bob/)" + id +
         R"(","content":"<p>Hi <span class=\"h-card\">@acme</span> &amp; co</p>","visibility":"public",)" +
         R"("account":{"id":"42","acct":"bob@other.example","display_name":"Bob","url":"https://other.example/@bob"})" +
         extra + "}";
}

std::string notification(const std::string& id, const std::string& type, const std::string& created,
                         const std::string& st) {
  return R"({"id":")" + id + R"(","type":")" + type + R"(","created_at":")" + created + R"(","status":)" + st + "}";
}

const http::Headers k_next{{"Link", "<https://social.example/api/v1/notifications?max_id=7>; rel=\"next\""}};

std::string query_of(const http::Request& r) {
  auto q = r.url.find('?');
  return q == std::string::npos ? "" : http::percent_decode(r.url.substr(q + 1));
}

}  // namespace

TEST_CASE("mastodon inbox: HTML content becomes plain text", "[mastodon][inbox]") {
  using platform::mastodon_plain_text;
  CHECK(mastodon_plain_text("<p>Hello <a href=\"x\">@bob</a></p><p>Second&nbsp;para</p>") ==
        "Hello @bob\n\nSecond\xC2\xA0para");
  CHECK(mastodon_plain_text("line one<br>line two<br/>three<BR />") == "line one\nline two\nthree");
  CHECK(mastodon_plain_text("&lt;b&gt; &quot;q&quot; &#39;s&#39; &#x1F600; &unknown; AT&T") ==
        "<b> \"q\" 's' \xF0\x9F\x98\x80 &unknown; AT&T");
}

TEST_CASE("mastodon inbox: a first sync pages back to the horizon; kinds and our posts", "[mastodon][inbox]") {
  MastodonFixture f;
  std::string our_reply = status("301", "2026-11-23T09:00:00Z", R"(,"in_reply_to_id":"100")");
  std::string mention = status("302", "2026-11-23T08:00:00Z");
  std::string quote = status("303", "2026-11-22T08:00:00Z", R"(,"quote":{"state":"accepted","quoted_status":{"id":"100"}})");
  std::string old = status("304", "2026-10-01T08:00:00Z");
  f.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(200, "[]"));
  f.http.stub({"GET", "/api/v1/notifications"},
              FakeTransport::reply(200, "[" + notification("9", "mention", "2026-11-23T09:00:01Z", our_reply) + "," +
                                            notification("8", "mention", "2026-11-23T08:00:01Z", mention) + "]",
                                   k_next),
              1);
  f.http.stub({"GET", "/api/v1/notifications"},
              FakeTransport::reply(200, "[" + notification("7", "quote", "2026-11-22T08:00:01Z", quote) + "," +
                                            notification("6", "mention", "2026-10-01T08:00:01Z", old) + "]",
                                   k_next),
              1);
  platform::InboxQuery q;
  q.since = *time::parse_rfc3339("2026-10-24T10:00:00Z");
  q.our_posts = {{"100", "2026-11-20-launch"}};
  std::vector<std::size_t> ticks;
  q.progress = [&](std::size_t n) { ticks.push_back(n); };
  auto batch = f.client()->fetch_inbox(q);
  REQUIRE(batch.has_value());
  CHECK(batch->failures.empty());
  REQUIRE(batch->items.size() == 3);
  const auto& r = batch->items[0];
  CHECK(r.kind == inbox::Kind::reply);
  CHECK(r.account == "masto");
  CHECK(r.platform == "mastodon");
  CHECK(r.remote_id == "301");
  CHECK(r.url == "https://other.example/@bob/301");
  CHECK(r.author.handle == "bob@other.example");
  CHECK(r.author.name == "Bob");
  CHECK(r.author.id == "42");
  CHECK(r.text == "Hi @acme & co");
  CHECK(time::format_rfc3339(r.created_at, time::utc()) == "2026-11-23T09:00:00+00:00");
  CHECK(r.post == "2026-11-20-launch");
  CHECK(r.in_reply_to == "100");
  CHECK(r.thread_root == "100");
  CHECK(r.source == "notifications");
  CHECK(r.cursor == "9");
  CHECK(batch->items[1].kind == inbox::Kind::mention);
  CHECK(batch->items[1].post.empty());
  CHECK(batch->items[1].thread_root == "302");
  CHECK(batch->items[2].kind == inbox::Kind::quote);
  CHECK(batch->items[2].post == "2026-11-20-launch");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(http::find_header(reqs[1].headers, "Authorization").value_or("") == std::string("Bearer ") + k_token);
  CHECK(query_of(reqs[1]) == "types[]=mention&types[]=quote&limit=40");
  CHECK(query_of(reqs[2]) == "types[]=mention&types[]=quote&limit=40&max_id=8");
  CHECK(ticks.size() == 3);
  f.http.verify();
}

TEST_CASE("mastodon inbox: later syncs start at the newest stored cursor", "[mastodon][inbox]") {
  MastodonFixture f;
  f.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(200, "[]"));
  f.http.stub({"GET", "/api/v1/notifications"},
              FakeTransport::reply(200, "[" + notification("12", "mention", "2026-11-23T09:30:00Z",
                                                           status("401", "2026-11-23T09:30:00Z")) + "]"));
  f.http.stub({"GET", "/api/v1/timelines/tag/smm%20tool"},
              FakeTransport::reply(200, "[" + status("501", "2026-11-23T09:40:00Z") + "," + status("100", "2026-11-23T09:00:00Z") + "]"));
  platform::InboxQuery q;
  q.newest["notifications"] = inbox::Stored::Newest{"11", *time::parse_rfc3339("2026-11-23T09:00:00Z")};
  q.newest["watch:brand"] = inbox::Stored::Newest{"499", *time::parse_rfc3339("2026-11-23T09:00:00Z")};
  q.watches = {platform::Watch{"brand", "#smm tool", ""}};
  q.our_posts = {{"100", "2026-11-20-launch"}};
  auto batch = f.client()->fetch_inbox(q);
  REQUIRE(batch.has_value());
  REQUIRE(batch->items.size() == 2);
  CHECK(batch->items[0].remote_id == "401");
  CHECK(batch->items[1].kind == inbox::Kind::watch);  // our own status 100 is left out
  CHECK(batch->items[1].watch == "brand");
  CHECK(batch->items[1].source == "watch:brand");
  CHECK(batch->items[1].cursor == "501");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);  // no Link rel="next": one page each
  CHECK(query_of(reqs[1]) == "types[]=mention&types[]=quote&limit=40&since_id=11");
  CHECK(query_of(reqs[2]) == "limit=40&since_id=499");
  f.http.verify();
}

TEST_CASE("mastodon inbox: conversations are DMs with their conversation id, kept over the notification copy",
          "[mastodon][inbox]") {
  MastodonFixture f;
  std::string dm = status("601", "2026-11-23T09:50:00Z",
                          R"(,"mentions":[{"acct":"acme"},{"acct":"carol@x.example"}])");
  dm.replace(dm.find("\"public\""), 8, "\"direct\"");
  f.http.stub({"GET", "/api/v1/conversations"},
              FakeTransport::reply(200, R"([{"id":"c1","unread":true,"accounts":[],"last_status":)" + dm +
                                            R"(},{"id":"c0","accounts":[],"last_status":)" +
                                            status("1", "2026-09-01T00:00:00Z") + "}]"));
  f.http.stub({"GET", "/api/v1/notifications"},
              FakeTransport::reply(200, "[" + notification("20", "mention", "2026-11-23T09:50:00Z", dm) + "]"));
  platform::InboxQuery q;
  q.since = *time::parse_rfc3339("2026-10-24T10:00:00Z");
  auto batch = f.client()->fetch_inbox(q);
  REQUIRE(batch.has_value());
  REQUIRE(batch->items.size() == 2);  // the old conversation is past the horizon
  const auto& c = batch->items[0];
  CHECK(c.kind == inbox::Kind::dm);
  CHECK(c.conversation == "c1");
  CHECK(c.source == "conversations");
  CHECK(c.cursor == "601");
  CHECK(c.extra.dump() == R"({"visibility":"direct","mentions":["acme","carol@x.example"]})");
  CHECK(batch->items[1].kind == inbox::Kind::dm);  // the same status by notification: de-duplicated later
  CHECK(batch->items[1].remote_id == "601");
}

TEST_CASE("mastodon inbox: a failing source is reported, the others count; refused credentials fail the whole",
          "[mastodon][inbox]") {
  SECTION("one source fails") {
    MastodonFixture f;
    f.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(503, "{}"));
    f.http.stub({"GET", "/api/v1/notifications"},
                FakeTransport::reply(200, "[" + notification("5", "mention", "2026-11-23T09:00:00Z",
                                                             status("7", "2026-11-23T09:00:00Z")) + "]"));
    auto batch = f.client()->fetch_inbox(platform::InboxQuery{});
    REQUIRE(batch.has_value());
    CHECK(batch->items.size() == 1);
    REQUIRE(batch->failures.size() == 1);
    CHECK(batch->failures[0].message.starts_with("conversations: social.example: request failed"));
  }
  SECTION("401 everywhere") {
    MastodonFixture f;
    f.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(401, R"({"error":"The access token is invalid"})"));
    f.http.stub({"GET", "/api/v1/notifications"}, FakeTransport::reply(401, R"({"error":"The access token is invalid"})"));
    auto batch = f.client()->fetch_inbox(platform::InboxQuery{});
    REQUIRE_FALSE(batch.has_value());
    CHECK(batch.error().kind == ErrorKind::auth);
    CHECK(batch.error().hint == "run `smm account login masto`");
    CHECK(batch.error().message.find(k_token) == std::string::npos);
  }
  SECTION("no token") {
    MastodonFixture f(false);
    auto batch = f.client()->fetch_inbox(platform::InboxQuery{});
    REQUIRE_FALSE(batch.has_value());
    CHECK(batch.error().kind == ErrorKind::auth);
  }
}

}  // namespace smm::test
