// SPDX-License-Identifier: MIT
#include "smm/http/debug.hpp"

#include <memory>

#include "support/catch.hpp"
#include "support/fake_transport.hpp"

using smm::http::DebugOptions;
using smm::http::DebugTransport;
using smm::http::Request;
using smm::test::FakeTransport;

namespace {

/// A DebugTransport over a FakeTransport, logging into `log`, on a clock that moves 25 ms per
/// reading.
struct Rig {
  std::string log;
  std::vector<std::string> blocks;
  std::chrono::steady_clock::time_point now{};
  FakeTransport* fake = nullptr;
  std::unique_ptr<DebugTransport> debug;

  explicit Rig(std::size_t max_body = smm::http::k_debug_max_body) {
    // The sink and clock point into this Rig, so it never moves.
    auto owned = std::make_unique<FakeTransport>();
    fake = owned.get();
    DebugOptions options{max_body, [this] { return now += std::chrono::milliseconds(25); }};
    debug = std::make_unique<DebugTransport>(
        std::move(owned),
        [this](std::string_view block) {
          blocks.emplace_back(block);
          log += block;
        },
        options);
  }
  Rig(const Rig&) = delete;
  Rig& operator=(const Rig&) = delete;
};

Request make(std::string method, std::string url) {
  Request request;
  request.method = std::move(method);
  request.url = std::move(url);
  return request;
}

FakeTransport::Match match(std::string method, std::string path) {
  return {std::move(method), std::move(path), {}};
}

}  // namespace

TEST_CASE("DebugTransport logs request and response", "[http][debug]") {
  Rig rig;
  rig.fake->stub(
      match("POST", "/api/v1/statuses"),
      FakeTransport::reply(200, R"({"id":"1"})", {{"Content-Type", "application/json"}}));
  Request request = make("POST", "https://mastodon.example/api/v1/statuses");
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", "3f2d9c1e-uuid"}};
  request.body = R"({"status":"hello"})";
  auto result = rig.debug->send(request);
  REQUIRE(result.has_value());
  CHECK(result->body == R"({"id":"1"})");  // passed on unchanged
  REQUIRE(rig.blocks.size() == 2);
  CHECK(rig.blocks[0] ==
        "> #1 POST https://mastodon.example/api/v1/statuses\n"
        "> Content-Type: application/json\n"
        "> Idempotency-Key: 3f2d9c1e-uuid\n"
        ">\n"
        R"(> {"status":"hello"})"
        "\n");
  CHECK(rig.blocks[1] ==
        "< #1 200 OK in 25 ms\n"
        "< Content-Type: application/json\n"
        "<\n"
        R"(< {"id":"1"})"
        "\n");
}

TEST_CASE("DebugTransport logs failures, redirects and numbers requests", "[http][debug]") {
  Rig rig;
  auto redirected = FakeTransport::reply(200);
  redirected.redirect_count = 2;
  redirected.effective_url = "https://example.test/final?code=abc";
  rig.fake
      ->stub(match("GET", "/down"),
             std::unexpected(FakeTransport::failure("example.test", "timed out")))
      .stub(match("HEAD", "/moved"), redirected);
  (void)rig.debug->send(make("GET", "https://example.test/down"));
  (void)rig.debug->send(make("HEAD", "https://example.test/moved"));
  REQUIRE(rig.blocks.size() == 4);
  CHECK(rig.blocks[1] == "< #1 failed in 25 ms: example.test: timed out: detail\n");
  CHECK(rig.blocks[2] == "> #2 HEAD https://example.test/moved\n");
  CHECK(rig.blocks[3] ==
        "< #2 200 OK in 25 ms\n"
        "< (after 2 redirects: https://example.test/final?code=[redacted])\n");
}

