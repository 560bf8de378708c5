// SPDX-License-Identifier: MIT
// `smm plan calendar`: a week or month grid on the terminal, or iCalendar with --ics.
#include "smm/plan/calendar.hpp"

#include "cmd/plan/plan.hpp"
#include "smm/project/files.hpp"

namespace smm::cmd {
namespace {

std::chrono::year_month_day local_day(time::Instant t, const time::Zone& zone) {
  return std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(time::to_local(t, zone))};
}

std::string grid_text(Runtime& rt, const PlanOptions& opts,
                      const std::vector<const project::Post*>& posts, const time::Period& period,
                      const time::Zone& zone) {
  auto view = opts.month ? plan::CalendarView::month : plan::CalendarView::week;
  auto anchor = local_day(period.begin.value_or(rt.now()), zone);
  auto grid = plan::build_grid(view, anchor, local_day(rt.now(), zone),
                               plan::calendar_entries(posts, zone, opts.account), zone.name());
  std::string out;
  for (const auto& line :
       plan::layout(grid, {.width = rt.ctx.io.width(), .color = rt.ctx.io.color_out()})) {
    out += line + "\n";
  }
  return out;
}

Result<void> write_ics(Runtime& rt, const PlanOptions& opts, const project::Project& proj,
                       const std::vector<const project::Post*>& posts, const time::Period& period) {
  std::vector<const project::Post*> timed;
  for (const auto* p : posts) {
    if (p->at && period.contains(*p->at)) {
      timed.push_back(p);
    }
  }
  std::string text =
      plan::to_ics(timed, {.name = proj.settings.name, .stamp = rt.now(), .account = opts.account});
  if (opts.ics == "-") {
    return rt.write_out(text);
  }
  std::filesystem::path path = opts.ics;
  auto ok = project::write_file_atomic(path.is_absolute() ? path : rt.ctx.cwd / path, text);
  if (ok) {
    rt.note("wrote " + opts.ics + " (" + std::to_string(timed.size()) +
            (timed.size() == 1 ? " event)" : " events)"));
  }
  return ok;
}

}  // namespace

Result<int> run_plan_calendar(Runtime& rt, const PlanOptions& opts) {
  if (opts.week && opts.month) {
    return fail(ErrorKind::usage, "--week and --month cannot be combined",
                "pick one (the week is the default)");
  }
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  // Times and period boundaries are local to the shown zone: the account's with --account.
  time::Zone zone = opts.account.empty() ? proj->zone() : proj->zone_for(opts.account);
  PlanOptions unwindowed = opts;
  unwindowed.period.clear();
  unwindowed.begin.clear();
  unwindowed.end.clear();
  auto posts = select_posts(rt, unwindowed, *proj, false);
  if (!posts) {
    return std::unexpected(posts.error());
  }
  auto period = selected_period(rt, opts, zone);
  if (!period) {
    return std::unexpected(period.error());
  }
  std::size_t problems = rt.report(proj->problems);
  Result<void> ok = opts.ics.empty() ? rt.write_out(grid_text(rt, opts, *posts, *period, zone))
                                     : write_ics(rt, opts, *proj, *posts, *period);
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

}  // namespace smm::cmd
