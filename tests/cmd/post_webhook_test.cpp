// SPDX-License-Identifier: MIT
// smm post to a webhook over the real curl transport and a loopback server that records what it
// received: the body template, faults (500 then success, 401, a timeout after the request
// arrived, 429), and that the secret URL never appears in output.
#include <nlohmann/json.hpp>

#include <mutex>

#include "smm/creds/private_file.hpp"
#include "smm/http/curl_transport.hpp"
#include "support/catch.hpp"
#include "support/loopback_server.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

struct Hook {
  LoopbackServer server;
  std::mutex mutex;
  std::vector<std::string> bodies;
  std::vector<int> statuses;  ///< scripted replies, then 200
  std::string retry_after = "1";  ///< on a 429

  Hook() {
    server.server().Post("/hooks/s3cr3t-token", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      bodies.push_back(req.body);
      int status = 200;
      if (!statuses.empty()) {
        status = statuses.front();
        statuses.erase(statuses.begin());
      }
      if (status == 0) {  // a slow answer: the client times out after the request arrived
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        status = 200;
      }
      res.status = status;
      if (status == 429) {
        res.set_header("Retry-After", retry_after);
      }
      res.set_content(status == 200 ? R"({"id":"m-)" + std::to_string(bodies.size()) + R"("})" : "{}", "application/json");
    });
    server.start();
  }
};

struct Setup {
  TempProject tp;
  Hook hook;
  RunOptions options;

  Setup() {
    tp.add_account("hook", "webhook");
    std::string creds = R"({"schema_version": 1, "accounts": {"webhook:hook": {"platform": "webhook", "url": ")" +
                        hook.server.url("/hooks/s3cr3t-token") + R"("}}})";
    REQUIRE(creds::write_private_file(tp.dir() / "creds.json", creds).has_value());
    options.env = {{"SMM_CREDENTIALS", (tp.dir() / "creds.json").string()}};
    options.transport = [] { return std::make_unique<http::CurlTransport>(); };
    auto r = tp.run({"plan", "add", "Fresh \"bread\" at 8", "--to", "hook", "--at", "2026-11-23 10:30", "--tag", "bread"});
    REQUIRE(r.code == 0);
  }
  Ran post(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"post"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = tp.run(args, options);
    CHECK(r.out.find("s3cr3t") == std::string::npos);
    CHECK(r.err.find("s3cr3t") == std::string::npos);
    return r;
  }
  std::string state() { return tp.read("posts/2026-11-23-fresh-bread-at-8.json"); }
};

}  // namespace

TEST_CASE("post webhook: the template body arrives once; a rerun sends nothing", "[loopback]") {
  Setup s;
  auto r = s.post();
  CHECK(r.code == 0);
  CHECK(r.out.find("hook\tpublished") != std::string::npos);
  REQUIRE(s.hook.bodies.size() == 1);
  CHECK(nlohmann::json::parse(s.hook.bodies[0]) == nlohmann::json{{"text", "Fresh \"bread\" at 8"}});
  CHECK(s.state().find("\"remote_id\": \"m-1\"") != std::string::npos);
  CHECK(s.post().out.empty());
  CHECK(s.hook.bodies.size() == 1);
}

TEST_CASE("post webhook: a 500 fails retryably; the next run delivers it", "[loopback]") {
  Setup s;
  s.hook.statuses = {500};
  auto r = s.post();
  CHECK(r.code == 1);
  CHECK(r.out.find("hook\tfailed\t\twebhook hook: 500 Internal Server Error") != std::string::npos);
  CHECK(s.state().find("\"retryable\": true") != std::string::npos);
  CHECK(s.post().code == 0);
  CHECK(s.hook.bodies.size() == 2);
}

TEST_CASE("post webhook: 401 is an authentication failure (exit 4), not retried", "[loopback]") {
  Setup s;
  s.hook.statuses = {401};
  CHECK(s.post().code == 4);
  CHECK(s.post().out.empty());
  CHECK(s.hook.bodies.size() == 1);
}

TEST_CASE("post webhook: a 429 with a short Retry-After is waited out in the same run", "[loopback]") {
  Setup s;
  s.hook.statuses = {429};
  auto started = std::chrono::steady_clock::now();
  auto r = s.post();
  CHECK(r.code == 0);
  CHECK(r.out.find("hook\tpublished") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(900));
  CHECK(s.hook.bodies.size() == 2);  // refused, then accepted: one message delivered
}

TEST_CASE("post webhook: a 429 with a long Retry-After fails retryably, naming when", "[loopback]") {
  Setup s;
  s.hook.statuses = {429};
  s.hook.retry_after = "3600";
  auto started = std::chrono::steady_clock::now();
  auto r = s.post();
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));  // no hour-long sleep
  CHECK(r.code == 1);
  CHECK(r.out.find("429 Too Many Requests: rate limited until 20") != std::string::npos);
  CHECK(s.hook.bodies.size() == 1);
  CHECK(s.post().code == 0);
}

TEST_CASE("post webhook: a timeout after the request arrived is never resent blindly", "[loopback]") {
  Setup s;
  s.hook.statuses = {0};
  auto r = s.post({"--timeout", "1s"});
  CHECK(r.code == 1);
  CHECK(r.out.find("\tunconfirmed\t") != std::string::npos);
  CHECK(s.state().find("\"state\": \"sending\"") != std::string::npos);
  auto again = s.post();
  CHECK(again.code == 1);
  CHECK(again.out.find("may have been published") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // the slow handler finishes
  CHECK(s.hook.bodies.size() == 1);
  CHECK(s.post().out.empty());  // needs a person: --retry-failed
  CHECK(s.post({"--retry-failed"}).code == 0);
  CHECK(s.hook.bodies.size() == 2);
}

TEST_CASE("post webhook: --debug logs the exchange on stderr without the secret URL", "[loopback]") {
  Setup s;
  auto r = s.post({"--debug"});  // post() checks that "s3cr3t" is nowhere in the output
  CHECK(r.code == 0);
  CHECK(r.err.find("> #1 POST http://127.0.0.1:") != std::string::npos);
  CHECK(r.err.find("/[redacted]") != std::string::npos);
  CHECK(r.err.find("< #1 200 OK") != std::string::npos);
  CHECK(r.err.find(R"({"text":"Fresh \"bread\" at 8"})") != std::string::npos);
}

TEST_CASE("post webhook: no stored URL is exit 4 with the login hint") {
  TempProject tp;
  tp.add_account("hook", "webhook");
  REQUIRE(tp.run({"plan", "add", "Hi", "--to", "hook", "--at", "2026-11-23 10:30"}).code == 0);
  auto r = tp.run({"post"}, {.env = {{"SMM_CREDENTIALS", (tp.dir() / "none.json").string()}},
                             .transport = [] { return std::make_unique<http::CurlTransport>(); }});
  CHECK(r.code == 4);
  CHECK(r.out.find("no webhook URL stored for hook") != std::string::npos);
}

}  // namespace smm::test
