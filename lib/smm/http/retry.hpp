// SPDX-License-Identifier: MIT
#pragma once

// A Transport that sends again what failed for a passing reason, so platform clients and link
// checks do not each write a retry loop.
//
// Retried: 429 (the server did not act on the request); 500, 502, 503 and 504 for idempotent
// requests (is_idempotent()); "could not connect" failures (nothing was sent); "timed out" and
// "connection lost" failures for idempotent requests only, since the server may have received
// and acted on them (a POST without an Idempotency-Key is never sent twice on a guess; `post`
// reconciles such a request instead, ARCHITECTURE §8).
//
// Waits: when a response names a time (Retry-After, or on a 429 the rate-limit reset headers,
// see rate_limit.hpp) the transport waits until then if that is within `max_server_wait` and the
// budget; otherwise it gives up at once and returns that response, so the caller can say "rate
// limited until T" (retry_time()). Without a named time it waits a capped exponential backoff
// with full jitter: uniform in [0, min(max_delay, base_delay * 2^(retry - 1))].
//
// The clocks, the sleep and the random source are RetryHooks, so tests neither sleep nor
// depend on chance, and can record every wait. Real: RetryHooks{} (system clocks,
// std::this_thread::sleep_for, a seeded std::mt19937_64). Tests: tests/lib/http/retry_test.cpp.

#include <chrono>
#include <functional>
#include <memory>
#include <random>

#include "smm/http/http.hpp"
#include "smm/time/time.hpp"

namespace smm::http {

/// Attempts per request, the first included.
inline constexpr int k_retry_max_attempts = 4;
/// Time from the first attempt after which no further attempt starts.
inline constexpr std::chrono::milliseconds k_retry_budget{60'000};
/// The backoff cap before the first retry; it doubles for each later retry.
inline constexpr std::chrono::milliseconds k_retry_base_delay{500};
/// The largest backoff cap.
inline constexpr std::chrono::milliseconds k_retry_max_delay{8'000};
/// The longest wait a server may ask for (Retry-After, reset headers) before we give up instead.
inline constexpr std::chrono::milliseconds k_retry_max_server_wait{30'000};

struct RetryPolicy {
  int max_attempts = k_retry_max_attempts;  ///< 1 or less: never retry
  std::chrono::milliseconds budget = k_retry_budget;
  std::chrono::milliseconds base_delay = k_retry_base_delay;
  std::chrono::milliseconds max_delay = k_retry_max_delay;
  std::chrono::milliseconds max_server_wait = k_retry_max_server_wait;
};

/// What RetryTransport needs from the world. An empty member means the real one.
struct RetryHooks {
  /// Wall time, to turn HTTP-dates and reset times into waits.
  std::function<time::Instant()> now;
  /// Monotonic time, for the budget.
  std::function<std::chrono::steady_clock::time_point()> elapsed_clock;
  /// Blocks for the given time (the CLI may wrap it to say "rate limited; waiting 20 s").
  std::function<void(std::chrono::milliseconds)> sleep;
  /// Uniform in [0, 1), for the jitter.
  std::function<double()> random;
};

/// Whether a failure to get any response may be retried: "could not connect" always, "timed
/// out" and "connection lost" only when `idempotent`; nothing else (DNS, TLS, bad URLs and the
/// like do not heal in seconds).
bool is_retryable_failure(const Error& error, bool idempotent);

/// Whether a response may be retried: 429 always; 500, 502, 503, 504 only when `idempotent`.
bool is_retryable_status(int status, bool idempotent);

class RetryTransport final : public Transport {
 public:
  /// Wraps `inner` (not null).
  explicit RetryTransport(std::unique_ptr<Transport> inner, RetryPolicy policy = {},
                          RetryHooks hooks = {});

  /// The last attempt's result: a success, a response that is not worth retrying, or the last
  /// retryable response or failure once attempts, budget or a too-long server wait run out.
  Result<Response> send(const Request& request) override;

  /// Sends the batch through the inner send_all (concurrency kept), then resends only the
  /// retryable results in rounds, again through send_all, waiting before each round for the
  /// longest wait among them. Attempts and budget count per batch; results keep their order.
  std::vector<Result<Response>> send_all(const std::vector<Request>& requests,
                                         std::size_t parallel) override;

 private:
  struct Decision;
  /// Whether `result` (of attempt number `attempt`, counted from 1) should be retried, and after
  /// how long, given the time `spent` since the first attempt.
  Decision decide(const Request& request, const Result<Response>& result, int attempt,
                  std::chrono::milliseconds spent);
  std::chrono::milliseconds backoff(int attempt);
  std::chrono::milliseconds spent_since(std::chrono::steady_clock::time_point start) const;

  std::unique_ptr<Transport> m_inner;
  RetryPolicy m_policy;
  RetryHooks m_hooks;
  std::mt19937_64 m_random;
};

}  // namespace smm::http
