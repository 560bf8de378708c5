// SPDX-License-Identifier: MIT
#pragma once

// `smm report posts|accounts|campaigns|tags`: the snapshots under reports/ streamed once into
// the latest snapshot per entity and interval, then tidy tables (one row per entity and interval)
// with deltas between intervals.
//
// Definitions (also in man/smm-report.1):
// - interactions = likes + reposts + replies + quotes + clicks + saves (those measured).
// - reach = impressions when measured, else the account's followers at the time (its latest
//   account snapshot in or before the interval).
// - engagement_rate = interactions / reach; for a campaign or tag, the sums over its posts.
// - <metric>_delta = the value minus the entity's previous value: its latest snapshot in the
//   previous interval that has one, or before the period. A post starts at zero; an account with
//   nothing earlier has no delta. Campaigns and tags carry each post's latest value forward.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/output/table.hpp"
#include "smm/time/period.hpp"

namespace smm::report {

enum class Kind { posts, accounts, campaigns, tags };

/// What a campaign or tag report needs to know about a post.
struct PostLabels {
  std::string campaign;
  std::vector<std::string> tags;
};

struct Request {
  Kind kind = Kind::posts;
  time::Period period;                      ///< open sides: everything stored
  time::Interval interval = time::Interval::none;
  time::Zone zone;                          ///< interval boundaries and dates are local to it
  std::string account;                      ///< empty: all accounts
  std::map<std::string, PostLabels> posts;  ///< post id -> labels (campaigns and tags)
  /// Reading progress: (files read, files in all); may be empty.
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Streams the snapshots under root/reports and hands the report's rows to `each` in slices of
/// at most `slice_rows` rows, in order, each slice with all the columns (none when there are no
/// rows). Lines that are not snapshots go to `warn`. Fails only when a file cannot be read.
Result<void> build_slices(const std::filesystem::path& root, const Request& request,
                          const std::function<void(const std::string&)>& warn, std::size_t slice_rows,
                          const std::function<void(const output::Table&)>& each);

/// The whole report as one table (build_slices() gathered).
Result<output::Table> build(const std::filesystem::path& root, const Request& request,
                            const std::function<void(const std::string&)>& warn);

}  // namespace smm::report
