// SPDX-License-Identifier: MIT
// smm post: the cron entry point. Steps: take the project lock, load, select what is due
// (lib/smm/post/due), publish it through the write-ahead state machine (lib/smm/post/run), print
// one line per target, exit 0/1/4/5/75.
#include <CLI/CLI.hpp>

#include <memory>
#include <set>

#include "cmd/runtime.hpp"
#include "smm/creds/session.hpp"
#include "smm/post/lock.hpp"
#include "smm/post/run.hpp"

namespace smm::cmd {
namespace {

struct PostOptions {
  std::vector<std::string> ids;
  bool dry_run = false;
  std::string account;
  std::string max_late;
  bool catch_up = false;
  std::size_t jobs = post::k_default_jobs;
  bool retry_failed = false;
  bool yes = false;
  std::string timeout;
};

Result<post::Selection> selection(const Runtime& rt, const project::Project& proj, const PostOptions& opts) {
  post::Selection s;
  s.now = rt.now();
  s.catch_up = opts.catch_up;
  s.retry_failed = opts.retry_failed;
  s.account = opts.account;
  s.ids = opts.ids;
  auto max_late = opts.max_late.empty() ? post::configured_max_late(proj) : time::parse_duration(opts.max_late);
  if (!max_late) {
    Error e = max_late.error();
    e.message = (opts.max_late.empty() ? "" : "--max-late: ") + e.message;
    return std::unexpected(e);
  }
  s.max_late = *max_late;
  if (!opts.account.empty() && proj.account(opts.account) == nullptr) {
    return fail(ErrorKind::not_found, "no account \"" + opts.account + "\"", "see `smm account list`");
  }
  return s;
}

/// Publishing named posts now is a deliberate act: ask on a TTY, else require --yes.
Result<void> confirm_named(Runtime& rt, const PostOptions& opts, std::size_t targets) {
  if (opts.ids.empty() || opts.yes || opts.dry_run) {
    return {};
  }
  if (!rt.ctx.io.can_prompt()) {
    return fail(ErrorKind::usage, "publishing named posts now needs confirmation", "pass --yes");
  }
  if (!rt.ctx.io.confirm("Publish " + std::to_string(targets) + " target" + (targets == 1 ? "" : "s") + " now?")) {
    return fail(ErrorKind::usage, "nothing was published", "pass --yes to publish without asking");
  }
  return {};
}

output::Table outcome_table(const std::vector<post::Outcome>& outcomes) {
  output::Table table{{{"post"}, {"account"}, {"state"}, {"url"}, {"message", false, true}}, {}};
  for (const auto& o : outcomes) {
    table.rows.push_back({o.post, o.account, o.state, o.url, o.message});
  }
  return table;
}

Result<int> publish(Runtime& rt, project::Project& proj, const std::vector<post::Task>& tasks, const PostOptions& opts) {
  auto fmt = rt.format();
  io::Progress progress(rt.ctx.io, !rt.global.quiet && fmt && *fmt == output::Format::table, "publishing", tasks.size());
  post::RunConfig config;
  config.jobs = opts.jobs;
  if (!opts.timeout.empty()) {
    auto t = time::parse_duration(opts.timeout);
    if (!t || t->count() <= 0) {
      return fail(ErrorKind::usage, "--timeout: expected a duration such as 30s or 2m, not \"" + opts.timeout + "\"");
    }
    config.timeouts.total = std::chrono::duration_cast<std::chrono::milliseconds>(*t);
    config.timeouts.connect = std::min(config.timeouts.connect, config.timeouts.total);
  }
  config.now = rt.now();
  config.make_transport = rt.transports();
  config.open_session = [&rt] { return creds::Session::open(rt.ctx.env); };
  config.progress = [&progress](std::size_t done, std::size_t total) { progress.tick(done, total); };
  auto outcomes = post::run(proj, tasks, config);
  progress.finish();
  if (auto ok = rt.emit(outcome_table(outcomes)); !ok) {
    return std::unexpected(ok.error());
  }
  std::set<std::string> refused;  // a hint per account whose credentials failed, after the table
  for (const auto& o : outcomes) {
    if (o.state == "failed" && o.kind == ErrorKind::auth && refused.insert(o.account).second && !rt.global.quiet) {
      rt.ctx.io.err() << "hint: log in again with `smm account login " << o.account
                      << "`, then `smm post --retry-failed`\n";
    }
  }
  return post::exit_code(outcomes);
}

Result<int> run_post(Runtime& rt, const PostOptions& opts) {
  auto root = rt.project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  std::optional<post::ProjectLock> lock;
  if (!opts.dry_run) {
    auto taken = post::ProjectLock::acquire(*root);
    if (!taken) {
      return std::unexpected(taken.error());
    }
    lock.emplace(std::move(*taken));
  }
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto sel = selection(rt, *proj, opts);
  if (!sel) {
    return std::unexpected(sel.error());
  }
  auto tasks = post::select(*proj, *sel);
  if (!tasks) {
    return std::unexpected(tasks.error());
  }
  if (tasks->empty()) {
    rt.note("nothing is due");
    return rt.done(proj->problems.size());
  }
  if (opts.dry_run) {
    auto text = post::preview(*proj, *tasks, rt.now());
    if (!text) {
      return std::unexpected(text.error());
    }
    auto ok = rt.write_out(*text);
    return ok ? Result<int>(0) : std::unexpected(ok.error());
  }
  if (auto ok = confirm_named(rt, opts, tasks->size()); !ok) {
    return std::unexpected(ok.error());
  }
  return publish(rt, *proj, *tasks, opts);
}

}  // namespace

void register_post(CLI::App& app, Runtime& rt) {
  auto opts = std::make_shared<PostOptions>();
  auto* cmd = app.add_subcommand("post", "Publish what is due (the cron entry point)");
  cmd->footer(R"(examples:
  smm post                              # publish everything due now; one line per target
  smm post --dry-run                    # the exact requests it would send, nothing sent
  smm post 2026-11-24-launch --yes      # publish this post now
  */5 * * * * cd ~/social && smm post   # crontab: every five minutes)");
  cmd->add_option("ids", opts->ids, "Publish these posts now, whatever their time")->type_name("ID");
  cmd->add_flag("-n,--dry-run", opts->dry_run, "Print the requests it would send; send and write nothing");
  cmd->add_option("--account", opts->account, "Only this account")->type_name("A");
  cmd->add_option("--max-late", opts->max_late, "Posts due longer ago are marked missed (default: smm.json max_late, else 2h)")->type_name("DUR");
  cmd->add_flag("--catch-up", opts->catch_up, "Publish late and missed posts instead of marking them missed");
  cmd->add_option("-j,--jobs", opts->jobs, "Requests in parallel (default 16)")->type_name("N")->check(CLI::Range(1, 256));
  cmd->add_flag("--retry-failed", opts->retry_failed, "Also retry targets that failed for good");
  cmd->add_flag("-y,--yes", opts->yes, "Do not ask before publishing named posts");
  cmd->add_option("--timeout", opts->timeout, "Give up on a request after DUR (default 30s; connecting 10s)")->type_name("DUR");
  cmd->callback([&rt, opts] { rt.action = [&rt, opts] { return run_post(rt, *opts); }; });
}

}  // namespace smm::cmd
