// SPDX-License-Identifier: MIT
// smm report posts|accounts|campaigns|tags: the stored metric snapshots as tidy tables. Steps:
// load settings and accounts (and posts for campaigns and tags), resolve the period and
// interval, stream reports/ (lib/smm/report), render.
#include <CLI/CLI.hpp>

#include <memory>

#include "cmd/report/period_options.hpp"
#include "cmd/runtime.hpp"
#include "smm/report/report.hpp"
#include "smm/report/snapshot.hpp"

namespace smm::cmd {
namespace {

struct ReportOptions : PeriodOptions {
  report::Kind kind = report::Kind::posts;
};

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
  add_period_flags(cmd, *o, true);
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
  add_report_pull(report, rt);
  add_report_response(report, rt);
  add_report_html(report, rt);
}

}  // namespace smm::cmd
