// SPDX-License-Identifier: MIT
#include "smm/time/slots.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/helpers.hpp"

using namespace std::chrono_literals;
using smm::ErrorKind;
using smm::time::Instant;
using smm::time::WeeklySlots;
using smm::time::Zone;

using smm::test::zone;
using smm::test::at;

namespace {

std::vector<std::string> next(std::string_view spec, std::string_view zone_name,
                              std::string_view from, std::size_t count, int max_days = 3660) {
  const Zone z = zone(zone_name);
  std::vector<std::string> out;
  for (const Instant t :
       smm::time::next_slots(smm::time::parse_slots(spec).value(), z, at(from), count, max_days)) {
    out.push_back(smm::time::format_rfc3339(t, z));
  }
  return out;
}

}  // namespace

TEST_CASE("weekly slots parse into sorted times per weekday", "[time]") {
  const WeeklySlots slots = smm::time::parse_slots("mon-fri 13:00,09:00; sat 10:00").value();
  for (std::size_t day = 0; day < 5; ++day) {
    CHECK(slots.by_weekday[day] == std::vector<std::chrono::minutes>{9h, 13h});
  }
  CHECK(slots.by_weekday[5] == std::vector<std::chrono::minutes>{10h});
  CHECK(slots.by_weekday[6].empty());
  CHECK_FALSE(slots.empty());
  CHECK(smm::time::parse_slots("").value().empty());
  CHECK(smm::time::parse_slots("  ").value().empty());
}

TEST_CASE("weekly slots format canonically and round trip", "[time]") {
  SECTION("canonical forms") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"mon-fri 09:00,13:00; sat 10:00", "mon-fri 09:00,13:00; sat 10:00"},
        {"MON-FRI 13:00, 09:00 ; Sat 10:00", "mon-fri 09:00,13:00; sat 10:00"},
        {"weekdays 09:00", "mon-fri 09:00"},
        {"weekends 10:00", "sat-sun 10:00"},
        {"daily 08:00", "daily 08:00"},
        {"everyday 8:00", "daily 08:00"},
        {"08:00", "daily 08:00"},
        {"mon-sun 08:00", "daily 08:00"},
        {"mon-fri 09:00; sat,sun 09:00", "daily 09:00"},
        {"fri-mon 10:00", "fri-mon 10:00"},
        {"sat,sun,mon 07:30", "sat-mon 07:30"},
        {"mon,wed,fri 09:00", "mon,wed,fri 09:00"},
        {"Monday, Wednesday 9:00", "mon,wed 09:00"},
        {"mon 09:00; mon 10:00,09:00", "mon 09:00,10:00"},
        {"mon-fri 09:00; wed 12:00", "mon-tue,thu-fri 09:00; wed 09:00,12:00"},
        {"fri-mon 09:00; tue-thu 10:00", "tue-thu 10:00; fri-mon 09:00"},
        {"sun 23:59; mon 00:00", "mon 00:00; sun 23:59"},
        {"mon,wed,fri-sun 09:00", "wed,fri-mon 09:00"},
        {"mon 09:00;", "mon 09:00"},
        {"", ""},
    };
    for (const auto& [spec, canonical] : cases) {
      INFO("spec: " << spec);
      const WeeklySlots slots = smm::time::parse_slots(spec).value();
      CHECK(smm::time::format_slots(slots) == canonical);
      CHECK(smm::time::parse_slots(canonical).value() == slots);
    }
  }
  SECTION("every day set round trips") {
    for (unsigned mask = 0; mask < 128; ++mask) {
      WeeklySlots slots;
      for (std::size_t day = 0; day < 7; ++day) {
        if ((mask >> day) & 1U) {
          slots.by_weekday[day] = {9h, 17h + 30min};
        } else if (day % 2 == 0) {
          slots.by_weekday[day] = {12h};
        }
      }
      const std::string text = smm::time::format_slots(slots);
      INFO("mask " << mask << ": " << text);
      const auto parsed = smm::time::parse_slots(text);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == slots);
    }
  }
}

TEST_CASE("weekly slot errors name the bad token", "[time]") {
  struct Case {
    std::string spec;
    std::string why;
  };
  const std::vector<Case> cases = {
      {"mon-fri", "no times after \"mon-fri\""},
      {"mnday 09:00", "unknown day \"mnday\""},
      {"mon-frii 09:00", "unknown day \"mon-frii\""},
      {"mon,,tue 09:00", "unknown day \"\""},
      {"mon- 09:00", "unknown day \"mon-\""},
      {"mon 9am", "bad time \"9am\" (expected HH:MM, 24h)"},
      {"mon 24:00", "bad time \"24:00\" (expected HH:MM, 24h)"},
      {"mon 09:60", "bad time \"09:60\" (expected HH:MM, 24h)"},
      {"mon 09:00:00", "bad time \"09:00:00\" (expected HH:MM, 24h)"},
      {"mon 09:00,", "bad time \"\" (expected HH:MM, 24h)"},
      {"mon 09:00 tue 10:00", "bad time \"09:00 tue 10:00\" (expected HH:MM, 24h)"},
      {"mon 09:00; tue", "no times after \"tue\""},
  };
  for (const auto& c : cases) {
    INFO("spec: " << c.spec);
    const auto parsed = smm::time::parse_slots(c.spec);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().kind == ErrorKind::usage);
    CHECK(parsed.error().message == "invalid slots \"" + c.spec + "\": " + c.why);
    CHECK(parsed.error().hint.find("\"mon-fri 09:00,13:00; sat 10:00\"") != std::string::npos);
  }
}

