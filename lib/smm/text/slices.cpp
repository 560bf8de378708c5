// SPDX-License-Identifier: MIT
// Counting many slices of one text, as split_thread() does when it packs a thread: the text is
// scanned once and each slice between two safe cuts is counted as a difference of running sums.
//
// A cut is safe when an ASCII space or line break is on one side of it and the counted text has
// a grapheme cluster break there. Then counting the two sides apart gives the same as counting
// them together: no URL, mention or emoji cluster spans a space; a space never composes under
// NFC; the URL and mention matchers treat a space before or after a slice as they treat the
// slice's start or end; and utf8proc's grapheme break state right after such a break is the
// state it starts a text with. Slices that do not start and end at safe cuts (a sentence ended
// by "。", a long word cut between graphemes), texts that are not valid UTF-8 and, for X, texts
// that might change under NFC are counted from scratch.
//
// Copies of slices are recognised too (render measures the parts split_thread returns), and so
// is a copy followed by a space and anything (a part and its " 2/3" marker): a safe cut before a
// space stays safe, unless the character before it is of grapheme break class Prepend.
#include <utf8proc.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "smm/text/count.hpp"
#include "smm/text/steps.hpp"

namespace smm::text {

namespace {

bool is_ascii_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Whether the last code point of `s` has grapheme break class Prepend (no break after it).
bool ends_in_prepend(std::string_view s) {
  std::size_t begin = s.size();
  while (begin > 0 && s.size() - begin < 4 && (static_cast<unsigned char>(s[begin - 1]) & 0xC0) == 0x80) {
    --begin;
  }
  begin = begin > 0 ? begin - 1 : 0;
  utf8proc_int32_t c = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + begin);
  if (utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(s.size() - begin), &c) <= 0) {
    return true;  // not valid UTF-8 there: no shortcut
  }
  return utf8proc_get_property(c)->boundclass == UTF8PROC_BOUNDCLASS_PREPEND;
}

/// The length in one unit of any slice of one text.
class SliceCounter {
 public:
  SliceCounter(std::string_view text, Unit unit) : m_text(text), m_unit(unit) {
    thread_local Scan shared;  // the next target of the post mostly has the same text
    thread_local Steps steps;
    Scan& scan = scanned(text, shared);
    // A code point adds at most 23 (a URL) or its bytes (Threads' emoji): the 32-bit sums of
    // any post fit, and longer texts go without them.
    if (!scan.valid || (unit == Unit::weighted && !scan.nfc) || text.size() >= (std::size_t{1} << 26)) {
      return;  // no sums: every slice is counted from scratch
    }
    unit_steps(scan, unit, steps);
    m_sums.assign(text.size() + 1, k_unsafe);
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < scan.cps.size(); ++i) {
      const bool spaced = is_ascii_space(scan.cps[i].value) || (i > 0 && is_ascii_space(scan.cps[i - 1].value));
      if (i == 0 || (spaced && steps.joined[i] == 0)) {
        m_sums[scan.cps[i].begin] = sum;
      }
      sum += steps.add[i];
    }
    m_sums[text.size()] = sum;
  }

  /// count(s, unit), exactly.
  [[nodiscard]] std::size_t count(std::string_view s) const {
    if (m_sums.empty()) {
      return text::count(s, m_unit);
    }
    const std::less<const char*> before;
    std::optional<std::size_t> length;
    if (!before(s.data(), m_text.data()) && !before(m_text.data() + m_text.size(), s.data() + s.size())) {
      length = sliced(static_cast<std::size_t>(s.data() - m_text.data()), s.size());
    } else if (auto at = m_text.find(s); at != std::string_view::npos) {
      length = sliced(at, s.size());  // a copy of a slice (a thread part)
    } else {
      length = followed(s);
    }
    return length ? *length : text::count(s, m_unit);
  }

 private:
  static constexpr std::uint32_t k_unsafe = static_cast<std::uint32_t>(-1);

  /// The length of a copy of a slice followed by a space and anything (a thread part and its
  /// " 2/3"): the slice found in the text, the rest counted apart.
  [[nodiscard]] std::optional<std::size_t> followed(std::string_view s) const {
    const std::size_t space = s.rfind(' ');
    if (space == std::string_view::npos || space == 0) {
      return std::nullopt;
    }
    const std::string_view head = s.substr(0, space);
    const auto at = m_text.find(head);
    const auto length = at == std::string_view::npos ? std::nullopt : sliced(at, head.size());
    if (!length || ends_in_prepend(head)) {  // a Prepend character would join the space
      return std::nullopt;
    }
    return *length + text::count(s.substr(space), m_unit);
  }

  /// The length of m_text[begin, begin + size) when both ends are safe cuts.
  [[nodiscard]] std::optional<std::size_t> sliced(std::size_t begin, std::size_t size) const {
    const std::uint32_t first = m_sums[begin];
    const std::uint32_t last = m_sums[begin + size];
    if (first == k_unsafe || last == k_unsafe) {
      return std::nullopt;
    }
    return last - first;
  }

  std::string_view m_text;
  Unit m_unit;
  std::vector<std::uint32_t> m_sums;  ///< per byte offset: the length before it, or k_unsafe
};

}  // namespace

Counter counter_for(Unit unit, std::string_view text) {
  auto slices = std::make_shared<const SliceCounter>(text, unit);
  return [slices](std::string_view s) { return slices->count(s); };
}

}  // namespace smm::text
