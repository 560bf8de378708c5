// SPDX-License-Identifier: MIT
#include "smm/text/split.hpp"

#include <utf8proc.h>

#include <string>
#include <vector>

#include "support/catch.hpp"

using smm::text::count_code_points;
using smm::text::split_thread;
using smm::text::SplitOptions;
using Parts = std::vector<std::string>;

namespace {

const std::string k_family =
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
    "\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91\xA6";  // 👨‍👩‍👧‍👦, 7 code points
const std::string k_flag_jp = "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";  // 🇯🇵
const std::string k_flag_fr = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";  // 🇫🇷
const std::string k_thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";   // 👍🏽
const std::string k_e_acute = "e\xCC\x81";                         // e + U+0301

SplitOptions plain(std::size_t limit) { return SplitOptions{limit, false}; }

SplitOptions marked(std::size_t limit) { return SplitOptions{limit, true}; }

std::string without_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t pos = 0; pos < text.size();) {
    utf8proc_int32_t cp = 0;
    auto length =
        utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0) {
      return false;
    }
    pos += static_cast<std::size_t>(length);
  }
  return true;
}

/// The part with its " i/n" marker removed; fails the test if the marker is missing.
std::string strip_marker(const std::string& part, std::size_t index, std::size_t total) {
  const std::string marker = " " + std::to_string(index) + "/" + std::to_string(total);
  REQUIRE(part.ends_with(marker));
  return part.substr(0, part.size() - marker.size());
}

}  // namespace

TEST_CASE("count_code_points counts code points, invalid bytes one each", "[text][split]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("caf\xC3\xA9") == 4);
  CHECK(count_code_points("日本語") == 3);
  CHECK(count_code_points(k_family) == 7);
  CHECK(count_code_points(k_flag_jp) == 2);
  CHECK(count_code_points(k_e_acute) == 2);
  CHECK(count_code_points("\xFF\xFE") == 2);
  CHECK(count_code_points("\xE6\x97") == 2);  // truncated sequence
  CHECK(count_code_points("a\x80"
                          "b") == 3);
}

TEST_CASE("split_thread keeps a text that fits as one unmarked part", "[text][split]") {
  CHECK(split_thread("  Hello world.\n", marked(280)) == Parts{"Hello world."});
  CHECK(split_thread("exactly ten", marked(11)) == Parts{"exactly ten"});
  CHECK(split_thread("", marked(280)) == Parts{""});
  CHECK(split_thread(" \n\t\n ", marked(280)) == Parts{""});
  CHECK(split_thread("one two", SplitOptions{7, true, {}}) == Parts{"one two"});
}

TEST_CASE("split_thread prefers paragraph boundaries", "[text][split]") {
  const std::string text = "Alpha one.\n\nBeta two.\n \nGamma three is longer.";
  CHECK(split_thread(text, plain(30)) ==
        Parts{"Alpha one.\n\nBeta two.", "Gamma three is longer."});
  CHECK(split_thread(text, marked(30)) ==
        Parts{"Alpha one.\n\nBeta two. 1/2", "Gamma three is longer. 2/2"});
  CHECK(split_thread(text, plain(12)) ==
        Parts{"Alpha one.", "Beta two.", "Gamma three", "is longer."});
}

TEST_CASE("split_thread splits a long paragraph at sentences", "[text][split]") {
  const std::string text =
      "Short intro.\n\nThis is sentence one. This is sentence two! Is this three? Yes\xE2\x80\xA6 "
      "four.";
  CHECK(split_thread(text, plain(45)) == Parts{"Short intro.",
                                               "This is sentence one. This is sentence two!",
                                               "Is this three? Yes\xE2\x80\xA6 four."});
  SECTION("the tail of a split sentence takes the following sentence") {
    CHECK(split_thread("Read more at https://example.com/x now. Done!", plain(20)) ==
          Parts{"Read more at", "https://example.com/", "x now. Done!"});
  }
  SECTION("closing quotes stay with their sentence; no break without a space") {
    CHECK(split_thread("He said \"stop.\" Then v1.2 left.", plain(20)) ==
          Parts{"He said \"stop.\"", "Then v1.2 left."});
  }
  SECTION("CJK full stops end a sentence without a space") {
    CHECK(split_thread("今日は晴れです。明日は雨です。", plain(10)) ==
          Parts{"今日は晴れです。", "明日は雨です。"});
  }
}

TEST_CASE("split_thread splits a long sentence at words", "[text][split]") {
  CHECK(split_thread("one two three four five six seven eight nine ten", plain(15)) ==
        Parts{"one two three", "four five six", "seven eight", "nine ten"});
  CHECK(split_thread("line one\nline two", plain(9)) == Parts{"line one", "line two"});
}

TEST_CASE("split_thread hard-cuts a word longer than the limit", "[text][split]") {
  const std::string url = "https://example.com/a/very/long/path/that/goes/on/and/on?q=1";
  const Parts parts = split_thread("see " + url + " ok", plain(20));
  REQUIRE(url.size() == 60);
  REQUIRE(parts.size() == 5);
  CHECK(parts.front() == "see");
  CHECK(parts.back() == "ok");
  CHECK(parts[1] + parts[2] + parts[3] == url);
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK(count_code_points(parts[i]) == 20);
  }
}

