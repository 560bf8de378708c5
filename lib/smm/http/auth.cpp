// SPDX-License-Identifier: MIT
#include "smm/http/auth.hpp"

namespace smm::http {

namespace {

bool carries_auth(const Request& request) {
  return find_header(request.headers, "Authorization").has_value();
}

Request with_auth(const Request& request, const std::string& value) {
  Request signed_request = request;
  signed_request.headers.emplace_back("Authorization", value);
  return signed_request;
}

}  // namespace

bool is_unauthorized(const Response& response) { return response.status == 401; }

AuthTransport::AuthTransport(std::unique_ptr<Transport> inner, TokenSource tokens,
                             ExpiredPredicate expired)
    : m_inner(std::move(inner)),
      m_tokens(std::move(tokens)),
      m_expired(expired ? std::move(expired) : ExpiredPredicate(is_unauthorized)) {}

Result<Response> AuthTransport::send(const Request& request) {
  if (carries_auth(request)) {
    return m_inner->send(request);
  }
  Result<std::string> value = m_tokens.header_value();
  if (!value) {
    return std::unexpected(value.error());
  }
  Result<Response> result = m_inner->send(with_auth(request, *value));
  if (!result || !m_tokens.refresh || !m_expired(*result)) {
    return result;
  }
  Result<bool> refreshed = m_tokens.refresh();
  if (!refreshed) {
    return std::unexpected(refreshed.error());
  }
  if (!*refreshed) {
    return result;
  }
  value = m_tokens.header_value();
  if (!value) {
    return std::unexpected(value.error());
  }
  return m_inner->send(with_auth(request, *value));
}

std::vector<Result<Response>> AuthTransport::send_signed(const std::vector<Request>& requests,
                                                         const std::vector<std::size_t>& indices,
                                                         std::size_t parallel) {
  std::vector<Result<Response>> results(indices.size());
  std::optional<Result<std::string>> value;  // asked for once, and only when needed
  std::vector<Request> batch;
  std::vector<std::size_t> sent;  // positions in `indices` that go out
  for (std::size_t k = 0; k < indices.size(); ++k) {
    const Request& request = requests[indices[k]];
    if (carries_auth(request)) {
      batch.push_back(request);
      sent.push_back(k);
      continue;
    }
    if (!value) {
      value = m_tokens.header_value();
    }
    if (!*value) {
      results[k] = std::unexpected(value->error());
      continue;
    }
    batch.push_back(with_auth(request, **value));
    sent.push_back(k);
  }
  if (batch.empty()) {
    return results;
  }
  std::vector<Result<Response>> answers = m_inner->send_all(batch, parallel);
  for (std::size_t j = 0; j < sent.size() && j < answers.size(); ++j) {
    results[sent[j]] = std::move(answers[j]);
  }
  return results;
}

std::vector<Result<Response>> AuthTransport::send_all(const std::vector<Request>& requests,
                                                      std::size_t parallel) {
  std::vector<std::size_t> all(requests.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = i;
  }
  std::vector<Result<Response>> results = send_signed(requests, all, parallel);
  std::vector<std::size_t> expired;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!carries_auth(requests[i]) && results[i] && m_expired(*results[i])) {
      expired.push_back(i);
    }
  }
  if (expired.empty() || !m_tokens.refresh) {
    return results;
  }
  Result<bool> refreshed = m_tokens.refresh();
  if (!refreshed) {
    for (std::size_t i : expired) {
      results[i] = std::unexpected(refreshed.error());
    }
  }
  if (!refreshed || !*refreshed) {
    return results;
  }
  std::vector<Result<Response>> again = send_signed(requests, expired, parallel);
  for (std::size_t k = 0; k < expired.size(); ++k) {
    results[expired[k]] = std::move(again[k]);
  }
  return results;
}

}  // namespace smm::http
