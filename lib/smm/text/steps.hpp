// SPDX-License-Identifier: MIT
#pragma once

// Each platform's length as a sum over code points: a text is decoded and split into grapheme
// clusters once, and every code point gets what it adds to the length (a URL's 23 or an emoji
// cluster's weight on its first code point, 0 on the rest). The counters in count.cpp sum these;
// slices.cpp keeps running sums so that slices of one text are counted without scanning them
// again. Internal to lib/smm/text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "smm/text/count.hpp"
#include "smm/text/unicode.hpp"
#include "smm/text/url.hpp"

namespace smm::text {

/// A text decoded once: its code points, where its grapheme clusters start and its URLs.
struct Scan {
  std::vector<CodePoint> cps;
  std::vector<std::uint8_t> starts;  ///< 1 where a grapheme cluster starts at cps[i]
  bool valid = true;                 ///< the text is valid UTF-8
  bool nfc = true;                   ///< every code point passes is_nfc_quick()
  std::string text;                  ///< what was scanned
  std::vector<detail::CpSpan> urls;  ///< detail::find_urls(cps, true), once `urls_found`
  bool urls_found = false;
};

/// `text` scanned into `scan` (a thread's own storage), which is returned. The targets of a post
/// mostly get the same text: when `scan` already holds it, it is kept as it is.
Scan& scanned(std::string_view text, Scan& scan);

/// What each code point adds to a length, and where the text may be cut without changing how
/// its two sides are counted.
struct Steps {
  std::vector<std::uint32_t> add;    ///< per code point; the length is their sum
  std::vector<std::uint8_t> joined;  ///< 1 where cps[i] continues the cluster before it
};

/// The steps of `scan` in `unit`. For Unit::weighted the scanned text must be in NFC (X counts
/// the normalized text); `emoji_parsing` false counts X's emoji per code point (twitter-text v2).
void unit_steps(Scan& scan, Unit unit, Steps& steps, bool emoji_parsing = true);

}  // namespace smm::text
