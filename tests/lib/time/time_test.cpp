// SPDX-License-Identifier: MIT
#include "smm/time/time.hpp"

#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/helpers.hpp"

using namespace std::chrono_literals;
using smm::ErrorKind;
using smm::time::Instant;
using smm::time::LocalKind;
using smm::time::Zone;

using smm::test::zone;
using smm::test::at;

namespace {

std::chrono::local_seconds local(int y, unsigned m, unsigned d, int hh, int mm) {
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  return std::chrono::local_days{ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm};
}

}  // namespace

TEST_CASE("zones are found by IANA name with a suggestion for typos", "[time]") {
  SECTION("known zones") {
    CHECK(zone("Europe/Paris").name() == "Europe/Paris");
    CHECK(zone("Australia/Lord_Howe").name() == "Australia/Lord_Howe");
    CHECK(smm::time::utc().name() == "UTC");
    CHECK(Zone{} == smm::time::utc());
    CHECK_FALSE(zone("Asia/Kolkata") == smm::time::utc());
  }
  SECTION("unknown zones") {
    struct Case {
      std::string input;
      std::string hint;
    };
    const std::vector<Case> cases = {
        {"Europe/Pari", "did you mean \"Europe/Paris\"?"},
        {"europe/paris", "did you mean \"Europe/Paris\"?"},
        {"Paris", "did you mean \"Europe/Paris\"?"},
        {"America/NewYork", "did you mean \"America/New_York\"?"},
        {"Qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
         "use an IANA zone name such as \"Europe/Paris\" or \"UTC\""},
    };
    for (const auto& c : cases) {
      INFO(c.input);
      const auto found = smm::time::find_zone(c.input);
      REQUIRE_FALSE(found.has_value());
      CHECK(found.error().kind == ErrorKind::usage);
      CHECK(found.error().message == "unknown time zone \"" + c.input + "\"");
      CHECK(found.error().hint == c.hint);
    }
    const auto empty = smm::time::find_zone("");
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().kind == ErrorKind::usage);
    CHECK(empty.error().message == "empty time zone name");
  }
}

TEST_CASE("RFC 3339 formats with the zone's offset and parses back", "[time]") {
  SECTION("format") {
    struct Case {
      std::string zone;
      Instant t;
      std::string text;
    };
    const Instant t = std::chrono::sys_days{2026y / 11 / 24} + 8h;
    const std::vector<Case> cases = {
        {"UTC", t, "2026-11-24T08:00:00+00:00"},
        {"Europe/Paris", t, "2026-11-24T09:00:00+01:00"},
        {"Europe/Paris", t - std::chrono::days{140}, "2026-07-07T10:00:00+02:00"},
        {"America/New_York", t + 30min + 5s, "2026-11-24T03:30:05-05:00"},
        {"Asia/Kolkata", t, "2026-11-24T13:30:00+05:30"},
        {"Australia/Lord_Howe", t, "2026-11-24T19:00:00+11:00"},
        {"Australia/Lord_Howe", t - std::chrono::days{180}, "2026-05-28T18:30:00+10:30"},
    };
    for (const auto& c : cases) {
      INFO(c.text);
      CHECK(smm::time::format_rfc3339(c.t, zone(c.zone)) == c.text);
    }
  }
  SECTION("round trips") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"UTC", "2026-11-24T08:00:00+00:00"},
        {"Europe/Paris", "2026-03-29T01:59:59+01:00"},
        {"Europe/Paris", "2026-03-29T03:00:00+02:00"},
        {"Europe/Paris", "2026-10-25T02:30:00+02:00"},
        {"Europe/Paris", "2026-10-25T02:30:00+01:00"},
        {"America/New_York", "2026-11-01T01:30:00-04:00"},
        {"America/New_York", "2026-11-01T01:30:00-05:00"},
        {"Asia/Kolkata", "2000-02-29T23:59:59+05:30"},
        {"Australia/Lord_Howe", "2026-04-05T01:45:00+11:00"},
        {"Australia/Lord_Howe", "2026-04-05T01:45:00+10:30"},
    };
    for (const auto& [name, text] : cases) {
      INFO(text);
      CHECK(smm::time::format_rfc3339(at(text), zone(name)) == text);
    }
  }
  SECTION("accepted variants") {
    const Instant expected = std::chrono::sys_days{2026y / 11 / 24} + 8h;
    for (const std::string text :
         {"2026-11-24T08:00:00Z", "2026-11-24t08:00:00z", "2026-11-24 08:00:00Z",
          "2026-11-24T09:00:00+01:00", "2026-11-24T03:00:00-05:00", "2026-11-24T08:00:00-00:00",
          "2026-11-24T08:00:00.999999Z", "2026-11-24T09:00:00.5+01:00"}) {
      INFO(text);
      CHECK(at(text) == expected);
    }
  }
  SECTION("rejected") {
    for (const std::string text :
         {"", "2026-11-24", "2026-11-24T08:00:00", "2026-11-24T08:00Z", "2026-11-24T08:00+01:00",
          "2026-11-24T08:00:00+0100", "2026-11-24T08:00:00+1", "2026-02-30T08:00:00Z",
          "2026-11-24T24:00:00Z", "2026-11-24T08:60:00Z", "2026-11-24T08:00:60Z",
          "2026-11-24T08:00:00.Z", "2026-11-24X08:00:00Z", "2026/11/24T08:00:00Z",
          "2026-1-24T08:00:00Z", "2026-11-24T08:00:00+24:00", "2026-11-24T08:00:00Z trailing"}) {
      INFO(text);
      const auto parsed = smm::time::parse_rfc3339(text);
      REQUIRE_FALSE(parsed.has_value());
      CHECK(parsed.error().kind == ErrorKind::usage);
      CHECK(parsed.error().message.find("\"" + text + "\"") != std::string::npos);
      CHECK(parsed.error().hint.find("2026-11-24T09:00:00+01:00") != std::string::npos);
    }
  }
}

