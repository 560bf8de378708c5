// SPDX-License-Identifier: MIT
#pragma once

// What DebugTransport must never write: credentials in headers, URLs and bodies. The rules are
// by name, so they hold for platforms added later; anything that cannot be parsed well enough to
// redact it by name is withheld rather than shown.

#include <string>
#include <string_view>
#include <vector>

namespace smm::http {

/// What stands in for a redacted value.
inline constexpr std::string_view k_redacted = "[redacted]";

/// Whether a header's value is a credential (ASCII case-insensitive): Authorization,
/// Proxy-Authorization, Cookie, Set-Cookie, and any name containing "token", "secret", "key",
/// "password", "passwd", "session", "jwt", "credential" or "signature" (X-Api-Key,
/// X-Auth-Token, X-Hub-Signature). Idempotency-Key is the one exception: it is a client-chosen
/// nonce, not a credential, and seeing it helps to debug a duplicate post.
bool is_secret_header(std::string_view name);

/// Whether a query parameter, form field or JSON member holds a credential (ASCII
/// case-insensitive): the names "code", "key", "sig", "signature", "pass", "auth" and
/// "authorization", and any name containing "token", "secret", "password", "passwd", "jwt",
/// "session", "credential", "verifier", "apikey" or "api_key" (access_token, refresh_token,
/// client_secret, accessJwt, refreshJwt, code_verifier; pagination tokens too, harmlessly).
bool is_secret_field(std::string_view name);

/// Secret values met while redacting, so that a later echo of one (an error page quoting the
/// token, a redirect carrying it) is scrubbed from free text too.
class Secrets {
 public:
  /// Values shorter than this are not scrubbed from free text: a 4-digit code would mangle
  /// every number in the log.
  static constexpr std::size_t k_min_length = 8;

  /// Remembers `value` (ignored when shorter than k_min_length).
  void add(std::string_view value);
  /// `text` with every remembered value replaced by k_redacted.
  [[nodiscard]] std::string scrub(std::string_view text) const;

 private:
  std::vector<std::string> m_values;
};

/// `url` fit to log: the user-info and secret query and fragment parameters (is_secret_field)
/// redacted; when `secret_url`, only "scheme://host[:port]/[redacted]". Redacted values go to
/// `seen` when given.
std::string redact_url(std::string_view url, bool secret_url, Secrets* seen = nullptr);

/// A header's value fit to log: k_redacted for is_secret_header names, redact_url() for
/// Location, Content-Location and Referer, the value itself otherwise.
std::string redact_header(std::string_view name, std::string_view value, bool secret_url,
                          Secrets* seen = nullptr);

/// A body fit to log, whole (truncation is the caller's). JSON (by Content-Type, or a body that
/// starts with '{' or '[') is parsed and its is_secret_field members are redacted at any depth
/// (except a numeric "code", an error code); JSON that does not parse is withheld.
/// application/x-www-form-urlencoded fields are redacted by name. Multipart and binary bodies
/// (image/, audio/, video/, octet-stream, a NUL byte or invalid UTF-8) are withheld. Other text
/// is returned as is. A withheld body is "[<what> body, N bytes]".
std::string redact_body(std::string_view body, std::string_view content_type,
                        Secrets* seen = nullptr);

}  // namespace smm::http
