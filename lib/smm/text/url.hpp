// SPDX-License-Identifier: MIT
#pragma once

// twitter-text's character classes and URL matcher over decoded code points. Internal to
// lib/smm/text: extract.cpp and extract_url.cpp share it.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "smm/text/unicode.hpp"

namespace smm::text::detail {

bool is_ascii_alnum(char32_t c);
bool is_latin_accent(char32_t c);
/// Unicode general category L* or M*.
bool is_letter_or_mark(char32_t c);
/// Unicode general category Nd.
bool is_decimal_digit(char32_t c);
/// twitter-text's spaces, invalid characters (U+FFFE, U+FEFF, U+FFFF) and directional marks.
bool is_space(char32_t c);
bool is_invalid(char32_t c);
bool is_directional(char32_t c);
/// A character a domain label may contain: not ASCII punctuation, space, control or the above.
inline bool is_domain_char(char32_t c) {
  if (c < 0x80) {  // the hot path: printable ASCII minus the punctuation
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '"' || c == '`';
  }
  // The excluded punctuation is all ASCII, so above it only spaces and format characters are out.
  return !is_space(c) && !is_invalid(c) && !is_directional(c);
}
/// validGeneralUrlPathChars and validUrlPathEndingChars.
bool is_path_char(char32_t c);
bool is_path_end(char32_t c);
/// validUrlQueryChars and validUrlQueryEndingChars.
bool is_query_char(char32_t c);
bool is_query_end(char32_t c);

/// A URL or mention found at code point index `begin`: [begin, end) in code points.
struct CpSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// For each index of `cps` (and one past the end), 1 when the run of domain characters, '.', '-'
/// and '_' starting there holds a '.' followed by a domain character, else 0. A URL's domain ends
/// in such a '.' and its top-level domain (even "xn--..." starts with a domain character), so
/// without one no URL without a scheme starts there: sentence ends ("word. Next") are passed over.
void dots_ahead(const std::vector<CodePoint>& cps, std::vector<std::uint8_t>& dot);

/// 8 for "https://" at cps[i], 7 for "http://" (in any case), else 0.
std::size_t scheme_length(const std::vector<CodePoint>& cps, std::size_t i);

/// URLs in `cps` the way twitter-text's extractUrlsWithIndices finds them; `without_scheme`
/// also takes bare domains ending in a valid top-level domain.
std::vector<CpSpan> find_urls(const std::vector<CodePoint>& cps, bool without_scheme);

/// Mentions in `cps` the way extract_mentions() finds them.
std::vector<CpSpan> find_mentions(const std::vector<CodePoint>& cps);

/// The length of the IDNA (punycode, "xn--" prefixed) form of one domain label, or the label's
/// length when it is ASCII.
std::size_t ascii_label_length(const std::vector<CodePoint>& cps, std::size_t begin,
                               std::size_t end);

}  // namespace smm::text::detail
