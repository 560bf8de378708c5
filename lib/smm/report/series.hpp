// SPDX-License-Identifier: MIT
#pragma once

// Internal to lib/smm/report: the snapshots reduced to one point per entity and interval.

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "smm/report/report.hpp"
#include "smm/report/snapshot.hpp"

namespace smm::report::detail {

/// The bucket of snapshots taken before the period: the baseline of the first deltas.
inline constexpr time::Instant k_before = time::Instant::min();

/// The latest snapshot of an entity within one interval (or before the period).
struct Point {
  time::Instant bucket{};  ///< the interval's start, k_before, or the period's begin
  time::Instant taken_at{};
  Metrics metrics{};
};

/// A post of an account, or an account itself (post empty); points sorted by bucket.
struct Series {
  std::string account;
  std::string post;
  std::string remote_id;
  std::vector<Point> points;
};

/// Maps instants to interval starts, caching the last interval (snapshots come mostly in order).
class Bucketer {
 public:
  Bucketer(const Request& request);
  /// The bucket of `t`: k_before before the period, nullopt at or after its end.
  std::optional<time::Instant> bucket(time::Instant t);
  /// The bucket's first local date, "2026-11-01"; "" for the whole of an open period.
  [[nodiscard]] std::string label(time::Instant bucket) const;

 private:
  const Request& m_request;
  time::Instant m_start{};
  time::Instant m_end{};
  bool m_cached = false;
};

/// Every series of the selected snapshots, sorted by account then post (accounts first).
struct Collected {
  std::deque<Series> series;
};

Result<Collected> collect(const std::filesystem::path& root, const Request& request,
                          const std::function<void(const std::string&)>& warn);

/// The latest point of `s` at or before `bucket` (k_before included), if any.
const Point* at_or_before(const Series& s, time::Instant bucket);

}  // namespace smm::report::detail
