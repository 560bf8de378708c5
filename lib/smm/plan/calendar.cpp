// SPDX-License-Identifier: MIT
#include "smm/plan/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "smm/text/width.hpp"

namespace smm::plan {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::year_month_day;

constexpr std::array<const char*, 12> k_months = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> k_weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::size_t k_min_column = 7;
constexpr const char* k_sgr_today = "1;7";
constexpr const char* k_sgr_published = "2";
constexpr const char* k_sgr_failed = "31";

local_days monday_of(local_days day) {
  return day - (std::chrono::weekday{day} - std::chrono::Monday);
}

std::string month_name(std::chrono::month m) { return k_months.at(static_cast<unsigned>(m) - 1); }

unsigned day_number(const year_month_day& d) { return static_cast<unsigned>(d.day()); }

int year_number(const year_month_day& d) { return static_cast<int>(d.year()); }

// "23–29 November 2026", "26 October – 1 November 2026", "28 December 2026 – 3 January 2027".
std::string week_range(const year_month_day& a, const year_month_day& b) {
  if (a.year() != b.year()) {
    return fmt::format("{} {} {} – {} {} {}", day_number(a), month_name(a.month()), year_number(a),
                       day_number(b), month_name(b.month()), year_number(b));
  }
  if (a.month() != b.month()) {
    return fmt::format("{} {} – {} {} {}", day_number(a), month_name(a.month()), day_number(b),
                       month_name(b.month()), year_number(b));
  }
  return fmt::format("{}–{} {} {}", day_number(a), day_number(b), month_name(b.month()),
                     year_number(b));
}

bool entry_before(const CalendarEntry& a, const CalendarEntry& b) {
  return a.at != b.at ? a.at < b.at : a.id < b.id;
}

}  // namespace

unsigned iso_week(year_month_day day) {
  // The ISO week belongs to the year of its Thursday.
  local_days thursday = monday_of(local_days{day}) + days{3};
  year_month_day t{thursday};
  local_days jan1{t.year() / std::chrono::January / 1};
  return static_cast<unsigned>((thursday - jan1).count() / 7 + 1);
}

std::vector<CalendarEntry> calendar_entries(const std::vector<const project::Post*>& posts,
                                            const time::Zone& zone, const std::string& account) {
  std::vector<CalendarEntry> out;
  for (const auto* p : posts) {
    if (!p->at || p->status == "draft") {
      continue;
    }
    std::string status = p->effective_status();
    EntryState state = EntryState::planned;
    if (status == "published") {
      state = EntryState::published;
    } else if (status == "failed" || status == "missed") {
      state = EntryState::failed;
    }
    const std::string& text = account.empty() ? p->text : p->text_for(account);
    out.push_back({*p->at, time::to_local(*p->at, zone), p->id, text::one_line(text), state});
  }
  return out;
}

CalendarGrid build_grid(CalendarView view, year_month_day anchor, year_month_day today,
                        std::vector<CalendarEntry> entries, const std::string& zone_name) {
  std::sort(entries.begin(), entries.end(), entry_before);
  CalendarGrid grid;
  grid.view = view;
  local_days first = monday_of(local_days{anchor});
  local_days last = first + days{6};
  if (view == CalendarView::month) {
    first = local_days{anchor.year() / anchor.month() / 1};
    last = local_days{anchor.year() / anchor.month() / std::chrono::last};
    grid.title =
        fmt::format("{} {} ({})", month_name(anchor.month()), year_number(anchor), zone_name);
  } else {
    grid.title = fmt::format("Week {}, {} ({})", iso_week(anchor),
                             week_range(year_month_day{first}, year_month_day{last}), zone_name);
  }
  local_days start = monday_of(first);
  for (local_days week = start; week <= last; week += days{7}) {
    std::array<CalendarDay, 7> row;
    for (int i = 0; i < 7; ++i) {
      local_days d = week + days{i};
      row.at(static_cast<std::size_t>(i)).date = year_month_day{d};
      row.at(static_cast<std::size_t>(i)).outside = d < first || d > last;
      row.at(static_cast<std::size_t>(i)).today = year_month_day{d} == today;
    }
    grid.weeks.push_back(std::move(row));
  }
  for (auto& e : entries) {
    local_days d = std::chrono::floor<days>(e.local);
    if (d < first || d > last) {
      continue;
    }
    auto offset = static_cast<std::size_t>((d - start).count());
    grid.weeks.at(offset / 7).at(offset % 7).entries.push_back(std::move(e));
  }
  return grid;
}

