// SPDX-License-Identifier: MIT
#include <sys/stat.h>

#include "lib/platform/mastodon_fixture.hpp"
#include "smm/platform/login.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

using platform::Json;

struct Dialog {
  std::vector<std::string> said;
  std::optional<std::string> answer;
  std::vector<std::string> prompts;

  platform::LoginIo io() {
    return {[this](const std::string& line) { said.push_back(line); },
            [this](const std::string& prompt) {
              prompts.push_back(prompt);
              return answer;
            }};
  }
};

const char* k_me = R"({"id":"7","acct":"acme","url":"https://social.example/@acme"})";

}  // namespace

TEST_CASE("mastodon login: register once, authorize URL, pasted code, token exchange, verify, store", "[mastodon]") {
  MastodonFixture f(false);
  f.http.stub({"POST", "/api/v1/apps"}, FakeTransport::reply(200, R"({"id":"1","client_id":"cid 1","client_secret":"csecret"})"));
  f.http.stub({"POST", "/oauth/token"},
              FakeTransport::reply(200, R"({"access_token":"tok-new","token_type":"Bearer","scope":"read write","created_at":1})"));
  f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
  Dialog d;
  d.answer = "the-code";

  auto id = platform::login(f.env(), {}, d.io());

  REQUIRE(id.has_value());
  CHECK(id->handle == "@acme@social.example");
  const auto& reqs = f.http.requests();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].body == R"({"client_name":"smm","redirect_uris":["urn:ietf:wg:oauth:2.0:oob"],"scopes":"read write"})");
  CHECK(http::find_header(reqs[0].headers, "Authorization") == std::nullopt);
  CHECK(Json::parse(reqs[1].body) == Json::parse(R"({"grant_type":"authorization_code","code":"the-code","client_id":"cid 1",
        "client_secret":"csecret","redirect_uri":"urn:ietf:wg:oauth:2.0:oob","scope":"read write"})"));
  CHECK(http::find_header(reqs[2].headers, "Authorization") == "Bearer tok-new");
  REQUIRE(d.said.size() == 2);
  CHECK(d.said[1] == "  https://social.example/oauth/authorize?response_type=code&client_id=cid%201"
                     "&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=read%20write&force_login=true");
  CHECK(d.prompts == std::vector<std::string>{"Code: "});

  auto stored = creds::CredentialStore::load_file(f.dir.dir() / "creds.json");
  REQUIRE(stored.has_value());
  const creds::Credential* c = stored->find("mastodon:acme@social.example");
  REQUIRE(c != nullptr);
  CHECK(c->access_token() == "tok-new");
  CHECK(c->scopes == std::vector<std::string>{"read", "write"});
  CHECK(c->server == "https://social.example");
  CHECK(c->extra_string("client_id") == "cid 1");
  CHECK(c->extra_string("client_secret") == "csecret");
  struct stat st {};
  REQUIRE(::stat((f.dir.dir() / "creds.json").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("mastodon login: another account on the same server reuses the app registration", "[mastodon]") {
  MastodonFixture f(false);
  creds::Credential other;
  other.platform = "mastodon";
  other.server = "https://social.example";
  other.extra()["client_id"] = "cid";
  other.extra()["client_secret"] = "cs";
  REQUIRE(f.session->update("mastodon:brand2@social.example", other).has_value());
  f.http.stub({"POST", "/oauth/token"}, FakeTransport::reply(200, R"({"access_token":"t2","scope":"read write"})"));
  f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
  Dialog d;
  d.answer = "c";
  REQUIRE(platform::login(f.env(), {}, d.io()).has_value());
  CHECK(f.http.requests()[0].url == "https://social.example/oauth/token");
  f.http.verify();
}

TEST_CASE("mastodon login: failures store no token", "[mastodon]") {
  MastodonFixture f(false);
  Dialog d;
  SECTION("no code: usage error, but the registration is kept for the next try") {
    f.http.stub({"POST", "/api/v1/apps"}, FakeTransport::reply(200, R"({"client_id":"cid","client_secret":"cs"})"));
    auto id = platform::login(f.env(), {}, d.io());
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().kind == ErrorKind::usage);
    auto c = f.session->get("mastodon:acme@social.example");
    REQUIRE(c.has_value());
    CHECK(c->access_token().empty());
    CHECK(c->extra_string("client_id") == "cid");
  }
  SECTION("a used or expired code") {
    f.http.stub({"POST", "/api/v1/apps"}, FakeTransport::reply(200, R"({"client_id":"cid","client_secret":"cs"})"));
    f.http.stub({"POST", "/oauth/token"},
                FakeTransport::reply(400, R"({"error":"invalid_grant","error_description":"The provided authorization grant is invalid"})"));
    d.answer = "old";
    auto id = platform::login(f.env(), {}, d.io());
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().kind == ErrorKind::auth);
    CHECK(id.error().message ==
          "social.example: exchanging the code: 400 Bad Request: invalid_grant: The provided authorization grant is invalid");
  }
  SECTION("a token for another account") {
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, R"({"id":"8","acct":"bob"})"));
    d.answer = "tok";
    auto id = platform::login(f.env(), {true}, d.io());
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().message == "the token belongs to @bob, not to acme");
    CHECK_FALSE(f.session->get("mastodon:acme@social.example").has_value());
  }
  SECTION("a token the server refuses") {
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
                FakeTransport::reply(401, R"({"error":"The access token is invalid"})"));
    d.answer = "tok";
    auto id = platform::login(f.env(), {true}, d.io());
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error().kind == ErrorKind::auth);
    CHECK_FALSE(f.session->get("mastodon:acme@social.example").has_value());
  }
}

TEST_CASE("mastodon login: --token - stores a verified token", "[mastodon]") {
  MastodonFixture f(false);
  f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
  Dialog d;
  d.answer = "pasted-token";
  auto id = platform::login(f.env(), {true}, d.io());
  REQUIRE(id.has_value());
  CHECK(d.prompts == std::vector<std::string>{"Access token: "});
  CHECK(f.session->get("mastodon:acme@social.example")->access_token() == "pasted-token");
  CHECK(http::find_header(f.http.requests()[0].headers, "Authorization") == "Bearer pasted-token");
}

TEST_CASE("account check: ok, missing, rejected, offline feed", "[mastodon]") {
  SECTION("ok") {
    MastodonFixture f;
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
    auto r = platform::check_account(f.env());
    CHECK(r.status == "ok");
    CHECK(r.identity.handle == "@acme@social.example");
    CHECK(r.identity.scopes == std::vector<std::string>{"read", "write"});
  }
  SECTION("missing") {
    MastodonFixture f(false);
    auto r = platform::check_account(f.env());
    CHECK(r.status == "missing");
    CHECK(f.http.requests().empty());
  }
  SECTION("rejected") {
    MastodonFixture f;
    f.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(401, R"({"error":"revoked"})"));
    auto r = platform::check_account(f.env());
    CHECK(r.status == "rejected");
    CHECK(r.message.find("401 Unauthorized: revoked") != std::string::npos);
  }
  SECTION("feed, offline") {
    MastodonFixture f;
    project::Account feed;
    feed.name = "feed";
    feed.platform = "feed";
    f.proj.accounts["feed"] = feed;
    platform::Env env{&f.proj, &f.proj.accounts["feed"], [] { return fixed_now(); }, nullptr, nullptr};
    CHECK(platform::check_account(env).status == "ok");
  }
}

}  // namespace smm::test
