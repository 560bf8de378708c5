// SPDX-License-Identifier: MIT
#pragma once

// A project with one Mastodon account ("masto", @acme on https://social.example), a credential
// store in a temp file holding its token, a FakeTransport, and the instance limits cache filled
// (so no test pays an /api/v2/instance request unless it wants one).

#include <memory>

#include "smm/creds/session.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/mastodon.hpp"
#include "smm/project/files.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_project.hpp"

namespace smm::test {

inline constexpr const char* k_token = "tok-SECRET-123";

/// A status form body as compact JSON, "media_ids[]" fields gathered into "media_ids": easy to
/// compare and to query.
inline std::string form_json(const std::string& body) {
  platform::Json out = platform::Json::object();
  for (const auto& [name, value] : http::parse_form(body)) {
    if (name == "media_ids[]") {
      out["media_ids"].push_back(value);
    } else {
      out[name] = value;
    }
  }
  return out.dump();
}

struct MastodonFixture {
  TempProject dir;
  project::Project proj;
  std::shared_ptr<creds::Session> session;
  FakeTransport http;
  project::Post post;
  std::vector<std::chrono::milliseconds> slept;

  explicit MastodonFixture(bool with_token = true, bool with_cache = true) {
    proj.root = dir.dir();
    project::Account a;
    a.name = "masto";
    a.platform = "mastodon";
    a.server = "https://social.example/";
    a.handle = "acme";
    proj.accounts["masto"] = a;
    session = std::make_shared<creds::Session>(creds::CredentialStore(dir.dir() / "creds.json"));
    if (with_token) {
      creds::Credential c;
      c.platform = "mastodon";
      c.handle = "acme";
      c.server = "https://social.example";
      c.scopes = {"read", "write"};
      c.set_access_token(k_token);
      REQUIRE(session->update("mastodon:acme@social.example", c).has_value());
    }
    if (with_cache) {
      std::filesystem::create_directories(dir.dir() / ".smm" / "cache");
      dir.write(".smm/cache/mastodon-social.example.json",
                R"({"fetched_at": "2026-11-23T09:00:00+00:00", "max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23})");
    }
    post.id = "2026-11-23-hello";
    post.targets = {"masto"};
  }

  project::Account& account() { return proj.accounts["masto"]; }

  platform::Env env(bool online = true) {
    return platform::Env{&proj, &proj.accounts["masto"], [] { return fixed_now(); }, online ? &http : nullptr,
                         online ? session : nullptr};
  }

  std::unique_ptr<platform::MastodonClient> client(bool online = true) {
    auto made = platform::MastodonClient::make(env(online));
    REQUIRE(made.has_value());
    auto* raw = dynamic_cast<platform::MastodonClient*>(made->release());
    REQUIRE(raw != nullptr);
    std::unique_ptr<platform::MastodonClient> c(raw);
    c->set_sleep([this](std::chrono::milliseconds d) { slept.push_back(d); });
    return c;
  }

  platform::Part part(std::string text, std::size_t index = 0) {
    platform::Part p;
    p.post = &post;
    p.account = "masto";
    p.index = index;
    p.text = std::move(text);
    p.key = "smm-" + std::to_string(fixed_now().time_since_epoch().count()) + "-abc";
    return p;
  }

  static http::Response status(const std::string& id) {
    return FakeTransport::reply(200, R"({"id":")" + id + R"(","url":"https://social.example/@acme/)" + id +
                                         R"(","uri":"https://social.example/users/acme/statuses/)" + id + R"("})");
  }
};

}  // namespace smm::test