TEST_CASE("split_thread never cuts a grapheme cluster", "[text][split]") {
  SECTION("family emoji ZWJ sequences") {
    std::string text;
    for (int i = 0; i < 5; ++i) {
      text += k_family;
    }
    CHECK(split_thread(text, plain(10)) == Parts(5, k_family));
    CHECK(split_thread(text, plain(14)) ==
          Parts{k_family + k_family, k_family + k_family, k_family});
  }
  SECTION("flags, skin tones and combining marks") {
    const std::string text = k_flag_jp + k_flag_fr + k_thumbs + k_e_acute + k_e_acute;
    CHECK(split_thread(text, plain(3)) ==
          Parts{k_flag_jp, k_flag_fr, k_thumbs, k_e_acute, k_e_acute});
    CHECK(split_thread(text, plain(5)) ==
          Parts{k_flag_jp + k_flag_fr, k_thumbs + k_e_acute, k_e_acute});
  }
  SECTION("a cluster longer than the limit is cut between code points") {
    for (const auto& part : split_thread(k_family, plain(4))) {
      CHECK(count_code_points(part) <= 4);
      CHECK(is_valid_utf8(part));
    }
  }
}

TEST_CASE("split_thread cuts CJK text without spaces between characters", "[text][split]") {
  const std::string text = "日本語のテキストはスペースを使いません";  // 19 code points
  const Parts parts = split_thread(text, plain(5));
  CHECK(parts == Parts{"日本語のテ", "キストはス", "ペースを使", "いません"});
  const Parts marked_parts = split_thread(text, marked(9));
  REQUIRE(marked_parts.size() == 4);
  CHECK(marked_parts[0] == "日本語のテ 1/4");
  CHECK(marked_parts[3] == "いません 4/4");
}

TEST_CASE("split_thread widens markers at ten parts and more", "[text][split]") {
  std::string text;
  for (int i = 1; i <= 12; ++i) {
    text += (i < 10 ? "w0" : "w") + std::to_string(i) + " ";
  }
  // " 2/2" would leave room for one word per part, but twelve parts need " 12/12".
  const Parts parts = split_thread(text, marked(9));
  REQUIRE(parts.size() == 12);
  CHECK(parts[0] == "w01 1/12");
  CHECK(parts[8] == "w09 9/12");
  CHECK(parts[11] == "w12 12/12");
  for (const auto& part : parts) {
    CHECK(count_code_points(part) <= 9);
  }
  SECTION("nine parts keep narrow markers") {
    const Parts nine = split_thread("a b c d e f g h i", marked(5));
    REQUIRE(nine.size() == 9);
    CHECK(nine[0] == "a 1/9");
    CHECK(nine[8] == "i 9/9");
  }
  SECTION("no room for a marker means no markers") {
    CHECK(split_thread("ab cd", marked(3)) == Parts{"ab", "cd"});
    CHECK(split_thread("ab", marked(0)) == Parts{"a", "b"});
  }
}

TEST_CASE("split_thread always splits at a --- line", "[text][split]") {
  const std::string text = "Part one.\n---\nPart two.\r\n  ---  \r\nPart three.";
  CHECK(split_thread(text, marked(280)) ==
        Parts{"Part one. 1/3", "Part two. 2/3", "Part three. 3/3"});
  CHECK(split_thread(text, plain(280)) == Parts{"Part one.", "Part two.", "Part three."});
  CHECK(split_thread("---\nA\n---\n---\nB\n---", marked(280)) == Parts{"A 1/2", "B 2/2"});
  CHECK(split_thread("A\n----\nB --- C", marked(280)) == Parts{"A\n----\nB --- C"});
  CHECK(split_thread("---", marked(280)) == Parts{""});
  CHECK(split_thread("one two\n---\nthree", marked(9)) == Parts{"one 1/3", "two 2/3", "three 3/3"});
}

TEST_CASE("split_thread uses the platform's counter", "[text][split]") {
  const auto bytes = [](std::string_view s) { return s.size(); };
  const Parts parts = split_thread("日本語 テキスト", SplitOptions{10, false, bytes});
  CHECK(parts == Parts{"日本語", "テキス", "ト"});
}

TEST_CASE("split_thread parts always fit the limit and lose no text", "[text][split]") {
  const std::string text =
      "Launching smm today! It manages social media as code. Posts live in files, plans are "
      "reviewed like pull requests, and nothing goes out without a dry run.\n\n"
      "Read more at https://example.com/blog/2024/launching-smm-social-media-management-as-code"
      "?utm_source=thread&utm_medium=social \xE2\x80\x94 feedback welcome\xE2\x80\xA6 really!\n\n"
      "Family time " +
      k_family + k_family + " and flags " + k_flag_jp + k_flag_fr + k_thumbs + " caf" + k_e_acute +
      ".\n"
      "日本語のテキストはスペースを使いません。句読点で区切ります。とても長い文章がここに続きます\n"
      "---\n"
      "Manual part: short.\n\n" +
      std::string(150, 'x') + " tail words follow here. The end?";
  const std::string expected = without_whitespace([&] {
    std::string t = text;
    t.replace(t.find("\n---\n"), 5, "\n");
    return t;
  }());
  for (std::size_t limit = 20; limit <= 300; limit += 7) {
    for (bool markers : {false, true}) {
      INFO("limit " << limit << ", markers " << markers);
      const Parts parts = split_thread(text, SplitOptions{limit, markers});
      REQUIRE(parts.size() >= 2);
      std::string joined;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        CHECK(count_code_points(parts[i]) <= limit);
        CHECK(is_valid_utf8(parts[i]));
        const std::string body = markers ? strip_marker(parts[i], i + 1, parts.size()) : parts[i];
        REQUIRE_FALSE(body.empty());
        CHECK(body.front() != ' ');
        CHECK(body.back() != ' ');
        CHECK_FALSE(body.starts_with("\xE2\x80\x8D"));      // ZWJ: a cut inside the family emoji
        CHECK_FALSE(body.starts_with("\xCC\x81"));          // combining acute cut off its e
        CHECK_FALSE(body.starts_with("\xF0\x9F\x8F\xBD"));  // skin tone cut off its thumb
        joined += body;
      }
      CHECK(without_whitespace(joined) == expected);
    }
  }
}
