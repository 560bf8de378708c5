// SPDX-License-Identifier: MIT
#pragma once

// Code points and grapheme clusters of UTF-8 text with their byte offsets, on top of utf8proc.
// Internal to lib/smm/text: shared by extraction and the platform counters.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smm::text {

/// One decoded code point and the bytes [begin, end) it came from.
struct CodePoint {
  char32_t value = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The code points of `text`; each byte of an invalid sequence becomes U+FFFD of one byte.
std::vector<CodePoint> code_points(std::string_view text);

/// code_points() into `out` (cleared first, its storage reused); false when `text` is not valid
/// UTF-8.
bool decode(std::string_view text, std::vector<CodePoint>& out);

/// Whether `c` has grapheme break class Other (letters, digits, punctuation and spaces of most
/// scripts; not controls, marks, jamo, regional indicators, pictographs or joiners).
bool is_break_other(char32_t c);

/// Where extended grapheme clusters start, fed one code point at a time: the answers of
/// utf8proc_grapheme_break_stateful, with the common case (two code points of break class Other)
/// answered without it.
class ClusterBreaks {
 public:
  /// True when a cluster starts at `c`; the first code point fed always starts one.
  bool starts(char32_t c) {
    const bool other = c < 0x80 ? c >= 0x20 && c != 0x7F : is_break_other(c);
    if (m_previous_other && other) {
      // Other then Other always breaks (GB999), and utf8proc's state after it is what a fresh
      // state (0) becomes from the class of `c`.
      m_state = 0;
      m_previous = c;
      return true;
    }
    return starts_slowly(c, other);
  }

 private:
  bool starts_slowly(char32_t c, bool other);

  char32_t m_previous = 0;
  bool m_previous_other = false;
  bool m_first = true;
  std::int32_t m_state = 0;
};

/// Whether the grapheme cluster `cluster` is an emoji: a pictographic base (with its modifiers,
/// ZWJ sequence or variation selector), a flag (regional indicator pair or tag sequence), or a
/// keycap. A text-presentation pictograph such as "©" on its own is not one.
bool is_emoji_cluster(std::string_view cluster);
/// The same for a cluster already decoded: code points [first, last).
bool is_emoji_cluster(const CodePoint* first, const CodePoint* last);

/// True when Normalization Form C certainly leaves text made of `c` and other such code points
/// unchanged: `c` is below U+0300, or is no mark, no Hangul jamo and has no canonical
/// decomposition (so it neither changes nor combines with a neighbour). False means "maybe not".
bool is_nfc_quick_above_latin(char32_t c);  ///< is_nfc_quick() from U+0300 on
inline bool is_nfc_quick(char32_t c) {
  // Below U+0300 (Latin-1 and Latin Extended) nothing is a combining mark or changes.
  return c < 0x300 || is_nfc_quick_above_latin(c);
}

/// `text` in Unicode Normalization Form C; invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view text);

}  // namespace smm::text
