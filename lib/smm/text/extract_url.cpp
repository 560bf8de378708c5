// SPDX-License-Identifier: MIT
// URL matching after twitter-text's validUrl expression and extractUrlsWithIndices
// (https://github.com/twitter/twitter-text, js/src/regexp/validUrl.js and
// extractUrlsWithIndices.js), written as a scanner over code points instead of one regular
// expression.
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "smm/text/tlds.hpp"
#include "smm/text/url.hpp"

namespace smm::text::detail {

namespace {

using Cps = std::vector<CodePoint>;

constexpr std::size_t k_max_url_length = 4096;
constexpr std::size_t k_max_label_length = 63;
constexpr std::size_t k_max_tld_length = 32;

bool in_set(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

char32_t lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

char32_t at(const Cps& cps, std::size_t i, std::size_t limit) {
  return i < limit ? cps[i].value : 0;
}

bool starts_with(const Cps& cps, std::size_t i, std::u32string_view prefix) {
  if (cps.size() - i < prefix.size()) {
    return false;
  }
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lower(cps[i + k].value) != prefix[k]) {
      return false;
    }
  }
  return true;
}

std::string utf8(const Cps& cps, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t n =
        utf8proc_encode_char(static_cast<utf8proc_int32_t>(cps[i].value), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

/// A top-level domain must not run on into [0-9a-zA-Z@+-] (the regex's lookahead).
bool tld_may_end_before(char32_t next) {
  return !(is_ascii_alnum(next) || next == '@' || next == '+' || next == '-');
}

/// The end of a valid top-level domain starting at `begin` (nothing past `limit` is looked at).
std::optional<std::size_t> match_tld(const Cps& cps, std::size_t begin, std::size_t limit) {
  std::size_t run = begin;
  while (run < limit && run - begin < k_max_tld_length && is_domain_char(cps[run].value)) {
    ++run;
  }
  for (std::size_t end = run; end > begin; --end) {
    if (tld_may_end_before(at(cps, end, limit)) && is_tld(utf8(cps, begin, end))) {
      return end;
    }
  }
  if (starts_with(cps, begin, U"xn--")) {
    std::size_t end = begin + 4;
    while (end < limit && (is_ascii_alnum(cps[end].value) || cps[end].value == '-')) {
      ++end;
    }
    if (end > begin + 4) {
      return end;
    }
  }
  return std::nullopt;
}

/// A subdomain (`underscore`) or domain name label: domain characters, with '-' (and '_') inside.
bool valid_label(const Cps& cps, std::size_t begin, std::size_t end, bool underscore) {
  if (end <= begin || !is_domain_char(cps[begin].value) || !is_domain_char(cps[end - 1].value)) {
    return false;
  }
  for (std::size_t i = begin; i < end; ++i) {
    const char32_t c = cps[i].value;
    if (!is_domain_char(c) && c != '-' && !(underscore && c == '_')) {
      return false;
    }
  }
  return true;
}

struct Label {
  std::size_t begin;
  std::size_t end;
};

/// validDomain at `begin`: subdomains, a domain name and a top-level domain; returns its end.
std::optional<std::size_t> match_domain(const Cps& cps, std::size_t begin) {
  std::vector<Label> labels;
  std::size_t start = begin;
  std::size_t i = begin;
  for (; i < cps.size(); ++i) {
    const char32_t c = cps[i].value;
    if (c == '.') {
      labels.push_back({start, i});
      start = i + 1;
    } else if (!is_domain_char(c) && c != '-' && c != '_') {
      break;
    }
  }
  labels.push_back({start, i});
  for (std::size_t k = labels.size() - 1; k >= 1; --k) {
    const auto tld = match_tld(cps, labels[k].begin, cps.size());
    if (!tld || !valid_label(cps, labels[k - 1].begin, labels[k - 1].end, false)) {
      continue;
    }
    bool subdomains = true;
    for (std::size_t s = 0; s + 1 < k; ++s) {
      subdomains = subdomains && valid_label(cps, labels[s].begin, labels[s].end, true);
    }
    if (subdomains) {
      return tld;
    }
  }
  return std::nullopt;
}

/// validUrlBalancedParens at `begin` (an opening parenthesis); returns the end.
std::optional<std::size_t> match_parens(const Cps& cps, std::size_t begin) {
  std::size_t i = begin + 1;
  const std::size_t first = i;
  while (i < cps.size() && is_path_char(cps[i].value)) {
    ++i;
  }
  if (at(cps, i, cps.size()) == '(') {
    const std::size_t inner = ++i;
    while (i < cps.size() && is_path_char(cps[i].value)) {
      ++i;
    }
    if (i == inner || at(cps, i, cps.size()) != ')') {
      return std::nullopt;
    }
    ++i;
    while (i < cps.size() && is_path_char(cps[i].value)) {
      ++i;
    }
  } else if (i == first) {
    return std::nullopt;
  }
  return at(cps, i, cps.size()) == ')' ? std::optional<std::size_t>(i + 1) : std::nullopt;
}

/// The end of the path after a '/' at `begin - 1`: the longest run that ends in an ending char.
std::size_t match_path(const Cps& cps, std::size_t begin) {
  std::size_t best = begin;
  std::size_t i = begin;
  while (i < cps.size()) {
    if (cps[i].value == '(') {
      const auto close = match_parens(cps, i);
      if (!close) {
        break;
      }
      i = best = *close;
      continue;
    }
    if (!is_path_char(cps[i].value)) {
      break;
    }
    if (is_path_end(cps[i++].value)) {
      best = i;
    }
  }
  return best;
}

/// The end of a query after a '?' at `begin - 1`, or nothing when no query character ends it.
std::optional<std::size_t> match_query(const Cps& cps, std::size_t begin) {
  std::optional<std::size_t> best;
  for (std::size_t i = begin; i < cps.size() && is_query_char(cps[i].value); ++i) {
    if (is_query_end(cps[i].value)) {
      best = i + 1;
    }
  }
  return best;
}

/// One match of validUrl: the URL [begin, end), its domain [domain_begin, domain_end).
struct Match {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t scheme = 0;  ///< length of "http://" or "https://", 0 when absent
  std::size_t domain_begin = 0;
  std::size_t domain_end = 0;
  bool path = false;
};

/// A URL can follow any character but [A-Za-z0-9@＠$#＃] and the invalid characters.
bool may_precede_url(char32_t c) {
  return !(is_ascii_alnum(c) || in_set(c, U"@\uFF20$#\uFF03") || is_invalid(c));
}


/// "https://t.co/<slug>" stops after the slug and an optional query (validTcoUrl).
std::size_t tco_end(const Cps& cps, const Match& m) {
  std::size_t i = m.domain_end + 1;
  while (i < m.end && is_ascii_alnum(cps[i].value)) {
    ++i;
  }
  if (i == m.domain_end + 1) {
    return m.end;
  }
  if (at(cps, i, m.end) == '?') {
    if (const auto q = match_query(cps, i + 1)) {
      return std::min(*q, m.end);
    }
  }
  return i;
}

std::optional<Match> match_url(const Cps& cps, std::size_t begin) {
  Match m;
  m.begin = begin;
  m.scheme = scheme_length(cps, begin);
  m.domain_begin = begin + m.scheme;
  const auto domain = match_domain(cps, m.domain_begin);
  if (!domain) {
    return std::nullopt;
  }
  std::size_t i = m.domain_end = *domain;
  if (at(cps, i, cps.size()) == ':' && at(cps, i + 1, cps.size()) >= '0' &&
      at(cps, i + 1, cps.size()) <= '9') {
    for (++i; at(cps, i, cps.size()) >= '0' && at(cps, i, cps.size()) <= '9'; ++i) {
    }
  }
  if (at(cps, i, cps.size()) == '/') {
    m.path = true;
    i = match_path(cps, i + 1);
  }
  if (at(cps, i, cps.size()) == '?') {
    i = match_query(cps, i + 1).value_or(i);
  }
  m.end = i;
  if (m.scheme > 0 && m.path && utf8(cps, m.domain_begin, m.domain_end).size() == 4 &&
      starts_with(cps, m.domain_begin, U"t.co")) {
    m.end = tco_end(cps, m);
  }
  return m;
}

/// isValidUrl: every label of the domain encodes to 1..63 ASCII characters, and the URL plus a
/// scheme stays within 4,096 UTF-16 units.
bool valid_url(const Cps& cps, const Match& m) {
  std::size_t units = m.scheme > 0 ? m.scheme : 8;
  for (std::size_t i = m.begin; i < m.end; ++i) {
    units += cps[i].value > 0xFFFF ? 2 : 1;
  }
  if (units > k_max_url_length) {
    return false;
  }
  std::size_t start = m.domain_begin;
  for (std::size_t i = m.domain_begin; i <= m.domain_end; ++i) {
    if (i == m.domain_end || cps[i].value == '.') {
      const std::size_t length = ascii_label_length(cps, start, i);
      if (length < 1 || length > k_max_label_length) {
        return false;
      }
      start = i + 1;
    }
  }
  return true;
}

bool is_ascii_domain_char(char32_t c) {
  return is_ascii_alnum(c) || c == '-' || is_latin_accent(c);
}

/// validAsciiDomain at `begin` inside a domain ending at `limit`: ASCII labels and a TLD.
std::optional<std::size_t> match_ascii_domain(const Cps& cps, std::size_t begin,
                                              std::size_t limit) {
  std::vector<std::size_t> after_dots;
  for (std::size_t i = begin;;) {
    std::size_t r = i;
    while (r < limit && is_ascii_domain_char(cps[r].value)) {
      ++r;
    }
    if (r == i || r >= limit || cps[r].value != '.') {
      break;
    }
    after_dots.push_back(i = r + 1);
  }
  for (std::size_t k = after_dots.size(); k > 0; --k) {
    if (const auto tld = match_tld(cps, after_dots[k - 1], limit)) {
      return tld;
    }
  }
  return std::nullopt;
}

/// "name.cc" with a country-code TLD is not a URL without a scheme or path, except .co and .tv.
bool short_domain_allowed(const Cps& cps, CpSpan d) {
  std::size_t dots = 0;
  std::size_t last_dot = d.begin;
  for (std::size_t i = d.begin; i < d.end; ++i) {
    if (cps[i].value == '.') {
      ++dots;
      last_dot = i;
    }
  }
  if (dots != 1) {
    return true;
  }
  const std::string tld = utf8(cps, last_dot + 1, d.end);
  if (!is_country_tld(tld)) {
    return true;
  }
  return d.end - last_dot == 3 &&
         (starts_with(cps, last_dot + 1, U"co") || starts_with(cps, last_dot + 1, U"tv"));
}

/// The URLs a match without a scheme yields: the ASCII domains inside its domain, the last one
/// running on to the end of the path.
void add_bare(const Cps& cps, const Match& m, std::vector<CpSpan>& out) {
  if (m.begin > 0 && in_set(cps[m.begin - 1].value, U"-_./")) {
    return;
  }
  std::vector<CpSpan> found;
  for (std::size_t p = m.domain_begin; p < m.domain_end;) {
    if (const auto end = match_ascii_domain(cps, p, m.domain_end)) {
      found.push_back({p, *end});
      p = *end;
    } else {
      ++p;
    }
  }
  for (const CpSpan& d : found) {
    if (m.path || short_domain_allowed(cps, d)) {
      out.push_back(d);
    }
  }
  if (m.path && !found.empty()) {
    out.back().end = m.end;
  }
}

}  // namespace

std::size_t scheme_length(const Cps& cps, std::size_t i) {
  if (i >= cps.size() || (cps[i].value | 0x20) != 'h') {
    return 0;  // the common case, without comparing prefixes
  }
  if (starts_with(cps, i, U"https://")) {
    return 8;
  }
  return starts_with(cps, i, U"http://") ? 7 : 0;
}

std::vector<CpSpan> find_urls(const Cps& cps, bool without_scheme) {
  std::vector<CpSpan> out;
  thread_local std::vector<std::uint8_t> dot;
  dots_ahead(cps, dot);
  for (std::size_t i = 0; i < cps.size();) {
    const bool h = (cps[i].value | 0x20) == 'h';  // a scheme can only start at an 'h'
    if ((dot[i] == 0 && (!h || scheme_length(cps, i) == 0)) || (i > 0 && !may_precede_url(cps[i - 1].value))) {
      ++i;
      continue;
    }
    const auto m = match_url(cps, i);
    if (!m) {
      ++i;
      continue;
    }
    // The next match consumes one preceding character after this one (the regex's lastIndex).
    i = m->end + 1;
    if (!valid_url(cps, *m)) {
      continue;
    }
    if (m->scheme > 0) {
      out.push_back({m->begin, m->end});
    } else if (without_scheme) {
      add_bare(cps, *m, out);
    }
  }
  return out;
}

}  // namespace smm::text::detail
