// SPDX-License-Identifier: MIT
// smm report response: time to first reply on inbox items per account and interval. Steps: load
// settings and accounts, resolve the period and interval, read inbox items and triage state
// (lib/smm/report/response), render.
#include "smm/report/response.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "cmd/report/period_options.hpp"
#include "cmd/runtime.hpp"

namespace smm::cmd {
namespace {

struct ResponseOptions : PeriodOptions {};

Result<int> run_report_response(Runtime& rt, const ResponseOptions& o) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  report::ResponseRequest request;
  request.zone = proj->zone();
  request.account = o.account;
  request.now = rt.now();
  auto interval = selected_interval(o);
  auto period = interval ? selected_period(rt, o, request.zone) : std::unexpected(interval.error());
  auto account = period ? check_account(*proj, o.account) : std::unexpected(period.error());
  if (!account) {
    return std::unexpected(account.error());
  }
  request.interval = *interval;
  request.period = *period;
  auto table =
      report::build_response(proj->root, request, [&rt](const std::string& w) { rt.warn(w); });
  if (!table) {
    return std::unexpected(table.error());
  }
  if (table->rows.empty()) {
    rt.note("no inbox items in this period (run `smm inbox sync` first)");
  }
  auto ok = rt.emit(*table);
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return 0;
}

}  // namespace

void add_report_response(CLI::App* report, Runtime& rt) {
  auto o = std::make_shared<ResponseOptions>();
  auto* cmd = report->add_subcommand(
      "response", "Time to first reply on inbox items: median, p90, share answered within 24 h");
  cmd->footer(
      "Watch items (brand monitoring) are left out; mentions, replies, quotes and DMs count.\n"
      "share_within_24h = answered within 24 h / (answered + unanswered older than 24 h).\n"
      "examples:\n"
      "  smm report response -W -p \"last month\"\n"
      "  smm report response -M -p 2026q4 --format csv -o response.csv\n"
      "  smm report response --account masto --json");
  add_period_flags(cmd, *o, true);
  cmd->callback([&rt, o] { rt.action = [&rt, o] { return run_report_response(rt, *o); }; });
}

}  // namespace smm::cmd
