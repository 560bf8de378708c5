// SPDX-License-Identifier: MIT
#include "cmd/report/period_options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "smm/inbox/item.hpp"
#include "smm/report/snapshot.hpp"
#include "smm/text/suggest.hpp"

namespace smm::cmd {

void add_period_flags(CLI::App* cmd, PeriodOptions& o, bool intervals) {
  cmd->add_option("-p,--period", o.period, "Period: 2026-11, 2026q4, last month, 2026-10-01..2026-11-15")->type_name("PERIOD");
  cmd->add_option("-b,--begin", o.begin, "Start date (inclusive)")->type_name("DATE");
  cmd->add_option("-e,--end", o.end, "End date (exclusive)")->type_name("DATE");
  if (intervals) {
    cmd->add_flag("-D,--daily", o.daily, "One row per entity and day");
    cmd->add_flag("-W,--weekly", o.weekly, "One row per entity and week (from Monday)");
    cmd->add_flag("-M,--monthly", o.monthly, "One row per entity and month");
    cmd->add_flag("-Q,--quarterly", o.quarterly, "One row per entity and quarter");
    cmd->add_flag("-Y,--yearly", o.yearly, "One row per entity and year");
  }
  cmd->add_option("--account", o.account, "Only this account")->type_name("A");
}

Result<time::Interval> selected_interval(const PeriodOptions& o) {
  int given = int{o.daily} + int{o.weekly} + int{o.monthly} + int{o.quarterly} + int{o.yearly};
  if (given > 1) {
    return fail(ErrorKind::usage, "choose one interval: -D, -W, -M, -Q or -Y", "e.g. `smm report posts -M -p 2026`");
  }
  return o.daily       ? time::Interval::day
         : o.weekly    ? time::Interval::week
         : o.monthly   ? time::Interval::month
         : o.quarterly ? time::Interval::quarter
         : o.yearly    ? time::Interval::year
                       : time::Interval::none;
}

Result<time::Period> selected_period(const Runtime& rt, const PeriodOptions& o, const time::Zone& zone) {
  time::Period period;
  auto located = [](Error e, const char* flag) {
    e.location = flag;
    return std::unexpected(e);
  };
  if (!o.period.empty()) {
    auto p = time::parse_period(o.period, rt.now(), zone);
    if (!p) {
      return located(p.error(), "-p");
    }
    period = *p;
  }
  if (!o.begin.empty()) {
    auto b = time::parse_date_start(o.begin, rt.now(), zone);
    if (!b) {
      return located(b.error(), "-b");
    }
    period.begin = *b;
  }
  if (!o.end.empty()) {
    auto e = time::parse_date_start(o.end, rt.now(), zone);
    if (!e) {
      return located(e.error(), "-e");
    }
    period.end = *e;
  }
  return period;
}

/// --account must name a configured account or one with stored reports.
Result<void> check_account(const project::Project& proj, const std::string& account) {
  auto known = proj.account_names();
  for (const auto& name : report::reported_accounts(proj.root)) {
    known.push_back(name);
  }
  for (const auto& name : inbox::inbox_accounts(proj.root)) {
    known.push_back(name);
  }
  if (account.empty() || std::find(known.begin(), known.end(), account) != known.end()) {
    return {};
  }
  std::string hint = text::did_you_mean(account, known);
  return fail(ErrorKind::usage, "--account: unknown account \"" + account + "\"",
              hint.empty() ? "see `smm account list`" : hint);
}

}  // namespace smm::cmd
