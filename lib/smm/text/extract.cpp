// SPDX-License-Identifier: MIT
#include "smm/text/extract.hpp"

#include "smm/text/unicode.hpp"
#include "smm/text/url.hpp"

namespace smm::text {

namespace {

using detail::is_ascii_alnum;
using Cps = std::vector<CodePoint>;

char32_t at(const Cps& cps, std::size_t i) { return i < cps.size() ? cps[i].value : 0; }

bool in_set(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

Entity entity(std::string_view text, const Cps& cps, std::size_t begin, std::size_t end) {
  const std::size_t b = cps[begin].begin;
  const std::size_t e = cps[end - 1].end;
  return Entity{b, e, std::string(text.substr(b, e - b))};
}

bool is_hashtag_char(char32_t c) {
  return detail::is_letter_or_mark(c) || detail::is_decimal_digit(c) ||
         in_set(c,
                U"_\u200C\u200D\uA67E\u05BE\u05F3\u05F4\uFF5E\u301C\u309B\u309C\u30A0\u30FB\u3003"
                U"\u0F0B\u0F0C\u00B7");
}

bool is_hash(char32_t c) { return c == '#' || c == 0xFF03; }

/// The end of a hashtag whose sign is at `i`, or 0.
std::size_t match_hashtag(const Cps& cps, std::size_t i) {
  if (i > 0) {
    const char32_t before = cps[i - 1].value;
    if (before != 0xFE0E && before != 0xFE0F && (is_hashtag_char(before) || before == '&')) {
      return 0;
    }
  }
  if (at(cps, i + 1) == 0xFE0F || at(cps, i + 1) == 0x20E3) {
    return 0;
  }
  std::size_t end = i + 1;
  bool letter = false;
  for (; end < cps.size() && is_hashtag_char(cps[end].value); ++end) {
    letter = letter || detail::is_letter_or_mark(cps[end].value);
  }
  const bool scheme_follows =
      at(cps, end) == ':' && at(cps, end + 1) == '/' && at(cps, end + 2) == '/';
  if (!letter || is_hash(at(cps, end)) || scheme_follows) {
    return 0;
  }
  return end;
}

bool is_at(char32_t c) { return c == '@' || c == 0xFF20; }

bool is_name_char(char32_t c) { return is_ascii_alnum(c) || c == '_'; }

/// "@" may follow the text start, "RT"/"RT:" (twitter-text's retweet rule) or anything but a
/// word character or one of "!#$%&*@/".
bool may_precede_mention(const Cps& cps, std::size_t i) {
  if (i == 0) {
    return true;
  }
  const char32_t before = cps[i - 1].value;
  if (!is_name_char(before) && !in_set(before, U"!#$%&*@\uFF20/")) {
    return true;
  }
  const std::size_t r = before == ':' ? i - 1 : i;
  auto lower = [](char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
  if (r < 2 || lower(cps[r - 2].value) != 'r' || lower(cps[r - 1].value) != 't') {
    return false;
  }
  return r == 2 || !(is_name_char(cps[r - 3].value) || in_set(cps[r - 3].value, U"+~.-"));
}

/// The end of [A-Za-z0-9_] with "." or "-" inside, starting at `i` (or `i` when none).
std::size_t match_name(const Cps& cps, std::size_t i, bool unicode) {
  std::size_t end = i;
  for (std::size_t k = i; k < cps.size(); ++k) {
    const char32_t c = cps[k].value;
    const bool word = is_name_char(c) || (unicode && c >= 0x80 && detail::is_letter_or_mark(c));
    if (word) {
      end = k + 1;
    } else if (c != '.' && c != '-') {
      break;
    }
  }
  return end;
}

/// The end of a mention whose "@" is at `i`, or 0.
std::size_t match_mention(const Cps& cps, std::size_t i) {
  if (!may_precede_mention(cps, i) || !is_name_char(at(cps, i + 1))) {
    return 0;
  }
  const std::size_t name_end = match_name(cps, i + 1, false);
  const char32_t next = at(cps, name_end);
  if (is_at(next)) {
    const std::size_t server_end = match_name(cps, name_end + 1, true);
    return server_end > name_end + 1 ? server_end : 0;
  }
  const bool scheme_follows =
      next == ':' && at(cps, name_end + 1) == '/' && at(cps, name_end + 2) == '/';
  if ((next >= 0xC0 && next <= 0x24F) || scheme_follows) {
    return 0;
  }
  return name_end;
}

bool overlaps(const Entity& e, const std::vector<Entity>& others) {
  for (const Entity& o : others) {
    if (e.begin < o.end && o.begin < e.end) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Entity> extract_urls(std::string_view text, Scheme scheme) {
  std::vector<Entity> out;
  if (text.find('.') == std::string_view::npos) {
    return out;
  }
  const Cps cps = code_points(text);
  for (const detail::CpSpan& span : detail::find_urls(cps, scheme == Scheme::optional)) {
    out.push_back(entity(text, cps, span.begin, span.end));
  }
  return out;
}

std::vector<Entity> extract_hashtags(std::string_view text) {
  std::vector<Entity> out;
  if (text.find('#') == std::string_view::npos && text.find("\uFF03") == std::string_view::npos) {
    return out;  // no hash sign, "#" or "＃": the common case, without decoding
  }
  const Cps cps = code_points(text);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (!is_hash(cps[i].value)) {
      continue;
    }
    if (const std::size_t end = match_hashtag(cps, i); end > 0) {
      out.push_back(entity(text, cps, i, end));
      i = end - 1;
    }
  }
  if (!out.empty()) {
    const std::vector<Entity> urls = extract_urls(text);
    std::erase_if(out, [&](const Entity& e) { return overlaps(e, urls); });
  }
  return out;
}

std::vector<Entity> extract_mentions(std::string_view text) {
  std::vector<Entity> out;
  const Cps cps = code_points(text);
  for (const detail::CpSpan& span : detail::find_mentions(cps)) {
    out.push_back(entity(text, cps, span.begin, span.end));
  }
  return out;
}

std::vector<detail::CpSpan> detail::find_mentions(const std::vector<CodePoint>& cps) {
  std::vector<CpSpan> out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (!is_at(cps[i].value)) {
      continue;
    }
    if (const std::size_t end = match_mention(cps, i); end > 0) {
      out.push_back({i, end});
      i = end - 1;
    }
  }
  return out;
}

}  // namespace smm::text
