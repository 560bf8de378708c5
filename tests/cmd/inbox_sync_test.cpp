// SPDX-License-Identifier: MIT
// `smm inbox sync` in process: a Mastodon account behind a FakeTransport, a second one without
// credentials, the files left behind, de-duplication on the next run, --catchup, exit codes.
#include "smm/creds/session.hpp"
#include "smm/post/lock.hpp"
#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

std::string status(const std::string& id, const std::string& created, const std::string& extra = "") {
  return R"({"id":")" + id + R"(","created_at":")" + created + R"(","url":"https://social.example/@bob/)" + id +
         R"(","content":"<p>hello</p>","visibility":"public","account":{"id":"42","acct":"bob"})" + extra + "}";
}

struct Setup {
  TempProject dir;
  FakeTransport http;
  std::string creds;

  explicit Setup(bool second = false) : creds((dir.dir() / "creds.json").string()) {
    add("masto", "acme");
    if (second) {
      add("other", "nobody");
    }
    creds::Credential c;
    c.platform = "mastodon";
    c.handle = "acme";
    c.server = "https://social.example";
    c.set_access_token("tok-SECRET");
    creds::Session session{creds::CredentialStore(creds)};
    REQUIRE(session.update("mastodon:acme@social.example", c).has_value());
    // Our published post 2026-11-20-launch is status 100.
    dir.write("posts/2026-11-20-launch.json", R"({"status": "scheduled", "at": "2026-11-20T09:00:00+01:00", "targets": ["masto"],
      "text": "Launch", "publish": {"masto": {"state": "published", "remote_id": "100", "url": "https://social.example/@acme/100",
      "at": "2026-11-20T09:00:01+01:00", "parts": [{"key": "k", "remote_id": "100"}]}}})" "\n");
  }

  void add(const std::string& name, const std::string& handle) {
    dir.write("accounts/" + name + ".json",
              R"({"platform": "mastodon", "server": "https://social.example", "handle": ")" + handle + "\"}\n");
    std::filesystem::create_directories(dir.dir() / ".smm" / "cache");
    dir.write(".smm/cache/mastodon-social.example.json", R"({"fetched_at": "2026-11-23T09:30:00Z", "max_characters": 500})");
  }

  void stub_inbox() {
    http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(200, "[]"));
    http.stub({"GET", "/api/v1/notifications"},
              FakeTransport::reply(200, R"([{"id":"9","type":"mention","created_at":"2026-11-23T09:00:00Z","status":)" +
                                            status("301", "2026-11-23T09:00:00Z", R"(,"in_reply_to_id":"100")") +
                                            R"(},{"id":"8","type":"mention","created_at":"2026-11-22T09:00:00Z","status":)" +
                                            status("302", "2026-11-22T09:00:00Z") + "}]"));
  }

  Ran run(const std::vector<std::string>& args, bool tty = false) {
    io::TestStreams io(tty);
    Context ctx{io, [] { return fixed_now(); }, dir.dir(), Env({{"SMM_NOW", "2026-11-23T10:00:00Z"}, {"SMM_CREDENTIALS", creds}})};
    ctx.make_transport = [this] { return std::make_unique<BorrowedTransport>(http); };
    int code = cmd::run(args, ctx);
    return {code, io.out_text(), io.err_text()};
  }
};

}  // namespace

TEST_CASE("inbox sync: appends new items once, one line per account", "[inbox]") {
  Setup s;
  s.stub_inbox();
  Ran r = s.run({"inbox", "sync"});
  CHECK(r.err == "");
  CHECK(r.out == "masto  2 new (1 reply, 1 mention)\n");
  CHECK(r.code == 0);
  std::string lines = s.dir.read("inbox/masto/2026-11.jsonl");
  CHECK(lines.find(R"("remote_id":"302")") < lines.find(R"("remote_id":"301")"));  // in time order
  CHECK(lines.find(R"("kind":"reply")") != std::string::npos);
  CHECK(lines.find(R"("post":"2026-11-20-launch")") != std::string::npos);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);

  Ran again = s.run({"inbox", "sync"});
  CHECK(again.out == "masto  0 new\n");
  CHECK(again.code == 0);
  CHECK(s.dir.read("inbox/masto/2026-11.jsonl") == lines);
  const auto& reqs = s.http.requests();
  CHECK(reqs.back().url.find("since_id=9") != std::string::npos);
  CHECK(s.run({"inbox", "sync", "--quiet"}).out.empty());
}

