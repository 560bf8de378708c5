// SPDX-License-Identifier: MIT
#pragma once

// Splitting a long post into a thread of parts that each fit a platform's length limit.
// How a platform counts length is a seam (Counter): the default counts code points; the audit
// plugs in exact per-platform counters.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace smm::text {

/// The number of Unicode code points in `text`; each byte of an invalid UTF-8 sequence counts
/// as one.
std::size_t count_code_points(std::string_view text);

/// How a platform measures the length of a text.
using Counter = std::function<std::size_t(std::string_view)>;

/// How split_thread() cuts a text.
struct SplitOptions {
  /// The largest length a part may have, as measured by `count`, marker included.
  std::size_t limit = 0;
  /// Append " i/N" to each part when there is more than one part.
  bool markers = true;
  /// How length is measured; an empty function means count_code_points.
  Counter count = count_code_points;
};

/// Splits `text` into thread parts.
///
/// A line containing only "---" is a manual break: the text is always split there and the line
/// is dropped. Each piece between manual breaks is cut at the strongest boundary available:
/// paragraphs (blank lines), then sentences (". ", "! ", "? ", "… ", or 。！？ without a space),
/// then words (ASCII whitespace), then extended grapheme clusters. A unit is only split when it
/// does not fit in a part on its own; whole units are packed greedily, a unit that had to be
/// split starts a new part, and its last piece may be followed by further whole units. Each part is
/// a trimmed, contiguous slice of `text`, so paragraphs packed together keep the blank line between
/// them.
///
/// Guarantees count(part) <= limit (marker included) for every part, provided a single code point
/// plus the widest marker fits and `count` is additive over a part and its marker (the marker's
/// room is reserved as count(" N/N")); a grapheme cluster longer than the limit is cut between code
/// points, and a code point longer than the limit becomes a part of its own. When even the widest
/// marker does not fit in `limit`, parts get no markers. A text that fits (and has no manual
/// break) is returned trimmed as one part without a marker; an empty or blank text gives one
/// empty part.
std::vector<std::string> split_thread(std::string_view text, const SplitOptions& options);

}  // namespace smm::text
