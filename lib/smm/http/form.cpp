// SPDX-License-Identifier: MIT
#include "smm/http/form.hpp"

namespace smm::http {
namespace {

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

}  // namespace smm::http
