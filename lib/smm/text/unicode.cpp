// SPDX-License-Identifier: MIT
#include "smm/text/unicode.hpp"

#include <algorithm>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace smm::text {

std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> out;
  decode(text, out);
  return out;
}

bool decode(std::string_view text, std::vector<CodePoint>& out) {
  out.clear();
  out.reserve(text.size());
  bool valid = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // what utf8proc_iterate gives for ASCII, without the call
      out.push_back({byte, pos, pos + 1});
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    utf8proc_ssize_t length = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0) {
      cp = 0xFFFD;
      length = 1;
      valid = false;
    }
    out.push_back({static_cast<char32_t>(cp), pos, pos + static_cast<std::size_t>(length)});
    pos += static_cast<std::size_t>(length);
  }
  return valid;
}

bool is_break_other(char32_t c) {
  static const std::vector<bool> k_bmp = [] {  // the Basic Multilingual Plane, from utf8proc
    std::vector<bool> other(0x10000);
    for (char32_t u = 0; u < other.size(); ++u) {
      const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(u));
      other[u] = p->boundclass == UTF8PROC_BOUNDCLASS_OTHER;
    }
    return other;
  }();
  if (c < k_bmp.size()) {
    return k_bmp[c];
  }
  const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  return p->boundclass == UTF8PROC_BOUNDCLASS_OTHER;
}

bool ClusterBreaks::starts_slowly(char32_t c, bool other) {
  bool starts = true;
  if (m_first) {
    m_first = false;
  } else if (m_previous_other && other) {
    m_state = 0;  // see starts()
  } else {
    starts = utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(m_previous),
                                              static_cast<utf8proc_int32_t>(c), &m_state);
  }
  m_previous = c;
  m_previous_other = other;
  return starts;
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

bool is_emoji_cluster(std::string_view cluster) {
  thread_local std::vector<CodePoint> cps;
  decode(cluster, cps);
  return is_emoji_cluster(cps.data(), cps.data() + cps.size());
}

bool is_emoji_cluster(const CodePoint* first, const CodePoint* last) {
  if (first == last) {
    return false;
  }
  const char32_t c = first->value;
  const auto size = static_cast<std::size_t>(last - first);
  if (is_regional_indicator(c)) {
    return size >= 2 && is_regional_indicator(first[1].value);
  }
  if (is_keycap_base(c)) {
    return size >= 2 && last[-1].value == 0x20E3;
  }
  if (c < 0x80 || !is_pictographic(c)) {  // no ASCII character is pictographic
    return false;
  }
  if (size == 1) {
    return !is_text_default(c);
  }
  // A text-default pictograph followed by U+FE0E stays text; anything else attached makes emoji.
  return first[1].value != 0xFE0E;
}

bool is_nfc_quick_above_latin(char32_t c) {
  const bool jamo = (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
  if (jamo) {
    return false;  // Hangul jamo compose with each other and with syllables
  }
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x20E3) {
    return true;  // variation selectors and the keycap mark: marks of class 0 that never compose
  }
  // Every character that composes with the one before it is a mark (Mn, Mc) or a jamo.
  const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
  const bool mark = p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
                    p->category == UTF8PROC_CATEGORY_ME;
  const bool canonical = p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
  return !mark && p->combining_class == 0 && !canonical;
}

std::string nfc(std::string_view text) {
  thread_local std::vector<CodePoint> cps;
  if (decode(text, cps) &&
      std::all_of(cps.begin(), cps.end(), [](const CodePoint& cp) { return is_nfc_quick(cp.value); })) {
    return std::string(text);  // already NFC: the common case, and utf8proc_map is costly
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
