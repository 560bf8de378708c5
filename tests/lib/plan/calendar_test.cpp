// SPDX-License-Identifier: MIT
#include "smm/plan/calendar.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "smm/text/width.hpp"
#include "support/catch.hpp"
#include "support/helpers.hpp"

using smm::plan::CalendarEntry;
using smm::plan::CalendarView;
using smm::plan::EntryState;
using smm::time::Instant;
using smm::time::Zone;
using std::chrono::year_month_day;

using smm::test::at;
using smm::test::zone;

namespace {

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

CalendarEntry entry(const std::string& id, std::string_view when, const std::string& text,
                    const Zone& z, EntryState state = EntryState::planned) {
  Instant t = at(when);
  return {t, smm::time::to_local(t, z), id, text, state};
}

smm::project::Post post(const std::string& id, std::string_view when, const std::string& text) {
  smm::project::Post p;
  p.id = id;
  p.at = at(when);
  p.text = text;
  p.targets = {"feed"};
  return p;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line + "\n";
  }
  return out;
}

std::string layout(const smm::plan::CalendarGrid& grid, int width, bool color = false) {
  return joined(smm::plan::layout(grid, {.width = width, .color = color}));
}

}  // namespace

TEST_CASE("iso_week numbers weeks as ISO 8601 does", "[plan][calendar]") {
  CHECK(smm::plan::iso_week(ymd(2026, 11, 23)) == 48);
  CHECK(smm::plan::iso_week(ymd(2026, 11, 29)) == 48);
  CHECK(smm::plan::iso_week(ymd(2026, 1, 1)) == 1);    // a Thursday
  CHECK(smm::plan::iso_week(ymd(2027, 1, 3)) == 53);   // 2026 has 53 weeks
  CHECK(smm::plan::iso_week(ymd(2024, 12, 30)) == 1);  // belongs to 2025
  CHECK(smm::plan::iso_week(ymd(2021, 1, 3)) == 53);   // belongs to 2020
}

TEST_CASE("build_grid titles weeks and months", "[plan][calendar]") {
  auto title = [](CalendarView view, year_month_day anchor) {
    return smm::plan::build_grid(view, anchor, ymd(2000, 1, 1), {}, "Europe/Paris").title;
  };
  CHECK(title(CalendarView::week, ymd(2026, 11, 25)) ==
        "Week 48, 23–29 November 2026 (Europe/Paris)");
  CHECK(title(CalendarView::week, ymd(2026, 11, 1)) ==
        "Week 44, 26 October – 1 November 2026 (Europe/Paris)");
  CHECK(title(CalendarView::week, ymd(2026, 12, 31)) ==
        "Week 53, 28 December 2026 – 3 January 2027 (Europe/Paris)");
  CHECK(title(CalendarView::month, ymd(2026, 11, 30)) == "November 2026 (Europe/Paris)");
}

