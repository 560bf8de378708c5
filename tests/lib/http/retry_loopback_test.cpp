// SPDX-License-Identifier: MIT
// RetryTransport over the real CurlTransport on 127.0.0.1: the failure reasons it keys on are
// the ones curl really produces. The sleep is recorded, not slept.

#include <memory>

#include "smm/http/curl_transport.hpp"
#include "smm/http/retry.hpp"
#include "support/catch.hpp"
#include "support/loopback_server.hpp"

using smm::http::Request;
using smm::http::RetryHooks;
using smm::http::RetryTransport;
using std::chrono::milliseconds;

namespace {

struct Recorded {
  std::vector<milliseconds> waits;
  RetryHooks hooks() {
    RetryHooks hooks;
    hooks.sleep = [this](milliseconds wait) { waits.push_back(wait); };
    hooks.random = [] { return 0.0; };
    return hooks;
  }
};

Request make(std::string method, std::string url) {
  Request request;
  request.method = std::move(method);
  request.url = std::move(url);
  return request;
}

}  // namespace

TEST_CASE("RetryTransport honours a real Retry-After", "[http][retry][loopback]") {
  smm::test::LoopbackServer loopback;
  std::atomic<int> calls{0};
  loopback.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      res.status = 503;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("fine", "text/plain");
  });
  loopback.start();
  Recorded recorded;
  RetryTransport transport(std::make_unique<smm::http::CurlTransport>(), {}, recorded.hooks());
  auto result = transport.send(make("GET", loopback.url("/flaky")));
  REQUIRE(result.has_value());
  CHECK(result->status == 200);
  CHECK(result->body == "fine");
  CHECK(loopback.hits() == 2);
  CHECK(recorded.waits == std::vector<milliseconds>{milliseconds(1000)});
}

TEST_CASE("RetryTransport retries a refused connection, even for a POST",
          "[http][retry][loopback]") {
  Recorded recorded;
  RetryTransport transport(std::make_unique<smm::http::CurlTransport>(), {}, recorded.hooks());
  std::string url = "http://127.0.0.1:" + std::to_string(smm::test::closed_port()) + "/";
  auto result = transport.send(make("POST", url));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().message.starts_with("127.0.0.1: could not connect: "));
  CHECK(recorded.waits.size() == 3);  // 4 attempts
}

TEST_CASE("RetryTransport resends after a dropped connection only when idempotent",
          "[http][retry][loopback]") {
  smm::test::HangUpListener listener;
  Recorded recorded;
  RetryTransport transport(std::make_unique<smm::http::CurlTransport>(), {}, recorded.hooks());
  SECTION("GET") {
    auto result = transport.send(make("GET", listener.url("/feed")));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.starts_with("127.0.0.1: connection lost: "));
    CHECK(listener.accepted() == 4);
  }
  SECTION("POST without an Idempotency-Key") {
    Request post = make("POST", listener.url("/statuses"));
    post.body = "status=hi";
    auto result = transport.send(post);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message.starts_with("127.0.0.1: connection lost: "));
    CHECK(listener.accepted() == 1);
    CHECK(recorded.waits.empty());
  }
}