TEST_CASE("next_slots lists slot instants in the zone", "[time]") {
  SECTION("Kolkata, from a Tuesday morning") {
    const auto slots =
        next("mon-fri 09:00,13:00; sat 10:00", "Asia/Kolkata", "2026-11-24T10:15:00+05:30", 8);
    CHECK(slots ==
          std::vector<std::string>{"2026-11-24T13:00:00+05:30", "2026-11-25T09:00:00+05:30",
                                   "2026-11-25T13:00:00+05:30", "2026-11-26T09:00:00+05:30",
                                   "2026-11-26T13:00:00+05:30", "2026-11-27T09:00:00+05:30",
                                   "2026-11-27T13:00:00+05:30", "2026-11-28T10:00:00+05:30"});
  }
  SECTION("a slot exactly at `from` is included") {
    CHECK(next("daily 09:00", "Europe/Paris", "2026-11-24T09:00:00+01:00", 1) ==
          std::vector<std::string>{"2026-11-24T09:00:00+01:00"});
  }
  SECTION("Paris gap: 02:30 moves to 03:30 and merges with a 03:30 slot") {
    CHECK(next("daily 02:30", "Europe/Paris", "2026-03-28T00:00:00+01:00", 3) ==
          std::vector<std::string>{"2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00",
                                   "2026-03-30T02:30:00+02:00"});
    CHECK(next("daily 02:30,03:30", "Europe/Paris", "2026-03-29T00:00:00+01:00", 3) ==
          std::vector<std::string>{"2026-03-29T03:30:00+02:00", "2026-03-30T02:30:00+02:00",
                                   "2026-03-30T03:30:00+02:00"});
    CHECK(next("sun 02:15,03:00", "Europe/Paris", "2026-03-29T00:00:00+01:00", 2) ==
          std::vector<std::string>{"2026-03-29T03:00:00+02:00", "2026-03-29T03:15:00+02:00"});
  }
  SECTION("Paris overlap: 02:30 occurs once") {
    CHECK(next("daily 02:30", "Europe/Paris", "2026-10-24T12:00:00+02:00", 3) ==
          std::vector<std::string>{"2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00",
                                   "2026-10-27T02:30:00+01:00"});
    // From the second 02:30 the first one has passed; it does not come back.
    CHECK(next("daily 02:30", "Europe/Paris", "2026-10-25T02:30:00+01:00", 1) ==
          std::vector<std::string>{"2026-10-26T02:30:00+01:00"});
  }
  SECTION("New York") {
    CHECK(next("sun 02:30", "America/New_York", "2026-03-01T00:00:00-05:00", 2) ==
          std::vector<std::string>{"2026-03-01T02:30:00-05:00", "2026-03-08T03:30:00-04:00"});
    CHECK(next("sun 01:30", "America/New_York", "2026-10-31T00:00:00-04:00", 2) ==
          std::vector<std::string>{"2026-11-01T01:30:00-04:00", "2026-11-08T01:30:00-05:00"});
  }
  SECTION("Lord Howe half-hour transitions") {
    CHECK(next("sun 02:15", "Australia/Lord_Howe", "2026-09-27T00:00:00+10:30", 2) ==
          std::vector<std::string>{"2026-09-27T02:15:00+10:30", "2026-10-04T02:45:00+11:00"});
    CHECK(next("sun 01:45", "Australia/Lord_Howe", "2026-04-01T00:00:00+11:00", 2) ==
          std::vector<std::string>{"2026-04-05T01:45:00+11:00", "2026-04-12T01:45:00+10:30"});
  }
  SECTION("results are strictly ascending over a year of DST changes") {
    const Zone paris = zone("Europe/Paris");
    const auto slots =
        smm::time::next_slots(smm::time::parse_slots("daily 01:30,02:00,02:30,03:00").value(),
                              paris, at("2026-01-01T00:00:00+01:00"), 2000);
    REQUIRE(slots.size() == 2000);
    CHECK(std::adjacent_find(slots.begin(), slots.end(), std::greater_equal<>()) == slots.end());
  }
  SECTION("limits") {
    CHECK(next("mon 09:00", "UTC", "2026-11-24T10:00:00Z", 0).empty());
    CHECK(next("", "UTC", "2026-11-24T10:00:00Z", 5).empty());
    CHECK(next("mon 09:00", "UTC", "2026-11-24T10:00:00Z", 1, 6).empty());
    CHECK(next("mon 09:00", "UTC", "2026-11-24T10:00:00Z", 1, 7) ==
          std::vector<std::string>{"2026-11-30T09:00:00+00:00"});
  }
}
