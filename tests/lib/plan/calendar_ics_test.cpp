// SPDX-License-Identifier: MIT
#include <utf8proc.h>

#include <string>
#include <vector>

#include "smm/plan/calendar.hpp"
#include "support/catch.hpp"

namespace {

smm::time::Instant at(std::string_view rfc3339) {
  return smm::time::parse_rfc3339(rfc3339).value();
}

std::vector<std::string> split_crlf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto pos = text.find("\r\n"); pos != std::string::npos; pos = text.find("\r\n", start)) {
    lines.push_back(text.substr(start, pos - start));
    start = pos + 2;
  }
  lines.push_back(text.substr(start));
  return lines;
}

std::string unfold(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto size = static_cast<utf8proc_ssize_t>(s.size());
  for (utf8proc_ssize_t pos = 0; pos < size;) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (n <= 0) {
      return false;
    }
    pos += n;
  }
  return true;
}

// Every physical line of folded iCalendar text fits in 75 octets and is valid UTF-8; with
// `one_line`, the text is one folded content line, so exactly the continuations start with a space.
void check_folded(const std::string& folded, bool one_line = true) {
  auto lines = split_crlf(folded);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i, lines[i]);
    CHECK(lines[i].size() <= 75);
    CHECK(valid_utf8(lines[i]));
    if (one_line) {
      CHECK((i == 0) != lines[i].starts_with(" "));
    }
  }
}

}  // namespace

TEST_CASE("ics_escape escapes TEXT values", "[plan][calendar]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"plain text", "plain text"},
      {"a,b;c\\d", "a\\,b\\;c\\\\d"},
      {"one\ntwo", "one\\ntwo"},
      {"one\r\ntwo\rthree", "one\\ntwo\\nthree"},
      {"tab\tkept, bell\x07 dropped\x7f", "tab\tkept\\, bell dropped"},
      {"émoji 🎉: ok", "émoji 🎉: ok"},
      {"\\n is not a newline", "\\\\n is not a newline"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(smm::plan::ics_escape(c.in) == c.out);
  }
}

TEST_CASE("ics_fold folds at 75 octets without splitting UTF-8", "[plan][calendar]") {
  CHECK(smm::plan::ics_fold("SUMMARY:short") == "SUMMARY:short");
  std::string exact = "DESCRIPTION:" + std::string(63, 'x');
  CHECK(smm::plan::ics_fold(exact) == exact);
  CHECK(smm::plan::ics_fold(exact + "y") == exact + "\r\n y");
  std::string ascii = "DESCRIPTION:" + std::string(300, 'a');
  auto lines = split_crlf(smm::plan::ics_fold(ascii));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[4] == " " + std::string(312 - 75 - 74 * 3, 'a'));

  for (const std::string unit : {"é", "日", "🎉", "👩‍👩‍👧", "e\u0301", "a"}) {
    for (std::size_t pad = 0; pad < 4; ++pad) {
      std::string line = "DESCRIPTION:" + std::string(pad, 'x');
      while (line.size() < 400) {
        line += unit;
      }
      CAPTURE(unit, pad);
      std::string folded = smm::plan::ics_fold(line);
      check_folded(folded);
      CHECK(unfold(folded) == line);
    }
  }
}

TEST_CASE("ics_utc writes UTC date-times", "[plan][calendar]") {
  CHECK(smm::plan::ics_utc(at("2026-11-24T09:00:00+01:00")) == "20261124T080000Z");
  CHECK(smm::plan::ics_utc(at("2026-03-29T03:04:05+02:00")) == "20260329T010405Z");
  CHECK(smm::plan::ics_utc(at("1999-12-31T23:59:59Z")) == "19991231T235959Z");
}

TEST_CASE("to_ics writes one VEVENT per post with a time", "[plan][calendar]") {
  smm::project::Post launch;
  launch.id = "2026-11-24-launch";
  launch.at = at("2026-11-24T09:00:00+01:00");
  launch.targets = {"feed", "masto"};
  launch.text = "Launch day, finally; see \\o/\nSecond line";
  launch.tags = {"launch", "q4,2026"};
  launch.variants = {{"masto", "Masto variant"}};
  smm::project::Post queued;
  queued.id = "queued";
  queued.status = "queued";
  queued.at = at("2026-11-25T12:00:00Z");
  queued.targets = {"feed"};
  queued.text = "日本語 " + std::string(70, 'x') + " 🎉🎉🎉";
  smm::project::Post published = queued;
  published.id = "done";
  published.status = "scheduled";
  published.text = "";
  published.publish["feed"].state = "published";
  smm::project::Post unscheduled;
  unscheduled.id = "later";
  unscheduled.status = "queued";
  unscheduled.targets = {"feed"};

  std::vector<const smm::project::Post*> posts = {&launch, &queued, &published, &unscheduled};
  std::string ics = smm::plan::to_ics(
      posts, {.name = "Acme, Inc.", .stamp = at("2026-11-23T10:00:00Z"), .account = ""});
  check_folded(ics.substr(0, ics.size() - 2), false);
  CHECK(ics.ends_with("END:VCALENDAR\r\n"));
  const std::string summary = std::string(60 - 8, 'x');  // "日本語 " takes 7 columns, "…" one
  CHECK(unfold(ics) ==
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//smm//smm " SMM_VERSION
        "//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "X-WR-CALNAME:Acme\\, Inc.\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:2026-11-24-launch@smm\r\n"
        "DTSTAMP:20261123T100000Z\r\n"
        "DTSTART:20261124T080000Z\r\n"
        "DURATION:PT15M\r\n"
        "SUMMARY:Launch day\\, finally\\; see \\\\o/ [feed\\, masto]\r\n"
        "DESCRIPTION:Launch day\\, finally\\; see \\\\o/\\nSecond line\\n\\nTargets: feed\\, "
        "masto\\nStatus: "
        "scheduled\r\n"
        "CATEGORIES:launch,q4\\,2026\r\n"
        "STATUS:CONFIRMED\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:queued@smm\r\n"
        "DTSTAMP:20261123T100000Z\r\n"
        "DTSTART:20261125T120000Z\r\n"
        "DURATION:PT15M\r\n"
        "SUMMARY:日本語 " +
            summary +
            "… [feed]\r\n"
            "DESCRIPTION:" +
            queued.text +
            "\\n\\nTargets: feed\\nStatus: queued\r\n"
            "STATUS:TENTATIVE\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:done@smm\r\n"
            "DTSTAMP:20261123T100000Z\r\n"
            "DTSTART:20261125T120000Z\r\n"
            "DURATION:PT15M\r\n"
            "SUMMARY:(no text) [feed]\r\n"
            "DESCRIPTION:\\n\\nTargets: feed\\nStatus: published\r\n"
            "STATUS:CONFIRMED\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");

  SECTION("with an account, its variant text") {
    std::string masto =
        smm::plan::to_ics({&launch}, {.name = "x", .stamp = {}, .account = "masto"});
    CHECK(masto.find("SUMMARY:Masto variant [feed\\, masto]\r\n") != std::string::npos);
    CHECK(masto.find("DTSTAMP:19700101T000000Z\r\n") != std::string::npos);
  }
}
