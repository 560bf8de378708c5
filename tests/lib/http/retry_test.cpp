// SPDX-License-Identifier: MIT
#include "smm/http/retry.hpp"

#include <memory>

#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/helpers.hpp"

using smm::http::Request;
using smm::http::Response;
using smm::http::RetryHooks;
using smm::http::RetryPolicy;
using smm::http::RetryTransport;
using smm::test::FakeTransport;
using std::chrono::milliseconds;

namespace {

/// Clocks that only move when the transport sleeps, a fixed "random" fraction, and a record of
/// every wait.
struct FakeTime {
  smm::time::Instant wall = smm::test::at("2026-11-24T09:00:00Z");
  std::chrono::steady_clock::time_point steady{};
  double fraction = 0.5;
  std::vector<milliseconds> waits;

  RetryHooks hooks() {
    return RetryHooks{
        [this] { return wall; },
        [this] { return steady; },
        [this](milliseconds wait) {
          waits.push_back(wait);
          steady += wait;
          wall += std::chrono::ceil<std::chrono::seconds>(wait);
        },
        [this] { return fraction; },
    };
  }
};

/// A RetryTransport over a FakeTransport the test keeps a reference to.
struct Rig {
  FakeTime time;
  FakeTransport* fake = nullptr;
  std::unique_ptr<RetryTransport> retry;

  explicit Rig(RetryPolicy policy = {}) {
    // The hooks point into `time`, so a Rig never moves.
    auto owned = std::make_unique<FakeTransport>();
    fake = owned.get();
    retry = std::make_unique<RetryTransport>(std::move(owned), policy, time.hooks());
  }
  Rig(const Rig&) = delete;
  Rig& operator=(const Rig&) = delete;
};

Request make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.url = "https://api.example.test" + path;
  return request;
}

FakeTransport::Match match(std::string method, std::string path) {
  return {std::move(method), std::move(path), {}};
}

}  // namespace

TEST_CASE("RetryTransport retries 5xx for idempotent requests with jittered backoff",
          "[http][retry]") {
  Rig rig;
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(503), 1)
      .stub(match("GET", "/a"), FakeTransport::reply(200, "ok"));
  auto result = rig.retry->send(make("GET", "/a"));
  REQUIRE(result.has_value());
  CHECK(result->status == 200);
  CHECK(rig.fake->requests().size() == 2);
  CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(250)});  // 0.5 of 500 ms
  rig.fake->verify();
}

TEST_CASE("RetryTransport backoff doubles up to its cap, with full jitter", "[http][retry]") {
  RetryPolicy policy;
  policy.max_attempts = 5;
  policy.base_delay = milliseconds(500);
  policy.max_delay = milliseconds(1500);
  Rig rig(policy);
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(500, "still broken"));
  SECTION("the whole cap at fraction 1") {
    rig.time.fraction = 1.0;
    auto result = rig.retry->send(make("GET", "/a"));
    REQUIRE(result.has_value());
    CHECK(result->status == 500);  // the last response, once attempts run out
    CHECK(result->body == "still broken");
    CHECK(rig.fake->requests().size() == 5);
    CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(500), milliseconds(1000),
                                                      milliseconds(1500), milliseconds(1500)});
  }
  SECTION("a fraction of it otherwise") {
    rig.time.fraction = 0.25;
    (void)rig.retry->send(make("GET", "/a"));
    CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(125), milliseconds(250),
                                                      milliseconds(375), milliseconds(375)});
  }
}

TEST_CASE("RetryTransport stops after max attempts", "[http][retry]") {
  SECTION("the default is 4 attempts") {
    Rig rig;
    rig.fake->stub(match("GET", "/a"), FakeTransport::reply(502));
    auto result = rig.retry->send(make("GET", "/a"));
    REQUIRE(result.has_value());
    CHECK(result->status == 502);
    CHECK(rig.fake->requests().size() == smm::http::k_retry_max_attempts);
    CHECK(rig.time.waits.size() == 3);
  }
  SECTION("1 means never retry") {
    Rig rig(RetryPolicy{.max_attempts = 1});
    rig.fake->stub(match("GET", "/a"), FakeTransport::reply(503));
    CHECK(rig.retry->send(make("GET", "/a"))->status == 503);
    CHECK(rig.fake->requests().size() == 1);
    CHECK(rig.time.waits.empty());
  }
}

TEST_CASE("RetryTransport leaves other statuses alone", "[http][retry]") {
  int status = GENERATE(200, 201, 301, 400, 401, 403, 404, 409, 422, 501, 505);
  Rig rig;
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(status));
  CHECK(rig.retry->send(make("GET", "/a"))->status == status);
  CHECK(rig.fake->requests().size() == 1);
  CHECK(rig.time.waits.empty());
}

