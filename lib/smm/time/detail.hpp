// SPDX-License-Identifier: MIT
#pragma once

// Private helpers shared by the time sources: small scanners for the user-facing grammars and
// local calendar arithmetic. Not part of the public API.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/time/time.hpp"

namespace smm::time::detail {

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// ASCII lower-case copy.
std::string lower(std::string_view text);

/// `text` in double quotes.
std::string quote(std::string_view text);

/// Words separated by runs of ASCII white space.
std::vector<std::string_view> words(std::string_view text);

/// A non-negative decimal made of 1 to `max_digits` digits, all of `text`.
std::optional<int> parse_uint(std::string_view text, std::size_t max_digits);

/// "YYYY-MM-DD" or "YYYY/MM/DD" (month and day may have one digit) naming a real date.
std::optional<std::chrono::year_month_day> parse_ymd(std::string_view text);

/// "HH:MM" or "HH:MM:SS", 24h (hour may have one digit); the time since midnight.
std::optional<std::chrono::seconds> parse_clock(std::string_view text);

/// Weekday index from "mon".."sun" or full names (lower-case input), 0 = Monday.
std::optional<int> parse_weekday(std::string_view word);

/// 0 = Monday .. 6 = Sunday.
int weekday_index(std::chrono::local_days day);

/// The local calendar day of `t` in `zone`.
std::chrono::local_days local_day(Instant t, const Zone& zone);

/// The instant of local midnight starting `day` in `zone` (resolved with resolve_local()).
Instant midnight(std::chrono::local_days day, const Zone& zone);

}  // namespace smm::time::detail
