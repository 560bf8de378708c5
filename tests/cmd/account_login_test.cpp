// SPDX-License-Identifier: MIT
// `smm account login` and `smm account check` in process, with a FakeTransport behind the
// Context's make_transport and the credential store in a temp file (SMM_CREDENTIALS).
#include "smm/creds/store.hpp"
#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

struct Setup {
  TempProject dir;
  FakeTransport http;
  std::string creds;

  Setup() : creds((dir.dir() / "creds.json").string()) {
    dir.write("accounts/masto.json",
              R"({"platform": "mastodon", "server": "https://social.example", "handle": "acme"})" "\n");
    std::filesystem::create_directories(dir.dir() / ".smm" / "cache");
    dir.write(".smm/cache/mastodon-social.example.json", R"({"fetched_at": "2026-11-23T09:30:00Z", "max_characters": 500})");
  }

  Ran run(const std::vector<std::string>& args, const std::string& input = "", bool tty = false) {
    io::TestStreams io(tty);
    io.set_input(input);
    Context ctx{io, [] { return fixed_now(); }, dir.dir(), Env({{"SMM_NOW", "2026-11-23T10:00:00Z"}, {"SMM_CREDENTIALS", creds}})};
    ctx.make_transport = [this] { return std::make_unique<BorrowedTransport>(http); };
    int code = cmd::run(args, ctx);
    return {code, io.out_text(), io.err_text()};
  }
};

const char* k_me = R"({"id":"7","acct":"acme"})";

}  // namespace

TEST_CASE("account login --token - reads the token from piped stdin", "[account]") {
  Setup s;
  s.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
  Ran r = s.run({"account", "login", "masto", "--token", "-"}, "tok-abc\n");
  CHECK(r.err == "Logged in to masto as @acme@social.example; credentials saved in " + s.creds + "\n");
  CHECK(r.code == 0);
  auto store = creds::CredentialStore::load_file(s.creds);
  REQUIRE(store.has_value());
  CHECK(store->find("mastodon:acme@social.example")->access_token() == "tok-abc");
}

TEST_CASE("account login refuses a secret in a flag", "[account]") {
  Setup s;
  Ran r = s.run({"account", "login", "masto", "--token", "tok-abc"});
  CHECK(r.code == 2);
  CHECK(r.err.find("tok-abc") == std::string::npos);
  CHECK(s.http.requests().empty());
}

TEST_CASE("account login: the OAuth flow with a code piped in", "[account]") {
  Setup s;
  s.http.stub({"POST", "/api/v1/apps"}, FakeTransport::reply(200, R"({"client_id":"cid","client_secret":"cs"})"));
  s.http.stub({"POST", "/oauth/token"}, FakeTransport::reply(200, R"({"access_token":"t","scope":"read write"})"));
  s.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
  Ran r = s.run({"account", "login", "masto"}, "the-code\n");
  CHECK(r.code == 0);
  CHECK(r.err.find("https://social.example/oauth/authorize?response_type=code&client_id=cid&") != std::string::npos);
  s.http.verify();
}

TEST_CASE("account check: a table, exit 4 when credentials are missing or rejected", "[account]") {
  Setup s;
  SECTION("missing") {
    Ran r = s.run({"account", "check"});
    CHECK(r.out == "account\tplatform\tidentity\tscopes\texpires\tstatus\tmessage\n"
                   "feed\tfeed\tdemo\t\t\tok\t\n"
                   "masto\tmastodon\t\t\t\tmissing\tno credentials for mastodon:acme@social.example; run `smm account login masto`\n");
    CHECK(r.err == "smm: error: 1 account(s) need a login: masto\nhint: run `smm account login masto`\n");
    CHECK(r.code == 4);
  }
  SECTION("ok after login") {
    s.http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, k_me));
    REQUIRE(s.run({"account", "login", "masto", "--token", "-"}, "tok\n").code == 0);
    Ran r = s.run({"account", "check", "masto"});
    CHECK(r.out == "account\tplatform\tidentity\tscopes\texpires\tstatus\tmessage\n"
                   "masto\tmastodon\t@acme@social.example\t\t\tok\t\n");
    CHECK(r.code == 0);
  }
  SECTION("an unknown account") {
    CHECK(s.run({"account", "check", "mastro"}).code == 1);
  }
}

TEST_CASE("account login: a webhook URL read from stdin is stored, shown masked, never sent to", "[account]") {
  Setup s;
  s.dir.write("accounts/hook.json", R"({"platform": "webhook"})" "\n");
  Ran r = s.run({"account", "login", "hook"}, "https://hooks.example/services/T0/B0/s3cr3t\n");
  CHECK(r.code == 0);
  CHECK(r.err.find("Logged in to hook as https://hooks.example/[secret]") != std::string::npos);
  CHECK(r.err.find("s3cr3t") == std::string::npos);
  CHECK(s.http.requests().empty());
  auto store = creds::CredentialStore::load_file(s.creds);
  REQUIRE(store.has_value());
  CHECK(store->find("webhook:hook")->extra_string("url") == "https://hooks.example/services/T0/B0/s3cr3t");
  Ran check = s.run({"account", "check", "hook", "--format", "tsv"});
  CHECK(check.code == 0);
  CHECK(check.out.find("hook\twebhook\thttps://hooks.example/[secret]\t") != std::string::npos);

  Ran bad = s.run({"account", "login", "hook"}, "hooks.example/x\n");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("not a webhook URL") != std::string::npos);
}

}  // namespace smm::test
