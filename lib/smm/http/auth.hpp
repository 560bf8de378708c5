// SPDX-License-Identifier: MIT
#pragma once

// A Transport that signs requests with an Authorization header and, when a response says the
// token expired, refreshes it once and resends. It knows nothing about platforms: the platform
// client supplies where the header comes from, how to refresh (rotating the token and saving the
// credential store before anything else can fail, ARCHITECTURE §7) and, where 401 is not the
// signal, how to recognise an expired token (Bluesky answers 400 {"error":"ExpiredToken"}).
//
// Resending after a refresh is safe for any method: a server that rejects the token has not
// acted on the request.
//
// Real: the platform clients' TokenSources. Tests: tests/lib/http/auth_test.cpp (lambdas over a
// FakeTransport).

#include <functional>
#include <memory>
#include <string>

#include "smm/http/http.hpp"

namespace smm::http {

/// Where the credential comes from; the platform client fills it in (usually with lambdas that
/// capture the client).
struct TokenSource {
  /// The whole Authorization value ("Bearer abc"). An Error (typically ErrorKind::auth, whose
  /// hint names the login command) fails the request before anything is sent.
  std::function<Result<std::string>()> header_value;
  /// Obtains a new token and stores it, so the next header_value() returns it. true: a new token
  /// is ready; false: this credential cannot be refreshed (the expired response is returned as
  /// is). An Error (e.g. the refresh token expired too) is returned in place of the response.
  /// Empty: tokens are never refreshed.
  std::function<Result<bool>()> refresh;
};

/// Whether a response says the token has expired.
using ExpiredPredicate = std::function<bool(const Response&)>;

/// The default ExpiredPredicate: status 401.
bool is_unauthorized(const Response& response);

class AuthTransport final : public Transport {
 public:
  /// Wraps `inner` (not null). An empty `expired` means is_unauthorized.
  AuthTransport(std::unique_ptr<Transport> inner, TokenSource tokens,
                ExpiredPredicate expired = {});

  /// Sends `request` with "Authorization: <header_value()>"; on an expired response refreshes
  /// once and resends once, returning the second result whatever it is. A request that already
  /// carries an Authorization header (a refresh call that presents the refresh token, say) is
  /// passed through untouched and never triggers a refresh.
  Result<Response> send(const Request& request) override;

  /// As send() for a batch: one send_all with one header value, at most one refresh, then one
  /// send_all of the expired ones. Results keep their order.
  std::vector<Result<Response>> send_all(const std::vector<Request>& requests,
                                         std::size_t parallel) override;

 private:
  /// Sends requests[indices] through the inner send_all, signing those without an
  /// Authorization header; returns their results in the order of `indices`.
  std::vector<Result<Response>> send_signed(const std::vector<Request>& requests,
                                            const std::vector<std::size_t>& indices,
                                            std::size_t parallel);

  std::unique_ptr<Transport> m_inner;
  TokenSource m_tokens;
  ExpiredPredicate m_expired;
};

}  // namespace smm::http
