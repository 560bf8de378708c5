// SPDX-License-Identifier: MIT
// smm report html: one self-contained page for a client. Steps: load the project (posts for
// their texts and links), resolve the period, build the page (lib/smm/report/html), write it to
// -o FILE or stdout.
#include "smm/report/html.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "cmd/report/period_options.hpp"
#include "cmd/runtime.hpp"

namespace smm::cmd {
namespace {

struct HtmlOptions : PeriodOptions {
  std::string title;
};

/// What the page shows of each post: its text, and per account the link and publishing time.
std::map<std::string, report::HtmlPost> page_posts(const project::Project& proj) {
  std::map<std::string, report::HtmlPost> out;
  for (const auto& p : proj.posts) {
    report::HtmlPost post{p.text, {}};
    for (const auto& [account, state] : p.publish) {
      auto at = time::parse_rfc3339(state.at);
      post.targets[account] =
          report::HtmlPost::Target{state.url, at ? std::optional(*at) : std::nullopt};
    }
    out.emplace(p.id, std::move(post));
  }
  return out;
}

Result<int> run_report_html(Runtime& rt, const HtmlOptions& o) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  report::HtmlRequest request;
  request.title = o.title;
  request.project = proj->settings.name;
  request.period_text = o.period;
  request.zone = proj->zone();
  request.account = o.account;
  request.now = rt.now();
  auto period = selected_period(rt, o, request.zone);
  auto account = period ? check_account(*proj, o.account) : std::unexpected(period.error());
  if (!account) {
    return std::unexpected(account.error());
  }
  request.period = *period;
  if (!o.begin.empty() || !o.end.empty()) {
    request.period_text.clear();  // -b/-e refine -p: describe the dates
  }
  request.posts = page_posts(*proj);
  auto page = report::build_html(proj->root, request, [&rt](const std::string& w) { rt.warn(w); });
  if (!page) {
    return std::unexpected(page.error());
  }
  auto ok = rt.write_out(*page);
  if (!ok) {
    return std::unexpected(ok.error());
  }
  if (!rt.global.output.empty() && rt.global.output != "-") {
    rt.note("wrote " + rt.global.output);
  }
  return 0;
}

}  // namespace

void add_report_html(CLI::App* report, Runtime& rt) {
  auto o = std::make_shared<HtmlOptions>();
  auto* cmd = report->add_subcommand("html",
                                     "One self-contained HTML page for a client: followers, "
                                     "interactions, top posts, response times");
  cmd->footer(
      "Inline CSS and SVG, no scripts, no external files: mail it, print it, open it on a phone.\n"
      "examples:\n"
      "  smm report html -o report.html\n"
      "  smm report html -p \"last month\" --title \"Acme, November\" -o acme-2026-11.html\n"
      "  smm report html --account masto -p 2026q4 > q4.html");
  add_period_flags(cmd, *o, false);
  cmd->add_option("--title", o->title, "The page's heading (default: \"<project name> report\")")
      ->type_name("T");
  cmd->callback([&rt, o] { rt.action = [&rt, o] { return run_report_html(rt, *o); }; });
}

}  // namespace smm::cmd
