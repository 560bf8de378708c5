// SPDX-License-Identifier: MIT
#include "smm/http/http.hpp"

#include <algorithm>

namespace smm::http {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Phrase {
  int status;
  std::string_view text;
};

// RFC 9110 §15 plus 429 (RFC 6585), the ones a server is likely to send.
constexpr Phrase k_phrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Content"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
};

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::string_view> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) {
      return std::string_view(value);
    }
  }
  return std::nullopt;
}

std::string_view reason_phrase(int status) {
  for (const auto& phrase : k_phrases) {
    if (phrase.status == status) {
      return phrase.text;
    }
  }
  return {};
}

std::string status_text(int status) {
  std::string text = std::to_string(status);
  if (auto phrase = reason_phrase(status); !phrase.empty()) {
    text += ' ';
    text += phrase;
  }
  return text;
}

std::string_view failure_reason(const Error& error) {
  std::string_view message = error.message;
  auto colon = message.find(": ");
  return colon == std::string_view::npos ? message : message.substr(colon + 2);
}

std::string describe(const Request& request) {
  static constexpr std::string_view k_secret[] = {"authorization", "proxy-authorization", "cookie", "x-api-key"};
  std::string out = request.method + " " + request.url + "\n";
  for (const auto& [name, value] : request.headers) {
    bool secret = false;
    for (auto s : k_secret) {
      secret = secret || iequals(name, s);
    }
    out += name + ": " + (secret ? std::string("[redacted]") : value) + "\n";
  }
  if (!request.body.empty()) {
    out += "\n" + request.body + (request.body.ends_with('\n') ? "" : "\n");
  }
  return out;
}

bool maybe_sent(const Error& error) {
  std::string_view reason = failure_reason(error);
  return reason.starts_with("timed out: ") || reason.starts_with("request failed: ") ||
         reason.starts_with("connection lost: ") ||
         reason.starts_with("response too large: ");
}

bool is_idempotent(const Request& request) {
  if (request.idempotent) {
    return *request.idempotent;
  }
  for (std::string_view method : {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}) {
    if (request.method == method) {
      return true;
    }
  }
  return find_header(request.headers, "Idempotency-Key").has_value();
}

std::vector<Result<Response>> Transport::send_all(const std::vector<Request>& requests,
                                                  std::size_t /*parallel*/) {
  std::vector<Result<Response>> results;
  results.reserve(requests.size());
  for (const auto& request : requests) {
    results.push_back(send(request));
  }
  return results;
}

}  // namespace smm::http
