// SPDX-License-Identifier: MIT
// Bluesky text helpers: TIDs (record keys), rich-text detection (facet spans by UTF-8 byte
// offsets, after the official RichText detection rules, reference §2.5), DID documents and JWT
// expiry.
#include <algorithm>
#include <chrono>
#include <mutex>

#include "smm/platform/bluesky.hpp"
#include "smm/text/count.hpp"

namespace smm::platform {
namespace {

constexpr std::string_view k_s32 = "234567abcdefghijklmnopqrstuvwxyz";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Where a span may start: the start of the text, after whitespace or '('.
bool boundary_before(std::string_view text, std::size_t at) {
  return at == 0 || is_space(text[at - 1]) || text[at - 1] == '(';
}

bool is_ascii_punct(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 128 && std::ispunct(u) != 0;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t token_end(std::string_view text, std::size_t from) {
  while (from < text.size() && !is_space(text[from])) {
    ++from;
  }
  return from;
}

std::optional<BlueskySpan> link_at(std::string_view text, std::size_t at) {
  std::string_view rest = text.substr(at);
  if (!rest.starts_with("https://") && !rest.starts_with("http://")) {
    return std::nullopt;
  }
  std::size_t end = token_end(text, at);
  std::string_view uri = text.substr(at, end - at);
  if (!uri.empty() && std::string_view(".,;:!?").find(uri.back()) != std::string_view::npos) {
    uri.remove_suffix(1);
  }
  // A closing parenthesis without its opening one belongs to the text: "(see https://a.example)".
  while (uri.ends_with(')') && std::count(uri.begin(), uri.end(), ')') > std::count(uri.begin(), uri.end(), '(')) {
    uri.remove_suffix(1);
  }
  std::size_t scheme = uri.find("://") + 3;
  if (uri.size() <= scheme || !(is_alpha(uri[scheme]) || is_digit(uri[scheme]))) {
    return std::nullopt;
  }
  return BlueskySpan{BlueskySpan::Kind::link, at, at + uri.size(), std::string(uri)};
}

std::optional<BlueskySpan> mention_at(std::string_view text, std::size_t at) {
  if (text[at] != '@') {
    return std::nullopt;
  }
  std::size_t end = at + 1;
  while (end < text.size() && (is_alpha(text[end]) || is_digit(text[end]) || text[end] == '.' || text[end] == '-')) {
    ++end;
  }
  std::string_view handle = text.substr(at + 1, end - at - 1);
  while (!handle.empty() && (handle.back() == '.' || handle.back() == '-')) {
    handle.remove_suffix(1);
  }
  std::size_t dot = handle.rfind('.');
  if (dot == std::string_view::npos || dot == 0) {
    return std::nullopt;
  }
  std::string_view tld = handle.substr(dot + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_alpha)) {
    return std::nullopt;
  }
  return BlueskySpan{BlueskySpan::Kind::mention, at, at + 1 + handle.size(), std::string(handle)};
}

std::optional<BlueskySpan> tag_at(std::string_view text, std::size_t at) {
  std::size_t mark = 0;
  if (text[at] == '#') {
    mark = 1;
  } else if (text.substr(at).starts_with("\xEF\xBC\x83")) {  // U+FF03 FULLWIDTH NUMBER SIGN
    mark = 3;
  } else {
    return std::nullopt;
  }
  std::size_t end = token_end(text, at + mark);
  std::string_view tag = text.substr(at + mark, end - at - mark);
  while (!tag.empty() && is_ascii_punct(tag.back())) {
    tag.remove_suffix(1);
  }
  if (tag.empty() || tag.size() > 640 || text::grapheme_count(tag) > 64) {
    return std::nullopt;
  }
  bool word = std::any_of(tag.begin(), tag.end(), [](char c) { return !is_digit(c) && !is_ascii_punct(c); });
  if (!word) {
    return std::nullopt;
  }
  return BlueskySpan{BlueskySpan::Kind::tag, at, at + mark + tag.size(), std::string(tag)};
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

std::optional<std::string> base64url_decode(std::string_view in) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') {
      break;
    }
    int v = base64_value(c);
    if (v < 0) {
      return std::nullopt;
    }
    buffer = (buffer << 6U) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
    }
  }
  return out;
}

}  // namespace

