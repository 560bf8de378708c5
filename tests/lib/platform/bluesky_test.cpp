// SPDX-License-Identifier: MIT
// The Bluesky client against a FakeTransport: TIDs, facets by UTF-8 byte offsets, records,
// replies, images, find(), refresh on ExpiredToken, error mapping, login, dry-run previews.
#include "lib/platform/bluesky_fixture.hpp"
#include "smm/creds/store.hpp"
#include "smm/platform/login.hpp"
#include "smm/post/publish.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

using platform::BlueskySpan;
using platform::Json;

Json body(const http::Request& r) { return Json::parse(r.body); }

std::string auth_of(const http::Request& r) {
  return std::string(http::find_header(r.headers, "Authorization").value_or(""));
}

void no_secret(const std::string& text) {
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(text.find("app-pass") == std::string::npos);
}

}  // namespace

TEST_CASE("bluesky TIDs: 13 base32-sortable characters, increasing", "[bluesky]") {
  CHECK(platform::bluesky_tid(0, 0) == "2222222222222");
  CHECK(platform::bluesky_tid(1, 0) == "2222222222322");
  CHECK(platform::bluesky_tid(0, 31) == "222222222222z");
  CHECK(platform::bluesky_tid(1732356000000000ULL, 5) < platform::bluesky_tid(1732356000000001ULL, 0));
  // A TID of today starts with '3' (as bsky.app's do).
  CHECK(platform::bluesky_tid(1763900000000000ULL, 0).front() == '3');
  std::string last;
  for (int i = 0; i < 2000; ++i) {
    std::string t = platform::bluesky_new_tid();
    REQUIRE(platform::bluesky_is_tid(t));
    REQUIRE(t > last);
    last = t;
  }
  CHECK_FALSE(platform::bluesky_is_tid("3kabc"));
  CHECK_FALSE(platform::bluesky_is_tid("zzzzzzzzzzzzz"));  // top bit set
  CHECK_FALSE(platform::bluesky_is_tid("3kabcdefghij1!"));
}

TEST_CASE("bluesky facets use UTF-8 byte offsets", "[bluesky]") {
  SECTION("the reference test vector") {
    std::string text = "\u2728 example mentioning @atproto.com to share the URL "
                       "\U0001F468\u200D\u2764\uFE0F\u200D\U0001F468 https://en.wikipedia.org/wiki/CBOR.";
    REQUIRE(text.size() == 109);
    auto spans = platform::bluesky_spans(text);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].kind == BlueskySpan::Kind::mention);
    CHECK(spans[0].start == 23);
    CHECK(spans[0].end == 35);
    CHECK(spans[0].value == "atproto.com");
    CHECK(spans[1].kind == BlueskySpan::Kind::link);
    CHECK(spans[1].start == 74);
    CHECK(spans[1].end == 108);
    CHECK(spans[1].value == "https://en.wikipedia.org/wiki/CBOR");
  }
  SECTION("hashtags after emoji and accents") {
    std::string text = "Caf\u00e9 \U0001F600 #r\u00e9sum\u00e9, #2026 and #cpp! (see https://x.example/a_(b))";
    auto spans = platform::bluesky_spans(text);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].kind == BlueskySpan::Kind::tag);
    CHECK(spans[0].value == "r\u00e9sum\u00e9");
    CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) == "#r\u00e9sum\u00e9");
    CHECK(spans[0].start == 11);  // "Café " is 6 bytes, the emoji 4, the space 1
    CHECK(spans[1].value == "cpp");
    CHECK(spans[2].kind == BlueskySpan::Kind::link);
    CHECK(spans[2].value == "https://x.example/a_(b)");
  }
  SECTION("what is not a facet") {
    CHECK(platform::bluesky_spans("mail me at bob@example.com or @nodot, x#tag, #123").empty());
    auto spans = platform::bluesky_spans("https://example.com/#frag @bob.test.");
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].value == "https://example.com/#frag");
    CHECK(spans[1].value == "bob.test");
  }
}