TEST_CASE("RetryTransport waits as long as the server asks on a 429", "[http][retry]") {
  Rig rig;
  auto ok = FakeTransport::reply(200);
  auto limited = [](smm::http::Headers headers) {
    return FakeTransport::reply(429, R"({"error":"Too many requests"})", std::move(headers));
  };
  SECTION("Retry-After seconds") {
    rig.fake->stub(match("GET", "/a"), limited({{"Retry-After", "7"}}), 1);
  }
  SECTION("Retry-After HTTP-date") {
    rig.fake->stub(match("GET", "/a"), limited({{"Retry-After", "Tue, 24 Nov 2026 09:00:07 GMT"}}),
                   1);
  }
  SECTION("Mastodon X-RateLimit-Reset (ISO 8601)") {
    rig.fake->stub(match("GET", "/a"),
                   limited({{"X-RateLimit-Reset", "2026-11-24T09:00:07.000000Z"}}), 1);
  }
  SECTION("Bluesky RateLimit-Reset (Unix seconds)") {
    auto reset = rig.time.wall + std::chrono::seconds(7);
    rig.fake->stub(match("GET", "/a"),
                   limited({{"ratelimit-reset", std::to_string(reset.time_since_epoch().count())}}),
                   1);
  }
  rig.fake->stub(match("GET", "/a"), ok);
  auto result = rig.retry->send(make("GET", "/a"));
  REQUIRE(result.has_value());
  CHECK(result->status == 200);
  CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(7000)});
}

TEST_CASE("RetryTransport gives up at once when the server asks for too long a wait",
          "[http][retry]") {
  auto check_gave_up = [](Rig& rig) {
    auto result = rig.retry->send(make("GET", "/a"));
    REQUIRE(result.has_value());
    CHECK(result->status == 429);  // the caller reports "rate limited until T"
    CHECK(rig.fake->requests().size() == 1);
    CHECK(rig.time.waits.empty());
  };
  SECTION("longer than max_server_wait") {
    Rig rig;
    rig.fake->stub(match("GET", "/a"),
                   FakeTransport::reply(429, {}, {{"X-RateLimit-Reset", "2026-11-24T09:05:00Z"}}));
    check_gave_up(rig);
  }
  SECTION("within max_server_wait but past the budget") {
    Rig rig(RetryPolicy{.budget = milliseconds(10'000)});
    rig.fake->stub(match("GET", "/a"), FakeTransport::reply(429, {}, {{"Retry-After", "20"}}));
    check_gave_up(rig);
  }
}

TEST_CASE("RetryTransport stops when the next wait would pass the budget", "[http][retry]") {
  Rig rig(RetryPolicy{.budget = milliseconds(1000), .base_delay = milliseconds(400)});
  rig.time.fraction = 1.0;
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(504));
  CHECK(rig.retry->send(make("GET", "/a"))->status == 504);
  // 400 ms fits; 400 + 800 does not.
  CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(400)});
  CHECK(rig.fake->requests().size() == 2);
}

TEST_CASE("RetryTransport resends a non-idempotent request only when the server did not act",
          "[http][retry]") {
  Rig rig;
  Request post = make("POST", "/statuses");
  post.body = R"({"status":"hello"})";
  SECTION("a 429 is retried") {
    rig.fake->stub(match("POST", "/statuses"),
                   FakeTransport::reply(429, {}, {{"Retry-After", "1"}}), 1);
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(200));
    CHECK(rig.retry->send(post)->status == 200);
    CHECK(rig.fake->requests().size() == 2);
  }
  SECTION("a refused connection is retried") {
    rig.fake->stub(match("POST", "/statuses"),
                   std::unexpected(FakeTransport::failure("api.example.test", "could not connect")),
                   1);
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(200));
    CHECK(rig.retry->send(post)->status == 200);
    CHECK(rig.fake->requests().size() == 2);
  }
  SECTION("5xx, a timeout and a lost connection are not") {
    auto reply = GENERATE(smm::Result<Response>(FakeTransport::reply(500)),
                          smm::Result<Response>(FakeTransport::reply(502)),
                          smm::Result<Response>(FakeTransport::reply(503)),
                          smm::Result<Response>(FakeTransport::reply(504)),
                          smm::Result<Response>(std::unexpected(
                              FakeTransport::failure("api.example.test", "timed out"))),
                          smm::Result<Response>(std::unexpected(
                              FakeTransport::failure("api.example.test", "connection lost"))));
    rig.fake->stub(match("POST", "/statuses"), reply);
    auto result = rig.retry->send(post);
    CHECK(result.has_value() == reply.has_value());
    CHECK(rig.fake->requests().size() == 1);
    CHECK(rig.time.waits.empty());
  }
  SECTION("unless it carries an Idempotency-Key or is marked idempotent") {
    bool keyed = GENERATE(true, false);
    if (keyed) {
      post.headers = {{"Idempotency-Key", "3f2d9c1e"}};
    } else {
      post.idempotent = true;
    }
    rig.fake->stub(match("POST", "/statuses"),
                   std::unexpected(FakeTransport::failure("api.example.test", "timed out")), 1);
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(503), 1);
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(200));
    CHECK(rig.retry->send(post)->status == 200);
    CHECK(rig.fake->requests().size() == 3);
    CHECK(rig.fake->requests().back().body == post.body);
  }
  SECTION("a GET marked not idempotent is treated like a POST") {
    Request get = make("GET", "/a");
    get.idempotent = false;
    rig.fake->stub(match("GET", "/a"), FakeTransport::reply(503));
    CHECK(rig.retry->send(get)->status == 503);
    CHECK(rig.fake->requests().size() == 1);
  }
}

