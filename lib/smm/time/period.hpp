// SPDX-License-Identifier: MIT
#pragma once

// Report periods and intervals in hledger's vocabulary (-p, -b/-e, -D/-W/-M/-Q/-Y). Every
// boundary is a local midnight in the given zone; weeks start on Monday.

#include <optional>
#include <string_view>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::time {

/// A half-open span [begin, end); a missing side is open.
struct Period {
  std::optional<Instant> begin;
  std::optional<Instant> end;

  /// True when `t` is at or after `begin` and before `end`.
  [[nodiscard]] bool contains(Instant t) const;

  friend bool operator==(const Period&, const Period&) = default;
};

/// Parses a period expression (case-insensitive). A single term covers its whole span:
/// "2026", "2026-11", "2026/11", "2026-11-24", "2026/11/24", "2026q4", "2026-q4", "q4" (this
/// year), "today", "yesterday", "tomorrow", "this|last|next day|week|month|quarter|year". Ranges
/// use the begin of each term: "from X to Y", "X to Y", "X..Y", "from X", "since X", "to Y",
/// "until Y". A leading "in" is ignored. Fails with a usage error quoting the expression, or when Y begins before X.
Result<Period> parse_period(std::string_view expr, Instant now, const Zone& zone);

/// The start of a single term as accepted by parse_period() (for -b/-e). Anything else is tried
/// with parse_when() so exact instants ("2026-11-24 09:00", RFC 3339) also work.
Result<Instant> parse_date_start(std::string_view expr, Instant now, const Zone& zone);

/// Report interval; `none` means one column for the whole period.
enum class Interval { none, day, week, month, quarter, year };

/// Cuts [begin, end) into consecutive calendar intervals aligned to interval starts, as hledger
/// does: the first starts at start_of(interval, begin), the last is the one containing end - 1s,
/// so the outer intervals may reach beyond the period. `none` returns the period itself. Empty
/// when either side is open or begin >= end.
std::vector<Period> split(const Period& period, Interval interval, const Zone& zone);

/// The start of the interval containing `t`: local midnight, Monday, the 1st, the first day of
/// the quarter, or Jan 1 (resolved with resolve_local()). `none` returns `t`.
Instant start_of(Interval interval, Instant t, const Zone& zone);

/// The interval start `n` intervals after (n < 0: before) the local day of `start`, counted in
/// calendar days/weeks/months so DST never shifts it off midnight. The day of month is clamped
/// for months and quarters. `none` returns `start`.
Instant advance(Interval interval, Instant start, int n, const Zone& zone);

}  // namespace smm::time
