// SPDX-License-Identifier: MIT
#pragma once

// Exact length counting, one function per platform rule, and the table of each platform's
// default limits (the single source of those numbers: project::platforms() is built from it).
// Sources: ../shared/reference/platform-apis-a.md and -b.md (text rules of each platform).

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "smm/text/split.hpp"

namespace smm::text {

/// What a platform counts.
enum class Unit {
  code_points,  ///< Unicode code points (unknown platforms, Facebook)
  graphemes,    ///< extended grapheme clusters (Bluesky, LinkedIn, Instagram)
  mastodon,     ///< graphemes, each http(s) URL as 23, "@user@server" as "@user"
  threads,      ///< graphemes, an emoji as its UTF-8 bytes
  weighted,     ///< twitter-text v3 weighted length (X)
  utf16,        ///< UTF-16 code units (Telegram, Discord)
};

/// The word shown after a count ("273/280 weighted"); "" for plain characters (code points).
const char* unit_name(Unit unit);

/// One platform's counting rule and default limits.
struct PlatformRule {
  const char* platform;
  std::size_t limit = 0;          ///< default per-part length limit in `unit`; 0 = no limit
  std::size_t caption_limit = 0;  ///< limit when the post has media; 0 = same as `limit`
  std::size_t byte_limit = 0;     ///< UTF-8 byte limit that applies as well; 0 = none
  Unit unit = Unit::code_points;
};

/// Every known platform, in a fixed order.
const std::vector<PlatformRule>& platform_rules();
/// The rule for `platform`, or nullptr when it is unknown.
const PlatformRule* find_rule(std::string_view platform);

/// The limits one part of a post is held to.
struct Limits {
  std::size_t length = 0;  ///< 0 = no limit
  std::size_t bytes = 0;   ///< 0 = no byte limit
  Unit unit = Unit::code_points;
};

/// The limits for a part on `platform`: `override` (an account's "limits": {"chars": N}) replaces
/// the default length limit, and a post with media is held to the caption limit (Telegram) unless
/// overridden. Unknown platforms count code points with no limit.
Limits limits_for(std::string_view platform, std::optional<std::size_t> override, bool has_media);

/// A counted length and the limit it is held to.
struct Measure {
  std::size_t length = 0;
  std::size_t limit = 0;  ///< 0 = no limit
  const char* unit = "";  ///< unit_name() of the count; "bytes" for a byte limit
  [[nodiscard]] bool over() const { return limit > 0 && length > limit; }
};

/// `text` measured against every limit in `limits`: the length first, then bytes when there is
/// a byte limit.
std::vector<Measure> measure(std::string_view text, const Limits& limits);

/// The counting function for `unit`.
Counter counter_for(Unit unit);
/// The same, prepared for many slices of `text` (string_views into its characters, as
/// split_thread() measures): most are counted from running sums built in one scan, exactly as
/// counter_for(unit) counts them (slices.cpp says when); other strings are counted as usual.
/// `text`'s characters must outlive the counter.
Counter counter_for(Unit unit, std::string_view text);
/// The counting function of `platform` (code points when the platform is unknown).
Counter counter_for(std::string_view platform);

/// Code points, graphemes, UTF-16 units or the platform length of `text` in `unit`.
std::size_t count(std::string_view text, Unit unit);

/// Extended grapheme clusters (utf8proc; CRLF is one). Each byte of invalid UTF-8 counts one.
std::size_t grapheme_count(std::string_view text);

/// UTF-16 code units: 2 per code point above U+FFFF, else 1 (an invalid byte counts 1).
std::size_t utf16_length(std::string_view text);

/// twitter-text v3 weighted length: NFC first; each URL (with or without a scheme) counts 23;
/// each emoji (a whole ZWJ sequence, flag or modified emoji) counts 2; code points in
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 count 1 and all others 2.
/// `emoji_parsing` false gives the v2 rule (emoji counted per code point).
std::size_t x_weighted_length(std::string_view text, bool emoji_parsing = true);

/// Whether X accepts `text`: 0 < weighted length <= `limit` and no U+FFFE, U+FEFF or U+FFFF.
bool x_valid(std::string_view text, std::size_t limit = 280);

/// Mastodon's StatusLengthValidator: graphemes, after each http(s) URL is replaced by 23
/// characters and each "@user@server" by "@user" (a bare "example.com" counts as typed).
std::size_t mastodon_length(std::string_view text);

/// Threads' documented rule read conservatively: graphemes, except that an emoji counts its UTF-8
/// bytes ("👋" = 4), as the docs say emoji count "as the number of UTF-8 bytes".
std::size_t threads_length(std::string_view text);

}  // namespace smm::text
