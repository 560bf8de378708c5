// SPDX-License-Identifier: MIT
#include "smm/time/period.hpp"

#include <span>

#include "smm/time/detail.hpp"

namespace smm::time {

namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::months;
using std::chrono::year_month_day;
using std::chrono::years;
using Words = std::span<const std::string_view>;

/// [begin, end) in local calendar days.
struct DaySpan {
  local_days begin;
  local_days end;
};

constexpr std::string_view k_period_hint =
    "use a date (\"2026\", \"2026-11\", \"2026q4\", \"q4\", \"2026-11-24\"), \"today\", "
    "\"yesterday\", \"this week\", \"last month\", \"next quarter\", or a range: "
    "\"from 2026-11-01 to 2026-12-01\", \"2026-11..2026-12\", \"since 2026-11\", \"until 2027\"";

year_month_day to_ymd(local_days day) { return year_month_day{day}; }

local_days from_ymd(year_month_day ymd) {
  if (!ymd.ok()) {
    ymd = ymd.year() / ymd.month() / std::chrono::last;
  }
  return local_days{ymd};
}

local_days unit_start(Interval interval, local_days day) {
  const year_month_day ymd = to_ymd(day);
  switch (interval) {
    case Interval::week:
      return day - days{detail::weekday_index(day)};
    case Interval::month:
      return local_days{ymd.year() / ymd.month() / 1};
    case Interval::quarter: {
      const unsigned first = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
      return local_days{ymd.year() / std::chrono::month{first} / 1};
    }
    case Interval::year:
      return local_days{ymd.year() / std::chrono::January / 1};
    default:
      return day;
  }
}

local_days unit_advance(Interval interval, local_days day, int n) {
  switch (interval) {
    case Interval::day:
      return day + days{n};
    case Interval::week:
      return day + days{7 * n};
    case Interval::month:
      return from_ymd(to_ymd(day) + months{n});
    case Interval::quarter:
      return from_ymd(to_ymd(day) + months{3 * n});
    case Interval::year:
      return from_ymd(to_ymd(day) + years{n});
    default:
      return day;
  }
}

DaySpan unit_span(Interval interval, local_days start) {
  return {start, unit_advance(interval, start, 1)};
}

std::optional<Interval> interval_word(std::string_view word) {
  if (word == "day") {
    return Interval::day;
  }
  if (word == "week") {
    return Interval::week;
  }
  if (word == "month") {
    return Interval::month;
  }
  if (word == "quarter") {
    return Interval::quarter;
  }
  if (word == "year") {
    return Interval::year;
  }
  return std::nullopt;
}

// "this|last|next day|week|month|quarter|year".
std::optional<DaySpan> relative_term(Words words, local_days today) {
  const auto interval = interval_word(words[1]);
  const int shift = words[0] == "this" ? 0 : words[0] == "last" ? -1 : words[0] == "next" ? 1 : 2;
  if (!interval || shift == 2) {
    return std::nullopt;
  }
  return unit_span(*interval, unit_advance(*interval, unit_start(*interval, today), shift));
}

// "q4" with `year`, "2026q4", or "2026-q4" (as ISO-style quarters are often written).
std::optional<DaySpan> quarter_term(std::string_view word, std::chrono::year year) {
  const std::size_t q = word.find('q');
  const bool dashed = q == 5 && word[4] == '-';
  if (q != 0 && q != 4 && !dashed) {
    return std::nullopt;
  }
  const auto number = detail::parse_uint(word.substr(q + 1), 1);
  const auto explicit_year = q != 0 ? detail::parse_uint(word.substr(0, 4), 4) : std::nullopt;
  if (!number || *number < 1 || *number > 4 || (q != 0 && !explicit_year)) {
    return std::nullopt;
  }
  if (explicit_year) {
    year = std::chrono::year{*explicit_year};
  }
  const std::chrono::month first{static_cast<unsigned>(*number) * 3 - 2};
  return unit_span(Interval::quarter, local_days{year / first / 1});
}

// "2026", "2026-11", "2026/11", "2026-11-24", "2026/11/24".
std::optional<DaySpan> date_term(std::string_view word) {
  if (const auto year = word.size() == 4 ? detail::parse_uint(word, 4) : std::nullopt) {
    return unit_span(Interval::year, local_days{std::chrono::year{*year} / 1 / 1});
  }
  if (const auto ymd = detail::parse_ymd(word)) {
    return unit_span(Interval::day, local_days{*ymd});
  }
  if (word.size() < 6 || (word[4] != '-' && word[4] != '/')) {
    return std::nullopt;
  }
  const auto year = detail::parse_uint(word.substr(0, 4), 4);
  const auto month = detail::parse_uint(word.substr(5), 2);
  if (!year || !month || *month < 1 || *month > 12) {
    return std::nullopt;
  }
  const std::chrono::month m{static_cast<unsigned>(*month)};
  return unit_span(Interval::month, local_days{std::chrono::year{*year} / m / 1});
}

std::optional<DaySpan> parse_term(Words words, local_days today) {
  if (words.size() == 2) {
    return relative_term(words, today);
  }
  if (words.size() != 1) {
    return std::nullopt;
  }
  const std::string_view word = words.front();
  if (word == "today" || word == "yesterday" || word == "tomorrow") {
    const int shift = word == "today" ? 0 : word == "yesterday" ? -1 : 1;
    return unit_span(Interval::day, today + days{shift});
  }
  if (word.find('q') != std::string_view::npos) {
    return quarter_term(word, to_ymd(today).year());
  }
  return date_term(word);
}

Result<Period> period_error(std::string_view expr, std::string_view why = {}) {
  std::string message = "invalid period " + detail::quote(expr);
  if (!why.empty()) {
    message += ": " + std::string(why);
  }
  return fail(ErrorKind::usage, std::move(message), std::string(k_period_hint));
}

/// The words of a range: begin and end terms; an empty side is open.
struct RangeWords {
  std::vector<std::string_view> begin;
  std::vector<std::string_view> end;
  bool is_range = false;
  bool incomplete = false;  ///< "from" or "to" without a term after it
};

RangeWords range_words(std::string_view expr) {
  RangeWords out;
  if (const std::size_t dots = expr.find(".."); dots != std::string_view::npos) {
    out.begin = detail::words(expr.substr(0, dots));
    out.end = detail::words(expr.substr(dots + 2));
    out.is_range = true;
    return out;
  }
  const std::vector<std::string_view> all = detail::words(expr);
  std::size_t i = 0;
  if (!all.empty() && (all[0] == "from" || all[0] == "since")) {
    out.is_range = true;
    out.incomplete = all.size() == 1 || all[1] == "to" || all[1] == "until";
    ++i;
  }
  for (; i < all.size(); ++i) {
    if (all[i] == "to" || all[i] == "until") {
      out.is_range = true;
      out.end.assign(all.begin() + static_cast<std::ptrdiff_t>(i) + 1, all.end());
      out.incomplete = out.incomplete || out.end.empty();
      break;
    }
    out.begin.push_back(all[i]);
  }
  return out;
}

}  // namespace

