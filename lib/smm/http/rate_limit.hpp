// SPDX-License-Identifier: MIT
#pragma once

// When a server says a request may be tried again: Retry-After (RFC 9110 §10.2.3) and the
// rate-limit reset headers the platforms send. RetryTransport waits on these; platform clients
// use retry_time() to report "rate limited until T" when the wait was too long to sit out.

#include <optional>
#include <string_view>

#include "smm/http/http.hpp"
#include "smm/time/time.hpp"

namespace smm::http {

/// A bare number at least this large is a Unix time, not a delay: 10^9 s is 2001-09-09, and no
/// server asks for a 31-year wait.
inline constexpr long long k_epoch_threshold = 1'000'000'000;

/// An HTTP-date in any of the three forms RFC 9110 §5.6.7 requires a recipient to accept:
/// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT")
/// and asctime ("Sun Nov  6 08:49:37 1994"). nullopt when `text` is none of them.
std::optional<time::Instant> parse_http_date(std::string_view text);

/// A Retry-After value: delay-seconds (decimals are rounded up) or an HTTP-date, as an instant
/// seen from `now`. nullopt when it is neither.
std::optional<time::Instant> parse_retry_after(std::string_view value, time::Instant now);

/// A rate-limit reset value: a number below k_epoch_threshold is seconds from `now` (IETF
/// RateLimit-Reset, Reddit), a larger one is Unix seconds (Bluesky RateLimit-Reset, X
/// x-rate-limit-reset), anything else is read as RFC 3339 (Mastodon X-RateLimit-Reset, with
/// microseconds, rounded up to the next second). nullopt when it is none of these.
std::optional<time::Instant> parse_reset(std::string_view value, time::Instant now);

/// When `response` says to try again: Retry-After first, then (for a 429 only, since on other
/// statuses they describe a quota that is not exhausted) X-RateLimit-Reset-After,
/// RateLimit-Reset, X-RateLimit-Reset and X-Rate-Limit-Reset. nullopt when none is present and
/// valid. Never earlier than `now`.
std::optional<time::Instant> retry_time(const Response& response, time::Instant now);

}  // namespace smm::http
