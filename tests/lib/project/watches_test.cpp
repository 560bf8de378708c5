// SPDX-License-Identifier: MIT
// Watches in smm.json: read, kept unknown fields, located problems with did-you-mean.
#include "smm/project/watches.hpp"
#include "support/catch.hpp"

namespace smm::project {

namespace {

Project with_watches(const Json& watches) {
  Project p;
  p.accounts["masto"] = Account{"masto", "mastodon", "https://social.example", "acme", "", "", std::nullopt, false, Json::object()};
  p.accounts["bsky"] = Account{"bsky", "bluesky", "", "acme.test", "", "", std::nullopt, false, Json::object()};
  p.settings.extra["watches"] = watches;
  return p;
}

std::vector<std::string> whats(const Problems& problems) {
  std::vector<std::string> out;
  for (const auto& e : problems) {
    out.push_back(e.what() + (e.hint.empty() ? "" : " [" + e.hint + "]"));
  }
  return out;
}

}  // namespace

TEST_CASE("watches: read from smm.json, unknown fields kept", "[project][watches]") {
  auto w = watches(with_watches(Json::parse(R"([{"name": "brand", "account": "masto", "hashtag": "smmtool", "note": "x"},
    {"name": "brand-bsky", "account": "bsky", "query": "\"smm tool\""}])")));
  REQUIRE(w.has_value());
  REQUIRE(w->size() == 2);
  CHECK((*w)[0].name == "brand");
  CHECK((*w)[0].hashtag == "smmtool");
  CHECK((*w)[0].extra.dump() == R"({"note":"x"})");
  CHECK((*w)[1].query == "\"smm tool\"");
  CHECK(watches(Project{}).value().empty());
}

TEST_CASE("watches: problems name smm.json and the JSON pointer", "[project][watches]") {
  auto w = watches(with_watches(Json::parse(R"([{"name": "brand", "account": "mastoo", "hashtag": "x"},
    {"name": "brand", "account": "bsky", "query": "a", "hashtag": "b"}, 3, {"name": "Bad Name", "account": "bsky", "query": 1}])")));
  REQUIRE_FALSE(w.has_value());
  CHECK(whats(w.error()) == std::vector<std::string>{
                                "smm.json: /watches/0/account: unknown account \"mastoo\" (did you mean \"masto\"?) [see `smm account list`]",
                                "smm.json: /watches/1/name: a second watch named \"brand\" [give each watch its own name]",
                                "smm.json: /watches/1: a watch needs either \"hashtag\" (Mastodon) or \"query\" (Bluesky)",
                                "smm.json: /watches/2: expected an object, found number",
                                "smm.json: /watches/3/query: expected a string, found number",
                                "smm.json: /watches/3/name: invalid watch name \"Bad Name\" [lower-case letters, digits, '-' and '_']",
                                "smm.json: /watches/3: a watch needs either \"hashtag\" (Mastodon) or \"query\" (Bluesky)",
                            });
  CHECK_FALSE(watches(with_watches(Json::object())).has_value());
}

}  // namespace smm::project
