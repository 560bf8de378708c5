// SPDX-License-Identifier: MIT
#include "smm/http/form.hpp"

#include <algorithm>

namespace smm::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string header_safe(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '"' || c == '\\' || c == '\r' || c == '\n') {
      c = '_';
    }
  }
  return out;
}

}  // namespace

Multipart multipart(const std::vector<FormField>& fields, std::string_view boundary) {
  Multipart out;
  out.content_type = "multipart/form-data; boundary=" + std::string(boundary);
  for (const auto& field : fields) {
    out.body += "--" + std::string(boundary) + "\r\n";
    out.body += "Content-Disposition: form-data; name=\"" + header_safe(field.name) + "\"";
    if (!field.filename.empty()) {
      out.body += "; filename=\"" + header_safe(field.filename) + "\"";
    }
    out.body += "\r\n";
    if (!field.content_type.empty()) {
      out.body += "Content-Type: " + header_safe(field.content_type) + "\r\n";
    }
    out.body += "\r\n" + field.value + "\r\n";
  }
  out.body += "--" + std::string(boundary) + "--\r\n";
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4U];
      out += k_hex[c & 15U];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (text[i] == '%' && high >= 0 && low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

std::string form_urlencoded(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += (out.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!body.empty()) {
    std::string_view pair = body.substr(0, body.find('&'));
    body.remove_prefix(std::min(body.size(), pair.size() + 1));
    std::size_t equals = pair.find('=');
    out.emplace_back(percent_decode(pair.substr(0, equals)),
                     equals == std::string_view::npos ? "" : percent_decode(pair.substr(equals + 1)));
  }
  return out;
}

}  // namespace smm::http
