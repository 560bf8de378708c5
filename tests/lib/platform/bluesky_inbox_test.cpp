// SPDX-License-Identifier: MIT
// BlueskyClient::fetch_inbox: notifications (reply, mention, quote), cursors, chat refused or
// read through the chat proxy, searchPosts watches.
#include "lib/platform/bluesky_fixture.hpp"
#include "smm/http/form.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

const std::string k_bob = "did:plc:bob";
std::string bob_uri(const std::string& rkey) { return "at://" + k_bob + "/app.bsky.feed.post/" + rkey; }

std::string notification(const std::string& rkey, const std::string& reason, const std::string& indexed,
                         const std::string& record_extra = "") {
  return R"({"uri":")" + bob_uri(rkey) + R"(","cid":"cid-)" + rkey + R"(","reason":")" + reason +
         R"(","isRead":false,"indexedAt":")" + indexed + R"(","author":{"did":")" + k_bob +
         R"(","handle":"bob.test","displayName":"Bob"},"record":{"$type":"app.bsky.feed.post","text":"hey )" + reason +
         R"(","createdAt":")" + indexed + "\"" + record_extra + "}}";
}

std::string query_of(const http::Request& r) {
  auto q = r.url.find('?');
  return q == std::string::npos ? "" : http::percent_decode(r.url.substr(q + 1));
}

const char* k_refused = R"({"error":"InvalidRequest","message":"could not resolve proxy did service url"})";

}  // namespace

TEST_CASE("bluesky inbox: notifications page back to the stored cursor; replies, mentions, quotes", "[bluesky][inbox]") {
  BlueskyFixture f;
  std::string ours = BlueskyFixture::uri("3kour");
  std::string reply_ref = R"(,"reply":{"root":{"uri":")" + ours + R"(","cid":"cid-root"},"parent":{"uri":")" + ours +
                          R"(","cid":"cid-root"}})";
  std::string quote_ref = R"(,"embed":{"$type":"app.bsky.embed.record","record":{"uri":")" + ours + R"(","cid":"c"}})";
  f.http.stub({"GET", "/xrpc/app.bsky.notification.listNotifications"},
              FakeTransport::reply(200, R"({"cursor":"page2","notifications":[)" +
                                            notification("r1", "reply", "2026-11-23T09:00:00.000Z", reply_ref) + "," +
                                            notification("l1", "like", "2026-11-23T08:59:00.000Z") + "," +
                                            notification("m1", "mention", "2026-11-23T08:30:00.000Z") + "]}"),
              1);
  f.http.stub({"GET", "/xrpc/app.bsky.notification.listNotifications"},
              FakeTransport::reply(200, R"({"cursor":"page3","notifications":[)" +
                                            notification("q1", "quote", "2026-11-23T08:10:00.000Z", quote_ref) + "," +
                                            notification("m0", "mention", "2026-11-23T08:00:00.000Z") + "]}"),
              1);
  f.http.stub({"GET", "/xrpc/chat.bsky.convo.listConvos"}, FakeTransport::reply(400, k_refused));
  platform::InboxQuery q;
  q.newest["notifications"] = inbox::Stored::Newest{"2026-11-23T08:00:00.000Z", *time::parse_rfc3339("2026-11-23T08:00:00Z")};
  q.our_posts = {{ours, "2026-11-20-launch"}};
  auto batch = f.client()->fetch_inbox(q);
  REQUIRE(batch.has_value());
  CHECK(batch->failures.empty());
  REQUIRE(batch->notes.size() == 1);
  CHECK(batch->notes[0].starts_with("sky: chat skipped: pds.example: reading chat: "));
  REQUIRE(batch->items.size() == 3);
  const auto& r = batch->items[0];
  CHECK(r.kind == inbox::Kind::reply);
  CHECK(r.platform == "bluesky");
  CHECK(r.account == "sky");
  CHECK(r.remote_id == bob_uri("r1"));
  CHECK(r.url == "https://bsky.app/profile/bob.test/post/r1");
  CHECK(r.author.handle == "bob.test");
  CHECK(r.author.name == "Bob");
  CHECK(r.author.id == k_bob);
  CHECK(r.author.url == "https://bsky.app/profile/bob.test");
  CHECK(r.text == "hey reply");
  CHECK(r.post == "2026-11-20-launch");
  CHECK(r.in_reply_to == ours);
  CHECK(r.thread_root == ours);
  CHECK(r.extra.dump() == R"({"cid":"cid-r1","root":{"uri":")" + ours + R"(","cid":"cid-root"}})");
  CHECK(r.source == "notifications");
  CHECK(r.cursor == "2026-11-23T09:00:00.000Z");
  CHECK(batch->items[1].kind == inbox::Kind::mention);
  CHECK(batch->items[1].thread_root == bob_uri("m1"));  // a post that starts its own thread
  CHECK(batch->items[1].extra["root"]["cid"] == "cid-m1");
  CHECK(batch->items[2].kind == inbox::Kind::quote);
  CHECK(batch->items[2].post == "2026-11-20-launch");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(query_of(reqs[0]) == "limit=50&reasons=reply&reasons=mention&reasons=quote");
  CHECK(query_of(reqs[1]) == "limit=50&reasons=reply&reasons=mention&reasons=quote&cursor=page2");
  CHECK(http::find_header(reqs[2].headers, "atproto-proxy").value_or("") == "did:web:api.bsky.chat#bsky_chat");
  f.http.verify();
}