TEST_CASE("month grids run Monday to Sunday and mark the days outside", "[plan][calendar]") {
  SECTION("November 2026 starts on a Sunday and needs six weeks") {
    auto grid =
        smm::plan::build_grid(CalendarView::month, ymd(2026, 11, 15), ymd(2026, 11, 23), {}, "UTC");
    REQUIRE(grid.weeks.size() == 6);
    CHECK(grid.weeks[0][0].date == ymd(2026, 10, 26));
    CHECK(grid.weeks[0][0].outside);
    CHECK_FALSE(grid.weeks[0][6].outside);
    CHECK(grid.weeks[4][0].today);
    CHECK(grid.weeks[5][0].date == ymd(2026, 11, 30));
    CHECK(grid.weeks[5][1].outside);
  }
  SECTION("February 2026: five weeks, entries on neighbouring days are left out") {
    const Zone utc = smm::time::utc();
    std::vector<CalendarEntry> entries = {entry("jan", "2026-01-31T09:00:00Z", "January", utc),
                                          entry("hi", "2026-02-02T09:00:00Z", "Hi", utc),
                                          entry("d", "2026-02-14T11:00:00Z", "d", utc),
                                          entry("a", "2026-02-14T08:00:00Z", "a", utc),
                                          entry("c", "2026-02-14T10:00:00Z", "c", utc),
                                          entry("b", "2026-02-14T09:00:00Z", "b", utc),
                                          entry("mar", "2026-03-01T09:00:00Z", "March", utc)};
    auto grid = smm::plan::build_grid(CalendarView::month, ymd(2026, 2, 1), ymd(2026, 2, 14),
                                      entries, "UTC");
    REQUIRE(grid.weeks.size() == 5);
    CHECK(grid.weeks[4][6].date == ymd(2026, 3, 1));
    CHECK(grid.weeks[4][6].entries.empty());
    CHECK(grid.weeks[0][5].entries.empty());
    // The narrowest grid: 7 columns a day even though 40 were asked for; each entry is its time
    // and a line of text.
    CHECK(layout(grid, 40) ==
          "February 2026 (UTC)\n"
          "\n"
          "Mon    |Tue    |Wed    |Thu    |Fri    |Sat    |Sun\n"
          "-------+-------+-------+-------+-------+-------+-------\n"
          "       |       |       |       |       |       |1\n"
          "-------+-------+-------+-------+-------+-------+-------\n"
          "2      |3      |4      |5      |6      |7      |8\n"
          "09:00  |       |       |       |       |       |\n"
          "Hi     |       |       |       |       |       |\n"
          "-------+-------+-------+-------+-------+-------+-------\n"
          "9      |10     |11     |12     |13     |14     |15\n"
          "       |       |       |       |       |08:00  |\n"
          "       |       |       |       |       |a      |\n"
          "       |       |       |       |       |09:00  |\n"
          "       |       |       |       |       |b      |\n"
          "       |       |       |       |       |10:00  |\n"
          "       |       |       |       |       |c      |\n"
          "       |       |       |       |       |+1 more|\n"
          "-------+-------+-------+-------+-------+-------+-------\n"
          "16     |17     |18     |19     |20     |21     |22\n"
          "-------+-------+-------+-------+-------+-------+-------\n"
          "23     |24     |25     |26     |27     |28     |\n");
  }
}

TEST_CASE("a week across a month boundary", "[plan][calendar]") {
  const Zone paris = zone("Europe/Paris");
  std::vector<CalendarEntry> entries = {
      entry("halloween", "2026-10-31T18:00:00+01:00", "Spooky, isn't it?", paris),
      entry("nov", "2026-11-01T10:00:00+01:00", "November\nis here", paris),
      entry("next", "2026-11-02T10:00:00+01:00", "Next week", paris)};
  auto grid = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 1), ymd(2026, 10, 27),
                                    entries, "Europe/Paris");
  CHECK(
      layout(grid, 100) ==
      "Week 44, 26 October – 1 November 2026 (Europe/Paris)\n"
      "\n"
      "Mon 26       |Tue 27       |Wed 28       |Thu 29       |Fri 30       |Sat 31       |Sun 1\n"
      "-------------+-------------+-------------+-------------+-------------+-------------+--------"
      "-----\n"
      "             |             |             |             |             |18:00        |10:00\n"
      "             |             |             |             |             |Spooky, "
      "isn't|November "
      "is\n"
      "             |             |             |             |             |it?          |here\n");
}

