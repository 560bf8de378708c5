// SPDX-License-Identifier: MIT
#include "smm/time/period.hpp"

#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/helpers.hpp"

using namespace std::chrono_literals;
using smm::ErrorKind;
using smm::time::Instant;
using smm::time::Interval;
using smm::time::Period;
using smm::time::Zone;

using smm::test::zone;
using smm::test::at;

namespace {

std::string show(const std::optional<Instant>& t, const Zone& z) {
  return t ? smm::time::format_rfc3339(*t, z) : std::string("open");
}

std::string show(const Period& p, const Zone& z) {
  return show(p.begin, z) + " .. " + show(p.end, z);
}

std::string show(const std::vector<Period>& periods, const Zone& z) {
  std::string out;
  for (const auto& p : periods) {
    out += show(p, z) + "\n";
  }
  return out;
}

// 2026-11-24 is a Tuesday.
const std::string k_now = "2026-11-24T10:15:00+01:00";

struct Case {
  std::string expr;
  std::string begin;  // RFC 3339 in Europe/Paris, or "open"
  std::string end;
};

}  // namespace

TEST_CASE("parse_period accepts hledger's period expressions", "[time]") {
  const Zone paris = zone("Europe/Paris");
  const std::vector<Case> cases = {
      {"2026", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
      {"2026-11", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"2026/11", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"2026-3", "2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00"},
      {"2026-11-24", "2026-11-24T00:00:00+01:00", "2026-11-25T00:00:00+01:00"},
      {"2026/11/24", "2026-11-24T00:00:00+01:00", "2026-11-25T00:00:00+01:00"},
      {"2026-03-29", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"},
      {"2026q4", "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00"},
      {"2026-Q4", "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00"},
      {"2026Q1", "2026-01-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00"},
      {"q2", "2026-04-01T00:00:00+02:00", "2026-07-01T00:00:00+02:00"},
      {"Q3", "2026-07-01T00:00:00+02:00", "2026-10-01T00:00:00+02:00"},
      {"today", "2026-11-24T00:00:00+01:00", "2026-11-25T00:00:00+01:00"},
      {"yesterday", "2026-11-23T00:00:00+01:00", "2026-11-24T00:00:00+01:00"},
      {"tomorrow", "2026-11-25T00:00:00+01:00", "2026-11-26T00:00:00+01:00"},
      {"this day", "2026-11-24T00:00:00+01:00", "2026-11-25T00:00:00+01:00"},
      {"last day", "2026-11-23T00:00:00+01:00", "2026-11-24T00:00:00+01:00"},
      {"next day", "2026-11-25T00:00:00+01:00", "2026-11-26T00:00:00+01:00"},
      {"this week", "2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00"},
      {"last week", "2026-11-16T00:00:00+01:00", "2026-11-23T00:00:00+01:00"},
      {"next week", "2026-11-30T00:00:00+01:00", "2026-12-07T00:00:00+01:00"},
      {"this month", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"last month", "2026-10-01T00:00:00+02:00", "2026-11-01T00:00:00+01:00"},
      {"next month", "2026-12-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
      {"this quarter", "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00"},
      {"last quarter", "2026-07-01T00:00:00+02:00", "2026-10-01T00:00:00+02:00"},
      {"next quarter", "2027-01-01T00:00:00+01:00", "2027-04-01T00:00:00+02:00"},
      {"this year", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
      {"last year", "2025-01-01T00:00:00+01:00", "2026-01-01T00:00:00+01:00"},
      {"next year", "2027-01-01T00:00:00+01:00", "2028-01-01T00:00:00+01:00"},
      {"from 2026-11-01 to 2026-12-01", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"from 2026-11 to 2027", "2026-11-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
      {"from 2026-11-01 until 2026-12-01", "2026-11-01T00:00:00+01:00",
       "2026-12-01T00:00:00+01:00"},
      {"2026-11-01 to 2026-12-01", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"2026-11-01..2026-12-01", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"2026-11 .. 2026-12", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
      {"From Last Month To This Month", "2026-10-01T00:00:00+02:00", "2026-11-01T00:00:00+01:00"},
      {"last week..next week", "2026-11-16T00:00:00+01:00", "2026-11-30T00:00:00+01:00"},
      {"2026-11-24 to 2026-11-24", "2026-11-24T00:00:00+01:00", "2026-11-24T00:00:00+01:00"},
      {"from 2026-11", "2026-11-01T00:00:00+01:00", "open"},
      {"since 2026-11-15", "2026-11-15T00:00:00+01:00", "open"},
      {"2026..", "2026-01-01T00:00:00+01:00", "open"},
      {"to 2027", "open", "2027-01-01T00:00:00+01:00"},
      {"until next month", "open", "2026-12-01T00:00:00+01:00"},
      {"..2027", "open", "2027-01-01T00:00:00+01:00"},
      {"in 2026", "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
      {"in last month", "2026-10-01T00:00:00+02:00", "2026-11-01T00:00:00+01:00"},
      {"  2026-11  ", "2026-11-01T00:00:00+01:00", "2026-12-01T00:00:00+01:00"},
  };
  for (const auto& c : cases) {
    INFO("expr: " << c.expr);
    const auto period = smm::time::parse_period(c.expr, at(k_now), paris);
    REQUIRE(period.has_value());
    CHECK(show(period->begin, paris) == c.begin);
    CHECK(show(period->end, paris) == c.end);
  }
}

TEST_CASE("period boundaries are local midnights of the given zone", "[time]") {
  SECTION("New York fall-back day lasts 25 hours") {
    const Zone z = zone("America/New_York");
    const Period p = smm::time::parse_period("2026-11-01", at(k_now), z).value();
    CHECK(show(p, z) == "2026-11-01T00:00:00-04:00 .. 2026-11-02T00:00:00-05:00");
    CHECK(*p.end - *p.begin == 25h);
  }
  SECTION("Lord Howe spring-forward day lasts 23.5 hours") {
    const Zone z = zone("Australia/Lord_Howe");
    const Period p = smm::time::parse_period("2026-10-04", at(k_now), z).value();
    CHECK(show(p, z) == "2026-10-04T00:00:00+10:30 .. 2026-10-05T00:00:00+11:00");
    CHECK(*p.end - *p.begin == 23h + 30min);
  }
  SECTION("this week in Kolkata already started on the local Monday") {
    const Zone z = zone("Asia/Kolkata");
    // Sunday 2026-11-29 20:00 UTC is Monday 01:30 in Kolkata.
    const Period p = smm::time::parse_period("this week", at("2026-11-29T20:00:00Z"), z).value();
    CHECK(show(p, z) == "2026-11-30T00:00:00+05:30 .. 2026-12-07T00:00:00+05:30");
  }
}

TEST_CASE("parse_period rejects unknown expressions", "[time]") {
  for (const std::string expr : {"",
                                 "banana",
                                 "2026-13",
                                 "2026-00",
                                 "2026-11-31",
                                 "q5",
                                 "2026q0",
                                 "2026q",
                                 "26q4",
                                 "2026-q5",
                                 "2026_q4",
                                 "lastmonth",
                                 "last fortnight",
                                 "this",
                                 "from",
                                 "since",
                                 "to",
                                 "until",
                                 "2026 to",
                                 "from to 2027",
                                 "from 2027 to 2026",
                                 "2027..2026",
                                 "..",
                                 "2026-11-24 09:00",
                                 "in",
                                 "20266",
                                 "2026-11-24-01"}) {
    INFO("expr: \"" << expr << "\"");
    const auto period = smm::time::parse_period(expr, at(k_now), zone("Europe/Paris"));
    REQUIRE_FALSE(period.has_value());
    CHECK(period.error().kind == ErrorKind::usage);
    CHECK(period.error().message.starts_with("invalid period \"" + expr + "\""));
    CHECK(period.error().hint.find("\"last month\"") != std::string::npos);
  }
  SECTION("reversed ranges say so") {
    const auto period =
        smm::time::parse_period("from 2027 to 2026", at(k_now), zone("Europe/Paris"));
    REQUIRE_FALSE(period.has_value());
    CHECK(period.error().message ==
          "invalid period \"from 2027 to 2026\": it ends before it begins");
  }
}

TEST_CASE("Period::contains is half-open", "[time]") {
  const Period p{at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z")};
  CHECK(p.contains(at("2026-11-01T00:00:00Z")));
  CHECK(p.contains(at("2026-11-30T23:59:59Z")));
  CHECK_FALSE(p.contains(at("2026-12-01T00:00:00Z")));
  CHECK_FALSE(p.contains(at("2026-10-31T23:59:59Z")));
  CHECK(Period{std::nullopt, at("2026-12-01T00:00:00Z")}.contains(at("1970-01-01T00:00:00Z")));
  CHECK(Period{at("2026-11-01T00:00:00Z"), std::nullopt}.contains(at("2100-01-01T00:00:00Z")));
  CHECK(Period{}.contains(at("2026-11-24T00:00:00Z")));
}

TEST_CASE("parse_date_start gives the start of a single date expression", "[time]") {
  const Zone paris = zone("Europe/Paris");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2026-11", "2026-11-01T00:00:00+01:00"},
      {"2026q3", "2026-07-01T00:00:00+02:00"},
      {"last month", "2026-10-01T00:00:00+02:00"},
      {"this week", "2026-11-23T00:00:00+01:00"},
      {"tomorrow", "2026-11-25T00:00:00+01:00"},
      {"2026-11-24 09:00", "2026-11-24T09:00:00+01:00"},
      {"2026-11-24T08:00:00Z", "2026-11-24T09:00:00+01:00"},
  };
  for (const auto& [expr, expected] : cases) {
    INFO("expr: " << expr);
    const auto start = smm::time::parse_date_start(expr, at(k_now), paris);
    REQUIRE(start.has_value());
    CHECK(smm::time::format_rfc3339(*start, paris) == expected);
  }
  for (const std::string expr : {"", "banana", "from 2026 to 2027", "2026..2027"}) {
    INFO("expr: " << expr);
    const auto start = smm::time::parse_date_start(expr, at(k_now), paris);
    REQUIRE_FALSE(start.has_value());
    CHECK(start.error().kind == ErrorKind::usage);
    CHECK(start.error().message == "invalid date \"" + expr + "\"");
  }
}

TEST_CASE("split cuts periods into calendar-aligned intervals", "[time]") {
  const Zone paris = zone("Europe/Paris");
  struct SplitCase {
    std::string name;
    std::string zone;
    std::string begin;
    std::string end;
    Interval interval;
    std::string expected;
  };
  const std::vector<SplitCase> cases = {
      {"weeks start on Monday", "Europe/Paris", "2026-11-04T12:00:00+01:00",
       "2026-11-20T00:00:00+01:00", Interval::week,
       "2026-11-02T00:00:00+01:00 .. 2026-11-09T00:00:00+01:00\n"
       "2026-11-09T00:00:00+01:00 .. 2026-11-16T00:00:00+01:00\n"
       "2026-11-16T00:00:00+01:00 .. 2026-11-23T00:00:00+01:00\n"},
      {"weeks across fall-back", "Europe/Paris", "2026-10-20T00:00:00+02:00",
       "2026-11-01T00:00:00+01:00", Interval::week,
       "2026-10-19T00:00:00+02:00 .. 2026-10-26T00:00:00+01:00\n"
       "2026-10-26T00:00:00+01:00 .. 2026-11-02T00:00:00+01:00\n"},
      {"months across spring-forward", "Europe/Paris", "2026-03-15T00:00:00+01:00",
       "2026-05-01T00:00:00+02:00", Interval::month,
       "2026-03-01T00:00:00+01:00 .. 2026-04-01T00:00:00+02:00\n"
       "2026-04-01T00:00:00+02:00 .. 2026-05-01T00:00:00+02:00\n"},
      {"quarters", "Europe/Paris", "2026-02-10T00:00:00+01:00", "2026-11-24T00:00:00+01:00",
       Interval::quarter,
       "2026-01-01T00:00:00+01:00 .. 2026-04-01T00:00:00+02:00\n"
       "2026-04-01T00:00:00+02:00 .. 2026-07-01T00:00:00+02:00\n"
       "2026-07-01T00:00:00+02:00 .. 2026-10-01T00:00:00+02:00\n"
       "2026-10-01T00:00:00+02:00 .. 2027-01-01T00:00:00+01:00\n"},
      {"years", "Europe/Paris", "2026-06-01T00:00:00+02:00", "2028-01-01T00:00:00+01:00",
       Interval::year,
       "2026-01-01T00:00:00+01:00 .. 2027-01-01T00:00:00+01:00\n"
       "2027-01-01T00:00:00+01:00 .. 2028-01-01T00:00:00+01:00\n"},
      {"aligned month is one interval", "Europe/Paris", "2026-11-01T00:00:00+01:00",
       "2026-12-01T00:00:00+01:00", Interval::month,
       "2026-11-01T00:00:00+01:00 .. 2026-12-01T00:00:00+01:00\n"},
      {"days across spring-forward", "Europe/Paris", "2026-03-28T00:00:00+01:00",
       "2026-03-31T00:00:00+02:00", Interval::day,
       "2026-03-28T00:00:00+01:00 .. 2026-03-29T00:00:00+01:00\n"
       "2026-03-29T00:00:00+01:00 .. 2026-03-30T00:00:00+02:00\n"
       "2026-03-30T00:00:00+02:00 .. 2026-03-31T00:00:00+02:00\n"},
      {"days across New York fall-back", "America/New_York", "2026-10-31T00:00:00-04:00",
       "2026-11-02T00:00:00-05:00", Interval::day,
       "2026-10-31T00:00:00-04:00 .. 2026-11-01T00:00:00-04:00\n"
       "2026-11-01T00:00:00-04:00 .. 2026-11-02T00:00:00-05:00\n"},
      {"Lord Howe half-hour shift", "Australia/Lord_Howe", "2026-10-03T00:00:00+10:30",
       "2026-10-06T00:00:00+11:00", Interval::day,
       "2026-10-03T00:00:00+10:30 .. 2026-10-04T00:00:00+10:30\n"
       "2026-10-04T00:00:00+10:30 .. 2026-10-05T00:00:00+11:00\n"
       "2026-10-05T00:00:00+11:00 .. 2026-10-06T00:00:00+11:00\n"},
      {"Kolkata months", "Asia/Kolkata", "2026-01-15T00:00:00+05:30", "2026-02-15T00:00:00+05:30",
       Interval::month,
       "2026-01-01T00:00:00+05:30 .. 2026-02-01T00:00:00+05:30\n"
       "2026-02-01T00:00:00+05:30 .. 2026-03-01T00:00:00+05:30\n"},
      {"none keeps the period", "Europe/Paris", "2026-11-04T12:00:00+01:00",
       "2026-11-20T00:00:00+01:00", Interval::none,
       "2026-11-04T12:00:00+01:00 .. 2026-11-20T00:00:00+01:00\n"},
      {"empty period", "Europe/Paris", "2026-11-20T00:00:00+01:00", "2026-11-20T00:00:00+01:00",
       Interval::day, ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Zone z = zone(c.zone);
    const Period period{at(c.begin), at(c.end)};
    CHECK(show(smm::time::split(period, c.interval, z), z) == c.expected);
  }
  SECTION("open periods cannot be split") {
    CHECK(smm::time::split(Period{at(k_now), std::nullopt}, Interval::day, paris).empty());
    CHECK(smm::time::split(Period{std::nullopt, at(k_now)}, Interval::none, paris).empty());
  }
}

TEST_CASE("start_of and advance work in local calendar units", "[time]") {
  const Zone paris = zone("Europe/Paris");
  const Instant t = at(k_now);
  SECTION("start_of") {
    const std::vector<std::pair<Interval, std::string>> cases = {
        {Interval::none, "2026-11-24T10:15:00+01:00"},
        {Interval::day, "2026-11-24T00:00:00+01:00"},
        {Interval::week, "2026-11-23T00:00:00+01:00"},
        {Interval::month, "2026-11-01T00:00:00+01:00"},
        {Interval::quarter, "2026-10-01T00:00:00+02:00"},
        {Interval::year, "2026-01-01T00:00:00+01:00"},
    };
    for (const auto& [interval, expected] : cases) {
      INFO(expected);
      CHECK(smm::time::format_rfc3339(smm::time::start_of(interval, t, paris), paris) == expected);
    }
  }
  SECTION("advance") {
    struct AdvanceCase {
      Interval interval;
      std::string start;
      int n;
      std::string expected;
    };
    const std::vector<AdvanceCase> cases = {
        {Interval::day, "2026-03-28T00:00:00+01:00", 1, "2026-03-29T00:00:00+01:00"},
        {Interval::day, "2026-03-28T00:00:00+01:00", 2, "2026-03-30T00:00:00+02:00"},
        {Interval::day, "2026-03-30T00:00:00+02:00", -2, "2026-03-28T00:00:00+01:00"},
        {Interval::week, "2026-10-19T00:00:00+02:00", 1, "2026-10-26T00:00:00+01:00"},
        {Interval::month, "2026-01-31T00:00:00+01:00", 1, "2026-02-28T00:00:00+01:00"},
        {Interval::month, "2026-11-01T00:00:00+01:00", -8, "2026-03-01T00:00:00+01:00"},
        {Interval::quarter, "2026-10-01T00:00:00+02:00", 1, "2027-01-01T00:00:00+01:00"},
        {Interval::year, "2028-02-29T00:00:00+01:00", 1, "2029-02-28T00:00:00+01:00"},
        {Interval::none, "2026-11-24T10:15:00+01:00", 3, "2026-11-24T10:15:00+01:00"},
    };
    for (const auto& c : cases) {
      INFO(c.start << " + " << c.n);
      CHECK(smm::time::format_rfc3339(smm::time::advance(c.interval, at(c.start), c.n, paris),
                                      paris) == c.expected);
    }
  }
}
