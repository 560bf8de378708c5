// SPDX-License-Identifier: MIT
#include <span>

#include "smm/time/detail.hpp"
#include "smm/time/time.hpp"

namespace smm::time {

namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::seconds;
using Words = std::span<const std::string_view>;

Result<Instant> when_error(std::string_view text, std::string_view why = {}) {
  std::string message = "invalid time " + detail::quote(text);
  if (!why.empty()) {
    message += ": " + std::string(why);
  }
  return fail(ErrorKind::usage, std::move(message),
              "use one of \"2026-11-24T09:00:00+01:00\", \"2026-11-24 09:00\", \"2026-11-24\", "
              "\"now\", \"+2h\", \"+1h30m\", \"today 17:00\", \"tomorrow 09:00\", "
              "\"monday 10:00\", \"next monday 10:00\"");
}

// "", "HH:MM[:SS]" or "at HH:MM[:SS]".
std::optional<seconds> time_of_day(Words rest) {
  if (!rest.empty() && rest.front() == "at") {
    rest = rest.subspan(1);
    if (rest.empty()) {
      return std::nullopt;
    }
  }
  if (rest.empty()) {
    return seconds{0};
  }
  return rest.size() == 1 ? detail::parse_clock(rest.front()) : std::nullopt;
}

// "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]" (input is lower-case).
std::optional<local_seconds> local_date_time(Words all) {
  std::string_view first = all.front();
  std::vector<std::string_view> split;
  const std::size_t t = first.find('t');
  if (t != std::string_view::npos) {
    split = {first.substr(0, t), first.substr(t + 1)};
    if (all.size() != 1 || split[1].empty()) {
      return std::nullopt;
    }
    all = split;
  }
  const auto ymd = detail::parse_ymd(all.front());
  const auto clock = time_of_day(all.subspan(1));
  if (!ymd || !clock) {
    return std::nullopt;
  }
  return local_seconds{local_days{ymd->year() / ymd->month() / ymd->day()}} + *clock;
}

// "today", "tomorrow", "yesterday", "[next] <weekday>"; sets `used` to the words consumed.
std::optional<local_days> day_word(Words all, local_days today, std::size_t& used) {
  used = 1;
  const std::string_view word = all.front();
  if (word == "today") {
    return today;
  }
  if (word == "tomorrow") {
    return today + days{1};
  }
  if (word == "yesterday") {
    return today - days{1};
  }
  if (word == "next" && all.size() > 1) {
    used = 2;
  }
  const auto weekday = detail::parse_weekday(all[used - 1]);
  if (!weekday) {
    return std::nullopt;
  }
  const int ahead = (*weekday - detail::weekday_index(today) + 7) % 7;
  return today + days{ahead == 0 ? 7 : ahead};
}

std::optional<local_seconds> relative_day(Words all, Instant now, const Zone& zone) {
  std::size_t used = 0;
  const auto day = day_word(all, detail::local_day(now, zone), used);
  const auto clock = time_of_day(all.subspan(used));
  if (!day || !clock) {
    return std::nullopt;
  }
  return local_seconds{*day} + *clock;
}

}  // namespace

Result<Instant> parse_when(std::string_view text, Instant now, const Zone& zone) {
  const std::string input = detail::lower(detail::trim(text));
  if (input.empty()) {
    return when_error(text, "it is empty");
  }
  if (input == "now") {
    return now;
  }
  if (input.front() == '+' || input.front() == '-') {
    const auto duration = parse_duration(std::string_view(input).substr(1));
    if (!duration) {
      return when_error(text, "expected a duration like \"+2h\" or \"+1h30m\"");
    }
    return input.front() == '+' ? now + *duration : now - *duration;
  }
  if (const auto exact = parse_rfc3339(detail::trim(text))) {
    return *exact;
  }
  const std::vector<std::string_view> all = detail::words(input);
  const bool dated = input.front() >= '0' && input.front() <= '9';
  const auto local = dated ? local_date_time(all) : relative_day(all, now, zone);
  if (!local) {
    return when_error(text);
  }
  return resolve_local(*local, zone).at;
}

}  // namespace smm::time