TEST_CASE("a week with the October DST change shows local wall times", "[plan][calendar]") {
  const Zone paris = zone("Europe/Paris");
  std::vector<smm::project::Post> posts = {
      post("cest", "2026-10-25T00:30:00Z", "CEST"),        // 02:30 +02:00
      post("cet", "2026-10-25T01:30:00Z", "CET"),          // 02:30 +01:00, an hour later
      post("midnight", "2026-10-24T22:30:00Z", "Sunday"),  // a Saturday in UTC, Sunday in Paris
      post("monday", "2026-10-18T22:30:00Z", "Monday"),
      post("after", "2026-10-25T23:30:00Z", "Next week"),
  };
  posts.push_back(post("draft", "2026-10-21T09:00:00Z", "Draft"));
  posts.back().status = "draft";
  std::vector<const smm::project::Post*> pointers;
  for (const auto& p : posts) {
    pointers.push_back(&p);
  }
  auto entries = smm::plan::calendar_entries(pointers, paris);
  CHECK(entries.size() == 5);
  auto grid = smm::plan::build_grid(CalendarView::week, ymd(2026, 10, 25), ymd(2026, 1, 1), entries,
                                    "Europe/Paris");
  CHECK(layout(grid, 120) ==
        "Week 43, 19–25 October 2026 (Europe/Paris)\n"
        "\n"
        "Mon 19          |Tue 20          |Wed 21          |Thu 22          |Fri 23          |Sat "
        "24          |Sun 25\n"
        "----------------+----------------+----------------+----------------+----------------+-----"
        "-----------+----------------\n"
        "00:30           |                |                |                |                |     "
        "           |00:30\n"
        "Monday          |                |                |                |                |     "
        "           |Sunday\n"
        "                |                |                |                |                |     "
        "           |\n"
        "                |                |                |                |                |     "
        "           |02:30\n"
        "                |                |                |                |                |     "
        "           |CEST\n"
        "                |                |                |                |                |     "
        "           |\n"
        "                |                |                |                |                |     "
        "           |02:30\n"
        "                |                |                |                |                |     "
        "           |CET\n");
}

TEST_CASE("layout keeps columns aligned by display width at any width", "[plan][calendar]") {
  const Zone utc = smm::time::utc();
  std::vector<CalendarEntry> entries = {
      entry("party", "2026-11-23T09:00:00Z", "🎉🎉🎉 party time 🎉", utc),
      entry("cjk", "2026-11-24T09:00:00Z", "日本語のテキストです", utc),
      entry("accent", "2026-11-25T09:00:00Z", "Cafe\u0301 crème brûlée", utc),
      entry("flag", "2026-11-26T09:00:00Z", "👩‍👩‍👧 family ❤️ ok", utc),
      entry("plain", "2026-11-29T23:59:00Z", "Short", utc),
  };
  auto week = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 23), ymd(2026, 11, 23),
                                    entries, "UTC");
  auto month = smm::plan::build_grid(CalendarView::month, ymd(2026, 11, 23), ymd(2026, 11, 23),
                                     entries, "UTC");
  for (int width : {0, 40, 55, 62, 80, 100, 133, 200}) {
    std::size_t column =
        std::max<std::size_t>(7, width > 6 ? static_cast<std::size_t>(width - 6) / 7 : 0);
    for (const auto* grid : {&week, &month}) {
      auto lines = smm::plan::layout(*grid, {.width = width});
      CAPTURE(width, joined(lines));
      for (std::size_t i = 2; i < lines.size() && !lines[i].empty(); ++i) {
        std::string_view line = lines[i];
        bool is_rule = line.find('+') != std::string_view::npos && line.starts_with("---");
        char sep = is_rule ? '+' : '|';
        std::size_t cells = 0;
        std::size_t start = 0;
        for (auto pos = line.find(sep); pos != std::string_view::npos;
             pos = line.find(sep, start)) {
          CHECK(smm::text::display_width(line.substr(start, pos - start)) == column);
          start = pos + 1;
          ++cells;
        }
        CHECK(cells == 6);
        CHECK(smm::text::display_width(line.substr(start)) <= column);
      }
    }
  }
}

