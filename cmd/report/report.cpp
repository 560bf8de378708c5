// SPDX-License-Identifier: MIT
// smm report posts|accounts|campaigns|tags: the stored metric snapshots as tidy tables. Steps:
// load settings and accounts (and posts for campaigns and tags), resolve the period and
// interval, stream reports/ (lib/smm/report), render.
#include <CLI/CLI.hpp>

#include <memory>

#include "cmd/runtime.hpp"
#include "smm/report/report.hpp"
#include "smm/report/snapshot.hpp"
#include "smm/text/suggest.hpp"
#include "smm/time/period.hpp"

namespace smm::cmd {
namespace {

struct ReportOptions {
  report::Kind kind = report::Kind::posts;
  std::string period;
  std::string begin;
  std::string end;
  std::string account;
  bool daily = false;
  bool weekly = false;
  bool monthly = false;
  bool quarterly = false;
  bool yearly = false;
};

Result<time::Interval> selected_interval(const ReportOptions& o) {
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

Result<time::Period> selected_period(const Runtime& rt, const ReportOptions& o, const time::Zone& zone) {
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
  if (account.empty() || std::find(known.begin(), known.end(), account) != known.end()) {
    return {};
  }
  std::string hint = text::did_you_mean(account, known);
  return fail(ErrorKind::usage, "--account: unknown account \"" + account + "\"",
              hint.empty() ? "see `smm account list`" : hint);
}

Result<int> run_report(Runtime& rt, const ReportOptions& o) {
  bool need_posts = o.kind == report::Kind::campaigns || o.kind == report::Kind::tags;
  auto proj = rt.load_project(need_posts ? project::LoadOptions{} : project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  report::Request request;
  request.kind = o.kind;
  request.zone = proj->zone();
  request.account = o.account;
  auto interval = selected_interval(o);
  auto period = interval ? selected_period(rt, o, request.zone) : std::unexpected(interval.error());
  auto account = period ? check_account(*proj, o.account) : std::unexpected(period.error());
  if (!account) {
    return std::unexpected(account.error());
  }
  request.interval = *interval;
  request.period = *period;
  for (const auto& p : proj->posts) {
    request.posts[p.id] = report::PostLabels{p.campaign, p.tags};
  }
  auto fmt = rt.format();
  io::Progress progress(rt.ctx.io, !rt.global.quiet && fmt && *fmt == output::Format::table, "reading reports", 0);
  request.progress = [&progress](std::size_t done, std::size_t total) { progress.tick(done, total); };
  auto ok = rt.emit_slices([&](const Runtime::SliceSink& sink) {
    auto built = report::build_slices(proj->root, request, [&rt](const std::string& w) { rt.warn(w); }, 8192, sink);
    progress.finish();
    return built;
  });
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return 0;
}

void add_report(CLI::App* report, Runtime& rt, const char* name, report::Kind kind, const char* help,
                const char* examples) {
  auto o = std::make_shared<ReportOptions>();
  o->kind = kind;
  auto* cmd = report->add_subcommand(name, help);
  cmd->footer(std::string("examples:\n") + examples);
  cmd->add_option("-p,--period", o->period, "Period: 2026-11, 2026q4, last month, 2026-10-01..2026-11-15")->type_name("PERIOD");
  cmd->add_option("-b,--begin", o->begin, "Start date (inclusive)")->type_name("DATE");
  cmd->add_option("-e,--end", o->end, "End date (exclusive)")->type_name("DATE");
  cmd->add_flag("-D,--daily", o->daily, "One row per entity and day");
  cmd->add_flag("-W,--weekly", o->weekly, "One row per entity and week (from Monday)");
  cmd->add_flag("-M,--monthly", o->monthly, "One row per entity and month");
  cmd->add_flag("-Q,--quarterly", o->quarterly, "One row per entity and quarter");
  cmd->add_flag("-Y,--yearly", o->yearly, "One row per entity and year");
  cmd->add_option("--account", o->account, "Only this account")->type_name("A");
  cmd->callback([&rt, o] { rt.action = [&rt, o] { return run_report(rt, *o); }; });
}

}  // namespace

void register_report(CLI::App& app, Runtime& rt) {
  auto* report = app.add_subcommand("report", "Numbers for people and spreadsheets: posts, accounts, campaigns, tags");
  report->require_subcommand(1);
  report->footer(R"(examples:
  smm report posts -M -p 2026q4
  smm report accounts -W -p "last month"
  smm report campaigns --format csv -o campaigns.csv)");
  add_report(report, rt, "posts", report::Kind::posts, "Each post's latest metrics per interval, with deltas",
             "  smm report posts -p 2026-11\n  smm report posts -M -p 2026 --format csv -o posts.csv\n"
             "  smm report posts -W --account masto --json");
  add_report(report, rt, "accounts", report::Kind::accounts, "Followers, following and posts per account and interval",
             "  smm report accounts -M -p 2026\n  smm report accounts -D -p \"last month\" --account bsky");
  add_report(report, rt, "campaigns", report::Kind::campaigns, "Post metrics summed per campaign and interval",
             "  smm report campaigns -p 2026q4\n  smm report campaigns -M --format tsv");
  add_report(report, rt, "tags", report::Kind::tags, "Post metrics summed per tag and interval",
             "  smm report tags -p \"2026-10-01..2026-11-15\"\n  smm report tags -Q -p 2026 --json");
}

}  // namespace smm::cmd
