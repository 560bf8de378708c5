// SPDX-License-Identifier: MIT
#include <array>

#include "smm/time/detail.hpp"
#include "smm/time/time.hpp"

namespace smm::time {

namespace {

struct Unit {
  char letter;
  long seconds;
};

constexpr std::array<Unit, 5> k_units = {
    {{'w', 604800}, {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}}};

// Large enough for any schedule, small enough that instants stay within the calendar.
constexpr long k_max_duration_seconds = 36525L * 86400;

Result<Duration> duration_error(std::string_view text, std::string_view why) {
  return fail(ErrorKind::usage, "invalid duration " + detail::quote(text) + ": " + std::string(why),
              "write a number and a unit (w, d, h, m, s), largest first: \"90s\", \"30m\", "
              "\"2h\", \"1d\", \"1w\", \"1h30m\"");
}

}  // namespace

Result<Duration> parse_duration(std::string_view text) {
  if (text.empty()) {
    return duration_error(text, "it is empty");
  }
  long total = 0;
  std::size_t next_unit = 0;  // units must appear largest first, each once
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t digits_end = text.find_first_not_of("0123456789", pos);
    if (digits_end == pos) {
      return duration_error(text, "expected a number at " + detail::quote(text.substr(pos)));
    }
    if (digits_end == std::string_view::npos) {
      return duration_error(text, "missing unit after " + detail::quote(text.substr(pos)));
    }
    const auto number = detail::parse_uint(text.substr(pos, digits_end - pos), 9);
    std::size_t unit = next_unit;
    while (unit < k_units.size() && k_units[unit].letter != text[digits_end]) {
      ++unit;
    }
    if (unit == k_units.size()) {
      return duration_error(text, "expected the units w, d, h, m, s, largest first, each once");
    }
    total += number ? *number * k_units[unit].seconds : k_max_duration_seconds + 1;
    if (total > k_max_duration_seconds) {
      return duration_error(text, "longer than 100 years");
    }
    next_unit = unit + 1;
    pos = digits_end + 1;
  }
  return Duration{total};
}

std::string format_duration(Duration d) {
  if (d == Duration{0}) {
    return "0s";
  }
  std::string out = d < Duration{0} ? "-" : "";
  long rest = std::chrono::abs(d).count();
  for (const Unit& unit : k_units) {
    if (unit.letter == 'w') {
      continue;  // "10d" reads better than "1w3d"
    }
    if (rest >= unit.seconds) {
      out += std::to_string(rest / unit.seconds) + unit.letter;
      rest %= unit.seconds;
    }
  }
  return out;
}

std::string relative(Instant t, Instant now) {
  const Duration diff = t - now;
  if (diff == Duration{0}) {
    return "now";
  }
  const long span = std::chrono::abs(diff).count();
  std::string amount;
  if (span < 60) {
    amount = std::to_string(span) + "s";
  } else if (span < 3600) {
    amount = std::to_string(span / 60) + "m";
  } else if (span < 86400) {
    amount = std::to_string(span / 3600) + "h";
  } else if (span < 365 * 86400) {
    amount = std::to_string(span / 86400) + "d";
  } else {
    amount = std::to_string(span / (365 * 86400)) + "y";
  }
  return diff > Duration{0} ? "in " + amount : amount + " ago";
}

}  // namespace smm::time
