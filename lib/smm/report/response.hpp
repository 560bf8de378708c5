// SPDX-License-Identifier: MIT
#pragma once

// `smm report response`: time to first reply on inbox items, per account and interval (by the
// item's created_at, in the project zone). It reads inbox/<account>/*.jsonl (inbox::scan_items)
// and the reply receipts in inbox/<account>/state.json (inbox::load_state).
//
// Definitions (also in man/smm-report.1):
// - Watch items (kind "watch", brand monitoring) are not conversations and are left out; mentions,
//   replies, quotes and DMs count.
// - response time = the first published reply's `at` minus the item's created_at (0 if earlier).
// - items = the items created in the interval; answered = those with a published reply;
//   answered_within_24h = those answered within 24 hours (inclusive).
// - share_within_24h = answered_within_24h / (answered items + unanswered items older than 24 h
//   at --now): an unanswered item younger than 24 h may still make it, so it is left out of the
//   denominator. Empty when the denominator is 0.
// - median_response_s and p90_response_s: nearest-rank percentiles (the value at rank
//   ceil(p/100 * n) of the n sorted response times; for an even n the median is the lower
//   middle), in whole seconds in tsv/csv/json and as "1h5m" in tables. Empty without answers.
// - open = the items whose triage status is open (no state entry, or "open").

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/inbox/item.hpp"
#include "smm/output/table.hpp"
#include "smm/time/period.hpp"

namespace smm::report {

struct ResponseRequest {
  time::Period period;  ///< open sides: everything stored
  time::Interval interval = time::Interval::none;
  time::Zone zone;      ///< interval boundaries and labels are local to it
  std::string account;  ///< empty: every account under inbox/
  time::Instant now{};  ///< what "older than 24 h" is measured against
};

/// What the report needs to know about one inbox item.
struct ResponseItem {
  std::string account;
  inbox::Kind kind = inbox::Kind::mention;
  time::Instant created_at{};
  std::optional<time::Instant> first_reply;  ///< the first published reply's time
  bool open = true;                          ///< triage status open
};

/// The figures of one account and interval.
struct ResponseRow {
  time::Instant bucket{};  ///< the interval's start (the period's begin, or epoch, without one)
  std::string interval;    ///< "2026-11-01"; "" for the whole of an open period
  std::string account;
  std::int64_t items = 0;
  std::int64_t answered = 0;
  std::int64_t answered_within_24h = 0;
  std::int64_t decided = 0;  ///< answered + unanswered older than 24 h (the share's denominator)
  std::optional<double> share_within_24h;
  std::optional<time::Duration> median_response;
  std::optional<time::Duration> p90_response;
  std::int64_t open = 0;
};

/// The nearest-rank percentile `p` (0 < p <= 100) of `values`, which it sorts; nullopt when empty.
std::optional<time::Duration> nearest_rank(std::vector<time::Duration>& values, int p);

/// Rows per interval then account (both ascending) for the items in the period; watch items and
/// items outside the period are skipped. Pure: no files.
std::vector<ResponseRow> summarize(const std::vector<ResponseItem>& items,
                                   const ResponseRequest& request);

/// The items under root/inbox (of request.account, or all) with their first replies from each
/// account's state.json. Bad item lines go to `warn`; an unreadable or invalid state.json fails.
Result<std::vector<ResponseItem>> load_response_items(
    const std::filesystem::path& root, const ResponseRequest& request,
    const std::function<void(const std::string&)>& warn);

/// The rows as a table: interval, account, items, answered, answered_within_24h,
/// share_within_24h, median_response_s, p90_response_s, open.
output::Table response_table(const std::vector<ResponseRow>& rows);

/// load_response_items(), summarize() and response_table() in one step.
Result<output::Table> build_response(const std::filesystem::path& root,
                                     const ResponseRequest& request,
                                     const std::function<void(const std::string&)>& warn);

}  // namespace smm::report
