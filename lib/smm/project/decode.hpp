// SPDX-License-Identifier: MIT
#pragma once

// File bytes -> model structs, with every problem located by file and JSON pointer. Posts are
// decoded with simdjson's On-Demand API (the hot path: a project may hold 100,000 of them);
// smm.json and accounts, a handful of files, through nlohmann.

#include <string>
#include <string_view>
#include <vector>

#include "smm/error.hpp"
#include "smm/project/model.hpp"

namespace smm::project {

using Problems = std::vector<Error>;

/// A post from its file's bytes. `display_path` (e.g. "posts/x.json") prefixes every location.
/// Type problems are all collected; a syntax error is reported with line and column.
std::expected<Post, Problems> decode_post(std::string_view bytes, const std::string& id,
                                          const std::string& display_path);

/// smm.json from its parsed document.
std::expected<Settings, Problems> decode_settings(const Json& doc, const std::string& display_path);

/// An account from its parsed document.
std::expected<Account, Problems> decode_account(const Json& doc, const std::string& name,
                                                const std::string& display_path);

/// An Error located at `display_path: pointer`.
Error located(const std::string& display_path, const std::string& pointer, std::string message,
              std::string hint = {});

}  // namespace smm::project
