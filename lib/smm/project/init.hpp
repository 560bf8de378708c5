// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::project {

struct InitOptions {
  std::string name;            ///< default: the directory's name
  std::string zone = "UTC";
  std::string slots = "mon-fri 09:00,13:00";
  bool example_post = true;
};

/// Creates a project: smm.json, accounts/feed.json, posts/ with a first example post, media/,
/// templates/, .gitignore (".smm/"). Refuses (conflict) when `dir` already holds smm.json.
/// Returns the files it created, relative to `dir`.
Result<std::vector<std::string>> init(const std::filesystem::path& dir, const InitOptions& options, time::Instant now);

}  // namespace smm::project
