// SPDX-License-Identifier: MIT
#pragma once

// Watches (brand monitoring) in smm.json: searches whose results `inbox sync` files in the inbox
// as kind "watch". They live in Settings::extra under "watches", so smm.json keeps its bytes and
// unknown fields on rewrite; this reads and checks them:
//
//   "watches": [
//     {"name": "brand", "account": "masto", "hashtag": "smmtool"},
//     {"name": "brand-bsky", "account": "bsky", "query": "\"smm tool\""}
//   ]
//
// name: unique, [a-z0-9_-]+ (it names the source "watch:<name>" of the items); account: a
// project account; hashtag (Mastodon: the tag timeline, '#' optional) or query (Bluesky
// searchPosts), exactly one. Other fields are kept and ignored.

#include <string>
#include <vector>

#include "smm/project/project.hpp"

namespace smm::project {

struct WatchSetting {
  std::string name;
  std::string account;
  std::string hashtag;
  std::string query;
  Json extra = Json::object();
};

/// The watches of smm.json, or every problem found, located as "smm.json: /watches/1/account".
std::expected<std::vector<WatchSetting>, Problems> watches(const Project& project);

}  // namespace smm::project
