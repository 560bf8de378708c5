// SPDX-License-Identifier: MIT
#pragma once

// Code points and grapheme clusters of UTF-8 text with their byte offsets, on top of utf8proc.
// Internal to lib/smm/text: shared by extraction and the platform counters.

#include <cstddef>
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

/// Byte offsets where extended grapheme clusters end, in order (the last is text.size()).
std::vector<std::size_t> grapheme_ends(std::string_view text);

/// Whether the grapheme cluster `cluster` is an emoji: a pictographic base (with its modifiers,
/// ZWJ sequence or variation selector), a flag (regional indicator pair or tag sequence), or a
/// keycap. A text-presentation pictograph such as "©" on its own is not one.
/// True when every byte of `text` is ASCII.
bool is_ascii(std::string_view text);

bool is_emoji_cluster(std::string_view cluster);

/// `text` in Unicode Normalization Form C; invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view text);

}  // namespace smm::text
