// SPDX-License-Identifier: MIT
#pragma once

// Instants, IANA zones, local wall time and durations. Every instant is UTC with whole seconds;
// zones come from the system tzdata through date-tz, so nothing depends on the process TZ.
// Period expressions live in period.hpp, weekly posting slots in slots.hpp.
// Parse failures are usage errors (they usually come from flags); code reading project files
// should re-kind them as runtime errors and add the location.

#include <chrono>
#include <string>
#include <string_view>

#include "smm/error.hpp"

namespace date {
class time_zone;
}  // namespace date

namespace smm::time {

/// A point in time: UTC, whole seconds.
using Instant = std::chrono::sys_seconds;
/// A span of time in whole seconds.
using Duration = std::chrono::seconds;

/// An IANA time zone from the system tz database. Cheap to copy; never null.
class Zone {
 public:
  /// UTC. Throws std::runtime_error when the system tz database has no "UTC" zone.
  Zone();

  /// The IANA name, e.g. "Europe/Paris".
  [[nodiscard]] const std::string& name() const;
  /// The underlying date-tz zone (for code that needs date-tz directly).
  [[nodiscard]] const date::time_zone* get() const { return m_zone; }

  friend bool operator==(const Zone& a, const Zone& b) { return a.m_zone == b.m_zone; }

 private:
  explicit Zone(const date::time_zone* zone) : m_zone(zone) {}
  friend Result<Zone> find_zone(std::string_view name);
  friend Zone utc();

  const date::time_zone* m_zone;
};

/// The zone with IANA name `name` (exact, case-sensitive). Fails with a usage error
/// `unknown time zone "Europe/Pari"` whose hint suggests the closest zone name; fails with a
/// runtime error when the system tz database cannot be read.
Result<Zone> find_zone(std::string_view name);

/// The UTC zone.
Zone utc();

/// `t` as RFC 3339 in `zone`, e.g. "2026-11-24T09:00:00+01:00"; zero offsets give "+00:00".
/// Historic offsets that are not whole minutes (LMT) are written in UTC so the text stays exact.
std::string format_rfc3339(Instant t, const Zone& zone);

/// Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "±hh:mm" ('T' may also be 't' or a space).
/// Fractional seconds are accepted and truncated. Fails with a usage error quoting the text.
Result<Instant> parse_rfc3339(std::string_view text);

/// Parses user input for an instant. Accepted (case-insensitive, surrounding space ignored):
/// RFC 3339; "YYYY-MM-DD HH:MM[:SS]" and "YYYY-MM-DDTHH:MM[:SS]" in `zone`; "YYYY-MM-DD"
/// (00:00 in `zone`); "now"; "+2h", "+1h30m", "-1d" (any parse_duration() form, relative to
/// `now`); "today|tomorrow|yesterday [HH:MM[:SS]]"; "[next] <weekday> [HH:MM[:SS]]", which is the
/// next such day strictly after today (weekdays full or 3-letter); an optional "at" may precede
/// the time of day. A missing time of day means 00:00. Local times go through resolve_local().
/// Fails with a usage error quoting the input whose hint lists the accepted forms.
Result<Instant> parse_when(std::string_view text, Instant now, const Zone& zone);

/// How a local wall time maps to instants in a zone.
enum class LocalKind {
  exact,    ///< exactly one instant
  gap,      ///< skipped by a forward transition; moved forward by the gap length
  overlap,  ///< repeated by a backward transition; the earlier instant was taken
};

/// The instant chosen for a local wall time, and how it was chosen.
struct Resolved {
  Instant at;
  LocalKind kind = LocalKind::exact;

  friend bool operator==(const Resolved&, const Resolved&) = default;
};

/// Local wall time -> instant, by the documented DST rule: a time in a gap moves forward by the
/// gap length (02:30 in a 1h spring-forward gap becomes 03:30 at the new offset); a time in an
/// overlap takes the earlier instant (its first occurrence).
Resolved resolve_local(std::chrono::local_seconds local, const Zone& zone);

/// The local wall time of `t` in `zone`.
std::chrono::local_seconds to_local(Instant t, const Zone& zone);

/// The offset of `zone` from UTC at `t` (local = UTC + offset).
std::chrono::seconds utc_offset(Instant t, const Zone& zone);

/// Parses a duration: one or more of <number><unit> with units w, d, h, m, s in that order, each
/// at most once ("90s", "30m", "2h", "1d", "1w", "1h30m"). A bare number, a sign or a total over
/// 100 years is a usage error quoting the text.
Result<Duration> parse_duration(std::string_view text);

/// `d` in the shortest parse_duration() form using d, h, m, s: "1h30m", "2d", "45s", "0s";
/// negative durations get a leading '-'.
std::string format_duration(Duration d);

/// A coarse description of `t` seen from `now`, one unit rounded toward zero: "in 2h", "in 3d",
/// "5m ago", "2y ago", "now" (units s, m, h, d, and y for 365 days or more).
std::string relative(Instant t, Instant now);

}  // namespace smm::time
