// SPDX-License-Identifier: MIT
#pragma once

// Request bodies beyond JSON: multipart/form-data (RFC 7578) for file uploads, and percent-encoding
// (RFC 3986) for query strings and application/x-www-form-urlencoded bodies. Bodies are built in
// memory: uploads are images and short videos, well under the transport's limits.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smm::http {

/// One field of a multipart/form-data body. A file field has a filename and a content type.
struct FormField {
  std::string name;
  std::string value;         ///< the text, or the file's bytes
  std::string filename;      ///< empty: a plain text field
  std::string content_type;  ///< for file fields, e.g. "image/png"
};

struct Multipart {
  std::string content_type;  ///< "multipart/form-data; boundary=<boundary>"
  std::string body;
};

/// A multipart/form-data body of `fields` with `boundary` (callers pick a random one; tests and
/// previews a fixed one). Quotes, backslashes and line breaks in names and file names are
/// replaced by '_' so a field cannot break out of its header.
Multipart multipart(const std::vector<FormField>& fields, std::string_view boundary);

/// `text` percent-encoded for a URL query value: everything but RFC 3986 unreserved characters.
std::string percent_encode(std::string_view text);

/// `text` with %XX sequences decoded and '+' read as a space (query strings and form bodies).
std::string percent_decode(std::string_view text);

/// An application/x-www-form-urlencoded body: name=value pairs, both percent-encoded, joined by
/// '&'. Repeat a name for an array (Rails style: "media_ids[]").
std::string form_urlencoded(const std::vector<std::pair<std::string, std::string>>& fields);

/// The fields of a form body, decoded, in order.
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body);

}  // namespace smm::http