TEST_CASE("RetryTransport retries only failures that may heal", "[http][retry]") {
  struct Case {
    const char* reason;
    bool retried;
  };
  auto c = GENERATE(Case{"could not connect", true}, Case{"timed out", true},
                    Case{"connection lost", true}, Case{"could not resolve host", false},
                    Case{"TLS failed", false}, Case{"too many redirects", false},
                    Case{"malformed URL", false}, Case{"response too large", false},
                    Case{"request failed", false});
  INFO(c.reason);
  Rig rig;
  rig.fake->stub(match("GET", "/a"),
                 std::unexpected(FakeTransport::failure("api.example.test", c.reason)));
  auto result = rig.retry->send(make("GET", "/a"));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().message == "api.example.test: " + std::string(c.reason) + ": detail");
  CHECK(rig.fake->requests().size() == (c.retried ? 4U : 1U));
}

TEST_CASE("is_idempotent follows the method, the header and the flag", "[http][retry]") {
  for (const char* method : {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}) {
    CHECK(smm::http::is_idempotent(make(method, "/")));
  }
  CHECK_FALSE(smm::http::is_idempotent(make("POST", "/")));
  CHECK_FALSE(smm::http::is_idempotent(make("PATCH", "/")));
  Request keyed = make("POST", "/");
  keyed.headers = {{"idempotency-key", "k"}};
  CHECK(smm::http::is_idempotent(keyed));
  keyed.idempotent = false;
  CHECK_FALSE(smm::http::is_idempotent(keyed));
}

TEST_CASE("RetryTransport send_all keeps the batch and retries only the failed ones",
          "[http][retry]") {
  Rig rig;
  rig.fake->stub(match("GET", "/ok"), FakeTransport::reply(200, "ok"))
      .stub(match("GET", "/flaky"), FakeTransport::reply(503), 1)
      .stub(match("GET", "/flaky"), FakeTransport::reply(200, "flaky"))
      .stub(match("GET", "/limited"), FakeTransport::reply(429, {}, {{"Retry-After", "2"}}), 1)
      .stub(match("GET", "/limited"), FakeTransport::reply(200, "limited"))
      .stub(match("POST", "/post"),
            std::unexpected(FakeTransport::failure("api.example.test", "timed out")))
      .stub(match("GET", "/gone"), FakeTransport::reply(404));
  std::vector<Request> batch = {make("GET", "/ok"), make("GET", "/flaky"), make("GET", "/limited"),
                                make("POST", "/post"), make("GET", "/gone")};
  auto results = rig.retry->send_all(batch, 8);
  REQUIRE(results.size() == 5);
  CHECK(results[0]->body == "ok");
  CHECK(results[1]->body == "flaky");
  CHECK(results[2]->body == "limited");
  CHECK_FALSE(results[3].has_value());  // a POST that timed out is never resent
  CHECK(results[4]->status == 404);
  CHECK(rig.fake->batches() == std::vector<std::size_t>{5, 2});
  // One wait for the round: the longest of 250 ms backoff and a 2 s Retry-After.
  CHECK(rig.time.waits == std::vector<milliseconds>{milliseconds(2000)});
  REQUIRE(rig.fake->requests().size() == 7);
  CHECK(rig.fake->requests()[5].url.ends_with("/flaky"));
  CHECK(rig.fake->requests()[6].url.ends_with("/limited"));
  rig.fake->verify();
}

TEST_CASE("RetryTransport send_all gives up per request", "[http][retry]") {
  Rig rig;
  rig.fake->stub(match("GET", "/down"), FakeTransport::reply(503))
      .stub(match("GET", "/later"), FakeTransport::reply(429, {}, {{"Retry-After", "3600"}}))
      .stub(match("GET", "/ok"), FakeTransport::reply(200));
  auto results =
      rig.retry->send_all({make("GET", "/down"), make("GET", "/later"), make("GET", "/ok")}, 2);
  CHECK(results[0]->status == 503);
  CHECK(results[1]->status == 429);
  CHECK(results[2]->status == 200);
  // /down is tried 4 times in all; /later only once (an hour is too long to wait).
  CHECK(rig.fake->batches() == std::vector<std::size_t>{3, 1, 1, 1});
  CHECK(rig.time.waits.size() == 3);
  CHECK(rig.retry->send_all({}, 2).empty());
}
