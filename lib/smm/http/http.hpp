// SPDX-License-Identifier: MIT
#pragma once

// The only way out to the network. Everything that talks HTTP (platform clients, `audit
// --online` link checks, `post`) takes a Transport, so a test can answer with canned responses
// and nothing in a unit test ever reaches a socket.
//
// Implementations:
//   - CurlTransport (smm/http/curl_transport.hpp): the real one, libcurl; TLS always verified.
//   - FakeTransport (tests/support/fake_transport.hpp): stubs by method + path, records requests.
// Decorators own the Transport they wrap (std::unique_ptr) and are Transports themselves:
//   - RetryTransport (smm/http/retry.hpp): 429/5xx and safe transport failures, Retry-After and
//     rate-limit reset headers, capped exponential backoff with full jitter, a time budget.
//   - AuthTransport (smm/http/auth.hpp): adds the Authorization header; refreshes an expired
//     token once and resends.
//   - DebugTransport (smm/http/debug.hpp): logs requests and responses for --debug with
//     credentials, tokens, passwords and secret URLs redacted.
// Stack them as Auth(Retry(Debug(Curl))): Debug next to the wire logs every attempt as it is
// sent, and the resend after a token refresh is retried like any other request.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smm/error.hpp"

namespace smm::http {

/// How long establishing a connection (DNS, TCP, TLS) may take.
inline constexpr std::chrono::milliseconds k_connect_timeout{10'000};
/// How long a whole request may take, redirects and body included.
inline constexpr std::chrono::milliseconds k_total_timeout{30'000};
/// The default cap on redirects followed (when a request asks to follow them).
inline constexpr int k_max_redirects = 10;
/// A response body larger than this fails the request (protects memory, not a protocol limit).
inline constexpr std::size_t k_max_body = std::size_t{64} << 20U;

/// Header fields in order; names as written (compare them with iequals()).
using Headers = std::vector<std::pair<std::string, std::string>>;

/// ASCII case-insensitive equality, for header names.
bool iequals(std::string_view a, std::string_view b);
/// The first value of header `name` (case-insensitive), or nullopt.
std::optional<std::string_view> find_header(const Headers& headers, std::string_view name);

struct Timeouts {
  std::chrono::milliseconds connect = k_connect_timeout;
  std::chrono::milliseconds total = k_total_timeout;
};

struct Request {
  std::string method = "GET";  ///< GET, HEAD, POST, PUT, PATCH, DELETE
  std::string url;             ///< absolute http:// or https:// URL
  Headers headers;             ///< sent as given (no User-Agent needed: the transport sets one)
  std::string body;            ///< sent when non-empty (set Content-Type in headers)
  Timeouts timeout;
  bool follow_redirects = false;        ///< false: a 3xx is returned as the response
  int max_redirects = k_max_redirects;  ///< more than this many fails the request
  /// May the request be sent twice without harm? nullopt: decided by is_idempotent() from the
  /// method and an Idempotency-Key header. RetryTransport resends non-idempotent requests only
  /// when the server cannot have acted on them (429, connection refused).
  std::optional<bool> idempotent;
  /// The URL itself is a credential (webhook URLs, bot tokens in the path): DebugTransport logs
  /// only its scheme and host.
  bool secret_url = false;
};

/// `request.idempotent` when set; otherwise true for GET, HEAD, OPTIONS, PUT and DELETE (RFC 9110
/// §9.2.2) and for any request carrying an Idempotency-Key header; false otherwise (POST, PATCH).
bool is_idempotent(const Request& request);

struct Response {
  int status = 0;             ///< the final response's status
  Headers headers;            ///< the final response's header fields
  std::string body;           ///< empty for HEAD
  std::string effective_url;  ///< the URL the final response came from (after redirects)
  int redirect_count = 0;     ///< redirects followed

  /// The first value of header `name` (case-insensitive), or nullopt.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }
};

/// The standard reason phrase of a status ("Not Found" for 404), "" when unknown. HTTP/2 has no
/// reason phrases on the wire, so messages use this table.
std::string_view reason_phrase(int status);
/// "404 Not Found", or just "599" for an unknown status.
std::string status_text(int status);

/// What a failed request's Error::message says after its "<host>: " prefix, for callers that
/// name the URL themselves ("could not connect: ..."). The whole message when there is no prefix.
std::string_view failure_reason(const Error& error);

/// A request as text for `--dry-run`: "METHOD URL", the header fields (Authorization, cookies and
/// other credential headers shown as "[redacted]"), a blank line and the body when there is one.
std::string describe(const Request& request);

/// True when a failed request may still have reached the server (a timeout or a connection lost
/// after sending), so its outcome is unknown; false for failures before anything was sent
/// (could not connect or resolve, TLS, malformed URL) and for every error that is not a
/// transport failure.
bool maybe_sent(const Error& error);

/// Sends requests. A status >= 400 is a Response, not an error: errors are failures to get any
/// response (DNS, connection refused, TLS, timeout, too many redirects, body too large), as
/// ErrorKind::runtime with the message "<host>: <reason>: <detail>" (detail is curl's text) where
/// reason is one of "timed out", "could not connect", "could not resolve host", "could not
/// resolve proxy", "TLS failed", "connection lost", "too many redirects", "unsupported protocol",
/// "malformed URL", "response too large", "request failed"; the hint says what to do. "could not
/// connect" means nothing was sent; after "timed out" and "connection lost" the server may have
/// received the request. Timeouts, connection and resolution failures, "connection lost" and
/// "request failed" are Error::retryable. Messages name the host
/// only, never the path, query or header values (which may carry tokens).
///
/// A Transport is used from one thread at a time.
class Transport {
 public:
  Transport() = default;
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;
  virtual ~Transport() = default;

  /// Sends one request and waits for its response.
  virtual Result<Response> send(const Request& request) = 0;

  /// Sends every request with up to `parallel` in flight (0 counts as 1) and returns the results
  /// in the order of `requests`. The default sends them one after another; CurlTransport runs
  /// them concurrently.
  virtual std::vector<Result<Response>> send_all(const std::vector<Request>& requests,
                                                 std::size_t parallel);
};

}  // namespace smm::http
