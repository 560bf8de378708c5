// SPDX-License-Identifier: MIT
#include "smm/http/rate_limit.hpp"

#include "support/catch.hpp"
#include "support/helpers.hpp"

using smm::http::parse_http_date;
using smm::http::parse_reset;
using smm::http::parse_retry_after;
using smm::http::Response;
using smm::http::retry_time;
using smm::test::at;
using std::chrono::seconds;

TEST_CASE("HTTP-dates in all three forms", "[http][rate_limit]") {
  auto expected = at("1994-11-06T08:49:37Z");
  CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == expected);
  CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == expected);
  CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == expected);
  CHECK(parse_http_date("Wed, 25 Nov 2026 10:00:00 GMT") == at("2026-11-25T10:00:00Z"));
  CHECK(parse_http_date(" Wed, 25 Nov 2026 10:00:00 GMT ") == at("2026-11-25T10:00:00Z"));

  for (const char* bad : {"", "GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
                          "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                          "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT",
                          "Sun, 06 Nov 199 08:49:37 GMT", "2026-11-25T10:00:00Z", "120"}) {
    INFO(bad);
    CHECK_FALSE(parse_http_date(bad).has_value());
  }
}

TEST_CASE("Retry-After as seconds or an HTTP-date", "[http][rate_limit]") {
  auto now = at("2026-11-24T09:00:00Z");
  CHECK(parse_retry_after("120", now) == now + seconds(120));
  CHECK(parse_retry_after("0", now) == now);
  CHECK(parse_retry_after(" 5 ", now) == now + seconds(5));
  CHECK(parse_retry_after("1.2", now) == now + seconds(2));  // rounded up, never early
  CHECK(parse_retry_after("Tue, 24 Nov 2026 09:00:30 GMT", now) == now + seconds(30));
  // A date in the past means "now".
  CHECK(parse_retry_after("Tue, 24 Nov 2026 08:00:00 GMT", now) == now);
  for (const char* bad : {"", "-5", "soon", "5s", "1.", ".5", "99999999999999"}) {
    INFO(bad);
    CHECK_FALSE(parse_retry_after(bad, now).has_value());
  }
}

TEST_CASE("Rate-limit reset values: delay, Unix time or RFC 3339", "[http][rate_limit]") {
  auto now = at("2026-11-24T09:00:00Z");
  auto epoch = std::chrono::duration_cast<seconds>(now.time_since_epoch()).count();
  SECTION("small numbers are delays") { CHECK(parse_reset("30", now) == now + seconds(30)); }
  SECTION("large numbers are Unix seconds (Bluesky, X, Discord with a fraction)") {
    CHECK(parse_reset(std::to_string(epoch + 90), now) == now + seconds(90));
    CHECK(parse_reset(std::to_string(epoch + 90) + ".250", now) == now + seconds(91));
    CHECK(parse_reset(std::to_string(epoch - 90), now) == now);
  }
  SECTION("RFC 3339 with microseconds (Mastodon), rounded up") {
    CHECK(parse_reset("2026-11-24T09:05:00.000000Z", now) == now + seconds(300));
    CHECK(parse_reset("2026-11-24T09:05:00.123456Z", now) == now + seconds(301));
    CHECK(parse_reset("2026-11-24T10:05:00+01:00", now) == now + seconds(300));
  }
  SECTION("garbage") {
    CHECK_FALSE(parse_reset("tomorrow", now).has_value());
    CHECK_FALSE(parse_reset("", now).has_value());
  }
}

TEST_CASE("retry_time reads Retry-After, then reset headers on a 429", "[http][rate_limit]") {
  auto now = at("2026-11-24T09:00:00Z");
  Response response;
  response.status = 429;
  SECTION("none") { CHECK_FALSE(retry_time(response, now).has_value()); }
  SECTION("Retry-After wins over reset headers") {
    response.headers = {{"x-ratelimit-reset", "2026-11-24T09:05:00Z"}, {"retry-after", "7"}};
    CHECK(retry_time(response, now) == now + seconds(7));
  }
  SECTION("an invalid Retry-After falls back to the reset headers") {
    response.headers = {{"Retry-After", "later"}, {"X-RateLimit-Reset", "2026-11-24T09:05:00Z"}};
    CHECK(retry_time(response, now) == now + seconds(300));
  }
  SECTION("Bluesky RateLimit-Reset") {
    auto reset = std::chrono::duration_cast<seconds>((now + seconds(42)).time_since_epoch());
    response.headers = {{"RateLimit-Reset", std::to_string(reset.count())}};
    CHECK(retry_time(response, now) == now + seconds(42));
  }
  SECTION("X x-rate-limit-reset") {
    auto reset = std::chrono::duration_cast<seconds>((now + seconds(60)).time_since_epoch());
    response.headers = {{"x-rate-limit-reset", std::to_string(reset.count())}};
    CHECK(retry_time(response, now) == now + seconds(60));
  }
  SECTION("Discord X-RateLimit-Reset-After") {
    response.headers = {{"X-RateLimit-Reset-After", "1.5"}};
    CHECK(retry_time(response, now) == now + seconds(2));
  }
  SECTION("reset headers on a success describe a quota, not a wait") {
    response.status = 200;
    response.headers = {{"X-RateLimit-Reset", "2026-11-24T09:05:00Z"}};
    CHECK_FALSE(retry_time(response, now).has_value());
  }
  SECTION("Retry-After on a 503 counts") {
    response.status = 503;
    response.headers = {{"Retry-After", "3"}};
    CHECK(retry_time(response, now) == now + seconds(3));
  }
}
