// SPDX-License-Identifier: MIT
#include "smm/inbox/item.hpp"

#include "smm/project/files.hpp"

namespace smm::inbox {

std::vector<std::string> inbox_accounts(const std::filesystem::path& root) { return project::subdirectories(root / "inbox"); }

}  // namespace smm::inbox