TEST_CASE("bluesky publish: createRecord with the key as rkey, facets, langs", "[bluesky]") {
  BlueskyFixture f;
  f.account().extra["language"] = "en";
  f.http.stub({"GET", "/xrpc/com.atproto.identity.resolveHandle"},
              FakeTransport::reply(200, R"({"did":"did:plc:bob456"})"), 1);
  f.http.stub({"GET", "/xrpc/com.atproto.identity.resolveHandle"},
              FakeTransport::reply(400, R"({"error":"InvalidRequest","message":"Unable to resolve handle"})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij0"));
  auto client = f.client();
  auto part = f.part("H\u00e9llo \U0001F44B @bob.test and @ghost.test: https://smm.example/x #launch");
  auto remote = client->publish(part);
  REQUIRE(remote.has_value());
  CHECK(remote->id == BlueskyFixture::uri("3kabcdefghij0"));
  CHECK(remote->url == "https://bsky.app/profile/alice.test/post/3kabcdefghij0");
  CHECK(remote->extra["cid"] == "bafycid");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].url == "https://pds.example/xrpc/com.atproto.identity.resolveHandle?handle=bob.test");
  CHECK(auth_of(reqs[2]) == "Bearer " + f.access);
  Json b = body(reqs[2]);
  CHECK(b["repo"] == k_sky_did);
  CHECK(b["collection"] == "app.bsky.feed.post");
  CHECK(b["rkey"] == "3kabcdefghij0");
  CHECK(b["record"]["$type"] == "app.bsky.feed.post");
  CHECK(b["record"]["text"] == part.text);
  CHECK(b["record"]["createdAt"] == "2026-11-23T10:00:00.000Z");
  CHECK(b["record"]["langs"] == Json::array({"en"}));
  CHECK_FALSE(b["record"].contains("reply"));
  const Json& facets = b["record"]["facets"];
  REQUIRE(facets.size() == 3);  // @ghost.test did not resolve
  // "Héllo " = 7 bytes, the emoji 4, " " 1 -> "@bob.test" at 12..21
  CHECK(facets[0]["index"]["byteStart"] == 12);
  CHECK(facets[0]["index"]["byteEnd"] == 21);
  CHECK(facets[0]["features"][0]["$type"] == "app.bsky.richtext.facet#mention");
  CHECK(facets[0]["features"][0]["did"] == "did:plc:bob456");
  CHECK(facets[1]["features"][0]["uri"] == "https://smm.example/x");
  std::size_t link = part.text.find("https://");
  CHECK(facets[1]["index"]["byteStart"] == link);
  CHECK(facets[1]["index"]["byteEnd"] == link + 21);
  CHECK(facets[2]["features"][0]["tag"] == "launch");
  CHECK(facets[2]["index"]["byteEnd"] == part.text.size());
  f.http.verify();
}

TEST_CASE("bluesky threads and first comments reply with root and parent strong refs", "[bluesky]") {
  BlueskyFixture f;
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij2", "cid2"));
  auto client = f.client();
  platform::Remote root{BlueskyFixture::uri("3kabcdefghij0"), "", Json{{"uri", BlueskyFixture::uri("3kabcdefghij0")}, {"cid", "cid0"}}};
  platform::Remote parent{BlueskyFixture::uri("3kabcdefghij1"), "", Json{{"uri", BlueskyFixture::uri("3kabcdefghij1")}, {"cid", "cid1"}}};
  auto part = f.part("part three", 2);
  part.root = root;
  part.parent = parent;
  auto remote = client->publish(part);
  REQUIRE(remote.has_value());
  Json reply = body(f.http.requests()[0])["record"]["reply"];
  CHECK(reply["root"] == Json{{"uri", BlueskyFixture::uri("3kabcdefghij0")}, {"cid", "cid0"}});
  CHECK(reply["parent"] == Json{{"uri", BlueskyFixture::uri("3kabcdefghij1")}, {"cid", "cid1"}});

  SECTION("a parent without a cid cannot be replied to") {
    part.parent = platform::Remote{"12345", "", Json::object()};
    auto failed = client->publish(part);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().message.find("uri and cid") != std::string::npos);
  }
}

