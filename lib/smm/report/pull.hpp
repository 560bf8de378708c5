// SPDX-License-Identifier: MIT
#pragma once

// `smm report pull` for one account: which of its published posts to measure (by publish time),
// then the platform's figures for them and for the account, appended as one dated snapshot each
// (snapshot.hpp). The command (cmd/report/pull.cpp) builds the clients, takes .smm/report.lock
// and goes through the accounts; a real client (platform::MastodonClient, BlueskyClient) or one
// over a test's FakeTransport does the fetching.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/platform/client.hpp"
#include "smm/time/period.hpp"

namespace smm::project {
struct Project;
}

namespace smm::report {

/// Without -p/-b/-e, pull measures the posts published in the last 90 days.
inline constexpr std::chrono::days k_pull_window{90};

/// One published post of an account: our id and the platform's handles of its first part.
struct PullTarget {
  std::string post;
  platform::Remote remote;
  time::Instant published{};
};

/// The posts published to `account` within `period` (by the time their first part went out),
/// in post order. A thread that stopped after its first part counts: that part is live.
std::vector<PullTarget> published_targets(const project::Project& project, const std::string& account,
                                          const time::Period& period);

/// What one account's pull wrote.
struct PullSummary {
  std::size_t posts = 0;  ///< post snapshots written
  std::size_t gone = 0;   ///< asked for but no longer on the platform (deleted)
  std::optional<std::int64_t> followers;
};

/// Fetches the account's figures and its targets' metrics through `client`, then appends the
/// snapshots (fetched_at = `now`) under root/reports/<account>/. Nothing is written when a
/// request fails; the error is the client's (auth, or "rate limited until ...").
Result<PullSummary> pull_account(platform::Client& client, const std::filesystem::path& root, const std::string& account,
                                 const std::vector<PullTarget>& targets, time::Instant now);

}  // namespace smm::report
