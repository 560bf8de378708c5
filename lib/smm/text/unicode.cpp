// SPDX-License-Identifier: MIT
#include "smm/text/unicode.hpp"

#include <algorithm>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace smm::text {

std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    utf8proc_ssize_t length =
        utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0) {
      cp = 0xFFFD;
      length = 1;
    }
    out.push_back({static_cast<char32_t>(cp), pos, pos + static_cast<std::size_t>(length)});
    pos += static_cast<std::size_t>(length);
  }
  return out;
}

std::vector<std::size_t> grapheme_ends(std::string_view text) {
  std::vector<std::size_t> ends;
  utf8proc_int32_t state = 0;
  bool first = true;
  utf8proc_int32_t previous = 0;
  for (const CodePoint& cp : code_points(text)) {
    const auto c = static_cast<utf8proc_int32_t>(cp.value);
    if (!first && utf8proc_grapheme_break_stateful(previous, c, &state)) {
      ends.push_back(cp.begin);
    }
    first = false;
    previous = c;
  }
  if (!text.empty()) {
    ends.push_back(text.size());
  }
  return ends;
}

namespace {

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

bool is_pictographic(char32_t c) {
  const auto cls = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->boundclass;
  return cls == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || cls == UTF8PROC_BOUNDCLASS_E_BASE ||
         cls == UTF8PROC_BOUNDCLASS_E_BASE_GAZ || cls == UTF8PROC_BOUNDCLASS_GLUE_AFTER_ZWJ;
}

bool is_keycap_base(char32_t c) { return c == '#' || c == '*' || (c >= '0' && c <= '9'); }

/// Pictographs whose default presentation is text: they are emoji only with U+FE0F (or a
/// modifier or ZWJ sequence after them). The code points below U+2000 plus the arrows, symbols and
/// dingbats ranges that are mostly text-default; emoji-default ones in those ranges are listed.
bool is_text_default(char32_t c) {
  if (c < 0x2000) {
    return true;
  }
  switch (c) {
    case 0x231A:
    case 0x231B:
    case 0x23E9:
    case 0x23EA:
    case 0x23EB:
    case 0x23EC:
    case 0x23F0:
    case 0x23F3:
    case 0x25FD:
    case 0x25FE:
    case 0x2614:
    case 0x2615:
    case 0x267F:
    case 0x2693:
    case 0x26A1:
    case 0x26AA:
    case 0x26AB:
    case 0x26BD:
    case 0x26BE:
    case 0x26C4:
    case 0x26C5:
    case 0x26CE:
    case 0x26D4:
    case 0x26EA:
    case 0x26F2:
    case 0x26F3:
    case 0x26F5:
    case 0x26FA:
    case 0x26FD:
    case 0x2705:
    case 0x270A:
    case 0x270B:
    case 0x2728:
    case 0x274C:
    case 0x274E:
    case 0x2753:
    case 0x2754:
    case 0x2755:
    case 0x2757:
    case 0x2795:
    case 0x2796:
    case 0x2797:
    case 0x27B0:
    case 0x27BF:
    case 0x2B1B:
    case 0x2B1C:
    case 0x2B50:
    case 0x2B55:
      return false;
    default:
      break;
  }
  if (c >= 0x2648 && c <= 0x2653) {
    return false;  // zodiac signs
  }
  return c < 0x1F000;
}

}  // namespace

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_emoji_cluster(std::string_view cluster) {
  const std::vector<CodePoint> cps = code_points(cluster);
  if (cps.empty()) {
    return false;
  }
  const char32_t first = cps.front().value;
  if (is_regional_indicator(first)) {
    return cps.size() >= 2 && is_regional_indicator(cps[1].value);
  }
  if (is_keycap_base(first)) {
    return cps.size() >= 2 && cps.back().value == 0x20E3;
  }
  if (!is_pictographic(first)) {
    return false;
  }
  if (cps.size() == 1) {
    return !is_text_default(first);
  }
  // A text-default pictograph followed by U+FE0E stays text; anything else attached makes emoji.
  return cps[1].value != 0xFE0E;
}

std::string nfc(std::string_view text) {
  if (is_ascii(text)) {
    return std::string(text);  // ASCII is already in NFC; the common case, and utf8proc_map is costly
  }
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) {
    return std::string(text);
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

}  // namespace smm::text
