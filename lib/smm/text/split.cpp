// SPDX-License-Identifier: MIT
#include "smm/text/split.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <optional>

namespace smm::text {

namespace {

/// A byte range [begin, end) of the text being split.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Boundaries in order of preference; a unit is split at the next level only when it is too long.
enum class Level { paragraph, sentence, word, grapheme, code_point, none };

Level next(Level level) { return static_cast<Level>(static_cast<int>(level) + 1); }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The code point at `pos` and its length in bytes; an invalid byte is one unit with cp -1.
std::size_t decode(std::string_view text, std::size_t pos, std::size_t end, utf8proc_int32_t& cp) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  const utf8proc_ssize_t length =
      utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(end - pos), &cp);
  if (length <= 0) {
    cp = -1;
    return 1;
  }
  return static_cast<std::size_t>(length);
}

std::string_view view(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end && is_space(text[s.begin])) {
    ++s.begin;
  }
  while (s.end > s.begin && is_space(text[s.end - 1])) {
    --s.end;
  }
  return s;
}

/// Appends the trimmed span to `out` unless it is blank.
void push_trimmed(std::string_view text, Span s, std::vector<Span>& out) {
  s = trim(text, s);
  if (s.begin < s.end) {
    out.push_back(s);
  }
}

/// Calls `on_line(begin, end)` for each line of `s`, without its '\n'.
template <typename OnLine>
void for_each_line(std::string_view text, Span s, OnLine on_line) {
  std::size_t begin = s.begin;
  while (begin <= s.end) {
    std::size_t end = text.find('\n', begin);
    end = (end == std::string_view::npos || end > s.end) ? s.end : end;
    on_line(begin, end);
    begin = end + 1;
  }
}

bool is_blank_line(std::string_view text, std::size_t begin, std::size_t end) {
  Span line = trim(text, {begin, end});
  return line.begin == line.end;
}

/// The pieces of `text` between lines that hold only "---".
std::vector<Span> manual_segments(std::string_view text) {
  std::vector<Span> out;
  std::size_t start = 0;
  for_each_line(text, {0, text.size()}, [&](std::size_t begin, std::size_t end) {
    Span line = trim(text, {begin, end});
    if (view(text, line) == "---") {
      push_trimmed(text, {start, begin}, out);
      start = std::min(end + 1, text.size());
    }
  });
  push_trimmed(text, {start, text.size()}, out);
  return out;
}

std::vector<Span> paragraphs(std::string_view text, Span s) {
  std::vector<Span> out;
  std::size_t start = s.begin;
  for_each_line(text, s, [&](std::size_t begin, std::size_t end) {
    if (is_blank_line(text, begin, end)) {
      push_trimmed(text, {start, begin}, out);
      start = end;
    }
  });
  push_trimmed(text, {start, s.end}, out);
  return out;
}

/// Bytes of the sentence terminator at `pos` (0 if none); `wide` is set for CJK full stops,
/// which end a sentence without a following space.
std::size_t terminator_at(std::string_view text, std::size_t pos, std::size_t end, bool& wide) {
  static constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";  // …
  static constexpr std::array<std::string_view, 3> k_wide = {"\xE3\x80\x82", "\xEF\xBC\x81",
                                                             "\xEF\xBC\x9F"};  // 。！？
  const char c = text[pos];
  if (c == '.' || c == '!' || c == '?') {
    return 1;
  }
  const std::string_view rest = text.substr(pos, end - pos);
  if (rest.starts_with(k_ellipsis)) {
    return k_ellipsis.size();
  }
  for (auto t : k_wide) {
    if (rest.starts_with(t)) {
      wide = true;
      return t.size();
    }
  }
  return 0;
}

