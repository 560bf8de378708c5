// SPDX-License-Identifier: MIT
// The Mastodon client through the real CurlTransport against cpp-httplib on 127.0.0.1: the
// multipart upload must parse as multipart in a real server, binary bytes intact, and the headers
// must arrive as sent.
#include <algorithm>
#include <mutex>

#include "lib/platform/mastodon_fixture.hpp"
#include "smm/http/curl_transport.hpp"
#include "support/catch.hpp"
#include "support/images.hpp"
#include "support/loopback_server.hpp"

namespace smm::test {

TEST_CASE("mastodon over curl: media upload and status", "[mastodon][loopback]") {
  LoopbackServer server;
  std::mutex mutex;
  httplib::MultipartFormData file;
  std::string description;
  std::string status_body;
  std::string key;
  std::string auth;
  server.server().Post("/api/v2/media", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    if (req.has_file("file")) {
      file = req.get_file_value("file");
    }
    description = req.has_file("description") ? req.get_file_value("description").content : "";
    res.set_content(R"({"id":"m9","url":"http://x/a.png"})", "application/json");
  });
  server.server().Post("/api/v1/statuses", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    status_body = req.body;
    key = req.get_header_value("Idempotency-Key");
    auth = req.get_header_value("Authorization");
    res.set_content(R"({"id":"55","url":"http://127.0.0.1/@acme/55"})", "application/json");
  });
  server.start();

  MastodonFixture f;
  f.account().server = server.url("");
  // The credential identity follows the server's host:port.
  creds::Credential c;
  c.platform = "mastodon";
  c.set_access_token(k_token);
  REQUIRE(f.session->update(creds::credential_identity(f.account()), c).has_value());
  std::string host = creds::server_host(f.account().server);
  std::replace(host.begin(), host.end(), ':', '_');
  f.dir.write(".smm/cache/mastodon-" + host + ".json", R"({"fetched_at": "2026-11-23T09:00:00Z"})");
  http::CurlTransport curl;
  auto made = platform::MastodonClient::make(platform::Env{&f.proj, &f.account(), [] { return fixed_now(); }, &curl, f.session});
  REQUIRE(made.has_value());
  std::string bytes = png(3, 2);
  bytes += std::string("\0\r\n--", 5);  // bytes that look like a boundary's start must survive
  f.dir.write("media/a.png", bytes);
  auto part = f.part("Hello");
  part.media = {platform::Media{f.dir.dir() / "media/a.png", "media/a.png", "Alt text ü", "image/png", bytes.size(), 3, 2}};

  auto remote = (*made)->publish(part);

  REQUIRE(remote.has_value());
  CHECK(remote->id == "55");
  std::lock_guard lock(mutex);
  CHECK(file.filename == "a.png");
  CHECK(file.content_type == "image/png");
  CHECK(file.content == bytes);
  CHECK(description == "Alt text ü");
  CHECK(form_json(status_body) == R"({"status":"Hello","media_ids":["m9"],"visibility":"public"})");
  CHECK(key == part.key);
  CHECK(auth == std::string("Bearer ") + k_token);
}

}  // namespace smm::test