TEST_CASE("DebugTransport never logs a secret", "[http][debug]") {
  Rig rig;
  rig.fake
      ->stub(match("POST", "/xrpc/com.atproto.server.createSession"),
             FakeTransport::reply(
                 200,
                 R"({"handle":"alice.test","accessJwt":"SECRET-access-jwt",)"
                 R"("refreshJwt":"SECRET-refresh-jwt"})",
                 {{"Content-Type", "application/json"}, {"Set-Cookie", "sid=SECRET-cookie-1"}}))
      .stub(match("POST", "/oauth/token"),
            FakeTransport::reply(401, "<p>bad token SECRET-bearer-token</p>",
                                 {{"Content-Type", "text/html"},
                                  {"Location", "https://app.test/cb?code=SECRET-code-9"}}))
      .stub(match("POST", "/api/webhooks/123/SECRET-webhook-path"),
            FakeTransport::reply(204, {}, {{"Location", "/api/webhooks/123/SECRET-webhook-path"}}));

  Request login = make("POST", "https://pds.test/xrpc/com.atproto.server.createSession");
  login.headers = {{"Content-Type", "application/json"}};
  login.body = R"({"identifier":"alice.test","password":"SECRET-app-password"})";
  Request token =
      make("POST", "https://mastodon.test/oauth/token?access_token=SECRET-query-token&scope=read");
  token.headers = {{"Authorization", "Bearer SECRET-bearer-token"},
                   {"Cookie", "session=SECRET-cookie-2"},
                   {"X-Api-Key", "SECRET-api-key"},
                   {"Proxy-Authorization", "Basic SECRET-proxy"},
                   {"Content-Type", "application/x-www-form-urlencoded"}};
  token.body =
      "grant_type=authorization_code&code=SECRET-form-code&client_secret=SECRET-client"
      "&client_id=app-id&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob";
  Request hook = make("POST", "https://discord.test/api/webhooks/123/SECRET-webhook-path?wait=1");
  hook.secret_url = true;
  hook.headers = {{"Content-Type", "application/json"}};
  hook.body = R"({"content":"new post"})";

  (void)rig.debug->send(login);
  (void)rig.debug->send_all({token, hook}, 2);
  INFO(rig.log);
  CHECK(rig.log.find("SECRET") == std::string::npos);
  // What is not secret is still there to debug with.
  for (const char* kept :
       {"> #1 POST https://pds.test/xrpc/com.atproto.server.createSession",
        R"("handle":"alice.test")", R"("identifier":"alice.test")", "scope=read",
        "client_id=app-id", "> #3 POST https://discord.test/[redacted]",
        R"({"content":"new post"})", "< #2 401 Unauthorized in 25 ms (batch of 2)",
        "< #3 204 No Content", "Set-Cookie: [redacted]", "Authorization: [redacted]",
        "<p>bad token [redacted]</p>"}) {
    CHECK(rig.log.find(kept) != std::string::npos);
  }
}

TEST_CASE("DebugTransport cuts long bodies at a character boundary", "[http][debug]") {
  Rig rig(16);
  rig.fake->stub(match("GET", "/big"),
                 FakeTransport::reply(200, "0123456789abcde\xc3\xa9tail and more",
                                      {{"Content-Type", "text/plain"}}));
  (void)rig.debug->send(make("GET", "https://example.test/big"));
  REQUIRE(rig.blocks.size() == 2);
  // 16 bytes would split the two-byte 'é': the cut moves back to the character boundary.
  CHECK(rig.blocks[1].ends_with("<\n< 0123456789abcde\n< [15 more bytes]\n"));
}

TEST_CASE("DebugTransport escapes control characters", "[http][debug]") {
  Rig rig;
  rig.fake->stub(match("GET", "/evil"),
                 FakeTransport::reply(200, "\x1b]0;pwned\x07 red\x1b[31m\r\n",
                                      {{"Content-Type", "text/plain"}, {"X-Note", "a\x1b[2Jb"}}));
  (void)rig.debug->send(make("GET", "https://example.test/evil"));
  REQUIRE(rig.blocks.size() == 2);
  CHECK(rig.blocks[1] ==
        "< #1 200 OK in 25 ms\n"
        "< Content-Type: text/plain\n"
        "< X-Note: a\\x1B[2Jb\n"
        "<\n"
        "< \\x1B]0;pwned\\x07 red\\x1B[31m\\x0D\n");
}

TEST_CASE("DebugTransport send_all keeps the batch", "[http][debug]") {
  Rig rig;
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(200))
      .stub(match("GET", "/b"), FakeTransport::reply(404));
  auto results = rig.debug->send_all(
      {make("GET", "https://example.test/a"), make("GET", "https://example.test/b")}, 2);
  REQUIRE(results.size() == 2);
  CHECK(results[1]->status == 404);
  CHECK(rig.fake->batches() == std::vector<std::size_t>{2});
  REQUIRE(rig.blocks.size() == 4);
  CHECK(rig.blocks[0] == "> #1 GET https://example.test/a\n");
  CHECK(rig.blocks[1] == "> #2 GET https://example.test/b\n");
  CHECK(rig.blocks[2] == "< #1 200 OK in 25 ms (batch of 2)\n");
  CHECK(rig.blocks[3] == "< #2 404 Not Found in 25 ms (batch of 2)\n");
}
