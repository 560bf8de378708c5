// SPDX-License-Identifier: MIT
#pragma once

// A Transport that logs every request and its response or failure for `--debug`, with every
// credential redacted (redact.hpp): what a user can paste into a bug report. It changes nothing
// about the requests.
//
// One sink call per request and one per result, each a block of lines ending in '\n':
//
//   > #1 POST https://mastodon.example/api/v1/statuses?access_token=[redacted]
//   > Authorization: [redacted]
//   > Content-Type: application/json
//   >
//   > {"status":"hello"}
//   < #1 200 OK in 182 ms
//   < Content-Type: application/json
//   <
//   < {"id":"1"}
//
// Bodies are cut to `max_body` bytes; control characters (ESC included) are written as \xNN so a
// hostile response cannot drive the terminal. Requests of one send_all are numbered and logged
// together before the batch is sent; their results follow with the batch's elapsed time.
//
// Real: the CLI points the sink at stderr. Tests: tests/lib/http/debug_test.cpp.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "smm/http/http.hpp"

namespace smm::http {

/// Where DebugTransport writes: one call per block of lines.
using LogSink = std::function<void(std::string_view)>;

/// Body bytes logged per request or response; the rest is counted, not shown.
inline constexpr std::size_t k_debug_max_body = 4096;

struct DebugOptions {
  std::size_t max_body = k_debug_max_body;
  /// Monotonic time for the elapsed milliseconds; empty: std::chrono::steady_clock.
  std::function<std::chrono::steady_clock::time_point()> clock;
};

class DebugTransport final : public Transport {
 public:
  /// Wraps `inner` (not null) and writes to `sink` (not empty).
  DebugTransport(std::unique_ptr<Transport> inner, LogSink sink, DebugOptions options = {});

  /// Logs the request, sends it, logs the result and returns it unchanged.
  Result<Response> send(const Request& request) override;
  /// Logs every request, sends them with the inner send_all, logs every result.
  std::vector<Result<Response>> send_all(const std::vector<Request>& requests,
                                         std::size_t parallel) override;

 private:
  std::chrono::milliseconds since(std::chrono::steady_clock::time_point start) const;

  std::unique_ptr<Transport> m_inner;
  LogSink m_sink;
  DebugOptions m_options;
  int m_next_id = 1;
};

}  // namespace smm::http
