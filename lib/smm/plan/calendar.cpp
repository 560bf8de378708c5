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

// Text lines an entry gets under its time: week view, and month view below one-line width.
constexpr std::size_t k_week_text_lines = 3;
constexpr std::size_t k_month_text_lines = 1;
// From this column width on (120 terminal columns) the month view keeps "HH:MM text" lines.
constexpr std::size_t k_month_one_line_column = 16;

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

// Moves full-width pieces of `word` to `lines` while it is wider than `columns`; returns the rest.
std::string_view break_long_word(std::vector<std::string>& lines, std::string_view word,
                                 std::size_t columns) {
  while (text::display_width(word) > columns) {
    std::string_view head = text::fit_prefix(word, columns);
    if (head.empty()) {  // a cluster wider than the column: let render_row cut it
      break;
    }
    lines.emplace_back(head);
    word.remove_prefix(head.size());
  }
  return word;
}

// `text` word-wrapped to `columns` by display width (any run of whitespace is one space): a word
// that does not fit starts a new line, a word wider than a line is broken at cluster boundaries.
std::vector<std::string> wrap(std::string_view text, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = std::min(text.find_first_of(" \t\r\n", pos), text.size());
    std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) {
      continue;
    }
    std::size_t width = text::display_width(word);
    if (!line.empty() && used + 1 + width <= columns) {
      line += " " + std::string(word);
      used += 1 + width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(line);
    }
    word = break_long_word(lines, word, columns);
    line = word;
    used = text::display_width(word);
  }
  if (!line.empty()) {
    lines.push_back(line);
  }
  return lines;
}

// `text` cut to `columns` like truncate_to_width, without a space left before the "…".
std::string cut_to_width(std::string_view text, std::size_t columns) {
  std::string out = text::truncate_to_width(text, columns);
  if (out.ends_with(" …")) {
    out.erase(out.size() - std::string_view(" …").size(), 1);
  }
  return out;
}

// At most `max_lines` of `text` wrapped to `columns`, the last ending in "…" when more was cut.
std::vector<std::string> wrap_cut(std::string_view text, std::size_t columns,
                                  std::size_t max_lines) {
  if (max_lines == 1 && !text.empty()) {
    // A single line shows the most when cut mid-word rather than at the last whole word.
    return {cut_to_width(text, columns)};
  }
  auto lines = wrap(text, columns);
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() = cut_to_width(lines.back() + "…", columns);
  }
  return lines;
}

const char* state_sgr(EntryState state) {
  if (state == EntryState::published) {
    return k_sgr_published;
  }
  return state == EntryState::failed ? k_sgr_failed : nullptr;
}

std::string clock(const CalendarEntry& e) {
  auto time_of_day = std::chrono::hh_mm_ss{e.local - std::chrono::floor<days>(e.local)};
  return fmt::format("{:02}:{:02}", time_of_day.hours().count(), time_of_day.minutes().count());
}

// The month view's one-line entry, "HH:MM text".
Line entry_line(const CalendarEntry& e) {
  return {e.text.empty() ? clock(e) : clock(e) + " " + e.text, state_sgr(e.state)};
}

// An entry as a block: its time with the state's marker, then its text wrapped to `columns`.
void add_entry_block(std::vector<Line>& lines, const CalendarEntry& e, std::size_t columns,
                     std::size_t text_lines) {
  const char* sgr = state_sgr(e.state);
  std::string head = clock(e);
  if (e.state == EntryState::published) {
    head += " *";
  } else if (e.state == EntryState::failed) {
    head += " !";
  }
  lines.push_back({head, sgr});
  for (auto& text : wrap_cut(e.text, columns, text_lines)) {
    lines.push_back({std::move(text), sgr});
  }
}

// How entries are drawn: blocks (with markers) except in a month view wide enough for one line.
bool uses_blocks(CalendarView view, std::size_t columns) {
  return view == CalendarView::week || columns < k_month_one_line_column;
}

// A day's lines: (month view) its number, then its entries up to the cap, then "+N more". Week
// entries are separated by a blank line.
std::vector<Line> day_lines(const CalendarDay& day, CalendarView view, std::size_t columns) {
  std::vector<Line> lines;
  bool week = view == CalendarView::week;
  if (!week) {
    lines.push_back(day.outside ? Line{}
                                : Line{std::to_string(day_number(day.date)),
                                       day.today ? k_sgr_today : nullptr});
  }
  std::size_t cap = entry_cap(view);
  for (std::size_t i = 0; i < day.entries.size() && i < cap; ++i) {
    if (week && i > 0) {
      lines.emplace_back();
    }
    if (uses_blocks(view, columns)) {
      add_entry_block(lines, day.entries[i], columns,
                      week ? k_week_text_lines : k_month_text_lines);
    } else {
      lines.push_back(entry_line(day.entries[i]));
    }
  }
  if (day.entries.size() > cap) {
    if (week) {
      lines.emplace_back();
    }
    lines.push_back({fmt::format("+{} more", day.entries.size() - cap), nullptr});
  }
  return lines;
}

// The week's cells side by side: as many rows as its tallest day needs.
std::vector<Row> week_rows(const std::array<CalendarDay, 7>& week, CalendarView view,
                           std::size_t columns) {
  std::vector<Row> rows;
  for (std::size_t i = 0; i < week.size(); ++i) {
    auto lines = day_lines(week.at(i), view, columns);
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

// What the markers on the grid mean, naming only those shown; empty when there are none.
std::string legend(const CalendarGrid& grid, std::size_t columns) {
  if (!uses_blocks(grid.view, columns)) {
    return {};
  }
  bool published = false;
  bool failed = false;
  for (const auto& week : grid.weeks) {
    for (const auto& day : week) {
      for (std::size_t i = 0; i < day.entries.size() && i < entry_cap(grid.view); ++i) {
        published = published || day.entries[i].state == EntryState::published;
        failed = failed || day.entries[i].state == EntryState::failed;
      }
    }
  }
  std::string out = published ? "* published" : "";
  if (failed) {
    out += (published ? "   " : "") + std::string("! failed or missed");
  }
  return out;
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
    for (const auto& row : week_rows(grid.weeks[w], grid.view, width)) {
      lines.push_back(render_row(row, width, options.color));
    }
  }
  if (std::string key = legend(grid, width); !key.empty()) {
    lines.push_back("");
    lines.push_back(key);
  }
  return lines;
}

}  // namespace smm::plan
