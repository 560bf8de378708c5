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

/// URLs, in order of appearance.
std::vector<Entity> extract_urls(std::string_view text);
/// Hashtags ("#tag"), in order of appearance.
std::vector<Entity> extract_hashtags(std::string_view text);
/// Mentions ("@name" or "@name@server"), in order of appearance.
std::vector<Entity> extract_mentions(std::string_view text);

}  // namespace smm::text