TEST_CASE("bluesky images: uploadBlob, then an images embed with alt and aspect ratio", "[bluesky]") {
  BlueskyFixture f;
  f.dir.write("media/a.png", "PNGBYTES");
  f.http.stub({"POST", "/xrpc/com.atproto.repo.uploadBlob"},
              FakeTransport::reply(200, R"({"blob":{"$type":"blob","ref":{"$link":"bafkblob"},"mimeType":"image/png","size":8}})"));
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij0"));
  auto client = f.client();
  auto part = f.part("");
  part.media.push_back(platform::Media{f.dir.dir() / "media/a.png", "media/a.png", "A red square", "image/png", 8, 640, 480});
  REQUIRE(client->publish(part).has_value());
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].body == "PNGBYTES");
  CHECK(http::find_header(reqs[0].headers, "Content-Type").value_or("") == "image/png");
  Json embed = body(reqs[1])["record"]["embed"];
  CHECK(embed["$type"] == "app.bsky.embed.images");
  REQUIRE(embed["images"].size() == 1);
  CHECK(embed["images"][0]["alt"] == "A red square");
  CHECK(embed["images"][0]["image"]["ref"]["$link"] == "bafkblob");
  CHECK(embed["images"][0]["aspectRatio"] == Json{{"width", 640}, {"height", 480}});

  SECTION("too big, or not an image") {
    part.media[0].size = 2'000'001;
    CHECK_FALSE(client->publish(part).has_value());
    part.media[0].size = 8;
    part.media[0].mime = "video/mp4";
    CHECK_FALSE(client->publish(part).has_value());
  }
}

TEST_CASE("bluesky refreshes an expired access token once, saves both rotated tokens, resends", "[bluesky]") {
  BlueskyFixture f;
  std::string access2 = jwt(1796000000, "ACCESS-SECRET-2");
  std::string refresh2 = jwt(1801000000, "REFRESH-SECRET-2");
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
              FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.server.refreshSession"},
              FakeTransport::reply(200, R"({"accessJwt":")" + access2 + R"(","refreshJwt":")" + refresh2 +
                                            R"(","handle":"alice.test","did":"did:plc:alice123"})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij0"), 1);
  auto client = f.client();
  auto remote = client->publish(f.part("hello"));
  REQUIRE(remote.has_value());
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(auth_of(reqs[0]) == "Bearer " + f.access);
  CHECK(auth_of(reqs[1]) == "Bearer " + f.refresh);
  CHECK(reqs[1].body.empty());
  CHECK(auth_of(reqs[2]) == "Bearer " + access2);
  CHECK(body(reqs[2])["rkey"] == body(reqs[0])["rkey"]);
  auto saved = creds::CredentialStore::load_file(f.dir.dir() / "creds.json");
  REQUIRE(saved.has_value());
  const creds::Credential* c = saved->find("bluesky:alice.test");
  REQUIRE(c != nullptr);
  CHECK(c->access_token() == access2);
  CHECK(c->refresh_token() == refresh2);
  CHECK(c->expires_at == time::Instant{std::chrono::seconds{1796000000}});
  CHECK(c->extra_string("did") == k_sky_did);

  SECTION("a refresh token that expired too asks for a login") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
                FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"), 1);
    f.http.stub({"POST", "/xrpc/com.atproto.server.refreshSession"},
                FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"), 1);
    auto failed = client->publish(f.part("again"));
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().kind == ErrorKind::auth);
    CHECK(failed.error().hint.find("smm account login sky") != std::string::npos);
    no_secret(failed.error().message);
  }
}

TEST_CASE("bluesky: a second process refused with the old token uses the first one's refresh", "[bluesky]") {
  BlueskyFixture f;
  // Another smm process loaded the same store before this one refreshed.
  auto other = creds::CredentialStore::load_file(f.dir.dir() / "creds.json");
  REQUIRE(other.has_value());
  auto other_session = std::make_shared<creds::Session>(std::move(*other));
  std::string access2 = jwt(1796000000, "ACCESS-SECRET-2");
  std::string refresh2 = jwt(1801000000, "REFRESH-SECRET-2");
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
              FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.server.refreshSession"},
              FakeTransport::reply(200, R"({"accessJwt":")" + access2 + R"(","refreshJwt":")" + refresh2 + R"("})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij0"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
              FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"), 1);
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kabcdefghij1"), 1);
  REQUIRE(f.client()->publish(f.part("first")).has_value());

  platform::Env env = f.env();
  env.session = other_session;
  auto made = platform::BlueskyClient::make(env);
  REQUIRE(made.has_value());
  REQUIRE((*made)->publish(f.part("second", 1)).has_value());

  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 5);
  CHECK(auth_of(reqs[3]) == "Bearer " + f.access);  // the other process still had the old token
  CHECK(auth_of(reqs[4]) == "Bearer " + access2);   // and took the new one from the store: no second refresh
  CHECK(other_session->get("bluesky:alice.test")->refresh_token() == refresh2);
  f.http.verify();
}

