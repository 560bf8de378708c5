// SPDX-License-Identifier: MIT
#pragma once

// Weekly posting slots ("mon-fri 09:00,13:00; sat 10:00"): local wall times per weekday in an
// account's zone, and the instants they fall on.

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::time {

/// Local times of day per weekday; each list sorted ascending without duplicates.
struct WeeklySlots {
  std::array<std::vector<std::chrono::minutes>, 7> by_weekday{};  ///< [0] = Monday

  /// True when no day has a slot.
  [[nodiscard]] bool empty() const;

  friend bool operator==(const WeeklySlots&, const WeeklySlots&) = default;
};

/// Parses groups separated by ';', each "<days> <times>" (case-insensitive). Days: mon..sun (or
/// full names), ranges "mon-fri" (wrapping allowed: "fri-mon"), lists "mon,wed", "daily",
/// "everyday", "weekdays", "weekends"; a group without days means daily. Times: comma-separated
/// 24h "HH:MM". Times of repeated days are merged, sorted and deduplicated. An empty spec gives
/// no slots. Fails with a usage error naming the bad token, with a hint of the syntax.
Result<WeeklySlots> parse_slots(std::string_view spec);

/// The canonical, shortest text: days with identical time lists are grouped and written as
/// ranges ("mon-fri 09:00,13:00; sat 10:00", "fri-mon 10:00", "daily 08:00"); groups are ordered
/// by their first range's first day. parse_slots(format_slots(x)) == x for any parsed x; no slots
/// give "".
std::string format_slots(const WeeklySlots& slots);

/// The slot instants at or after `from` in `zone`, ascending, at most `count`, looking at most
/// `max_days` local days ahead (starting with the local day of `from`). Slots are resolved with
/// resolve_local(): one in a DST gap moves forward, one in an overlap occurs once (the earlier
/// instant); an instant is never returned twice.
std::vector<Instant> next_slots(const WeeklySlots& slots, const Zone& zone, Instant from,
                                std::size_t count, int max_days = 3660);

}  // namespace smm::time
