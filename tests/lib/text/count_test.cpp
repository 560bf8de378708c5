// SPDX-License-Identifier: MIT
#include "smm/text/count.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/catch.hpp"

using namespace smm::text;

namespace {

const std::string k_family =
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F"
    "\x91\xA6";
const std::string k_flag_jp = "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5";
const std::string k_thumbs_medium = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
const std::string k_e_acute_decomposed = "e\xCC\x81";
const std::string k_hangul_jamo = "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8";  // ᄀ ᅡ ᆨ: one syllable
const std::string k_wave = "\xF0\x9F\x91\x8B";                             // 👋

}  // namespace

TEST_CASE("twitter-text conformance: weighted length", "[text][count]") {
  std::ifstream in(std::string(SMM_FIXTURES) + "/twitter-text/weighted_length.jsonl");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    const auto doc = nlohmann::json::parse(line);
    const std::string text = doc.at("text");
    const bool v3 = doc.at("section") != "WeightedTweetsCounterTest";
    INFO(doc.at("section").get<std::string>() << ": " << doc.at("description").get<std::string>());
    CHECK(x_weighted_length(text, v3) == doc.at("weighted_length").get<std::size_t>());
    if (v3) {
      CHECK(x_valid(text) == doc.at("valid").get<bool>());
    }
    ++cases;
  }
  CHECK(cases == 43);
}

TEST_CASE("X weighted length", "[text][count]") {
  CHECK(x_weighted_length("Hello, world! " + k_wave) == 16);  // the example in X's docs
  CHECK(x_weighted_length("see example.com and https://example.com/a/long/path") ==
        4 + 23 + 5 + 23);
  CHECK(x_weighted_length(k_family) == 2);
  CHECK(x_weighted_length(k_flag_jp) == 2);
  CHECK(x_weighted_length(k_thumbs_medium) == 2);
  CHECK(x_weighted_length("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本
  CHECK(x_weighted_length(k_e_acute_decomposed) == 1);        // NFC: é
  CHECK(x_weighted_length("") == 0);
  CHECK_FALSE(x_valid(""));
  CHECK(x_valid(std::string(280, 'a')));
  CHECK_FALSE(x_valid(std::string(281, 'a')));
  CHECK(x_valid(std::string(281, 'a'), 25000));
}

TEST_CASE("grapheme clusters", "[text][count]") {
  CHECK(grapheme_count(k_family) == 1);
  CHECK(grapheme_count(k_flag_jp + k_flag_jp) == 2);
  CHECK(grapheme_count(k_thumbs_medium) == 1);
  CHECK(grapheme_count(k_e_acute_decomposed) == 1);
  CHECK(grapheme_count(k_hangul_jamo) == 1);
  CHECK(grapheme_count("a\r\nb") == 3);
  CHECK(grapheme_count("") == 0);
  CHECK(grapheme_count("\xFF\xFE") == 2);  // invalid bytes count one each
}

TEST_CASE("Bluesky counts graphemes and bytes", "[text][count]") {
  // The bsky-docs example, recomputed in the reference: 109 bytes, 88 graphemes, 93 code points,
  // 95 UTF-16 units.
  const std::string text =
      "\xE2\x9C\xA8 example mentioning @atproto.com to share the URL \xF0\x9F\x91\xA8\xE2\x80\x8D"
      "\xE2\x9D\xA4\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x91\xA8 https://en.wikipedia.org/wiki/CBOR.";
  CHECK(text.size() == 109);
  CHECK(grapheme_count(text) == 88);
  CHECK(count_code_points(text) == 93);
  CHECK(utf16_length(text) == 95);

  const Limits limits = limits_for("bluesky", std::nullopt, false);
  CHECK(limits.length == 300);
  CHECK(limits.bytes == 3000);
  std::string families;
  for (int i = 0; i < 150; ++i) {
    families += k_family;  // 150 graphemes, 3,750 bytes
  }
  const auto m = measure(families, limits);
  REQUIRE(m.size() == 2);
  CHECK_FALSE(m[0].over());
  CHECK(m[1].over());
  CHECK(std::string(m[1].unit) == "bytes");
}

TEST_CASE("Mastodon length", "[text][count]") {
  CHECK(mastodon_length("@alice@example.social see https://example.com/a/very/long/path") == 34);
  CHECK(mastodon_length("see example.com") == 15);  // no scheme: counted as typed
  CHECK(mastodon_length("http://x.co") == 23);
  CHECK(mastodon_length("@bob hi") == 7);
  CHECK(mastodon_length(k_family + "!") == 2);
  CHECK(limits_for("mastodon", std::nullopt, false).length == 500);
  CHECK(limits_for("mastodon", 11000, false).length == 11000);
}

TEST_CASE("Telegram, Discord, Threads, LinkedIn units and limits", "[text][count]") {
  CHECK(utf16_length("a" + k_wave) == 3);
  CHECK(utf16_length(k_family) == 11);
  CHECK(count("a" + k_wave, Unit::utf16) == 3);
  CHECK(limits_for("telegram", std::nullopt, false).length == 4096);
  CHECK(limits_for("telegram", std::nullopt, true).length == 1024);
  CHECK(limits_for("telegram", std::nullopt, true).unit == Unit::utf16);
  CHECK(limits_for("discord", std::nullopt, false).length == 2000);
  CHECK(limits_for("discord", std::nullopt, true).length == 2000);
  CHECK(threads_length("hi " + k_wave) == 3 + 4);
  CHECK(threads_length(k_family) == k_family.size());
  CHECK(limits_for("threads", std::nullopt, false).length == 500);
  CHECK(limits_for("linkedin", std::nullopt, false).length == 3000);
  CHECK(count(k_e_acute_decomposed, Unit::graphemes) == 1);
  CHECK(limits_for("feed", std::nullopt, false).length == 0);
  CHECK(limits_for("webhook", std::nullopt, true).length == 0);
  CHECK(limits_for("nowhere", std::nullopt, false).unit == Unit::code_points);
}

TEST_CASE("counter_for picks the platform's rule", "[text][count]") {
  CHECK(counter_for("x")("https://example.com/" + std::string(100, 'a')) == 23);
  CHECK(counter_for("bluesky")(k_family) == 1);
  CHECK(counter_for("telegram")(k_family) == 11);
  CHECK(counter_for("feed")(k_family) == 7);
  CHECK(std::string(unit_name(Unit::weighted)) == "weighted");
  CHECK(std::string(unit_name(Unit::code_points)).empty());
  CHECK(find_rule("x") != nullptr);
  CHECK(find_rule("myspace") == nullptr);
}
