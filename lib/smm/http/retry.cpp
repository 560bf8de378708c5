// SPDX-License-Identifier: MIT
#include "smm/http/retry.hpp"

#include <algorithm>
#include <thread>

#include "smm/http/rate_limit.hpp"

namespace smm::http {

using std::chrono::milliseconds;

struct RetryTransport::Decision {
  bool retry = false;
  milliseconds wait{0};
};

bool is_retryable_failure(const Error& error, bool idempotent) {
  std::string_view reason = failure_reason(error);
  if (reason.starts_with("could not connect")) {
    return true;
  }
  return idempotent && (reason.starts_with("timed out") || reason.starts_with("connection lost"));
}

bool is_retryable_status(int status, bool idempotent) {
  if (status == 429) {
    return true;
  }
  return idempotent && (status == 500 || status == 502 || status == 503 || status == 504);
}

RetryTransport::RetryTransport(std::unique_ptr<Transport> inner, RetryPolicy policy,
                               RetryHooks hooks)
    : m_inner(std::move(inner)),
      m_policy(policy),
      m_hooks(std::move(hooks)),
      m_random(std::random_device{}()) {
  if (!m_hooks.now) {
    m_hooks.now = [] {
      return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    };
  }
  if (!m_hooks.elapsed_clock) {
    m_hooks.elapsed_clock = [] { return std::chrono::steady_clock::now(); };
  }
  if (!m_hooks.sleep) {
    m_hooks.sleep = [](milliseconds wait) { std::this_thread::sleep_for(wait); };
  }
  if (!m_hooks.random) {
    m_hooks.random = [this] { return std::uniform_real_distribution<double>(0.0, 1.0)(m_random); };
  }
}

milliseconds RetryTransport::backoff(int attempt) {
  milliseconds cap = m_policy.base_delay;
  for (int i = 1; i < attempt && cap < m_policy.max_delay; ++i) {
    cap *= 2;
  }
  cap = std::min(cap, m_policy.max_delay);
  double fraction = std::clamp(m_hooks.random(), 0.0, 1.0);
  return milliseconds(static_cast<milliseconds::rep>(fraction * static_cast<double>(cap.count())));
}

milliseconds RetryTransport::spent_since(std::chrono::steady_clock::time_point start) const {
  return std::chrono::duration_cast<milliseconds>(m_hooks.elapsed_clock() - start);
}

RetryTransport::Decision RetryTransport::decide(const Request& request,
                                                const Result<Response>& result, int attempt,
                                                milliseconds spent) {
  if (attempt >= m_policy.max_attempts) {
    return {};
  }
  bool idempotent = is_idempotent(request);
  milliseconds wait{0};
  if (!result) {
    if (!is_retryable_failure(result.error(), idempotent)) {
      return {};
    }
    wait = backoff(attempt);
  } else {
    if (!is_retryable_status(result->status, idempotent)) {
      return {};
    }
    time::Instant now = m_hooks.now();
    if (auto at = retry_time(*result, now)) {
      wait = std::chrono::duration_cast<milliseconds>(*at - now);
      if (wait > m_policy.max_server_wait) {
        return {};  // the caller reports "rate limited until T" rather than sitting it out
      }
    } else {
      wait = backoff(attempt);
    }
  }
  if (spent + wait >= m_policy.budget) {
    return {};
  }
  return {true, wait};
}

Result<Response> RetryTransport::send(const Request& request) {
  auto start = m_hooks.elapsed_clock();
  for (int attempt = 1;; ++attempt) {
    Result<Response> result = m_inner->send(request);
    Decision decision = decide(request, result, attempt, spent_since(start));
    if (!decision.retry) {
      return result;
    }
    m_hooks.sleep(decision.wait);
  }
}

std::vector<Result<Response>> RetryTransport::send_all(const std::vector<Request>& requests,
                                                       std::size_t parallel) {
  auto start = m_hooks.elapsed_clock();
  std::vector<Result<Response>> results = m_inner->send_all(requests, parallel);
  for (int attempt = 1;; ++attempt) {
    milliseconds spent = spent_since(start);
    std::vector<std::size_t> again;
    milliseconds wait{0};
    for (std::size_t i = 0; i < results.size() && i < requests.size(); ++i) {
      Decision decision = decide(requests[i], results[i], attempt, spent);
      if (decision.retry) {
        again.push_back(i);
        wait = std::max(wait, decision.wait);
      }
    }
    if (again.empty()) {
      return results;
    }
    m_hooks.sleep(wait);
    std::vector<Request> batch;
    batch.reserve(again.size());
    for (std::size_t i : again) {
      batch.push_back(requests[i]);
    }
    std::vector<Result<Response>> retried = m_inner->send_all(batch, parallel);
    for (std::size_t k = 0; k < again.size() && k < retried.size(); ++k) {
      results[again[k]] = std::move(retried[k]);
    }
  }
}

}  // namespace smm::http
