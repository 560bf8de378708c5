// SPDX-License-Identifier: MIT
#include <string>
#include <vector>

#include "smm/time/time.hpp"
#include "support/catch.hpp"
#include "support/helpers.hpp"

using smm::ErrorKind;
using smm::time::Instant;
using smm::time::Zone;

using smm::test::zone;
using smm::test::at;

namespace {

struct Case {
  std::string input;
  std::string expected;  // RFC 3339 in the test zone
};

void check_cases(const std::vector<Case>& cases, std::string_view now, std::string_view name) {
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    const auto parsed = smm::time::parse_when(c.input, at(now), zone(name));
    REQUIRE(parsed.has_value());
    CHECK(smm::time::format_rfc3339(*parsed, zone(name)) == c.expected);
  }
}

}  // namespace

TEST_CASE("parse_when accepts absolute, relative and day-word forms", "[time]") {
  // 2026-11-24 is a Tuesday.
  const std::string now = "2026-11-24T10:15:00+01:00";
  SECTION("absolute") {
    check_cases(
        {
            {"2026-11-24T09:00:00+01:00", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24T08:00:00Z", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24T08:00:00.987Z", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24 09:00", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24T09:00", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24t09:00", "2026-11-24T09:00:00+01:00"},
            {"2026-11-24 09:00:30", "2026-11-24T09:00:30+01:00"},
            {"2026-11-24T09:00:30", "2026-11-24T09:00:30+01:00"},
            {"2026-11-24", "2026-11-24T00:00:00+01:00"},
            {"  2026-07-01   09:00 ", "2026-07-01T09:00:00+02:00"},
            {"2026-03-29 02:30", "2026-03-29T03:30:00+02:00"},
            {"2026-10-25 02:30", "2026-10-25T02:30:00+02:00"},
        },
        now, "Europe/Paris");
  }
  SECTION("relative to now") {
    check_cases(
        {
            {"now", "2026-11-24T10:15:00+01:00"},
            {"NOW", "2026-11-24T10:15:00+01:00"},
            {"+2h", "2026-11-24T12:15:00+01:00"},
            {"+30m", "2026-11-24T10:45:00+01:00"},
            {"+90s", "2026-11-24T10:16:30+01:00"},
            {"+1d", "2026-11-25T10:15:00+01:00"},
            {"+1w", "2026-12-01T10:15:00+01:00"},
            {"+1h30m", "2026-11-24T11:45:00+01:00"},
            {"-1d", "2026-11-23T10:15:00+01:00"},
        },
        now, "Europe/Paris");
  }
  SECTION("day words") {
    check_cases(
        {
            {"today 17:00", "2026-11-24T17:00:00+01:00"},
            {"today", "2026-11-24T00:00:00+01:00"},
            {"tomorrow 09:00", "2026-11-25T09:00:00+01:00"},
            {"Tomorrow at 09:00", "2026-11-25T09:00:00+01:00"},
            {"yesterday 23:59:59", "2026-11-23T23:59:59+01:00"},
            {"next monday 10:00", "2026-11-30T10:00:00+01:00"},
            {"monday 10:00", "2026-11-30T10:00:00+01:00"},
            {"Mon 10:00", "2026-11-30T10:00:00+01:00"},
            {"tuesday 10:00", "2026-12-01T10:00:00+01:00"},
            {"next tue 08:00", "2026-12-01T08:00:00+01:00"},
            {"WEDNESDAY 9:30", "2026-11-25T09:30:00+01:00"},
            {"thu 09:00", "2026-11-26T09:00:00+01:00"},
            {"friday at 18:00", "2026-11-27T18:00:00+01:00"},
            {"  sat  ", "2026-11-28T00:00:00+01:00"},
            {"next sunday 10:00", "2026-11-29T10:00:00+01:00"},
        },
        now, "Europe/Paris");
  }
  SECTION("day words use the zone's calendar day") {
    // 2026-11-24T23:30Z is already Wednesday in Kolkata.
    check_cases(
        {
            {"today 09:00", "2026-11-25T09:00:00+05:30"},
            {"wed 09:00", "2026-12-02T09:00:00+05:30"},
            {"tomorrow 09:00", "2026-11-26T09:00:00+05:30"},
        },
        "2026-11-24T23:30:00Z", "Asia/Kolkata");
  }
  SECTION("across DST, durations are exact and day words keep the wall time") {
    check_cases(
        {
            {"+1d", "2026-03-29T13:00:00+02:00"},
            {"tomorrow 12:00", "2026-03-29T12:00:00+02:00"},
            {"tomorrow 02:30", "2026-03-29T03:30:00+02:00"},
            {"sun 02:00", "2026-03-29T03:00:00+02:00"},
        },
        "2026-03-28T12:00:00+01:00", "Europe/Paris");
    check_cases(
        {
            {"tomorrow 01:30", "2026-11-01T01:30:00-04:00"},
            {"+1d", "2026-11-01T11:00:00-05:00"},
        },
        "2026-10-31T12:00:00-04:00", "America/New_York");
    check_cases(
        {
            {"tomorrow 02:15", "2026-10-04T02:45:00+11:00"},
            {"tomorrow 03:00", "2026-10-04T03:00:00+11:00"},
        },
        "2026-10-03T12:00:00+10:30", "Australia/Lord_Howe");
  }
}

TEST_CASE("parse_when rejects other input with a usage error and a hint", "[time]") {
  const Instant now = at("2026-11-24T10:15:00+01:00");
  for (const std::string input : {"",
                                  "   ",
                                  "soon",
                                  "2026-13-01",
                                  "2026-02-30 10:00",
                                  "2026-11-24 25:00",
                                  "25:00",
                                  "today 25:00",
                                  "tomorrow 9",
                                  "tomorrow at",
                                  "tomorrow 09:00 extra",
                                  "+2",
                                  "+2x",
                                  "+",
                                  "-",
                                  "next",
                                  "next 10:00",
                                  "nextmonday 10:00",
                                  "monday 10:00am",
                                  "2026-11-24T09:00:00+0100",
                                  "2026-11-24 09:00 +01:00",
                                  "2026-11-24T",
                                  "in 2h",
                                  "2026-11-24 09:00:60"}) {
    INFO("input: \"" << input << "\"");
    const auto parsed = smm::time::parse_when(input, now, zone("Europe/Paris"));
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().kind == ErrorKind::usage);
    CHECK(parsed.error().message.starts_with("invalid time \"" + input + "\""));
    CHECK(parsed.error().hint.find("\"tomorrow 09:00\"") != std::string::npos);
    CHECK(parsed.error().hint.find("\"2026-11-24 09:00\"") != std::string::npos);
  }
}
