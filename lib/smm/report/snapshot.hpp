// SPDX-License-Identifier: MIT
#pragma once

// Metric snapshots: what `report pull` fetched, appended as JSON Lines to
// reports/<account>/<yyyy-mm>.jsonl (the UTC month of fetched_at), one object per line:
//
//   {"fetched_at":"2026-11-23T10:00:00Z","account":"masto","post":"2026-11-20-launch","remote_id":"1134","likes":12,"reposts":3,"replies":1}
//   {"fetched_at":"2026-11-23T10:00:00Z","account":"masto","followers":1200,"following":310,"posts":452}
//
// A line with "post" measures one published post (remote_id is the platform's id of its first
// part); a line without it measures the account. Metrics are non-negative integers under the
// normalised names of k_metric_names; a metric the platform does not report is left out (absent
// is not zero). Lines are only ever appended, whole, so a crash leaves at most a torn last line,
// which readers skip with a warning. Unknown keys are ignored by readers.

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::report {

/// The normalised metrics, in the order they are written and shown.
enum class Metric {
  impressions,  ///< times the post was shown (platforms that report it)
  views,        ///< video views
  likes,        ///< likes, favourites
  reposts,      ///< reposts, boosts, reblogs, retweets
  replies,      ///< direct replies
  quotes,       ///< quote posts
  clicks,       ///< link clicks
  saves,        ///< bookmarks, saves
  followers,    ///< account: followers
  following,    ///< account: accounts it follows
  posts,        ///< account: posts it has published (the platform's count)
};
inline constexpr std::size_t k_metric_count = 11;
inline constexpr std::array<std::string_view, k_metric_count> k_metric_names = {
    "impressions", "views", "likes", "reposts", "replies", "quotes", "clicks", "saves", "followers", "following", "posts"};

/// The metric with `name`, if it is one.
std::optional<Metric> find_metric(std::string_view name);

/// Metric values; nullopt when not measured.
using Metrics = std::array<std::optional<std::int64_t>, k_metric_count>;

struct Snapshot {
  time::Instant fetched_at{};
  std::string account;
  std::string post;       ///< our post id; empty for an account-level snapshot
  std::string remote_id;  ///< the platform's id of the measured post
  Metrics metrics{};

  [[nodiscard]] std::optional<std::int64_t>& operator[](Metric m) { return metrics[static_cast<std::size_t>(m)]; }
  [[nodiscard]] const std::optional<std::int64_t>& operator[](Metric m) const {
    return metrics[static_cast<std::size_t>(m)];
  }
};

/// The snapshot as one JSON line (with its '\n'), keys in a fixed order, fetched_at in UTC.
std::string to_line(const Snapshot& snapshot);

/// "reports/<account>/<yyyy-mm>.jsonl", relative to the project root.
std::filesystem::path file_for(const std::string& account, time::Instant fetched_at);

/// Appends the snapshots to their month files (created with their directories as needed). Each
/// file gets one write of whole lines followed by fsync; a file whose last line was torn by a
/// crash first gets a '\n' so the new lines stay whole. Fails with a runtime error naming the file.
Result<void> append_snapshots(const std::filesystem::path& root, const std::vector<Snapshot>& snapshots);

struct ScanOptions {
  std::string account;                ///< empty: every account under reports/
  std::optional<time::Instant> until;  ///< skip month files that start at or after this
  /// Called before each file and at the end with (files done, files in all).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Streams every snapshot under root/reports (files in name order, lines in file order) to
/// `each`, reading fixed-size blocks so memory does not grow with the files. Lines that are not
/// a snapshot (torn, invalid JSON, missing fetched_at or account) go to `warn` as
/// "reports/masto/2026-11.jsonl:7: ..." and are skipped. Fails only when a file cannot be read.
Result<void> scan_snapshots(const std::filesystem::path& root, const ScanOptions& options,
                            const std::function<void(const Snapshot&)>& each,
                            const std::function<void(const std::string&)>& warn);

/// The account names with a reports/<name>/ directory, sorted.
std::vector<std::string> reported_accounts(const std::filesystem::path& root);

}  // namespace smm::report