TEST_CASE("local wall times resolve by the documented DST rule", "[time]") {
  struct Case {
    std::string zone;
    std::chrono::local_seconds local;
    std::string expected;
    LocalKind kind;
  };
  const std::vector<Case> cases = {
      // Europe/Paris: 2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00.
      {"Europe/Paris", local(2026, 3, 29, 1, 59), "2026-03-29T01:59:00+01:00", LocalKind::exact},
      {"Europe/Paris", local(2026, 3, 29, 2, 0), "2026-03-29T03:00:00+02:00", LocalKind::gap},
      {"Europe/Paris", local(2026, 3, 29, 2, 30), "2026-03-29T03:30:00+02:00", LocalKind::gap},
      {"Europe/Paris", local(2026, 3, 29, 3, 0), "2026-03-29T03:00:00+02:00", LocalKind::exact},
      {"Europe/Paris", local(2026, 10, 25, 1, 59), "2026-10-25T01:59:00+02:00", LocalKind::exact},
      {"Europe/Paris", local(2026, 10, 25, 2, 0), "2026-10-25T02:00:00+02:00", LocalKind::overlap},
      {"Europe/Paris", local(2026, 10, 25, 2, 30), "2026-10-25T02:30:00+02:00", LocalKind::overlap},
      {"Europe/Paris", local(2026, 10, 25, 3, 0), "2026-10-25T03:00:00+01:00", LocalKind::exact},
      // America/New_York: 2026-03-08 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00.
      {"America/New_York", local(2026, 3, 8, 2, 30), "2026-03-08T03:30:00-04:00", LocalKind::gap},
      {"America/New_York", local(2026, 11, 1, 1, 30), "2026-11-01T01:30:00-04:00",
       LocalKind::overlap},
      {"America/New_York", local(2026, 11, 1, 2, 0), "2026-11-01T02:00:00-05:00", LocalKind::exact},
      // Australia/Lord_Howe: half-hour DST, 2026-04-05 02:00 -> 01:30, 2026-10-04 02:00 -> 02:30.
      {"Australia/Lord_Howe", local(2026, 4, 5, 1, 29), "2026-04-05T01:29:00+11:00",
       LocalKind::exact},
      {"Australia/Lord_Howe", local(2026, 4, 5, 1, 45), "2026-04-05T01:45:00+11:00",
       LocalKind::overlap},
      {"Australia/Lord_Howe", local(2026, 4, 5, 2, 0), "2026-04-05T02:00:00+10:30",
       LocalKind::exact},
      {"Australia/Lord_Howe", local(2026, 10, 4, 2, 15), "2026-10-04T02:45:00+11:00",
       LocalKind::gap},
      {"Australia/Lord_Howe", local(2026, 10, 4, 2, 30), "2026-10-04T02:30:00+11:00",
       LocalKind::exact},
      // Asia/Kolkata: +05:30 all year.
      {"Asia/Kolkata", local(2026, 3, 29, 2, 30), "2026-03-29T02:30:00+05:30", LocalKind::exact},
      {"UTC", local(2026, 3, 29, 2, 30), "2026-03-29T02:30:00+00:00", LocalKind::exact},
  };
  for (const auto& c : cases) {
    INFO(c.zone << " " << c.expected);
    const auto resolved = smm::time::resolve_local(c.local, zone(c.zone));
    CHECK(smm::time::format_rfc3339(resolved.at, zone(c.zone)) == c.expected);
    CHECK(resolved.kind == c.kind);
    if (c.kind == LocalKind::exact) {
      CHECK(smm::time::to_local(resolved.at, zone(c.zone)) == c.local);
    }
  }
}