std::size_t entry_cap(CalendarView view) { return view == CalendarView::week ? 8 : 3; }

namespace {

// One line of one cell: plain text and the colour it is painted in (none: nullptr).
struct Line {
  std::string text;
  const char* sgr = nullptr;
};

using Row = std::array<Line, 7>;

std::string paint(const std::string& text, const char* sgr, bool color) {
  if (!color || sgr == nullptr || text.empty()) {
    return text;
  }
  return std::string("\x1b[") + sgr + "m" + text + "\x1b[0m";
}

std::string render_row(const Row& row, std::size_t width, bool color) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::string plain = text::truncate_to_width(row.at(i).text, width);
    out += paint(plain, row.at(i).sgr, color);
    if (i + 1 < row.size()) {
      out += std::string(width - std::min(width, text::display_width(plain)), ' ') + "|";
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

std::string rule(std::size_t width) {
  std::string out;
  for (std::size_t i = 0; i < 7; ++i) {
    out += (i == 0 ? "" : "+") + std::string(width, '-');
  }
  return out;
}

Line entry_line(const CalendarEntry& e) {
  auto time_of_day = std::chrono::hh_mm_ss{e.local - std::chrono::floor<days>(e.local)};
  std::string text =
      fmt::format("{:02}:{:02}", time_of_day.hours().count(), time_of_day.minutes().count());
  if (!e.text.empty()) {
    text += " " + e.text;
  }
  const char* sgr = nullptr;
  if (e.state == EntryState::published) {
    sgr = k_sgr_published;
  } else if (e.state == EntryState::failed) {
    sgr = k_sgr_failed;
  }
  return {text, sgr};
}

// A day's lines: (month view) its number, then its entries up to the cap, then "+N more".
std::vector<Line> day_lines(const CalendarDay& day, CalendarView view) {
  std::vector<Line> lines;
  if (view == CalendarView::month) {
    lines.push_back(day.outside ? Line{}
                                : Line{std::to_string(day_number(day.date)),
                                       day.today ? k_sgr_today : nullptr});
  }
  std::size_t cap = entry_cap(view);
  for (std::size_t i = 0; i < day.entries.size() && i < cap; ++i) {
    lines.push_back(entry_line(day.entries[i]));
  }
  if (day.entries.size() > cap) {
    lines.push_back({fmt::format("+{} more", day.entries.size() - cap), nullptr});
  }
  return lines;
}

// The week's cells side by side: as many rows as its fullest day needs.
std::vector<Row> week_rows(const std::array<CalendarDay, 7>& week, CalendarView view) {
  std::vector<Row> rows;
  for (std::size_t i = 0; i < week.size(); ++i) {
    auto lines = day_lines(week.at(i), view);
    if (rows.size() < lines.size()) {
      rows.resize(lines.size());
    }
    for (std::size_t r = 0; r < lines.size(); ++r) {
      rows[r].at(i) = std::move(lines[r]);
    }
  }
  return rows;
}

Row header_row(const CalendarGrid& grid) {
  Row row;
  for (std::size_t i = 0; i < row.size(); ++i) {
    row.at(i).text = k_weekdays.at(i);
    if (grid.view == CalendarView::week && !grid.weeks.empty()) {
      const CalendarDay& day = grid.weeks.front().at(i);
      row.at(i).text += " " + std::to_string(day_number(day.date));
      row.at(i).sgr = day.today ? k_sgr_today : nullptr;
    }
  }
  return row;
}

}  // namespace

std::vector<std::string> layout(const CalendarGrid& grid, const LayoutOptions& options) {
  std::size_t width = k_min_column;
  if (options.width > 6) {
    width = std::max(k_min_column, static_cast<std::size_t>(options.width - 6) / 7);
  }
  std::vector<std::string> lines = {paint(grid.title, "1", options.color), "",
                                    render_row(header_row(grid), width, options.color),
                                    rule(width)};
  for (std::size_t w = 0; w < grid.weeks.size(); ++w) {
    if (grid.view == CalendarView::month && w > 0) {
      lines.push_back(rule(width));
    }
    for (const auto& row : week_rows(grid.weeks[w], grid.view)) {
      lines.push_back(render_row(row, width, options.color));
    }
  }
  return lines;
}

}  // namespace smm::plan
