// SPDX-License-Identifier: MIT
#include "smm/project/watches.hpp"

#include <set>

#include "smm/text/suggest.hpp"

namespace smm::project {
namespace {

bool valid_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
}

}  // namespace

std::expected<std::vector<WatchSetting>, Problems> watches(const Project& project) {
  const char* file = "smm.json";
  Problems problems;
  std::vector<WatchSetting> out;
  const Json& extra = project.settings.extra;
  if (!extra.is_object() || !extra.contains("watches")) {
    return out;
  }
  const Json& list = extra.at("watches");
  if (!list.is_array()) {
    return std::unexpected(Problems{located(file, "/watches", std::string("expected a list, found ") + list.type_name())});
  }
  std::set<std::string> names;
  std::size_t i = 0;
  for (const Json& doc : list) {
    std::string at = "/watches/" + std::to_string(i++);
    auto problem = [&](const std::string& ptr, std::string message, std::string hint = {}) {
      problems.push_back(located(file, at + ptr, std::move(message), std::move(hint)));
    };
    if (!doc.is_object()) {
      problem("", std::string("expected an object, found ") + doc.type_name());
      continue;
    }
    WatchSetting w;
    for (const auto& [key, value] : doc.items()) {
      std::string* field = key == "name" ? &w.name : key == "account" ? &w.account : key == "hashtag" ? &w.hashtag
                           : key == "query" ? &w.query : nullptr;
      if (field == nullptr) {
        w.extra[key] = value;
      } else if (value.is_string()) {
        *field = value.get<std::string>();
      } else {
        problem("/" + key, std::string("expected a string, found ") + value.type_name());
      }
    }
    if (!valid_name(w.name)) {
      problem("/name", w.name.empty() ? "a watch needs a name" : "invalid watch name \"" + w.name + "\"",
              "lower-case letters, digits, '-' and '_'");
    } else if (!names.insert(w.name).second) {
      problem("/name", "a second watch named \"" + w.name + "\"", "give each watch its own name");
    }
    if (project.account(w.account) == nullptr) {
      std::string hint = text::did_you_mean(w.account, project.account_names());
      problem("/account", w.account.empty() ? "a watch needs an account" : "unknown account \"" + w.account + "\"" + (hint.empty() ? "" : " (" + hint + ")"),
              "see `smm account list`");
    }
    if (w.hashtag.empty() == w.query.empty()) {
      problem("", "a watch needs either \"hashtag\" (Mastodon) or \"query\" (Bluesky)");
    }
    out.push_back(std::move(w));
  }
  if (!problems.empty()) {
    return std::unexpected(problems);
  }
  return out;
}

}  // namespace smm::project