TEST_CASE("bluesky find: getRecord by key", "[bluesky]") {
  BlueskyFixture f;
  auto client = f.client();
  auto part = f.part("hello");
  SECTION("not there") {
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"},
                FakeTransport::reply(400, R"({"error":"RecordNotFound","message":"Could not locate record"})"));
    auto found = client->find(part);
    REQUIRE(found.has_value());
    CHECK_FALSE(found->has_value());
    CHECK(f.http.requests()[0].url ==
          "https://pds.example/xrpc/com.atproto.repo.getRecord?repo=did%3Aplc%3Aalice123&collection=app.bsky.feed.post&rkey=3kabcdefghij0");
  }
  SECTION("there") {
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"},
                FakeTransport::reply(200, R"({"uri":")" + BlueskyFixture::uri("3kabcdefghij0") + R"(","cid":"cidX","value":{}})"));
    auto found = client->find(part);
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    CHECK((*found)->extra["cid"] == "cidX");
    CHECK((*found)->url == "https://bsky.app/profile/alice.test/post/3kabcdefghij0");
  }
  SECTION("cannot tell") {
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"}, FakeTransport::reply(502, R"({"error":"UpstreamFailure"})"));
    auto found = client->find(part);
    REQUIRE_FALSE(found.has_value());
    CHECK(found.error().retryable);
  }
}

TEST_CASE("bluesky resend of a key that landed: the refused createRecord is answered by find", "[bluesky]") {
  BlueskyFixture f;
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
              FakeTransport::reply(500, R"({"error":"InternalServerError","message":"Internal Server Error"})"));
  f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"},
              FakeTransport::reply(200, R"({"uri":")" + BlueskyFixture::uri("3kabcdefghij0") + R"(","cid":"cidX","value":{}})"));
  auto client = f.client();
  auto remote = client->publish(f.part("hello"));
  REQUIRE(remote.has_value());
  CHECK(remote->id == BlueskyFixture::uri("3kabcdefghij0"));
  CHECK(f.http.requests().size() == 2);
}

TEST_CASE("bluesky error mapping", "[bluesky]") {
  BlueskyFixture f;
  auto client = f.client();
  auto part = f.part("hello");
  SECTION("auth") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
                FakeTransport::reply(401, R"({"error":"AuthenticationRequired","message":"Invalid token"})"));
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"}, FakeTransport::reply(401, R"({"error":"AuthenticationRequired"})"));
    auto failed = client->publish(part);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().kind == ErrorKind::auth);
    CHECK(failed.error().hint == "run `smm account login sky`");
    no_secret(failed.error().message);
  }
  SECTION("rate limited") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
                FakeTransport::reply(429, R"({"error":"RateLimitExceeded"})", {{"RateLimit-Reset", "2000000000"}}));
    auto failed = client->publish(part);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().kind == ErrorKind::runtime);
    CHECK(failed.error().retryable);
    CHECK(failed.error().message.find("rate limited until 2033-05-18T03:33:20+00:00") != std::string::npos);
  }
  SECTION("server trouble") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, FakeTransport::reply(503, R"({"error":"NotEnoughResources"})"));
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"}, FakeTransport::reply(400, R"({"error":"RecordNotFound"})"));
    auto failed = client->publish(part);
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().retryable);
  }
  SECTION("invalid record") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
                FakeTransport::reply(400, R"({"error":"InvalidRequest","message":"Invalid app.bsky.feed.post record"})"));
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"}, FakeTransport::reply(400, R"({"error":"RecordNotFound"})"));
    auto failed = client->publish(part);
    REQUIRE_FALSE(failed.has_value());
    CHECK_FALSE(failed.error().retryable);
    CHECK(failed.error().message.find("Invalid app.bsky.feed.post record") != std::string::npos);
  }
  SECTION("too long") {
    auto failed = client->publish(f.part(std::string(301, 'a')));
    REQUIRE_FALSE(failed.has_value());
    CHECK(f.http.requests().empty());
  }
  SECTION("no session") {
    BlueskyFixture g(false);
    auto failed = g.client()->publish(g.part("x"));
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().kind == ErrorKind::auth);
  }
}

