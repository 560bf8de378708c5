// SPDX-License-Identifier: MIT
// The decorators stacked as http.hpp recommends, Auth(Retry(Debug(Curl))), against a real
// server on 127.0.0.1: an expired token is refreshed, a 503 is retried with the new token, every
// attempt is logged, and neither token reaches the log.

#include <memory>
#include <mutex>

#include "smm/http/auth.hpp"
#include "smm/http/curl_transport.hpp"
#include "smm/http/debug.hpp"
#include "smm/http/retry.hpp"
#include "support/catch.hpp"
#include "support/loopback_server.hpp"

using smm::http::AuthTransport;
using smm::http::CurlTransport;
using smm::http::DebugTransport;
using smm::http::Request;
using smm::http::RetryHooks;
using smm::http::RetryPolicy;
using smm::http::RetryTransport;
using smm::http::TokenSource;

TEST_CASE("Auth(Retry(Debug(Curl))) refreshes, retries and redacts", "[http][loopback]") {
  smm::test::LoopbackServer loopback;
  std::mutex mutex;
  std::vector<std::string> seen_tokens;
  int fresh_calls = 0;
  loopback.server().Post("/statuses", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    std::string auth = req.get_header_value("Authorization");
    seen_tokens.push_back(auth);
    if (auth != "Bearer fresh-token-5678") {
      res.status = 401;
      res.set_content(R"({"error":"The access token expired"})", "application/json");
      return;
    }
    if (++fresh_calls == 1) {
      res.status = 503;
      return;
    }
    res.set_content(R"({"id":"1","token_echo":"fresh-token-5678"})", "application/json");
  });
  loopback.start();

  std::string log;
  std::string token = "stale-token-1234";
  std::vector<std::chrono::milliseconds> waits;
  RetryHooks hooks;
  hooks.sleep = [&](std::chrono::milliseconds wait) { waits.push_back(wait); };
  auto debug = std::make_unique<DebugTransport>(std::make_unique<CurlTransport>(),
                                                [&](std::string_view block) { log += block; });
  auto retry = std::make_unique<RetryTransport>(std::move(debug), RetryPolicy{}, hooks);
  AuthTransport transport(
      std::move(retry), TokenSource{[&]() -> smm::Result<std::string> { return "Bearer " + token; },
                                    [&]() -> smm::Result<bool> {
                                      token = "fresh-token-5678";
                                      return true;
                                    }});

  Request request;
  request.method = "POST";
  request.url = loopback.url("/statuses");
  request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", "k-1"}};
  request.body = R"({"status":"hello"})";
  auto result = transport.send(request);
  REQUIRE(result.has_value());
  CHECK(result->status == 200);
  CHECK(seen_tokens == std::vector<std::string>{"Bearer stale-token-1234",
                                                "Bearer fresh-token-5678",
                                                "Bearer fresh-token-5678"});
  CHECK(waits.size() == 1);  // the 503, retried because of the Idempotency-Key
  INFO(log);
  CHECK(log.find("stale-token-1234") == std::string::npos);
  CHECK(log.find("fresh-token-5678") == std::string::npos);
  CHECK(log.find("< #1 401 Unauthorized") != std::string::npos);
  CHECK(log.find("< #2 503 Service Unavailable") != std::string::npos);
  CHECK(log.find("< #3 200 OK") != std::string::npos);
  CHECK(log.find(R"("token_echo":"[redacted]")") != std::string::npos);
}
