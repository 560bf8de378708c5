// SPDX-License-Identifier: MIT
#pragma once

// Entities in post text, found the way twitter-text finds them: URLs (with or without a scheme,
// against the list of valid top-level domains), hashtags, @mentions (local and remote). Shared by
// the platform counters (X and Mastodon count a URL as 23), audit's brand rules and link checks.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smm::text {

struct Entity {
  std::size_t begin = 0;  ///< byte offset in the text
  std::size_t end = 0;    ///< byte offset one past the entity
  std::string text;       ///< the entity as written ("example.com/x", "#tag", "@a@b.social")
};

/// Which URLs extract_urls() takes: bare domains too (X, the default) or only http(s) URLs
/// (Mastodon's length rule).
enum class Scheme { optional, required };

/// URLs, in order of appearance: "http(s)://" URLs and, unless `scheme` is required, bare
/// domains ending in a valid top-level domain ("example.com/x"; a two-letter country domain such
/// as "example.de" only with a path). Trailing punctuation is left out ("example.com." gives
/// "example.com"); a domain label over 63 characters (after IDNA) is not a URL.
std::vector<Entity> extract_urls(std::string_view text, Scheme scheme = Scheme::optional);
/// Hashtags ("#tag", "#日本"), in order of appearance: letters, marks, digits and "_" after a "#"
/// or "＃" that does not follow a letter, digit or "&"; at least one letter; none inside a URL.
std::vector<Entity> extract_hashtags(std::string_view text);
/// Mentions ("@name" or "@name@server"), in order of appearance. A name is [A-Za-z0-9_] with "."
/// or "-" inside (Mastodon's rule); the "@" must not follow a letter, digit or one of "_!#$%&*@/"
/// (so "a@b.com" is not a mention); a name followed by "://" or an accented letter is not one.
std::vector<Entity> extract_mentions(std::string_view text);

}  // namespace smm::text
