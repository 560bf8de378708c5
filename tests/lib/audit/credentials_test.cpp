// SPDX-License-Identifier: MIT
// credentials-missing and credentials-expiring, with check_credentials called directly on a
// project built in memory and a store that is never saved.

#include "smm/audit/families.hpp"
#include "smm/creds/store.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::audit {
namespace {

time::Instant at(const char* text) { return time::parse_rfc3339(text).value(); }

project::Account account(const std::string& name, const std::string& platform, const std::string& handle,
                         const std::string& server = "") {
  project::Account a;
  a.name = name;
  a.platform = platform;
  a.handle = handle;
  a.server = server;
  return a;
}

project::Post post(const std::string& id, const std::string& target, std::optional<time::Instant> when,
                   const std::string& status = "scheduled") {
  project::Post p;
  p.id = id;
  p.status = status;
  p.at = when;
  p.targets = {target};
  p.text = "hello";
  return p;
}

/// A project with a Mastodon, a Bluesky and a feed account, Paris time.
struct Fixture {
  project::Project project;
  creds::CredentialStore store{"/nonexistent/credentials.json"};
  Config config;

  Fixture() {
    project.root = "/nonexistent";
    project.settings.zone = "Europe/Paris";
    project.accounts["masto"] = account("masto", "mastodon", "acme", "https://mastodon.social");
    project.accounts["sky"] = account("sky", "bluesky", "alice.example.com");
    project.accounts["feed"] = account("feed", "feed", "");
  }
  void login(const std::string& identity, std::optional<time::Instant> expires = {}, const std::string& refresh = "",
             std::optional<time::Instant> refresh_expires = {}) {
    creds::Credential c;
    c.platform = identity.substr(0, identity.find(':'));
    c.set_access_token("token");
    c.set_refresh_token(refresh);
    c.expires_at = expires;
    c.refresh_expires_at = refresh_expires;
    store.put(identity, c);
  }
  Findings run(bool with_store = true) {
    Input input{.project = project, .now = test::fixed_now(), .config = config,
                .credentials = with_store ? &store : nullptr};
    Findings out;
    check_credentials(input, out);
    return out;
  }
};

std::string show(const Findings& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.file + ": " + f.pointer + ": " + f.rule + ": " + f.message + " [" + severity_name(f.severity) + "; " +
           f.hint + "]\n";
  }
  return out;
}

TEST_CASE("credentials-missing", "[audit][credentials]") {
  Fixture fx;
  fx.project.posts = {post("2026-12-01-a", "masto", at("2026-12-01T09:00:00Z")),
                      post("2026-12-02-b", "masto", std::nullopt, "queued"),
                      post("2026-12-03-c", "sky", at("2026-12-03T09:00:00Z")),
                      post("2026-12-04-d", "feed", at("2026-12-04T09:00:00Z"))};
  SECTION("bad: accounts with posts to publish and nothing stored") {
    CHECK(show(fx.run()) ==
          "accounts/masto.json: : credentials-missing: no stored credentials for mastodon:acme@mastodon.social; "
          "2 posts are waiting to publish [error; smm account login masto]\n"
          "accounts/sky.json: : credentials-missing: no stored credentials for bluesky:alice.example.com; "
          "1 post is waiting to publish [error; smm account login sky]\n");
  }
  SECTION("good: both logged in (feed needs nothing)") {
    fx.login("mastodon:acme@mastodon.social");
    fx.login("bluesky:alice.example.com");
    CHECK(show(fx.run()).empty());
  }
  SECTION("good: no store given, the rule is skipped") {
    CHECK(fx.run(false).empty());
  }
  SECTION("good: drafts and published targets do not count") {
    fx.project.posts[0].status = "draft";
    fx.project.posts[1].status = "draft";
    fx.project.posts[2].publish["sky"] = project::TargetState{.state = "published", .remote_id = "1"};
    CHECK(show(fx.run()).empty());
  }
  SECTION("bad: a failed or missed target still counts") {
    fx.login("mastodon:acme@mastodon.social");
    fx.project.posts[2].publish["sky"] = project::TargetState{.state = "failed", .remote_id = ""};
    CHECK(fx.run().size() == 1);
  }
  SECTION("a webhook needs its secret URL stored") {
    fx.project.accounts["hook"] = account("hook", "webhook", "");
    fx.project.posts = {post("2026-12-01-a", "hook", at("2026-12-01T09:00:00Z"))};
    CHECK(show(fx.run()) == "accounts/hook.json: : credentials-missing: no stored credentials for webhook:hook; "
                            "1 post is waiting to publish [error; smm account login hook]\n");
  }
}

TEST_CASE("credentials-expiring", "[audit][credentials]") {
  Fixture fx;
  fx.login("mastodon:acme@mastodon.social");
  for (int day = 10; day <= 20; ++day) {  // Bluesky posts on Dec 10..20, 09:00 UTC
    fx.project.posts.push_back(post("2026-12-" + std::to_string(day) + "-p", "sky",
                                    at(("2026-12-" + std::to_string(day) + "T09:00:00Z").c_str())));
  }
  const std::string id = "bluesky:alice.example.com";
  SECTION("bad: the token expires before the last due post, no refresh token") {
    fx.login(id, at("2026-12-14T23:30:00Z"));  // Dec 15 00:30 in Paris
    CHECK(show(fx.run()) == "accounts/sky.json: : credentials-expiring: token expires 2026-12-15; 6 posts are due "
                            "after that [error; smm account login sky]\n");
  }
  SECTION("bad: the refresh token expires before the last post too") {
    fx.login(id, at("2026-12-19T10:00:00Z"), "refresh", at("2026-12-19T12:00:00Z"));
    CHECK(show(fx.run()) == "accounts/sky.json: : credentials-expiring: token expires 2026-12-19; 1 post is due "
                            "after that [error; smm account login sky]\n");
  }
  SECTION("bad: already expired, queued posts without a time count too") {
    fx.project.posts.push_back(post("2026-11-30-q", "sky", std::nullopt, "queued"));
    fx.login(id, at("2026-11-20T10:00:00Z"));
    CHECK(show(fx.run()) == "accounts/sky.json: : credentials-expiring: token expired 2026-11-20; 12 posts are due "
                            "after that [error; smm account login sky]\n");
  }
  SECTION("good: the token outlives every post") {
    fx.login(id, at("2026-12-20T09:00:00Z"));
    CHECK(fx.run().empty());
  }
  SECTION("good: a refresh token without an expiry, or one that outlives the posts") {
    fx.login(id, at("2026-12-01T00:00:00Z"), "refresh");
    CHECK(fx.run().empty());
    fx.login(id, at("2026-12-01T00:00:00Z"), "refresh", at("2027-03-01T00:00:00Z"));
    CHECK(fx.run().empty());
  }
  SECTION("good: a token without an expiry") {
    fx.login(id);
    CHECK(fx.run().empty());
  }
  SECTION("good: the posts after the expiry are published already") {
    fx.login(id, at("2026-12-14T23:30:00Z"));
    for (auto& p : fx.project.posts) {
      if (p.at && *p.at > at("2026-12-14T23:30:00Z")) {
        p.publish["sky"] = project::TargetState{.state = "published", .remote_id = "1"};
      }
    }
    CHECK(fx.run().empty());
  }
}

}  // namespace
}  // namespace smm::audit