TEST_CASE("UTC offsets and local time follow the zone rules", "[time]") {
  struct Case {
    std::string zone;
    std::string instant;
    std::chrono::seconds offset;
  };
  const std::vector<Case> cases = {
      {"Europe/Paris", "2026-03-29T00:59:59Z", 1h},
      {"Europe/Paris", "2026-03-29T01:00:00Z", 2h},
      {"Europe/Paris", "2026-10-25T00:59:59Z", 2h},
      {"Europe/Paris", "2026-10-25T01:00:00Z", 1h},
      {"America/New_York", "2026-03-08T07:00:00Z", -4h},
      {"America/New_York", "2026-11-01T06:00:00Z", -5h},
      {"Australia/Lord_Howe", "2026-04-04T14:59:59Z", 11h},
      {"Australia/Lord_Howe", "2026-04-04T15:00:00Z", 10h + 30min},
      {"Australia/Lord_Howe", "2026-10-03T15:30:00Z", 11h},
      {"Asia/Kolkata", "2026-06-01T00:00:00Z", 5h + 30min},
  };
  for (const auto& c : cases) {
    INFO(c.zone << " " << c.instant);
    const Instant t = at(c.instant);
    CHECK(smm::time::utc_offset(t, zone(c.zone)) == c.offset);
    CHECK(smm::time::to_local(t, zone(c.zone)).time_since_epoch() ==
          t.time_since_epoch() + c.offset);
  }
}

TEST_CASE("durations parse and format in compact units", "[time]") {
  SECTION("parse") {
    const std::vector<std::pair<std::string, smm::time::Duration>> cases = {
        {"90s", 90s},     {"30m", 30min},
        {"2h", 2h},       {"1d", 24h},
        {"1w", 168h},     {"1h30m", 90min},
        {"0s", 0s},       {"1w2d3h4m5s", 24h * 9 + 3h + 4min + 5s},
        {"100m", 100min}, {"36525d", 36525 * 24h},
    };
    for (const auto& [text, expected] : cases) {
      INFO(text);
      CHECK(smm::time::parse_duration(text).value() == expected);
    }
  }
  SECTION("parse errors") {
    for (const std::string text : {"", "90", "h", "1x", "1h1h", "30m1h", "1.5h", "-1h", "+1h",
                                   "1h 30m", " 1h", "1H", "36526d", "9999999999s"}) {
      INFO(text);
      const auto parsed = smm::time::parse_duration(text);
      REQUIRE_FALSE(parsed.has_value());
      CHECK(parsed.error().kind == ErrorKind::usage);
      CHECK(parsed.error().message.starts_with("invalid duration \"" + text + "\""));
      CHECK(parsed.error().hint.find("1h30m") != std::string::npos);
    }
  }
  SECTION("format") {
    const std::vector<std::pair<smm::time::Duration, std::string>> cases = {
        {0s, "0s"},   {45s, "45s"},     {90min, "1h30m"},     {48h, "2d"},
        {168h, "7d"}, {-90s, "-1m30s"}, {25h + 1s, "1d1h1s"}, {3600s, "1h"},
    };
    for (const auto& [duration, text] : cases) {
      INFO(text);
      CHECK(smm::time::format_duration(duration) == text);
      if (duration >= 0s) {
        CHECK(smm::time::parse_duration(text).value() == duration);
      }
    }
  }
}

TEST_CASE("relative times use one coarse unit rounded toward zero", "[time]") {
  const Instant now = at("2026-11-24T09:00:00Z");
  const std::vector<std::pair<smm::time::Duration, std::string>> cases = {
      {0s, "now"},
      {1s, "in 1s"},
      {59s, "in 59s"},
      {60s, "in 1m"},
      {-5min, "5m ago"},
      {119min, "in 1h"},
      {2h, "in 2h"},
      {-23h - 59min, "23h ago"},
      {24h, "in 1d"},
      {3 * 24h + 5h, "in 3d"},
      {-364 * 24h, "364d ago"},
      {365 * 24h, "in 1y"},
      {-800 * 24h, "2y ago"},
  };
  for (const auto& [offset, text] : cases) {
    INFO(text);
    CHECK(smm::time::relative(now + offset, now) == text);
  }
}
