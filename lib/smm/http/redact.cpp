// SPDX-License-Identifier: MIT
#include "smm/http/redact.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "smm/http/form.hpp"

namespace smm::http {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return text.find(part) != std::string::npos; });
}

template <std::size_t N>
bool equals_any(std::string_view text, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), text) != names.end();
}

/// "a=1&token=x" with secret fields' values redacted.
std::string redact_pairs(std::string_view text, Secrets* seen) {
  std::string out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = std::min(text.find('&', begin), text.size());
    std::string_view pair = text.substr(begin, end - begin);
    std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && is_secret_field(percent_decode(pair.substr(0, equals)))) {
      if (seen != nullptr) {
        seen->add(pair.substr(equals + 1));
      }
      out.append(pair.substr(0, equals + 1)).append(k_redacted);
    } else {
      out.append(pair);
    }
    if (end < text.size()) {
      out += '&';
    }
    begin = end + 1;
  }
  return out;
}

/// Valid UTF-8 without NUL (overlong three- and four-byte forms are not checked: this only
/// tells text from binary).
bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (byte == 0) {
      return false;
    }
    if (byte >= 0xC2 && byte <= 0xDF) {
      extra = 1;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      extra = 2;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      extra = 3;
    } else if (byte >= 0x80) {
      return false;
    }
    if (text.size() - i <= extra) {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += extra + 1;
  }
  return true;
}

/// The media type without parameters, lower-case: "application/json".
std::string media_type(std::string_view content_type) {
  std::string type = lower(content_type.substr(0, content_type.find(';')));
  type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
  return type;
}

void redact_json(nlohmann::ordered_json& value, Secrets* seen) {
  if (value.is_array()) {
    for (auto& item : value) {
      redact_json(item, seen);
    }
    return;
  }
  if (!value.is_object()) {
    return;
  }
  for (auto& [key, member] : value.items()) {
    bool error_code = key == "code" && member.is_number();
    if (!is_secret_field(key) || error_code) {
      redact_json(member, seen);
      continue;
    }
    if (seen != nullptr && member.is_string()) {
      seen->add(member.get_ref<const std::string&>());
    }
    member = std::string(k_redacted);
  }
}

std::string withheld(std::string_view what, std::size_t size) {
  return "[" + std::string(what) + " body, " + std::to_string(size) + " bytes]";
}

}  // namespace

bool is_secret_header(std::string_view name) {
  static constexpr std::array<std::string_view, 11> k_parts = {
      "authorization", "cookie",  "token", "secret",     "key",      "password",
      "passwd",        "session", "jwt",   "credential", "signature"};
  std::string key = lower(name);
  return key != "idempotency-key" && contains_any(key, k_parts);
}

bool is_secret_field(std::string_view name) {
  static constexpr std::array<std::string_view, 7> k_names = {
      "code", "key", "sig", "signature", "pass", "auth", "authorization"};
  static constexpr std::array<std::string_view, 10> k_parts = {
      "token",   "secret",     "password", "passwd", "jwt",
      "session", "credential", "verifier", "apikey", "api_key"};
  std::string key = lower(name);
  return equals_any(key, k_names) || contains_any(key, k_parts);
}

void Secrets::add(std::string_view value) {
  if (value.size() >= k_min_length &&
      std::find(m_values.begin(), m_values.end(), value) == m_values.end()) {
    m_values.emplace_back(value);
  }
}

std::string Secrets::scrub(std::string_view text) const {
  std::string out(text);
  for (const std::string& value : m_values) {
    for (std::size_t at = out.find(value); at != std::string::npos;
         at = out.find(value, at + k_redacted.size())) {
      out.replace(at, value.size(), k_redacted);
    }
  }
  return out;
}

std::string redact_url(std::string_view url, bool secret_url, Secrets* seen) {
  std::size_t scheme_end = url.find("://");
  std::size_t host_begin = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  std::size_t host_end = std::min(url.find_first_of("/?#", host_begin), url.size());
  std::string_view authority = url.substr(host_begin, host_end - host_begin);
  std::size_t at = authority.rfind('@');
  std::string out(url.substr(0, host_begin));
  if (at != std::string_view::npos) {
    if (seen != nullptr) {
      seen->add(authority.substr(0, at));
    }
    out.append(k_redacted).append("@");
  }
  out.append(authority.substr(at == std::string_view::npos ? 0 : at + 1));
  std::string_view rest = url.substr(host_end);
  if (secret_url) {
    if (seen != nullptr) {
      seen->add(rest);
      seen->add(rest.substr(0, rest.find_first_of("?#")));
    }
    return rest.empty() ? out : out.append("/").append(k_redacted);
  }
  std::size_t query = std::min(rest.find_first_of("?#"), rest.size());
  out.append(rest.substr(0, query));
  while (query < rest.size()) {
    // rest[query] is '?' or '#'; the part runs to the next '#' (a query) or the end.
    std::size_t next =
        rest[query] == '?' ? std::min(rest.find('#', query), rest.size()) : rest.size();
    out += rest[query];
    out += redact_pairs(rest.substr(query + 1, next - query - 1), seen);
    query = next;
  }
  return out;
}

std::string redact_header(std::string_view name, std::string_view value, bool secret_url,
                          Secrets* seen) {
  if (is_secret_header(name)) {
    if (seen != nullptr) {
      seen->add(value);
      // "Bearer <token>": the token alone may be echoed elsewhere.
      if (auto space = value.find(' '); space != std::string_view::npos) {
        seen->add(value.substr(space + 1));
      }
    }
    return std::string(k_redacted);
  }
  std::string key = lower(name);
  if (key == "location" || key == "content-location" || key == "referer") {
    return redact_url(value, secret_url, seen);
  }
  return std::string(value);
}

std::string redact_body(std::string_view body, std::string_view content_type, Secrets* seen) {
  if (body.empty()) {
    return {};
  }
  std::string type = media_type(content_type);
  std::size_t first = body.find_first_not_of(" \t\r\n");
  bool looks_json = first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
  if (type == "application/json" || type.ends_with("+json") || looks_json) {
    // ordered_json: the log shows members in the order they were sent.
    auto json = nlohmann::ordered_json::parse(body, nullptr, false);
    if (json.is_discarded()) {
      return withheld("unparsed JSON", body.size());
    }
    redact_json(json, seen);
    return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  if (type.starts_with("multipart/")) {
    return withheld("multipart", body.size());
  }
  if (type.starts_with("image/") || type.starts_with("audio/") || type.starts_with("video/") ||
      type == "application/octet-stream" || !is_utf8(body)) {
    return withheld("binary", body.size());
  }
  if (type == "application/x-www-form-urlencoded") {
    return redact_pairs(body, seen);
  }
  return std::string(body);
}

}  // namespace smm::http
