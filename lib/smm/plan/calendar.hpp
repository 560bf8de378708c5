// SPDX-License-Identifier: MIT
#pragma once

// The content calendar two ways: a week or month grid laid out as terminal lines (pure: the
// width and colour are parameters, nothing is printed), and RFC 5545 iCalendar text for any
// calendar app. `smm plan calendar` (cmd/plan/calendar.cpp) picks the posts and writes the result.

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "smm/project/model.hpp"
#include "smm/time/time.hpp"

namespace smm::plan {

/// Which grid to build.
enum class CalendarView { week, month };

/// How an entry is painted: planned posts plain, published dim, failed (or missed) red.
enum class EntryState { planned, published, failed };

/// One post on the grid.
struct CalendarEntry {
  time::Instant at;                    ///< the instant (entries of a day sort by it, then id)
  std::chrono::local_seconds local{};  ///< `at` as wall time in the display zone
  std::string id;
  std::string text;  ///< one line (newlines already replaced)
  EntryState state = EntryState::planned;
};

/// One day cell.
struct CalendarDay {
  std::chrono::year_month_day date;
  bool outside = false;  ///< month view: a day of the neighbouring month, shown blank
  bool today = false;
  std::vector<CalendarEntry> entries;  ///< sorted by time, then id
};

/// A week (one row) or a month (its weeks, Monday first), ready to lay out.
struct CalendarGrid {
  CalendarView view = CalendarView::week;
  /// "Week 48, 23–29 November 2026 (Europe/Paris)" or "November 2026 (Europe/Paris)".
  std::string title;
  std::vector<std::array<CalendarDay, 7>> weeks;
};

/// The entries for `posts` that have a time and are not drafts, with wall times in `zone`.
/// With a non-empty `account` each entry shows the text that account receives (its variant).
std::vector<CalendarEntry> calendar_entries(const std::vector<const project::Post*>& posts,
                                            const time::Zone& zone,
                                            const std::string& account = {});

/// The week (Monday to Sunday) or month containing the local day `anchor`. Entries are placed on
/// the day of their `local` time and sorted; entries outside the shown days (and, in the month
/// view, on days of the neighbouring months) are left out. The day `today` is marked.
CalendarGrid build_grid(CalendarView view, std::chrono::year_month_day anchor,
                        std::chrono::year_month_day today, std::vector<CalendarEntry> entries,
                        const std::string& zone_name);

/// The ISO 8601 week number (1..53) of the week containing `day`.
unsigned iso_week(std::chrono::year_month_day day);

/// How to lay a grid out.
struct LayoutOptions {
  int width = 80;      ///< terminal columns; each of the 7 columns gets at least 7
  bool color = false;  ///< SGR colour: today highlighted, published dim, failed red
};

/// Entries shown per day before "+N more": 8 in the week view, 3 in the month view.
std::size_t entry_cap(CalendarView view);

/// The grid as lines without newlines: the title, a blank line, the weekday header, a rule, then
/// the body. In the week view each entry is a block in its day's column: its time ("HH:MM", then
/// " *" when published or " !" when failed or missed), then its text word-wrapped to the column by
/// display width (words wider than the column are broken between grapheme clusters), at most 3
/// lines ending in "…" when cut; a blank line separates entries of a day, and the body is as tall
/// as its tallest day. The month view starts each week with a line of day numbers and separates
/// weeks with a rule; its entries are one "HH:MM text…" line when columns are 16 wide or more
/// (`width` >= 118), else the time line and one line of text. When markers are shown, a blank
/// line and a legend naming them ("* published   ! failed or missed") end the grid. Columns are
/// separated by '|' and rules are '-' and '+', so the grid reads the same in a pipe; trailing
/// spaces are trimmed. Lines are wider than `width` only when it is below 7 columns per day.
std::vector<std::string> layout(const CalendarGrid& grid, const LayoutOptions& options);

/// What to put in the VCALENDAR besides the events.
struct IcsOptions {
  std::string name;     ///< X-WR-CALNAME (the project's name)
  time::Instant stamp;  ///< DTSTAMP of every event (the pinned "now", so output is reproducible)
  std::string account;  ///< non-empty: events show that account's variant text
};

/// RFC 5545 iCalendar text: one VEVENT per post with a time (posts without one are skipped), in
/// the given order. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
/// sequence. STATUS is TENTATIVE for drafts and queued posts, CONFIRMED otherwise.
std::string to_ics(const std::vector<const project::Post*>& posts, const IcsOptions& options);

/// `text` escaped as an iCalendar TEXT value: backslash, ';', ',' and newlines (CRLF or LF
/// become "\n"); other control characters except tab are dropped.
std::string ics_escape(std::string_view text);

/// One content line folded for iCalendar: CRLF plus a space inserted so that no line exceeds 75
/// octets, never inside a UTF-8 sequence. No trailing CRLF.
std::string ics_fold(std::string_view line);

/// `t` as an iCalendar UTC date-time, "20261124T080000Z".
std::string ics_utc(time::Instant t);

}  // namespace smm::plan
