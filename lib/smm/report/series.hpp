// SPDX-License-Identifier: MIT
#pragma once

// Internal to lib/smm/report: the snapshots reduced to one point per entity and interval.

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "smm/report/report.hpp"
#include "smm/report/snapshot.hpp"

namespace smm::report::detail {

/// The bucket of snapshots taken before the period: the baseline of the first deltas.
inline constexpr time::Instant k_before = time::Instant::min();

/// Metrics in 96 bytes instead of Metrics' 176 (a daily report holds one per post and day):
/// the values and a mask of the measured ones.
struct Values {
  std::array<std::int64_t, k_metric_count> v{};
  std::uint16_t present = 0;

  static Values from(const Metrics& m) {
    Values out;
    for (std::size_t i = 0; i < k_metric_count; ++i) {
      if (m[i]) {
        out.add(i, *m[i]);
      }
    }
    return out;
  }
  /// The value of metric `i`, if measured.
  [[nodiscard]] std::optional<std::int64_t> operator[](std::size_t i) const {
    return (present >> i & 1U) != 0 ? std::optional<std::int64_t>(v[i]) : std::nullopt;
  }
  /// Adds `x` to metric `i`, which is measured from then on.
  void add(std::size_t i, std::int64_t x) {
    v[i] += x;
    present = static_cast<std::uint16_t>(present | 1U << i);
  }
};

/// The latest snapshot of an entity within one interval (or before the period).
struct Point {
  time::Instant bucket{};  ///< the interval's start, k_before, or the period's begin
  time::Instant fetched_at{};
  Values metrics{};
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
