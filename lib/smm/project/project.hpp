// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "smm/context.hpp"
#include "smm/project/decode.hpp"
#include "smm/project/model.hpp"

namespace smm::project {

/// The known platforms and their default per-part length limits (0 = none), from
/// text::platform_rules() (which also has units, caption and byte limits).
struct PlatformInfo {
  const char* name;
  int char_limit;
};
const std::vector<PlatformInfo>& platforms();
const PlatformInfo* find_platform(std::string_view name);
/// The known platforms' names, for hints.
std::vector<std::string> platform_names();

struct Project {
  std::filesystem::path root;
  Settings settings;
  std::map<std::string, Account> accounts;
  std::vector<Post> posts;  ///< sorted by id; only the valid ones
  Problems problems;        ///< files that could not be loaded or are invalid

  [[nodiscard]] const Account* account(const std::string& name) const;
  [[nodiscard]] Post* post(const std::string& id);
  [[nodiscard]] std::vector<std::string> account_names() const;
  /// The project's zone (UTC when smm.json names none or an unknown one).
  [[nodiscard]] time::Zone zone() const;
  /// The account's zone, else the project's.
  [[nodiscard]] time::Zone zone_for(const std::string& account) const;
  /// The zone a post's times are shown and entered in: its own, its first target's, the project's.
  [[nodiscard]] time::Zone zone_for(const Post& post) const;
  /// The per-part length limit for an account (0 = none).
  [[nodiscard]] int char_limit(const std::string& account) const;
  /// "posts/<id>.json" and friends, relative to the root, for messages.
  [[nodiscard]] static std::string post_path(const std::string& id) { return "posts/" + id + ".json"; }
  [[nodiscard]] static std::string account_path(const std::string& name) { return "accounts/" + name + ".json"; }
};

/// The project root: `flag` (-C), else $SMM_PROJECT, else the nearest directory at or above
/// ctx.cwd holding smm.json. Fails with a hint to run `smm init` when there is none.
Result<std::filesystem::path> find_root(const Context& ctx, const std::optional<std::string>& flag);

struct LoadOptions {
  bool posts = true;  ///< false: settings and accounts only
  /// Called now and then while posts load (done, total), from one loading thread at a time.
  std::function<void(std::size_t, std::size_t)> progress;

  /// Settings and accounts only.
  static LoadOptions without_posts() {
    LoadOptions o;
    o.posts = false;
    return o;
  }
};

/// Loads the project. Fails only when smm.json is missing or unusable; a bad account or post is
/// recorded in `problems` and left out, so the rest of the work goes on.
Result<Project> load(const std::filesystem::path& root, const LoadOptions& options = {});

/// Checks a post against the project (status, targets, zone, media, thread); located problems.
Problems validate_post(const Post& post, const Project& project);

/// Reads and decodes one post file by id (not_found when it does not exist).
std::expected<Post, Problems> read_post(const std::filesystem::path& root, const std::string& id);

/// Writes a post, an account or smm.json atomically, in canonical bytes.
Result<void> save_post(const std::filesystem::path& root, const Post& post, bool sync_dir = true);
Result<void> save_account(const std::filesystem::path& root, const Account& account);
Result<void> save_settings(const std::filesystem::path& root, const Settings& settings);

/// True when `id` is a valid post id: lower-case letters, digits and '-', 1..100 characters.
bool valid_id(std::string_view id);

}  // namespace smm::project
