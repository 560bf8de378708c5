// SPDX-License-Identifier: MIT
#pragma once

// One account's `inbox sync`: what is stored (for de-duplication and each source's cursor), the
// query to the platform client, the new items appended to inbox/<account>/<yyyy-mm>.jsonl in
// time order, and with --catchup the new items marked done in state.json, so the team starts
// from an empty inbox and later syncs bring only what is new. The command (cmd/inbox/sync.cpp)
// builds the clients, holds .smm/inbox.lock and prints the outcome.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "smm/inbox/item.hpp"
#include "smm/platform/client.hpp"

namespace smm::project {
struct Project;
}

namespace smm::inbox {

/// Our published posts on `account`: every confirmed part's remote id (and Bluesky at:// uri)
/// -> the post id, so items answering one of them carry Item::post.
std::map<std::string, std::string> our_posts(const project::Project& project, const std::string& account);

struct SyncOptions {
  time::Instant now{};
  time::Instant since{};  ///< the first-sync horizon (the command's default: 30 days ago)
  bool catchup = false;   ///< mark what this sync appends as done
  std::vector<platform::Watch> watches;
  std::function<void(std::size_t)> progress;
  std::function<void(const std::string&)> warn;
};

struct SyncResult {
  std::vector<Item> added;      ///< appended, in time order
  std::vector<Error> failures;  ///< sources that failed (the others' items are appended)
  std::vector<std::string> notes;
};

/// Syncs one account through `client`. Fails as a whole only when nothing could be fetched
/// (e.g. refused credentials) or the inbox files cannot be read or written.
Result<SyncResult> sync_account(const project::Project& project, const std::string& account,
                                platform::Client& client, const SyncOptions& options);

/// "3 new (2 replies, 1 mention)", "0 new".
std::string describe(const std::vector<Item>& added);

}  // namespace smm::inbox
