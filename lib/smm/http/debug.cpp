// SPDX-License-Identifier: MIT
#include "smm/http/debug.hpp"

#include <fmt/format.h>

#include "smm/http/redact.hpp"

namespace smm::http {

namespace {

/// Control characters other than newline and tab as \xNN: log text must not reach a terminal as
/// escape sequences.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
      out += fmt::format("\\x{:02X}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

/// At most `max` bytes of `text`, cut at a UTF-8 character boundary, with a note of the rest.
std::string truncated(std::string_view text, std::size_t max) {
  if (text.size() <= max) {
    return std::string(text);
  }
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return fmt::format("{}\n[{} more bytes]", text.substr(0, cut), text.size() - cut);
}

/// Appends `text` line by line, each after `marker` and a space; a final line break ends the
/// last line rather than starting an empty one.
void append_lines(std::string& out, char marker, std::string_view text) {
  if (text.ends_with('\n')) {
    text.remove_suffix(1);
  }
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    out += fmt::format("{} {}\n", marker, text.substr(begin, end - begin));
    begin = end + 1;
  }
}

void append_message(std::string& out, char marker, const Headers& headers, std::string_view body,
                    bool secret_url, std::size_t max_body, Secrets& seen) {
  for (const auto& [name, value] : headers) {
    out += fmt::format("{} {}: {}\n", marker, name, redact_header(name, value, secret_url, &seen));
  }
  if (body.empty()) {
    return;
  }
  std::string content_type(find_header(headers, "Content-Type").value_or(""));
  out += fmt::format("{}\n", marker);
  append_lines(out, marker, truncated(redact_body(body, content_type, &seen), max_body));
}

std::string describe_request(const Request& request, int id, std::size_t max_body, Secrets& seen) {
  std::string out = fmt::format("> #{} {} {}\n", id, request.method,
                                redact_url(request.url, request.secret_url, &seen));
  append_message(out, '>', request.headers, request.body, request.secret_url, max_body, seen);
  return printable(seen.scrub(out));
}

std::string describe_result(const Request& request, const Result<Response>& result, int id,
                            std::string_view timing, std::size_t max_body, Secrets& seen) {
  if (!result) {
    return printable(
        seen.scrub(fmt::format("< #{} failed {}: {}\n", id, timing, result.error().message)));
  }
  const Response& response = *result;
  std::string out = fmt::format("< #{} {} {}\n", id, status_text(response.status), timing);
  if (response.redirect_count > 0) {
    out += fmt::format("< (after {} redirects: {})\n", response.redirect_count,
                       redact_url(response.effective_url, request.secret_url, &seen));
  }
  append_message(out, '<', response.headers, response.body, request.secret_url, max_body, seen);
  return printable(seen.scrub(out));
}

}  // namespace

DebugTransport::DebugTransport(std::unique_ptr<Transport> inner, LogSink sink, DebugOptions options)
    : m_inner(std::move(inner)), m_sink(std::move(sink)), m_options(std::move(options)) {
  if (!m_options.clock) {
    m_options.clock = [] { return std::chrono::steady_clock::now(); };
  }
}

std::chrono::milliseconds DebugTransport::since(std::chrono::steady_clock::time_point start) const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(m_options.clock() - start);
}

Result<Response> DebugTransport::send(const Request& request) {
  int id = m_next_id++;
  Secrets seen;
  m_sink(describe_request(request, id, m_options.max_body, seen));
  auto start = m_options.clock();
  Result<Response> result = m_inner->send(request);
  std::string timing = fmt::format("in {} ms", since(start).count());
  m_sink(describe_result(request, result, id, timing, m_options.max_body, seen));
  return result;
}

std::vector<Result<Response>> DebugTransport::send_all(const std::vector<Request>& requests,
                                                       std::size_t parallel) {
  int first = m_next_id;
  m_next_id += static_cast<int>(requests.size());
  std::vector<Secrets> seen(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    m_sink(describe_request(requests[i], first + static_cast<int>(i), m_options.max_body, seen[i]));
  }
  auto start = m_options.clock();
  std::vector<Result<Response>> results = m_inner->send_all(requests, parallel);
  std::string timing = fmt::format("in {} ms (batch of {})", since(start).count(), requests.size());
  for (std::size_t i = 0; i < results.size() && i < requests.size(); ++i) {
    m_sink(describe_result(requests[i], results[i], first + static_cast<int>(i), timing,
                           m_options.max_body, seen[i]));
  }
  return results;
}

}  // namespace smm::http
