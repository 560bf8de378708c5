// SPDX-License-Identifier: MIT
#pragma once

// A project with one Bluesky account ("sky", alice.test on https://pds.example), a credential
// store in a temp file holding its session (tokens are JWT-shaped, with an `exp`), and a
// FakeTransport.

#include <memory>

#include "smm/creds/session.hpp"
#include "smm/platform/bluesky.hpp"
#include "smm/project/files.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_project.hpp"

namespace smm::test {

inline constexpr const char* k_sky_did = "did:plc:alice123";

/// base64url without padding.
inline std::string b64url(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buffer = (buffer << 8U) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += k[(buffer >> static_cast<unsigned>(bits)) & 63U];
    }
  }
  if (bits > 0) {
    out += k[(buffer << static_cast<unsigned>(6 - bits)) & 63U];
  }
  return out;
}

/// A JWT-shaped token with `exp` and a marker (the signature part) to tell tokens apart.
inline std::string jwt(long long exp, const std::string& marker) {
  return b64url(R"({"alg":"ES256K"})") + "." + b64url(R"({"scope":"com.atproto.appPass","exp":)" + std::to_string(exp) + "}") +
         "." + marker;
}

struct BlueskyFixture {
  TempProject dir;
  project::Project proj;
  std::shared_ptr<creds::Session> session;
  FakeTransport http;
  project::Post post;
  std::string access = jwt(1795000000, "ACCESS-SECRET-1");
  std::string refresh = jwt(1800000000, "REFRESH-SECRET-1");

  explicit BlueskyFixture(bool with_session = true) {
    proj.root = dir.dir();
    project::Account a;
    a.name = "sky";
    a.platform = "bluesky";
    a.server = "https://entryway.example";
    a.handle = "alice.test";
    proj.accounts["sky"] = a;
    session = std::make_shared<creds::Session>(creds::CredentialStore(dir.dir() / "creds.json"));
    if (with_session) {
      creds::Credential c;
      c.platform = "bluesky";
      c.handle = "alice.test";
      c.server = "https://pds.example";
      c.set_access_token(access);
      c.set_refresh_token(refresh);
      c.extra()["did"] = k_sky_did;
      REQUIRE(session->update("bluesky:alice.test", c).has_value());
    }
    post.id = "2026-11-23-hello";
    post.targets = {"sky"};
  }

  project::Account& account() { return proj.accounts["sky"]; }

  platform::Env env(bool online = true) {
    return platform::Env{&proj, &proj.accounts["sky"], [] { return fixed_now(); }, online ? &http : nullptr,
                         online ? session : nullptr, {}};
  }

  std::unique_ptr<platform::BlueskyClient> client(bool online = true) {
    auto made = platform::BlueskyClient::make(env(online));
    REQUIRE(made.has_value());
    auto* raw = dynamic_cast<platform::BlueskyClient*>(made->release());
    REQUIRE(raw != nullptr);
    return std::unique_ptr<platform::BlueskyClient>(raw);
  }

  platform::Part part(std::string text, std::size_t index = 0) {
    platform::Part p;
    p.post = &post;
    p.account = "sky";
    p.index = index;
    p.text = std::move(text);
    p.key = "3kabcdefghij" + std::to_string(index % 10);
    return p;
  }

  static std::string uri(const std::string& rkey) { return std::string("at://") + k_sky_did + "/app.bsky.feed.post/" + rkey; }

  static http::Response created(const std::string& rkey, const std::string& cid = "bafycid") {
    return FakeTransport::reply(200, R"({"uri":")" + uri(rkey) + R"(","cid":")" + cid +
                                         R"(","commit":{"cid":"bafycommit","rev":"3k"},"validationStatus":"valid"})");
  }
};

}  // namespace smm::test
