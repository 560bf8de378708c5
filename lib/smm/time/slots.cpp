// SPDX-License-Identifier: MIT
#include "smm/time/slots.hpp"

#include <algorithm>
#include <bitset>

#include "smm/time/detail.hpp"

namespace smm::time {

namespace {

using std::chrono::minutes;
using DaySet = std::bitset<7>;

constexpr std::array<std::string_view, 7> k_day_names = {"mon", "tue", "wed", "thu",
                                                         "fri", "sat", "sun"};

Result<WeeklySlots> slots_error(std::string_view spec, std::string why) {
  return fail(ErrorKind::usage, "invalid slots " + detail::quote(spec) + ": " + std::move(why),
              "write days then 24h times, groups separated by ';', e.g. "
              "\"mon-fri 09:00,13:00; sat 10:00\" (days: mon..sun, ranges like mon-fri or "
              "fri-mon, lists like mon,wed, daily, weekdays, weekends)");
}

// Splits on `separator`, trimming each piece; keeps empty pieces.
std::vector<std::string_view> pieces(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    out.push_back(detail::trim(text.substr(start, end - start)));
    if (end == std::string_view::npos) {
      return out;
    }
    start = end + 1;
  }
}

// One day item: a name, a range, or a collective word.
std::optional<DaySet> day_item(std::string_view item) {
  if (item == "daily" || item == "everyday") {
    return DaySet{0x7f};
  }
  if (item == "weekdays") {
    return DaySet{0x1f};
  }
  if (item == "weekends" || item == "weekend") {
    return DaySet{0x60};
  }
  const std::size_t dash = item.find('-');
  const auto first = detail::parse_weekday(detail::trim(item.substr(0, dash)));
  const auto last = dash == std::string_view::npos
                        ? first
                        : detail::parse_weekday(detail::trim(item.substr(dash + 1)));
  if (!first || !last) {
    return std::nullopt;
  }
  DaySet days;
  for (int day = *first;; day = (day + 1) % 7) {
    days.set(static_cast<std::size_t>(day));
    if (day == *last) {
      return days;
    }
  }
}

// "HH:MM", 24h.
std::optional<minutes> slot_time(std::string_view text) {
  if (std::count(text.begin(), text.end(), ':') != 1) {
    return std::nullopt;
  }
  const auto clock = detail::parse_clock(text);
  if (!clock) {
    return std::nullopt;
  }
  return std::chrono::duration_cast<minutes>(*clock);
}

// One "<days> <times>" group, merged into `slots`; returns the error text if it is invalid.
std::optional<std::string> parse_group(std::string_view group, WeeklySlots& slots) {
  const std::size_t digit = group.find_first_of("0123456789");
  const std::string_view day_text = detail::trim(group.substr(0, digit));
  if (digit == std::string_view::npos) {
    return "no times after " + detail::quote(day_text);
  }
  DaySet days;
  if (day_text.empty()) {
    days.set();
  }
  const auto items = day_text.empty() ? std::vector<std::string_view>{} : pieces(day_text, ',');
  for (const std::string_view item : items) {
    const auto item_days = day_item(item);
    if (!item_days) {
      return "unknown day " + detail::quote(item);
    }
    days |= *item_days;
  }
  for (const std::string_view token : pieces(group.substr(digit), ',')) {
    const auto time = slot_time(token);
    if (!time) {
      return "bad time " + detail::quote(token) + " (expected HH:MM, 24h)";
    }
    for (std::size_t day = 0; day < 7; ++day) {
      if (days.test(day)) {
        slots.by_weekday[day].push_back(*time);
      }
    }
  }
  return std::nullopt;
}

std::string format_time(minutes time) {
  const long hours = time.count() / 60;
  const long mins = time.count() % 60;
  return (hours < 10 ? "0" : "") + std::to_string(hours) + (mins < 10 ? ":0" : ":") +
         std::to_string(mins);
}

// Circular runs of consecutive days as {first, length}, ordered by first day.
std::vector<std::pair<std::size_t, std::size_t>> runs(DaySet days) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (days.all()) {
    out.emplace_back(0, 7);
    return out;
  }
  for (std::size_t day = 0; day < 7; ++day) {
    if (!days.test(day) || days.test((day + 6) % 7)) {
      continue;
    }
    std::size_t length = 1;
    while (length < 7 && days.test((day + length) % 7)) {
      ++length;
    }
    out.emplace_back(day, length);
  }
  return out;
}

std::string format_days(DaySet days) {
  if (days.all()) {
    return "daily";
  }
  std::string out;
  for (const auto& [first, length] : runs(days)) {
    out += (out.empty() ? "" : ",") + std::string(k_day_names[first]);
    if (length > 1) {
      out += "-" + std::string(k_day_names[(first + length - 1) % 7]);
    }
  }
  return out;
}

}  // namespace

bool WeeklySlots::empty() const {
  return std::all_of(by_weekday.begin(), by_weekday.end(),
                     [](const auto& times) { return times.empty(); });
}

Result<WeeklySlots> parse_slots(std::string_view spec) {
  const std::string text = detail::lower(spec);
  WeeklySlots slots;
  for (const std::string_view group : pieces(text, ';')) {
    if (group.empty()) {
      continue;
    }
    if (auto why = parse_group(group, slots)) {
      return slots_error(spec, std::move(*why));
    }
  }
  for (auto& times : slots.by_weekday) {
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
  }
  return slots;
}

std::string format_slots(const WeeklySlots& slots) {
  // Days sharing one time list, in order of first appearance of the list.
  std::vector<std::pair<DaySet, const std::vector<minutes>*>> groups;
  for (std::size_t day = 0; day < 7; ++day) {
    const auto& times = slots.by_weekday[day];
    if (times.empty()) {
      continue;
    }
    auto same = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& group) { return *group.second == times; });
    if (same == groups.end()) {
      same = groups.insert(groups.end(), {DaySet{}, &times});
    }
    same->first.set(day);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return runs(a.first).front().first < runs(b.first).front().first;
  });
  std::string out;
  for (const auto& [days, times] : groups) {
    out += (out.empty() ? "" : "; ") + format_days(days) + " ";
    for (std::size_t i = 0; i < times->size(); ++i) {
      out += (i == 0 ? "" : ",") + format_time((*times)[i]);
    }
  }
  return out;
}

std::vector<Instant> next_slots(const WeeklySlots& slots, const Zone& zone, Instant from,
                                std::size_t count, int max_days) {
  std::vector<Instant> out;
  if (slots.empty()) {
    return out;
  }
  const std::chrono::local_days first_day = detail::local_day(from, zone);
  for (int offset = 0; offset < max_days && out.size() < count; ++offset) {
    const std::chrono::local_days day = first_day + std::chrono::days{offset};
    std::vector<Instant> today;
    for (const minutes time :
         slots.by_weekday[static_cast<std::size_t>(detail::weekday_index(day))]) {
      today.push_back(resolve_local(std::chrono::local_seconds{day} + time, zone).at);
    }
    // A slot moved forward out of a gap may pass a later slot or land on it.
    std::sort(today.begin(), today.end());
    for (const Instant at : today) {
      if (at >= from && (out.empty() || at > out.back()) && out.size() < count) {
        out.push_back(at);
      }
    }
  }
  return out;
}

}  // namespace smm::time