TEST_CASE("bluesky remove and check", "[bluesky]") {
  BlueskyFixture f;
  f.http.stub({"POST", "/xrpc/com.atproto.repo.deleteRecord"}, FakeTransport::reply(200, R"({"commit":{}})"));
  f.http.stub({"GET", "/xrpc/com.atproto.server.getSession"},
              FakeTransport::reply(200, R"({"handle":"alice.test","did":"did:plc:alice123","active":true})"));
  auto client = f.client();
  platform::Remote r{BlueskyFixture::uri("3kabcdefghij0"), "", Json{{"uri", BlueskyFixture::uri("3kabcdefghij0")}, {"cid", "c"}}};
  REQUIRE(client->remove(r).has_value());
  CHECK(body(f.http.requests()[0]) == Json{{"repo", k_sky_did}, {"collection", "app.bsky.feed.post"}, {"rkey", "3kabcdefghij0"}});
  auto id = client->check();
  REQUIRE(id.has_value());
  CHECK(id->handle == "@alice.test");
  CHECK(id->id == k_sky_did);
  CHECK(id->expires_at == time::Instant{std::chrono::seconds{1795000000}});
  CHECK(id->scopes == std::vector<std::string>{"com.atproto.appPass"});
}

TEST_CASE("bluesky preview: no network, placeholders", "[bluesky]") {
  BlueskyFixture f(false);
  auto made = platform::make_client(f.env(false));
  REQUIRE(made.has_value());
  auto part = f.part("Hi @bob.test #news", 1);
  part.media.push_back(platform::Media{"/nonexistent.png", "media/a.png", "alt", "image/png", 10, 0, 0});
  auto reqs = (*made)->preview(part);
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].url == "https://entryway.example/xrpc/com.atproto.repo.uploadBlob");
  Json b = body(reqs[1]);
  CHECK(b["repo"] == "{did}");
  CHECK(b["rkey"] == part.key);
  CHECK(b["record"]["reply"]["parent"]["uri"] == "{part-1 uri}");
  CHECK(b["record"]["facets"][0]["features"][0]["did"] == "{did of bob.test}");
  CHECK(b["record"]["embed"]["images"][0]["image"]["ref"]["$link"] == "{blob-1}");
  CHECK_FALSE(b["record"]["embed"]["images"][0].contains("aspectRatio"));
  CHECK((*made)->capabilities().max_media == 4);
  CHECK((*made)->capabilities().idempotent);
  CHECK(platform::bluesky_is_tid((*made)->new_key(part)));
}

TEST_CASE("bluesky login: app password, createSession, PDS from the DID document, stored session", "[bluesky]") {
  BlueskyFixture f(false);
  f.account().extra["plc"] = "https://plc.example";
  std::string access = jwt(1795000000, "ACCESS-SECRET-9");
  std::string refresh = jwt(1800000000, "REFRESH-SECRET-9");
  std::vector<std::string> prompts;
  auto read = [&prompts](const std::string& prompt) -> std::optional<std::string> {
    prompts.push_back(prompt);
    return "app-pass-word";
  };
  SECTION("ok") {
    f.http.stub({"POST", "/xrpc/com.atproto.server.createSession", "entryway.example"},
                FakeTransport::reply(200, R"({"accessJwt":")" + access + R"(","refreshJwt":")" + refresh +
                                              R"(","handle":"alice.test","did":"did:plc:alice123"})"));
    f.http.stub({"GET", "/did:plc:alice123", "plc.example"},
                FakeTransport::reply(200, R"({"id":"did:plc:alice123","service":[{"id":"#atproto_pds","type":"AtprotoPersonalDataServer","serviceEndpoint":"https://pds.example"}]})"));
    f.http.stub({"GET", "/xrpc/com.atproto.server.getSession", "pds.example"},
                FakeTransport::reply(200, R"({"handle":"alice.test","did":"did:plc:alice123"})"));
    platform::LoginIo io{[](const std::string&) {}, read};
    auto id = platform::login(f.env(), {}, io);
    REQUIRE(id.has_value());
    CHECK(id->handle == "@alice.test");
    CHECK(prompts == std::vector<std::string>{"App password for alice.test: "});
    Json sent = body(f.http.requests()[0]);
    CHECK(sent == Json{{"identifier", "alice.test"}, {"password", "app-pass-word"}});
    auto c = f.session->get("bluesky:alice.test");
    REQUIRE(c.has_value());
    CHECK(c->server == "https://pds.example");
    CHECK(c->access_token() == access);
    CHECK(c->refresh_token() == refresh);
    CHECK(c->extra_string("did") == "did:plc:alice123");
    CHECK(c->extra().find("password") == c->extra().end());
    f.http.verify();
  }
  SECTION("a wrong password") {
    f.http.stub({"POST", "/xrpc/com.atproto.server.createSession"},
                FakeTransport::reply(401, R"({"error":"AuthenticationRequired","message":"Invalid identifier or password"})"));
    platform::LoginIo io{[](const std::string&) {}, read};
    auto id = platform::login(f.env(), {}, io);
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().kind == ErrorKind::auth);
    no_secret(id.error().message);
    no_secret(id.error().hint);
    CHECK_FALSE(f.session->get("bluesky:alice.test").has_value());
  }
  SECTION("no handle in the account: read first") {
    f.account().handle.clear();
    std::vector<std::string> lines{"alice.test", "app-pass-word"};
    auto two = [&lines, &prompts](const std::string& prompt) -> std::optional<std::string> {
      prompts.push_back(prompt);
      std::string l = lines.front();
      lines.erase(lines.begin());
      return l;
    };
    f.http.stub({"POST", "/xrpc/com.atproto.server.createSession"},
                FakeTransport::reply(200, R"({"accessJwt":")" + access + R"(","refreshJwt":")" + refresh +
                                              R"(","handle":"alice.test","did":"did:plc:alice123"})"));
    f.http.stub({"GET", "/did:plc:alice123"}, FakeTransport::reply(404, "{}"));  // falls back to the login server
    f.http.stub({"GET", "/xrpc/com.atproto.server.getSession", "entryway.example"},
                FakeTransport::reply(200, R"({"handle":"alice.test","did":"did:plc:alice123"})"));
    platform::LoginIo io{[](const std::string&) {}, two};
    auto id = platform::login(f.env(), {}, io);
    REQUIRE(id.has_value());
    CHECK(prompts.size() == 2);
    auto c = f.session->get("bluesky:sky");
    REQUIRE(c.has_value());
    CHECK(c->server == "https://entryway.example");
  }
}

}  // namespace smm::test

