// SPDX-License-Identifier: MIT
// The Bluesky client through the real CurlTransport against cpp-httplib on 127.0.0.1: a blob's
// bytes arrive intact with their type, and an ExpiredToken answer is refreshed and resent over a
// real connection with the rotated token.
#include <mutex>

#include "lib/platform/bluesky_fixture.hpp"
#include "smm/http/curl_transport.hpp"
#include "support/catch.hpp"
#include "support/images.hpp"
#include "support/loopback_server.hpp"

namespace smm::test {

TEST_CASE("bluesky over curl: blob, expired token, refresh, record", "[bluesky][loopback]") {
  LoopbackServer server;
  std::mutex mutex;
  std::string blob;
  std::string blob_type;
  std::vector<std::string> record_auth;
  std::string refresh_auth;
  std::string record_body;
  BlueskyFixture f;
  std::string access2 = jwt(1796000000, "ACCESS-SECRET-2");
  server.server().Post("/xrpc/com.atproto.repo.uploadBlob", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    blob = req.body;
    blob_type = req.get_header_value("Content-Type");
    res.set_content(R"({"blob":{"$type":"blob","ref":{"$link":"bafkb"},"mimeType":"image/png","size":)" +
                        std::to_string(req.body.size()) + "}}",
                    "application/json");
  });
  server.server().Post("/xrpc/com.atproto.repo.createRecord", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    record_auth.push_back(req.get_header_value("Authorization"));
    if (record_auth.size() == 1) {
      res.status = 400;
      res.set_content(R"({"error":"ExpiredToken","message":"Token has expired"})", "application/json");
      return;
    }
    record_body = req.body;
    res.set_content(R"({"uri":"at://did:plc:alice123/app.bsky.feed.post/3kabcdefghij0","cid":"bafyc"})",
                    "application/json");
  });
  server.server().Post("/xrpc/com.atproto.server.refreshSession", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    refresh_auth = req.get_header_value("Authorization");
    res.set_content(R"({"accessJwt":")" + access2 + R"(","refreshJwt":"r2","handle":"alice.test","did":"did:plc:alice123"})",
                    "application/json");
  });
  server.start();

  auto c = f.session->get("bluesky:alice.test");
  REQUIRE(c.has_value());
  c->server = server.url("");
  REQUIRE(f.session->update("bluesky:alice.test", *c).has_value());
  http::CurlTransport curl;
  auto made = platform::make_client(platform::Env{&f.proj, &f.account(), [] { return fixed_now(); }, &curl, f.session, {}});
  REQUIRE(made.has_value());
  std::string bytes = png(3, 2);
  bytes += std::string("\0\r\n", 3);
  f.dir.write("media/a.png", bytes);
  auto part = f.part("Hello");
  part.media = {platform::Media{f.dir.dir() / "media/a.png", "media/a.png", "Alt", "image/png", bytes.size(), 3, 2}};

  auto remote = (*made)->publish(part);

  REQUIRE(remote.has_value());
  CHECK(remote->extra["cid"] == "bafyc");
  std::lock_guard lock(mutex);
  CHECK(blob == bytes);
  CHECK(blob_type == "image/png");
  REQUIRE(record_auth.size() == 2);
  CHECK(record_auth[0] == "Bearer " + f.access);
  CHECK(refresh_auth == "Bearer " + f.refresh);
  CHECK(record_auth[1] == "Bearer " + access2);
  CHECK(platform::Json::parse(record_body)["record"]["embed"]["images"][0]["aspectRatio"]["width"] == 3);
  CHECK(f.session->get("bluesky:alice.test")->refresh_token() == "r2");
}

}  // namespace smm::test
