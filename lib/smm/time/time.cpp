// SPDX-License-Identifier: MIT
#include "smm/time/time.hpp"

#include <date/tz.h>

#include <algorithm>
#include <exception>
#include <vector>

#include "smm/time/detail.hpp"

namespace smm::time {

namespace {

using std::chrono::seconds;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Distance to a zone name; a query without '/' is also compared with the city part, so
// "paris" suggests "Europe/Paris".
std::size_t zone_distance(const std::string& query, const std::string& zone_name) {
  const std::string name = detail::lower(zone_name);
  std::size_t best = edit_distance(query, name);
  const auto slash = name.rfind('/');
  if (query.find('/') == std::string::npos && slash != std::string::npos) {
    best = std::min(best, edit_distance(query, std::string_view(name).substr(slash + 1)));
  }
  return best;
}

std::string closest_zone(std::string_view query) {
  const std::string wanted = detail::lower(query);
  std::string best_name;
  std::size_t best = std::max<std::size_t>(3, wanted.size() / 3) + 1;
  for (const auto& zone : date::get_tzdb().zones) {
    const std::size_t distance = zone_distance(wanted, zone.name());
    if (distance < best) {
      best = distance;
      best_name = zone.name();
    }
  }
  return best_name;
}

// Appends `value` with at least two digits.
void append2(std::string& out, long value) {
  if (value >= 0 && value < 10) {
    out += '0';
  }
  out += std::to_string(value);
}

void append_offset(std::string& out, seconds offset) {
  if (offset == seconds{0}) {
    out += "+00:00";
    return;
  }
  out += offset < seconds{0} ? '-' : '+';
  const long minutes = std::chrono::abs(offset).count() / 60;
  append2(out, minutes / 60);
  out += ':';
  append2(out, minutes % 60);
}

Result<Instant> rfc3339_error(std::string_view text, std::string_view why) {
  return fail(ErrorKind::usage,
              "invalid RFC 3339 time " + detail::quote(text) + ": " + std::string(why),
              "write it like \"2026-11-24T09:00:00+01:00\" or \"2026-11-24T08:00:00Z\"");
}

// "Z", "+hh:mm" or "-hh:mm", all of `text`.
std::optional<seconds> parse_offset(std::string_view text) {
  if (text == "Z" || text == "z") {
    return seconds{0};
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
    return std::nullopt;
  }
  const auto hours = detail::parse_uint(text.substr(1, 2), 2);
  const auto minutes = detail::parse_uint(text.substr(4, 2), 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) {
    return std::nullopt;
  }
  const seconds offset{*hours * 3600 + *minutes * 60};
  return text[0] == '-' ? -offset : offset;
}

}  // namespace

Zone::Zone() : Zone(utc()) {}

const std::string& Zone::name() const { return m_zone->name(); }

Result<Zone> find_zone(std::string_view name) {
  if (name.empty()) {
    return fail(ErrorKind::usage, "empty time zone name",
                "use an IANA zone name such as \"Europe/Paris\" or \"UTC\"");
  }
  try {
    return Zone(date::locate_zone(name));
  } catch (const std::exception&) {
    // locate_zone throws for unknown names and for an unreadable database; tell them apart.
  }
  try {
    const std::string suggestion = closest_zone(name);
    std::string hint = suggestion.empty()
                           ? "use an IANA zone name such as \"Europe/Paris\" or \"UTC\""
                           : "did you mean " + detail::quote(suggestion) + "?";
    return fail(ErrorKind::usage, "unknown time zone " + detail::quote(name), std::move(hint));
  } catch (const std::exception& e) {
    return fail(ErrorKind::runtime, std::string("cannot read the time zone database: ") + e.what(),
                "install the tzdata package");
  }
}

Zone utc() { return Zone(date::locate_zone("UTC")); }

std::string format_rfc3339(Instant t, const Zone& zone) {
  seconds offset = utc_offset(t, zone);
  if (offset % 60 != seconds{0}) {
    offset = seconds{0};
  }
  const auto local = t + offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss clock{local - day};
  // Appended into one string: this runs once per row when listing 100,000 posts.
  std::string out = std::to_string(static_cast<int>(ymd.year()));
  out.insert(0, out.size() < 4 ? 4 - out.size() : 0, '0');
  out.reserve(25);
  out += '-';
  append2(out, static_cast<unsigned>(ymd.month()));
  out += '-';
  append2(out, static_cast<unsigned>(ymd.day()));
  out += 'T';
  append2(out, clock.hours().count());
  out += ':';
  append2(out, clock.minutes().count());
  out += ':';
  append2(out, clock.seconds().count());
  append_offset(out, offset);
  return out;
}

Result<Instant> parse_rfc3339(std::string_view text) {
  if (text.size() < 20) {
    return rfc3339_error(text, "too short");
  }
  const char separator = text[10];
  if (separator != 'T' && separator != 't' && separator != ' ') {
    return rfc3339_error(text, "expected 'T' between date and time");
  }
  const auto ymd =
      text[4] == '-' && text[7] == '-' ? detail::parse_ymd(text.substr(0, 10)) : std::nullopt;
  const auto clock = text[13] == ':' && text[16] == ':' && text[11] != ' '
                         ? detail::parse_clock(text.substr(11, 8))
                         : std::nullopt;
  if (!ymd || !clock) {
    return rfc3339_error(text, "expected YYYY-MM-DDTHH:MM:SS");
  }
  std::size_t pos = 19;
  if (text[pos] == '.') {
    const std::size_t digits_end = text.find_first_not_of("0123456789", pos + 1);
    if (digits_end == pos + 1 || digits_end == std::string_view::npos) {
      return rfc3339_error(text, "expected digits after '.'");
    }
    pos = digits_end;
  }
  const auto offset = parse_offset(text.substr(pos));
  if (!offset) {
    return rfc3339_error(text, "expected a \"Z\" or \"+hh:mm\" offset at the end");
  }
  return Instant{std::chrono::sys_days{*ymd}} + *clock - *offset;
}

Resolved resolve_local(std::chrono::local_seconds local, const Zone& zone) {
  const date::local_seconds date_local{local.time_since_epoch()};
  const date::local_info info = zone.get()->get_info(date_local);
  // In a gap `first` is the offset before the transition: applying it moves the time forward by
  // the gap length. In an overlap `first` is the earlier occurrence.
  const Instant at{local.time_since_epoch() - info.first.offset};
  switch (info.result) {
    case date::local_info::nonexistent:
      return {at, LocalKind::gap};
    case date::local_info::ambiguous:
      return {at, LocalKind::overlap};
    default:
      return {at, LocalKind::exact};
  }
}

std::chrono::local_seconds to_local(Instant t, const Zone& zone) {
  return std::chrono::local_seconds{(t + utc_offset(t, zone)).time_since_epoch()};
}

seconds utc_offset(Instant t, const Zone& zone) { return zone.get()->get_info(t).offset; }

}  // namespace smm::time
