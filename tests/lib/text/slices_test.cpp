// SPDX-License-Identifier: MIT
// The fast counting paths against slow ones: the table-driven grapheme breaks and NFC quick
// check against utf8proc itself, every counter against the previous implementation (kept below
// as a reference), and prepared counters (counter_for(unit, text)) against counting each slice.
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "smm/text/count.hpp"
#include "smm/text/extract.hpp"
#include "smm/text/split.hpp"
#include "smm/text/unicode.hpp"
#include "smm/text/url.hpp"
#include "support/catch.hpp"

using namespace smm::text;

namespace {

// Words chosen to hit every special case of the counters: URLs with and without a scheme,
// mentions, emoji sequences, marks that compose (text not in NFC), Hangul jamo, a Prepend
// character, Indic conjuncts, CJK full stops, CRLF and invalid UTF-8.
const std::vector<std::string> k_words = {
    "a", "word", "Z\u00FCrich", "caf\u00E9", "e\u0301", "\u6771\u4EAC", "\u3053\u3093\u306B\u3061\u306F",
    "\u304C", "\u304B\u3099", "\u041F\u0440\u0438\u0432\u0435\u0442", "\u0439", "\u0438\u0306", "\U0001F680",
    "\U0001F469\u200D\U0001F4BB", "\U0001F1EB\U0001F1F7", "\U0001F1EB\U0001F1F7\U0001F1E9", "\u2764\uFE0F", "\u2764",
    "\u00A9", "\u00A9\uFE0E", "\U0001F44D\U0001F3FD", "#\uFE0F\u20E3", "1\u20E3", "\u0600", "\u0600 ",
    "\u0915\u094D\u0937", "\u0915\u0903", "\u1100\u1161", "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01", "\u200D",
    "\uFE0F", "\u0301", "\u212B", "\u0958", "https://example.com/path?q=1", "http://t.co/abc?x=1",
    "example.com", "example.de", "example.de/x", "@user", "@user@mastodon.social", "\uFF20user", "a@b.com", "#tag",
    "RT", ".", "!", "?", "\u3002", "\u2026", "(", ")", "\"", "-", "_", "/", ":", "x.co", "\u65E5\u672C.jp",
    "xn--bcher-kva.de/x", "https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/\u043F", "\xE2\x80", "\xFF", "---",
};
const std::vector<std::string> k_gaps = {" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "", "\u3000", "\u00A0"};

/// Valid UTF-8 that NFC leaves as it is: X's counter takes its fast path only for such text.
bool plain(const std::string& word) {
  std::vector<CodePoint> cps;
  return decode(word, cps) && std::all_of(cps.begin(), cps.end(), [](const CodePoint& cp) { return is_nfc_quick(cp.value); });
}

/// Words and gaps at random; every other text only from plain() words.
std::string random_text(std::mt19937& rng, std::size_t max_words) {
  const bool only_plain = rng() % 2 == 0;
  std::string text;
  const std::size_t words = 1 + rng() % max_words;
  for (std::size_t i = 0; i < words; ++i) {
    std::string word = k_words[rng() % k_words.size()];
    while (only_plain && !plain(word)) {
      word = k_words[rng() % k_words.size()];
    }
    text += word;
    text += k_gaps[rng() % k_gaps.size()];
  }
  return text;
}

const std::vector<Unit> k_units = {Unit::code_points, Unit::graphemes, Unit::mastodon,
                                   Unit::threads,     Unit::weighted,  Unit::utf16};

// The counters as they were before they were rewritten for speed, on utf8proc directly.
namespace reference {

std::vector<std::size_t> grapheme_ends(std::string_view text) {
  std::vector<std::size_t> ends;
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = 0;
  bool first = true;
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

std::string nfc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) {
    return std::string(text);
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

std::size_t threads(std::string_view text) {
  std::size_t length = 0;
  std::size_t begin = 0;
  for (const std::size_t end : grapheme_ends(text)) {
    const std::string_view cluster = text.substr(begin, end - begin);
    length += is_emoji_cluster(cluster) ? cluster.size() : 1;
    begin = end;
  }
  return length;
}

std::vector<std::size_t> emoji_ends(std::string_view text, const std::vector<CodePoint>& cps) {
  std::vector<std::size_t> out(cps.size(), 0);
  std::size_t first = 0;
  std::size_t begin_byte = 0;
  for (const std::size_t end_byte : grapheme_ends(text)) {
    std::size_t last = first;
    while (last < cps.size() && cps[last].begin < end_byte) {
      ++last;
    }
    if (is_emoji_cluster(text.substr(begin_byte, end_byte - begin_byte))) {
      out[first] = last;
    }
    first = last;
    begin_byte = end_byte;
  }
  return out;
}

std::size_t weighted(std::string_view text) {
  const std::string normal = nfc(text);
  const std::vector<CodePoint> cps = code_points(normal);
  std::vector<std::size_t> url_ends(cps.size(), 0);
  for (const detail::CpSpan& url : detail::find_urls(cps, true)) {
    url_ends[url.begin] = url.end;
  }
  const std::vector<std::size_t> emoji = emoji_ends(normal, cps);
  std::size_t weight = 0;
  for (std::size_t i = 0; i < cps.size();) {
    if (url_ends[i] > 0) {
      weight += 2300;
      i = url_ends[i];
    } else if (emoji[i] > 0) {
      weight += 200;
      i = emoji[i];
    } else {
      const char32_t c = cps[i++].value;
      const bool light = c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) ||
                         (c >= 0x2032 && c <= 0x2037);
      weight += light ? 100 : 200;
    }
  }
  return weight / 100;
}

std::size_t mastodon(std::string_view text) {
  std::vector<std::pair<Entity, std::string>> rewrites;
  for (const Entity& url : extract_urls(text, Scheme::required)) {
    rewrites.push_back({url, std::string(23, 'x')});
  }
  for (const Entity& mention : extract_mentions(text)) {
    rewrites.push_back({mention, mention.text.substr(0, mention.text.find('@', 1))});
  }
  std::stable_sort(rewrites.begin(), rewrites.end(), [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  std::string countable;
  std::size_t pos = 0;
  for (const auto& [entity, with] : rewrites) {
    if (entity.begin >= pos) {
      countable.append(text.substr(pos, entity.begin - pos)).append(with);
      pos = entity.end;
    }
  }
  countable.append(text.substr(pos));
  return grapheme_ends(countable).size();
}

std::size_t count(std::string_view text, Unit unit) {
  switch (unit) {
    case Unit::graphemes:
      return grapheme_ends(text).size();
    case Unit::mastodon:
      return mastodon(text);
    case Unit::threads:
      return threads(text);
    case Unit::weighted:
      return weighted(text);
    case Unit::code_points:
    case Unit::utf16:
      break;
  }
  std::size_t n = 0;
  for (const CodePoint& cp : code_points(text)) {
    n += unit == Unit::utf16 && cp.value > 0xFFFF ? 2 : 1;
  }
  return n;
}

}  // namespace reference

std::string utf8(char32_t c) {
  utf8proc_uint8_t buffer[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace

TEST_CASE("ClusterBreaks gives utf8proc's grapheme breaks", "[text][slices]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, 12);
    std::vector<std::size_t> ends;
    ClusterBreaks breaks;
    for (const CodePoint& cp : code_points(text)) {
      if (breaks.starts(cp.value) && cp.begin > 0) {
        ends.push_back(cp.begin);
      }
    }
    if (!text.empty()) {
      ends.push_back(text.size());
    }
    INFO(text);
    REQUIRE(ends == reference::grapheme_ends(text));
  }
}

TEST_CASE("is_nfc_quick: such code points never change or compose under NFC", "[text][slices]") {
  // Every code point after the first of a canonical decomposition can compose with what comes
  // before it; none of them may pass the quick check. And each one that passes is its own NFC.
  for (char32_t c = 0; c < 0x110000; ++c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (category == UTF8PROC_CATEGORY_CN || category == UTF8PROC_CATEGORY_CO || category == UTF8PROC_CATEGORY_CS) {
      continue;  // unassigned, private use, surrogates: nothing decomposes
    }
    utf8proc_int32_t parts[32];
    int boundclass = 0;
    const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), parts, 32, UTF8PROC_DECOMPOSE, &boundclass);
    REQUIRE(n >= 1);
    for (utf8proc_ssize_t k = 1; k < n; ++k) {
      INFO("U+" << std::hex << static_cast<std::uint32_t>(c) << " decomposes with U+" << parts[k]);
      REQUIRE_FALSE(is_nfc_quick(static_cast<char32_t>(parts[k])));
    }
    if (is_nfc_quick(c)) {
      INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
      REQUIRE(reference::nfc(utf8(c)) == utf8(c));
    }
  }
  CHECK(is_nfc_quick(U'\u00E9'));
  CHECK(is_nfc_quick(U'\uFE0F'));
  CHECK_FALSE(is_nfc_quick(U'\u0301'));
  CHECK_FALSE(is_nfc_quick(U'\u1161'));
  CHECK_FALSE(is_nfc_quick(U'\u212B'));  // Angstrom sign: NFC makes it U+00C5
  CHECK(nfc("e\u0301 \u212B") == "\u00E9 \u00C5");
}

TEST_CASE("ASCII: no character starts an emoji but the keycap bases; controls break", "[text][slices]") {
  for (char32_t c = 0; c < 0x80; ++c) {
    const auto cls = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->boundclass;
    INFO(static_cast<int>(c));
    CHECK((cls == UTF8PROC_BOUNDCLASS_OTHER) == (c >= 0x20 && c != 0x7F));  // ClusterBreaks' shortcut
    CHECK(is_break_other(c) == (cls == UTF8PROC_BOUNDCLASS_OTHER));
    CHECK(cls != UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC);
    CHECK(cls != UTF8PROC_BOUNDCLASS_E_BASE);
    CHECK(cls != UTF8PROC_BOUNDCLASS_E_BASE_GAZ);
    CHECK(cls != UTF8PROC_BOUNDCLASS_GLUE_AFTER_ZWJ);
  }
}

TEST_CASE("every counter agrees with the reference implementation", "[text][slices]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng, 16);
    INFO(text);
    // Mastodon's URLs are X's URLs that start with a scheme.
    const std::vector<CodePoint> cps = code_points(text);
    std::vector<detail::CpSpan> with_scheme;
    for (const detail::CpSpan& url : detail::find_urls(cps, true)) {
      if (detail::scheme_length(cps, url.begin) > 0) {
        with_scheme.push_back(url);
      }
    }
    const std::vector<detail::CpSpan> only_scheme = detail::find_urls(cps, false);
    REQUIRE(with_scheme.size() == only_scheme.size());
    for (std::size_t i = 0; i < only_scheme.size(); ++i) {
      CHECK(with_scheme[i].begin == only_scheme[i].begin);
      CHECK(with_scheme[i].end == only_scheme[i].end);
    }
    for (const Unit unit : k_units) {
      INFO(static_cast<int>(unit));
      REQUIRE(count(text, unit) == reference::count(text, unit));
    }
  }
}

TEST_CASE("a prepared counter counts every slice as counting it alone does", "[text][slices]") {
  std::mt19937 rng(5);
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(rng, 14);
    std::vector<std::size_t> cuts;  // every code point boundary
    for (const CodePoint& cp : code_points(text)) {
      cuts.push_back(cp.begin);
    }
    cuts.push_back(text.size());
    const std::string_view whole = text;
    for (const Unit unit : k_units) {
      const Counter prepared = counter_for(unit, whole);
      for (std::size_t b = 0; b < cuts.size(); ++b) {
        for (std::size_t e = b; e < cuts.size(); ++e) {
          const std::string_view slice = whole.substr(cuts[b], cuts[e] - cuts[b]);
          INFO(text << " unit " << static_cast<int>(unit) << " [" << cuts[b] << ", " << cuts[e] << ")");
          REQUIRE(prepared(slice) == count(slice, unit));
          const std::string copy(slice);  // found in the text, or a part with its marker
          REQUIRE(prepared(copy) == count(copy, unit));
          const std::string marked = copy + " " + std::to_string(b) + "/" + std::to_string(e);
          REQUIRE(prepared(marked) == count(marked, unit));
          const std::string followed = copy + " " + k_words[(b + e) % k_words.size()];
          REQUIRE(prepared(followed) == count(followed, unit));
        }
      }
      CHECK(prepared("not a slice") == count("not a slice", unit));
    }
  }
}

TEST_CASE("split_thread cuts the same parts with a prepared counter", "[text][slices]") {
  std::mt19937 rng(3);
  for (int round = 0; round < 400; ++round) {
    const std::string text = random_text(rng, 60);
    const std::size_t limit = 10 + rng() % 120;
    INFO(text << " limit " << limit);
    for (const Unit unit : k_units) {
      SplitOptions plain{limit, true, counter_for(unit)};
      SplitOptions prepared{limit, true, counter_for(unit, text)};
      REQUIRE(split_thread(text, prepared) == split_thread(text, plain));
    }
  }
}