TEST_CASE("the week view wraps each entry under its time", "[plan][calendar]") {
  const Zone utc = smm::time::utc();
  std::vector<CalendarEntry> entries = {
      entry("teaser", "2026-11-23T08:30:00Z", "Teaser: something big is coming", utc,
            EntryState::published),
      entry("launch", "2026-11-24T09:00:00Z", "Launch day! Our new app is out, try it", utc),
      entry("party", "2026-11-24T17:00:00Z", "🎉🎉🎉 party time 🎉", utc),
      entry("cjk", "2026-11-25T09:00:00Z", "日本語のテキストです、よろしくお願いします", utc),
      entry("url", "2026-11-26T12:00:00Z", "See https://example.com/launch", utc),
      entry("webinar", "2026-11-27T08:00:00Z", "Webinar reminder", utc, EntryState::failed),
      entry("accent", "2026-11-28T10:00:00Z", "Cafe\u0301 crème brûlée", utc),
      entry("bare", "2026-11-29T23:59:00Z", "", utc),
  };
  auto week = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 23), ymd(2026, 11, 24),
                                    entries, "UTC");
  const std::string head =
      "Week 48, 23–29 November 2026 (UTC)\n"
      "\n";
  const std::string legend =
      "\n"
      "* published   ! failed or missed\n";
  SECTION("80 columns: ten a day") {
    CHECK(layout(week, 80) ==
          head +
              "Mon 23    |Tue 24    |Wed 25    |Thu 26    |Fri 27    |Sat 28    "
              "|Sun 29\n"
              "----------+----------+----------+----------+----------+---------"
              "-+----------\n"
              "08:30 *   |09:00     |09:00     |12:00     |08:00 !   |10:00     "
              "|23:59\n"
              "Teaser:   |Launch    |日本語のテ|See       |Webinar   |Cafe\u0301 crème|\n"
              "something |day! Our  |キストです|https://ex|reminder  |brûlée    |\n"
              "big is…   |new app i…|、よろし… |ample.com…|          |          |\n"
              "          |          |          |          |          |          |\n"
              "          |17:00     |          |          |          |          |\n"
              "          |🎉🎉🎉    |          |          |          |          |\n"
              "          |party time|          |          |          |          |\n"
              "          |🎉        |          |          |          |          |\n" +
              legend);
  }
  SECTION("120 columns: sixteen a day, fewer lines") {
    CHECK(layout(week, 120) ==
          head +
              "Mon 23          |Tue 24          |Wed 25          |Thu 26          |Fri 27          "
              "|Sat 28          |Sun 29\n"
              "----------------+----------------+----------------+----------------+----------------"
              "+----------------+----------------\n"
              "08:30 *         |09:00           |09:00           |12:00           |08:00 !         "
              "|10:00           |23:59\n"
              "Teaser:         |Launch day! Our |日本語のテキスト|See             |Webinar reminder"
              "|Cafe\u0301 crème      |\n"
              "something big is|new app is out, |です、よろしくお|https://example.|                "
              "|brûlée          |\n"
              "coming          |try it          |願いします      |com/launch      |                "
              "|                |\n"
              "                |                |                |                |                "
              "|                |\n"
              "                |17:00           |                |                |                "
              "|                |\n"
              "                |🎉🎉🎉 party    |                |                |                "
              "|                |\n"
              "                |time 🎉         |                |                |                "
              "|                |\n" +
              legend);
  }
  SECTION("the narrowest columns still print") {
    CHECK(layout(week, 0) == head +
                                 "Mon 23 |Tue 24 |Wed 25 |Thu 26 |Fri 27 |Sat 28 |Sun 29\n"
                                 "-------+-------+-------+-------+-------+-------+-------\n"
                                 "08:30 *|09:00  |09:00  |12:00  |08:00 !|10:00  |23:59\n"
                                 "Teaser:|Launch |日本語 |See    |Webinar|Cafe\u0301   |\n"
                                 "somethi|day!   |のテキ |https:/|reminde|crème  |\n"
                                 "ng big…|Our ne…|ストで…|/examp…|r      |brûlée |\n"
                                 "       |       |       |       |       |       |\n"
                                 "       |17:00  |       |       |       |       |\n"
                                 "       |🎉🎉🎉 |       |       |       |       |\n"
                                 "       |party  |       |       |       |       |\n"
                                 "       |time 🎉|       |       |       |       |\n" +
                                 legend);
  }
  SECTION("the legend names only the markers shown") {
    entries.erase(entries.begin());
    auto failed_only = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 23),
                                             ymd(2026, 11, 24), entries, "UTC");
    CHECK(smm::plan::layout(failed_only, {.width = 80}).back() == "! failed or missed");
    entries.erase(entries.begin() + 4);
    auto plain = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 23), ymd(2026, 11, 24),
                                       entries, "UTC");
    // No markers, no legend: the grid ends with its body.
    CHECK(smm::plan::layout(plain, {.width = 80}).back() ==
          "          |🎉        |          |          |          |          |");
  }
}