bool Period::contains(Instant t) const { return (!begin || t >= *begin) && (!end || t < *end); }

Result<Period> parse_period(std::string_view expr, Instant now, const Zone& zone) {
  std::string text = detail::lower(detail::trim(expr));
  if (text.starts_with("in ")) {
    text = std::string(detail::trim(std::string_view(text).substr(3)));
  }
  const RangeWords range = range_words(text);
  if (range.incomplete || (range.begin.empty() && range.end.empty())) {
    return period_error(expr, "expected a date");
  }
  const local_days today = detail::local_day(now, zone);
  const auto begin = range.begin.empty() ? std::nullopt : parse_term(range.begin, today);
  const auto end = range.end.empty() ? std::nullopt : parse_term(range.end, today);
  if ((!range.begin.empty() && !begin) || (!range.end.empty() && !end)) {
    return period_error(expr);
  }
  if (!range.is_range) {
    return Period{detail::midnight(begin->begin, zone), detail::midnight(begin->end, zone)};
  }
  if (begin && end && end->begin < begin->begin) {
    return period_error(expr, "it ends before it begins");
  }
  Period period;
  if (begin) {
    period.begin = detail::midnight(begin->begin, zone);
  }
  if (end) {
    period.end = detail::midnight(end->begin, zone);
  }
  return period;
}

Result<Instant> parse_date_start(std::string_view expr, Instant now, const Zone& zone) {
  const std::string text = detail::lower(detail::trim(expr));
  const std::vector<std::string_view> words = detail::words(text);
  if (const auto term = parse_term(words, detail::local_day(now, zone))) {
    return detail::midnight(term->begin, zone);
  }
  if (const auto exact = parse_when(expr, now, zone)) {
    return *exact;
  }
  return fail(ErrorKind::usage, "invalid date " + detail::quote(expr),
              "use a date (\"2026\", \"2026-11\", \"2026q4\", \"2026-11-24\"), \"today\", "
              "\"last month\", \"this week\", or a time such as \"2026-11-24 09:00\"");
}

std::vector<Period> split(const Period& period, Interval interval, const Zone& zone) {
  if (!period.begin || !period.end || *period.begin >= *period.end) {
    return {};
  }
  if (interval == Interval::none) {
    return {period};
  }
  std::vector<Period> out;
  Instant start = start_of(interval, *period.begin, zone);
  while (start < *period.end) {
    const Instant next = advance(interval, start, 1, zone);
    out.push_back(Period{start, next});
    start = next;
  }
  return out;
}

Instant start_of(Interval interval, Instant t, const Zone& zone) {
  if (interval == Interval::none) {
    return t;
  }
  return detail::midnight(unit_start(interval, detail::local_day(t, zone)), zone);
}

Instant advance(Interval interval, Instant start, int n, const Zone& zone) {
  if (interval == Interval::none) {
    return start;
  }
  return detail::midnight(unit_advance(interval, detail::local_day(start, zone), n), zone);
}

}  // namespace smm::time