namespace smm::test {

TEST_CASE("bluesky under the state machine: thread and first comment carry strong refs; a lost answer is found", "[bluesky]") {
  BlueskyFixture f;
  f.account().char_limit = 40;
  f.post.text = "The first sentence goes here. The second sentence follows it.";
  f.post.first_comment = "Links in the comment";
  auto client = f.client();
  post::Publishing with{&f.proj, client.get(), [](const project::Post&, bool) { return Result<void>(); }, fixed_now()};
  f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kaaaaaaaaaa2", "c1"), 1);
  SECTION("all parts") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kaaaaaaaaab2", "c2"), 1);
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kaaaaaaaaac2", "c3"), 1);
    auto out = post::publish_target(with, f.post, "sky");
    CHECK(out.state == "published");
    const auto& reqs = f.http.requests();
    REQUIRE(reqs.size() == 3);
    Json first{{"uri", BlueskyFixture::uri("3kaaaaaaaaaa2")}, {"cid", "c1"}};
    CHECK_FALSE(Json::parse(reqs[0].body)["record"].contains("reply"));
    CHECK(Json::parse(reqs[1].body)["record"]["reply"] == Json{{"root", first}, {"parent", first}});
    CHECK(Json::parse(reqs[2].body)["record"]["reply"] == Json{{"root", first}, {"parent", first}});
    CHECK(Json::parse(reqs[2].body)["record"]["text"] == "Links in the comment");
    const auto& parts = f.post.publish["sky"].parts;
    REQUIRE(parts.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(platform::bluesky_is_tid(parts[i].key));
      CHECK(Json::parse(reqs[i].body)["rkey"] == parts[i].key);
    }
  }
  SECTION("a timeout on part 2, then the next run asks for its key") {
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"},
                std::unexpected(FakeTransport::failure("pds.example", "timed out")), 1);
    auto out = post::publish_target(with, f.post, "sky");
    CHECK(out.state == "unconfirmed");
    std::string saved = f.post.publish["sky"].parts[1].key;
    f.http.stub({"GET", "/xrpc/com.atproto.repo.getRecord"},
                FakeTransport::reply(200, R"({"uri":")" + BlueskyFixture::uri(saved) + R"(","cid":"c2","value":{}})"), 1);
    f.http.stub({"POST", "/xrpc/com.atproto.repo.createRecord"}, BlueskyFixture::created("3kaaaaaaaaac2", "c3"), 1);
    out = post::publish_target(with, f.post, "sky");
    CHECK(out.state == "published");
    const auto& reqs = f.http.requests();
    REQUIRE(reqs.size() == 4);
    CHECK(reqs[2].url.find("rkey=" + saved) != std::string::npos);
    CHECK(f.post.publish["sky"].parts[1].remote_id == BlueskyFixture::uri(saved));
  }
}

}  // namespace smm::test