TEST_CASE("days with many posts end in +N more", "[plan][calendar]") {
  const Zone utc = smm::time::utc();
  std::vector<CalendarEntry> entries;
  for (int i = 0; i < 11; ++i) {
    entries.push_back(entry("p" + std::to_string(10 + i),
                            fmt::format("2026-11-24T{:02}:00:00Z", 8 + i), "x", utc));
  }
  auto week = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 24), ymd(2026, 11, 24),
                                    entries, "UTC");
  auto lines = smm::plan::layout(week, {.width = 80});
  // 8 entries of two lines, a blank line after each, then "+3 more".
  REQUIRE(lines.size() == 4 + smm::plan::entry_cap(CalendarView::week) * 3 + 1);
  CHECK(lines[4] == "          |08:00     |          |          |          |          |");
  CHECK(lines[5] == "          |x         |          |          |          |          |");
  CHECK(lines[6] == "          |          |          |          |          |          |");
  CHECK(lines[7] == "          |09:00     |          |          |          |          |");
  CHECK(lines.back() == "          |+3 more   |          |          |          |          |");
  auto month = smm::plan::build_grid(CalendarView::month, ymd(2026, 11, 24), ymd(2026, 11, 24),
                                     entries, "UTC");
  std::string text = layout(month, 120);
  CHECK(text.find("10:00 x") != std::string::npos);
  CHECK(text.find("11:00 x") == std::string::npos);
  CHECK(text.find("+8 more") != std::string::npos);
  text = layout(month, 80);
  CHECK(text.find("|10:00     |") != std::string::npos);
  CHECK(text.find("11:00") == std::string::npos);
  CHECK(text.find("|+8 more   |") != std::string::npos);
}

TEST_CASE("colour highlights today and paints published and failed posts", "[plan][calendar]") {
  const Zone utc = smm::time::utc();
  std::vector<CalendarEntry> entries = {
      entry("a", "2026-11-23T09:00:00Z", "Out", utc, EntryState::published),
      entry("b", "2026-11-23T10:00:00Z", "Broke", utc, EntryState::failed),
      entry("c", "2026-11-23T11:00:00Z", "Soon", utc)};
  auto week = smm::plan::build_grid(CalendarView::week, ymd(2026, 11, 23), ymd(2026, 11, 24),
                                    entries, "UTC");
  auto lines = smm::plan::layout(week, {.width = 80, .color = true});
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "\x1b[1mWeek 48, 23–29 November 2026 (UTC)\x1b[0m");
  CHECK(lines[2] ==
        "Mon 23    |\x1b[1;7mTue 24\x1b[0m    |Wed 25    |Thu 26    |Fri 27    |Sat 28    |Sun 29");
  const std::string rest = "|          |          |          |          |          |";
  CHECK(lines[4] == "\x1b[2m09:00 *\x1b[0m   " + rest);
  CHECK(lines[5] == "\x1b[2mOut\x1b[0m       " + rest);
  CHECK(lines[6] == "          " + rest);
  CHECK(lines[7] == "\x1b[31m10:00 !\x1b[0m   " + rest);
  CHECK(lines[8] == "\x1b[31mBroke\x1b[0m     " + rest);
  CHECK(lines[10] == "11:00     " + rest);
  CHECK(lines[11] == "Soon      " + rest);
  // The legend is not painted.
  CHECK(lines[13] == "* published   ! failed or missed");
  auto month = smm::plan::build_grid(CalendarView::month, ymd(2026, 11, 23), ymd(2026, 11, 24),
                                     entries, "UTC");
  std::string text = layout(month, 80, true);
  CHECK(text.find("|\x1b[1;7m24\x1b[0m        |") != std::string::npos);
}
