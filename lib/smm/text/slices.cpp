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
#include <functional>
#include <memory>

#include "smm/text/count.hpp"
#include "smm/text/steps.hpp"

namespace smm::text {

namespace {

bool is_ascii_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The length in one unit of any slice of one text.
class SliceCounter {
 public:
  SliceCounter(std::string_view text, Unit unit) : m_text(text), m_unit(unit) {
    thread_local Scan scan;
    thread_local Steps steps;
    scan_text(text, scan);
    if (!scan.valid || (unit == Unit::weighted && !scan.nfc)) {
      return;  // no sums: every slice is counted from scratch
    }
    unit_steps(scan, unit, steps);
    m_sums.assign(text.size() + 1, k_unsafe);
    std::size_t sum = 0;
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
    const std::less<const char*> before;
    if (m_sums.empty() || before(s.data(), m_text.data()) || before(m_text.data() + m_text.size(), s.data() + s.size())) {
      return text::count(s, m_unit);
    }
    const auto begin = static_cast<std::size_t>(s.data() - m_text.data());
    const std::size_t first = m_sums[begin];
    const std::size_t last = m_sums[begin + s.size()];
    if (first == k_unsafe || last == k_unsafe) {
      return text::count(s, m_unit);
    }
    return last - first;
  }

 private:
  static constexpr std::size_t k_unsafe = static_cast<std::size_t>(-1);

  std::string_view m_text;
  Unit m_unit;
  std::vector<std::size_t> m_sums;  ///< per byte offset: the length before it, or k_unsafe
};

}  // namespace

Counter counter_for(Unit unit, std::string_view text) {
  auto slices = std::make_shared<const SliceCounter>(text, unit);
  return [slices](std::string_view s) { return slices->count(s); };
}

}  // namespace smm::text