TEST_CASE("bluesky inbox: chat messages newer than the cursor, others' only", "[bluesky][inbox]") {
  BlueskyFixture f;
  f.http.stub({"GET", "/xrpc/app.bsky.notification.listNotifications"}, FakeTransport::reply(200, R"({"notifications":[]})"));
  f.http.stub({"GET", "/xrpc/chat.bsky.convo.listConvos"},
              FakeTransport::reply(200, R"({"convos":[
                {"id":"cv1","rev":"r9","members":[{"did":"did:plc:alice123","handle":"alice.test"},{"did":"did:plc:bob","handle":"bob.test","displayName":"Bob"}],
                 "lastMessage":{"id":"m3","rev":"r9","text":"ok","sender":{"did":"did:plc:bob"},"sentAt":"2026-11-23T09:00:00.000Z"}},
                {"id":"cv0","rev":"r1","members":[],
                 "lastMessage":{"id":"m0","rev":"r1","text":"old","sender":{"did":"did:plc:bob"},"sentAt":"2026-11-01T09:00:00.000Z"}}]})"));
  f.http.stub({"GET", "/xrpc/chat.bsky.convo.getMessages"},
              FakeTransport::reply(200, R"({"messages":[
                {"id":"m3","rev":"r9","text":"ok","sender":{"did":"did:plc:bob"},"sentAt":"2026-11-23T09:00:00.000Z"},
                {"id":"m2","rev":"r8","text":"mine","sender":{"did":"did:plc:alice123"},"sentAt":"2026-11-23T08:59:00.000Z"},
                {"id":"m1","rev":"r5","text":"seen","sender":{"did":"did:plc:bob"},"sentAt":"2026-11-23T08:00:00.000Z"}]})"));
  platform::InboxQuery q;
  q.newest["chat"] = inbox::Stored::Newest{"r5", *time::parse_rfc3339("2026-11-23T08:00:00Z")};
  auto batch = f.client()->fetch_inbox(q);
  REQUIRE(batch.has_value());
  CHECK(batch->notes.empty());
  REQUIRE(batch->items.size() == 1);
  const auto& m = batch->items[0];
  CHECK(m.kind == inbox::Kind::dm);
  CHECK(m.remote_id == "cv1/m3");
  CHECK(m.conversation == "cv1");
  CHECK(m.author.handle == "bob.test");
  CHECK(m.author.name == "Bob");
  CHECK(m.text == "ok");
  CHECK(m.source == "chat");
  CHECK(m.cursor == "r9");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(query_of(reqs[2]) == "convoId=cv1&limit=50");
  CHECK(http::find_header(reqs[2].headers, "atproto-proxy").value_or("") == "did:web:api.bsky.chat#bsky_chat");
  f.http.verify();
}

TEST_CASE("bluesky inbox: searchPosts watches leave out our own posts; refused credentials fail", "[bluesky][inbox]") {
  SECTION("watch") {
    BlueskyFixture f;
    f.http.stub({"GET", "/xrpc/app.bsky.notification.listNotifications"}, FakeTransport::reply(200, R"({"notifications":[]})"));
    f.http.stub({"GET", "/xrpc/chat.bsky.convo.listConvos"}, FakeTransport::reply(401, R"({"error":"InvalidToken","message":"Bad token scope"})"));
    f.http.stub({"GET", "/xrpc/app.bsky.feed.searchPosts"},
                FakeTransport::reply(200, R"({"posts":[)" + notification("w2", "", "2026-11-23T09:00:00.000Z") + R"(,
                  {"uri":")" + BlueskyFixture::uri("3kmine") + R"(","cid":"c","author":{"did":"did:plc:alice123","handle":"alice.test"},
                   "record":{"text":"ours","createdAt":"2026-11-23T08:00:00.000Z"},"indexedAt":"2026-11-23T08:00:00.000Z"}]})"));
    platform::InboxQuery q;
    q.since = *time::parse_rfc3339("2026-10-24T10:00:00Z");
    q.watches = {platform::Watch{"brand", "", "\"smm tool\""}};
    auto batch = f.client()->fetch_inbox(q);
    REQUIRE(batch.has_value());
    CHECK(batch->failures.empty());
    CHECK(batch->notes.size() == 1);  // chat: an app password without direct messages
    REQUIRE(batch->items.size() == 1);
    CHECK(batch->items[0].kind == inbox::Kind::watch);
    CHECK(batch->items[0].watch == "brand");
    CHECK(batch->items[0].source == "watch:brand");
    CHECK(query_of(f.http.requests()[2]) == "q=\"smm tool\"&sort=latest&limit=50");
  }
  SECTION("refused") {
    BlueskyFixture f;
    f.http.stub({"GET", "/xrpc/app.bsky.notification.listNotifications"},
                FakeTransport::reply(401, R"({"error":"AuthenticationRequired","message":"Invalid identifier or password"})"));
    f.http.stub({"GET", "/xrpc/chat.bsky.convo.listConvos"}, FakeTransport::reply(401, R"({"error":"AuthenticationRequired"})"));
    auto batch = f.client()->fetch_inbox(platform::InboxQuery{});
    REQUIRE_FALSE(batch.has_value());
    CHECK(batch.error().kind == ErrorKind::auth);
  }
}

}  // namespace smm::test
