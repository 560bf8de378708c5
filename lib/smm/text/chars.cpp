// SPDX-License-Identifier: MIT
// Character classes from twitter-text's regular expressions, and the IDNA label length its
// isValidUrl checks (RFC 3492 punycode).
#include <utf8proc.h>

#include <cstdint>
#include <string_view>

#include "smm/text/url.hpp"

namespace smm::text::detail {

namespace {

/// The length of the RFC 3492 punycode encoding of [begin, end) (without the "xn--" prefix).
std::size_t punycode_length(const std::vector<CodePoint>& cps, std::size_t begin, std::size_t end) {
  constexpr std::uint64_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  std::size_t length = 0;
  std::uint64_t handled = 0;
  for (std::size_t i = begin; i < end; ++i) {
    handled += cps[i].value < 0x80 ? 1 : 0;
  }
  const std::uint64_t basic = handled;
  length = basic + (basic > 0 ? 1 : 0);
  std::uint64_t n = 0x80, delta = 0, bias = 72;
  const std::uint64_t total = end - begin;
  while (handled < total) {
    std::uint64_t m = UINT64_MAX;
    for (std::size_t i = begin; i < end; ++i) {
      if (cps[i].value >= n && cps[i].value < m) {
        m = cps[i].value;
      }
    }
    delta += (m - n) * (handled + 1);
    n = m;
    for (std::size_t i = begin; i < end; ++i) {
      if (cps[i].value < n) {
        ++delta;
      } else if (cps[i].value == n) {
        std::uint64_t q = delta;
        for (std::uint64_t k = base;; k += base) {
          const std::uint64_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
          ++length;  // one digit: the last one when q < t
          if (q < t) {
            break;
          }
          q = (q - t) / (base - t);
        }
        std::uint64_t d = handled == basic ? delta / damp : delta / 2;
        d += d / (handled + 1);
        std::uint64_t k = 0;
        for (; d > ((base - tmin) * tmax) / 2; k += base) {
          d /= base - tmin;
        }
        bias = k + (base - tmin + 1) * d / (d + skew);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return length;
}

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

bool in_set(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

}  // namespace

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_invalid(char32_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

bool is_directional(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2066 && c <= 0x2069);
}

void dots_ahead(const std::vector<CodePoint>& cps, std::vector<std::uint8_t>& dot) {
  dot.assign(cps.size() + 1, 0);
  bool domain_next = false;  // is_domain_char(cps[i + 1])
  for (std::size_t i = cps.size(); i-- > 0;) {
    const char32_t c = cps[i].value;
    const bool domain = is_domain_char(c);
    if (c == '.') {
      dot[i] = domain_next || dot[i + 1] != 0 ? 1 : 0;
    } else if (domain || c == '-' || c == '_') {
      dot[i] = dot[i + 1];
    }
    domain_next = domain;
  }
}

bool is_path_char(char32_t c) {
  return is_ascii_alnum(c) || is_cyrillic(c) || is_latin_accent(c) || c == 0x2013 ||
         in_set(c, U"!*';:=+,.$/%#[]-_~@|&");
}

bool is_path_end(char32_t c) {
  return is_ascii_alnum(c) || is_cyrillic(c) || is_latin_accent(c) || in_set(c, U"+-=_#/");
}

bool is_query_char(char32_t c) {
  return is_ascii_alnum(c) || in_set(c, U"!?*'@();:&=+$/%#[]-_.,~|");
}

bool is_query_end(char32_t c) { return is_ascii_alnum(c) || in_set(c, U"-_&=#/"); }

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_latin_accent(char32_t c) {
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F) ||
         c == 0x253 || c == 0x254 || c == 0x256 || c == 0x257 || c == 0x259 || c == 0x25B ||
         c == 0x263 || c == 0x268 || c == 0x26F || c == 0x272 || c == 0x289 || c == 0x28B ||
         c == 0x2BB || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_letter_or_mark(char32_t c) {
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

bool is_decimal_digit(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

std::size_t ascii_label_length(const std::vector<CodePoint>& cps, std::size_t begin,
                               std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (cps[i].value >= 0x80) {
      return 4 + punycode_length(cps, begin, end);
    }
  }
  return end - begin;
}

}  // namespace smm::text::detail