std::string bluesky_tid(std::uint64_t micros, unsigned clock_id) {
  std::uint64_t value = ((micros & ((std::uint64_t{1} << 53U) - 1)) << 10U) | (clock_id & 1023U);
  std::string out(13, '2');
  for (std::size_t i = 13; i-- > 0;) {
    out[i] = k_s32[value & 31U];
    value >>= 5U;
  }
  return out;
}

std::string bluesky_new_tid() {
  static std::mutex mutex;
  static std::uint64_t last = 0;
  static const unsigned clock_id = [] {
    std::string r = random_token(2);
    return static_cast<unsigned>(std::stoul(r, nullptr, 16)) & 1023U;
  }();
  auto now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch());
  std::lock_guard lock(mutex);
  std::uint64_t micros = std::max(static_cast<std::uint64_t>(now.count()), last + 1);
  last = micros;
  return bluesky_tid(micros, clock_id);
}

bool bluesky_is_tid(std::string_view text) {
  return text.size() == 13 && std::string_view("234567abcdefghij").find(text[0]) != std::string_view::npos &&
         std::all_of(text.begin(), text.end(), [](char c) { return k_s32.find(c) != std::string_view::npos; });
}

std::vector<BlueskySpan> bluesky_spans(std::string_view text) {
  std::vector<BlueskySpan> out;
  std::size_t at = 0;
  while (at < text.size()) {
    if (!boundary_before(text, at)) {
      ++at;
      continue;
    }
    std::optional<BlueskySpan> span = link_at(text, at);
    if (!span) {
      span = mention_at(text, at);
    }
    if (!span && (at == 0 || is_space(text[at - 1]))) {
      span = tag_at(text, at);
    }
    if (span) {
      at = span->end;
      out.push_back(std::move(*span));
    } else {
      ++at;
    }
  }
  return out;
}

std::string bluesky_pds_of(const Json& did_document) {
  auto services = did_document.find("service");
  if (services == did_document.end() || !services->is_array()) {
    return {};
  }
  for (const auto& s : *services) {
    if (!s.is_object()) {
      continue;
    }
    std::string id = s.value("id", Json()).is_string() ? s["id"].get<std::string>() : "";
    auto endpoint = s.find("serviceEndpoint");
    if (id.ends_with("#atproto_pds") && endpoint != s.end() && endpoint->is_string()) {
      return endpoint->get<std::string>();
    }
  }
  return {};
}

Json bluesky_jwt_claims(std::string_view jwt) {
  std::size_t first = jwt.find('.');
  std::size_t second = first == std::string_view::npos ? first : jwt.find('.', first + 1);
  if (second == std::string_view::npos) {
    return Json::object();
  }
  auto payload = base64url_decode(jwt.substr(first + 1, second - first - 1));
  Json doc = payload ? Json::parse(*payload, nullptr, false) : Json();
  return doc.is_object() ? doc : Json::object();
}

std::optional<time::Instant> bluesky_jwt_expiry(std::string_view jwt) {
  Json doc = bluesky_jwt_claims(jwt);
  if (!doc.contains("exp") || !doc["exp"].is_number_integer()) {
    return std::nullopt;
  }
  return time::Instant{std::chrono::seconds{doc["exp"].get<std::int64_t>()}};
}

std::string bluesky_base_url(std::string_view server) {
  std::string url(server.empty() ? "https://bsky.social" : server);
  if (url.find("://") == std::string::npos) {
    url = "https://" + url;
  }
  while (url.ends_with('/')) {
    url.pop_back();
  }
  return url;
}

}  // namespace smm::platform