/// Bytes of a closing quote or bracket at `pos` that belongs to the sentence before it.
std::size_t closer_at(std::string_view text, std::size_t pos, std::size_t end) {
  static constexpr std::array<std::string_view, 7> k_closers = {
      "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};  // ” ’ »
  const std::string_view rest = text.substr(pos, end - pos);
  for (auto t : k_closers) {
    if (rest.starts_with(t)) {
      return t.size();
    }
  }
  return 0;
}

std::vector<Span> sentences(std::string_view text, Span s) {
  std::vector<Span> out;
  std::size_t start = s.begin;
  std::size_t pos = s.begin;
  while (pos < s.end) {
    bool wide = false;
    std::size_t end = pos;
    while (std::size_t length = end < s.end ? terminator_at(text, end, s.end, wide) : 0) {
      end += length;
    }
    if (end == pos) {
      ++pos;
      continue;
    }
    while (std::size_t length = end < s.end ? closer_at(text, end, s.end) : 0) {
      end += length;
    }
    if (wide || end == s.end || is_space(text[end])) {
      push_trimmed(text, {start, end}, out);
      start = end;
    }
    pos = end;
  }
  push_trimmed(text, {start, s.end}, out);
  return out;
}

std::vector<Span> words(std::string_view text, Span s) {
  std::vector<Span> out;
  std::size_t start = s.begin;
  for (std::size_t pos = s.begin; pos < s.end; ++pos) {
    if (is_space(text[pos])) {
      push_trimmed(text, {start, pos}, out);
      start = pos + 1;
    }
  }
  push_trimmed(text, {start, s.end}, out);
  return out;
}

/// Extended grapheme clusters (or, with `clusters` false, code points); invalid bytes stand alone.
std::vector<Span> characters(std::string_view text, Span s, bool clusters) {
  std::vector<Span> out;
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = -1;
  std::size_t start = s.begin;
  for (std::size_t pos = s.begin; pos < s.end;) {
    utf8proc_int32_t cp = -1;
    const std::size_t length = decode(text, pos, s.end, cp);
    if (pos > s.begin && (!clusters || previous < 0 || cp < 0 ||
                          utf8proc_grapheme_break_stateful(previous, cp, &state))) {
      out.push_back({start, pos});
      start = pos;
    }
    if (cp < 0) {
      state = 0;
    }
    previous = cp;
    pos += length;
  }
  out.push_back({start, s.end});
  return out;
}

std::vector<Span> units(std::string_view text, Span s, Level level) {
  switch (level) {
    case Level::paragraph:
      return paragraphs(text, s);
    case Level::sentence:
      return sentences(text, s);
    case Level::word:
      return words(text, s);
    case Level::grapheme:
      return characters(text, s, true);
    case Level::code_point:
      return characters(text, s, false);
    case Level::none:
      break;
  }
  return {s};
}

/// Splits spans into parts of at most `budget` as measured by `count`.
class Packer {
 public:
  Packer(std::string_view text, const Counter& count, std::size_t budget)
      : m_text(text), m_count(count), m_budget(budget) {}

  /// Greedily packs the units of `s` at `level`, splitting a unit that is too long on its own
  /// at the next level; the resulting parts are appended to `out`. Appends at least one part.
  void pack(Span s, Level level, std::vector<Span>& out) const {
    if (level == Level::none) {
      out.push_back(s);  // a single code point longer than the budget: nothing more to do
      return;
    }
    const std::vector<Span> us = units(m_text, s, level);
    std::optional<Span> current;
    for (std::size_t i = 0; i < us.size();) {
      if (current) {
        std::size_t fit = fitting_units(current->begin, us, i);
        if (fit > 0) {
          current->end = us[i + fit - 1].end;
          i += fit;
          continue;
        }
        out.push_back(*current);
        current.reset();
      }
      if (fits(us[i])) {
        current = us[i];
      } else {
        // The break inside this unit is forced anyway, so its last piece may take following
        // units instead of leaving an orphan part.
        pack(us[i], next(level), out);
        current = out.back();
        out.pop_back();
      }
      ++i;
    }
    if (current) {
      out.push_back(*current);
    }
  }

 private:
  bool fits(Span s) const { return m_count(view(m_text, s)) <= m_budget; }

  // How many of us[from..] can join a part starting at `begin`. A text's length only grows as
  // whole units are added, so the answer is found by galloping and bisection: O(log n) counts
  // per part instead of one per unit, which matters with the exact (costly) platform counters.
  std::size_t fitting_units(std::size_t begin, const std::vector<Span>& us, std::size_t from) const {
    auto ok = [&](std::size_t n) { return fits({begin, us[from + n - 1].end}); };
    std::size_t good = 0;
    std::size_t step = 1;
    std::size_t bad = us.size() - from + 1;
    while (good + step < bad) {
      if (!ok(good + step)) {
        bad = good + step;
        break;
      }
      good += step;
      step *= 2;
    }
    while (good + 1 < bad) {
      std::size_t mid = good + (bad - good) / 2;
      (ok(mid) ? good : bad) = mid;
    }
    return good;
  }

  std::string_view m_text;
  const Counter& m_count;
  std::size_t m_budget;
};

std::string marker(std::size_t index, std::size_t total) {
  return " " + std::to_string(index) + "/" + std::to_string(total);
}

std::vector<std::string> to_strings(std::string_view text, const std::vector<Span>& parts,
                                    bool markers) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out.emplace_back(view(text, parts[i]));
    if (markers && parts.size() > 1) {
      out.back() += marker(i + 1, parts.size());
    }
  }
  return out;
}

}  // namespace

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  utf8proc_int32_t cp = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += decode(text, pos, text.size(), cp)) {
    ++count;
  }
  return count;
}

std::vector<std::string> split_thread(std::string_view text, const SplitOptions& options) {
  const Counter count = options.count ? options.count : Counter(count_code_points);
  const std::vector<Span> segments = manual_segments(text);
  if (segments.empty()) {
    return {std::string()};
  }
  const auto pack_all = [&](std::size_t budget) {
    std::vector<Span> parts;
    const Packer packer(text, count, budget);
    for (const Span segment : segments) {
      packer.pack(segment, Level::paragraph, parts);
    }
    return parts;
  };
  if (segments.size() == 1 && count(view(text, segments[0])) <= options.limit) {
    return to_strings(text, segments, false);
  }
  if (!options.markers) {
    return to_strings(text, pack_all(options.limit), false);
  }
  // The marker width depends on the number of parts, which depends on the room left by the
  // marker: reserve the widest marker for a guess and widen until the guess holds.
  std::size_t guess = std::max<std::size_t>(segments.size(), 2);
  while (true) {
    const std::size_t reserve = count(marker(guess, guess));
    if (reserve >= options.limit) {
      return to_strings(text, pack_all(options.limit), false);
    }
    std::vector<Span> parts = pack_all(options.limit - reserve);
    if (parts.size() <= guess || count(marker(parts.size(), parts.size())) <= reserve) {
      return to_strings(text, parts, true);
    }
    guess = parts.size();
  }
}

}  // namespace smm::text
