// SPDX-License-Identifier: MIT
#include "smm/http/rate_limit.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <vector>

namespace smm::http {

namespace {

using std::chrono::seconds;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

/// All of `text` as a non-negative decimal number of at most 12 integer digits; a non-zero
/// fraction rounds up (waiting a little long is safe, waking early is not).
std::optional<long long> parse_seconds(std::string_view text) {
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 12 || !digits(whole) || !digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  long long value = 0;
  auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
  if (error != std::errc{} || end != whole.data() + whole.size()) {
    return std::nullopt;
  }
  bool rounds_up = fraction.find_first_not_of('0') != std::string_view::npos;
  return value + (rounds_up ? 1 : 0);
}

std::optional<int> parse_int(std::string_view text, std::size_t min_digits,
                             std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits || text.front() < '0' ||
      text.front() > '9') {
    return std::nullopt;
  }
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<unsigned> parse_month(std::string_view name) {
  static constexpr std::array<std::string_view, 12> k_months = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < k_months.size(); ++i) {
    if (name == k_months[i]) {
      return static_cast<unsigned>(i + 1);
    }
  }
  return std::nullopt;
}

/// "HH:MM:SS" as the time since midnight.
std::optional<seconds> parse_clock(std::string_view text) {
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') {
    return std::nullopt;
  }
  auto h = parse_int(text.substr(0, 2), 2, 2);
  auto m = parse_int(text.substr(3, 2), 2, 2);
  auto s = parse_int(text.substr(6, 2), 2, 2);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) {
    return std::nullopt;
  }
  return std::chrono::hours(*h) + std::chrono::minutes(*m) + seconds(*s);
}

/// Splits on spaces, commas and dashes, dropping empty pieces (asctime pads the day).
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == ',' || text[i] == '-') {
      if (i > begin) {
        out.push_back(text.substr(begin, i - begin));
      }
      begin = i + 1;
    }
  }
  return out;
}

std::optional<time::Instant> make_instant(std::string_view day, std::string_view month,
                                          std::string_view year, std::string_view clock) {
  auto d = parse_int(day, 1, 2);
  auto m = parse_month(month);
  auto y = parse_int(year, 2, 4);
  auto c = parse_clock(clock);
  if (!d || !m || !y || !c || year.size() == 3) {
    return std::nullopt;
  }
  if (year.size() == 2) {
    // RFC 850's two-digit year; HTTP dates before 1970 do not occur.
    *y += *y < 70 ? 2000 : 1900;
  }
  std::chrono::year_month_day date{std::chrono::year(*y), std::chrono::month(*m),
                                   std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) {
    return std::nullopt;
  }
  return time::Instant{std::chrono::sys_days{date}} + *c;
}

}  // namespace

std::optional<time::Instant> parse_http_date(std::string_view text) {
  std::vector<std::string_view> t = tokens(trim(text));
  // The weekday is redundant; it is not checked against the date.
  if (t.size() == 5 && parse_month(t[1])) {
    return make_instant(t[2], t[1], t[4], t[3]);  // asctime: Sun Nov  6 08:49:37 1994
  }
  if (t.size() == 6 && t[5] == "GMT") {
    return make_instant(t[1], t[2], t[3], t[4]);  // Sun, 06 Nov 1994 08:49:37 GMT (or RFC 850)
  }
  return std::nullopt;
}

std::optional<time::Instant> parse_retry_after(std::string_view value, time::Instant now) {
  value = trim(value);
  if (auto delay = parse_seconds(value)) {
    return now + seconds(*delay);
  }
  if (auto date = parse_http_date(value)) {
    return std::max(*date, now);
  }
  return std::nullopt;
}

std::optional<time::Instant> parse_reset(std::string_view value, time::Instant now) {
  value = trim(value);
  if (auto number = parse_seconds(value)) {
    if (*number >= k_epoch_threshold) {
      return std::max(time::Instant{seconds(*number)}, now);
    }
    return now + seconds(*number);
  }
  auto instant = time::parse_rfc3339(value);
  if (!instant) {
    return std::nullopt;
  }
  // parse_rfc3339 truncates a fraction; round it up instead.
  auto dot = value.find('.');
  std::string_view rest = dot == std::string_view::npos ? "" : value.substr(dot + 1);
  std::string_view digits = rest.substr(0, rest.find_first_not_of("0123456789"));
  bool fraction = digits.find_first_not_of('0') != std::string_view::npos;
  return std::max(*instant + seconds(fraction ? 1 : 0), now);
}

std::optional<time::Instant> retry_time(const Response& response, time::Instant now) {
  if (auto value = response.header("Retry-After")) {
    if (auto at = parse_retry_after(*value, now)) {
      return at;
    }
  }
  if (response.status != 429) {
    return std::nullopt;
  }
  if (auto value = response.header("X-RateLimit-Reset-After")) {
    // Discord: seconds, with a fraction, never a Unix time.
    if (auto delay = parse_seconds(trim(*value))) {
      return now + seconds(*delay);
    }
  }
  for (std::string_view name : {"RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset"}) {
    if (auto value = response.header(name)) {
      if (auto at = parse_reset(*value, now)) {
        return at;
      }
    }
  }
  return std::nullopt;
}

}  // namespace smm::http