TEST_CASE("inbox sync --catchup marks what it brings in as done", "[inbox]") {
  Setup s;
  s.stub_inbox();
  Ran r = s.run({"inbox", "sync", "--catchup"});
  CHECK(r.out == "masto  2 new (1 reply, 1 mention), marked done (--catchup)\n");
  CHECK(r.code == 0);
  std::string state = s.dir.read("inbox/masto/state.json");
  CHECK(std::count(state.begin(), state.end(), '{') >= 3);
  CHECK(state.find("\"status\": \"done\"") != std::string::npos);
  CHECK(state.find("\"done_at\": \"2026-11-23T10:00:00") != std::string::npos);
}

TEST_CASE("inbox sync: a failing account is reported, the others sync (exit 5); auth alone is exit 4", "[inbox]") {
  SECTION("partial") {
    Setup s(true);
    s.stub_inbox();
    Ran r = s.run({"inbox", "sync"});
    CHECK(r.out == "masto  2 new (1 reply, 1 mention)\n");
    CHECK(r.err == "smm: error: other: no credentials for mastodon:nobody@social.example\n"
                   "hint: run `smm account login other`\n");
    CHECK(r.code == 5);
  }
  SECTION("auth only") {
    Setup s(true);
    Ran r = s.run({"inbox", "sync", "--account", "other"});
    CHECK(r.out.empty());
    CHECK(r.code == 4);
  }
  SECTION("refused token") {
    Setup s;
    s.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(401, R"({"error":"invalid token"})"));
    s.http.stub({"GET", "/api/v1/notifications"}, FakeTransport::reply(401, R"({"error":"invalid token"})"));
    Ran r = s.run({"inbox", "sync"});
    CHECK(r.code == 4);
    CHECK(r.err.find("hint: run `smm account login masto`") != std::string::npos);
    CHECK(r.err.find("tok-SECRET") == std::string::npos);
  }
  SECTION("one source failing") {
    Setup s;
    s.http.stub({"GET", "/api/v1/conversations"}, FakeTransport::reply(404, R"({"error":"Not found"})"));
    s.http.stub({"GET", "/api/v1/notifications"}, FakeTransport::reply(200, "[]"));
    Ran r = s.run({"inbox", "sync"});
    CHECK(r.out == "masto  0 new\n");
    CHECK(r.err == "smm: error: masto: conversations: social.example: reading conversations: 404 Not Found: Not found\n");
    CHECK(r.code == 5);  // the notifications worked
  }
}

TEST_CASE("inbox sync: usage errors, watches checked, the lock", "[inbox]") {
  Setup s;
  CHECK(s.run({"inbox", "sync", "--account", "mastoo"}).err ==
        "smm: error: no account \"mastoo\" (did you mean \"masto\"?)\nhint: see `smm account list`\n");
  CHECK(s.run({"inbox", "sync", "--account", "feed"}).code == 2);
  CHECK(s.run({"inbox", "sync", "--since", "whenever"}).code == 2);
  std::string settings = s.dir.read("smm.json");
  s.dir.write("smm.json", settings.substr(0, settings.rfind('}')) +
                              R"(, "watches": [{"name": "brand", "account": "mastoo", "hashtag": "smm"}]})" "\n");
  Ran bad = s.run({"inbox", "sync"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("smm.json: /watches/0/account: unknown account \"mastoo\" (did you mean \"masto\"?)") != std::string::npos);
  s.dir.write("smm.json", settings);
  auto held = post::ProjectLock::acquire(s.dir.dir(), post::LockUse{"inbox.lock", "smm inbox sync", "", ""});
  REQUIRE(held.has_value());
  Ran locked = s.run({"inbox", "sync"});
  CHECK(locked.code == 75);
  CHECK(locked.err.find("is running in this project") != std::string::npos);
  CHECK(s.http.requests().empty());
}

}  // namespace smm::test
