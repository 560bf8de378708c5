// SPDX-License-Identifier: MIT
// smm report pull: fetches metrics of published posts and of the accounts, appends dated
// snapshots under reports/. Steps: take .smm/report.lock, load, pick the accounts whose platform
// reports metrics and the posts published in the period, pull each account (lib/smm/report/pull),
// print one line per account, report each account that failed and go on; exit 0/1/4/5/75.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

#include "cmd/report/period_options.hpp"
#include "cmd/runtime.hpp"
#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/platform/client.hpp"
#include "smm/post/lock.hpp"
#include "smm/report/pull.hpp"
#include "smm/text/suggest.hpp"

namespace smm::cmd {
namespace {

struct PullOptions : PeriodOptions {};

/// True when smm can read metrics of this account's platform (asked of an offline client).
bool has_metrics(const project::Project& proj, const project::Account& account, time::Instant now) {
  platform::Env env{&proj, &account, [now] { return now; }, nullptr, nullptr, {}};
  auto client = platform::make_client(env);
  return client && (*client)->capabilities().metrics;
}

/// The accounts to pull: --account (which must report metrics), else every account that does.
Result<std::vector<const project::Account*>> selected_accounts(const Runtime& rt, const project::Project& proj,
                                                               const std::string& name) {
  std::vector<const project::Account*> out;
  if (!name.empty()) {
    const project::Account* a = proj.account(name);
    if (a == nullptr) {
      std::string hint = text::did_you_mean(name, proj.account_names());
      return fail(ErrorKind::usage, "--account: unknown account \"" + name + "\"",
                  hint.empty() ? "see `smm account list`" : hint);
    }
    if (!has_metrics(proj, *a, rt.now())) {
      return fail(ErrorKind::usage, "--account: smm cannot pull metrics from " + name + " (" + a->platform + ")",
                  "report pull reads Mastodon and Bluesky accounts");
    }
    out.push_back(a);
    return out;
  }
  for (const auto& [n, a] : proj.accounts) {
    if (has_metrics(proj, a, rt.now())) {
      out.push_back(&a);
    }
  }
  return out;
}

/// The period of -p/-b/-e; without any of them, the last k_pull_window.
Result<time::Period> pull_period(const Runtime& rt, const PullOptions& o, const time::Zone& zone) {
  if (o.period.empty() && o.begin.empty() && o.end.empty()) {
    return time::Period{rt.now() - report::k_pull_window, std::nullopt};
  }
  return selected_period(rt, o, zone);
}

/// Builds the account's online client: the shared transport and credential session.
class Clients {
 public:
  Clients(Runtime& rt, const project::Project& proj) : m_rt(rt), m_proj(proj) {}

  Result<std::unique_ptr<platform::Client>> make(const project::Account& account) {
    platform::Env env{&m_proj, &account, [now = m_rt.now()] { return now; }, nullptr, nullptr, {}};
    if (creds::needs_credentials(account.platform)) {
      if (!m_session && !m_session_error) {
        auto opened = creds::Session::open(m_rt.ctx.env);
        if (opened) {
          m_session = *opened;
        } else {
          m_session_error = opened.error();
        }
      }
      if (m_session_error) {
        return std::unexpected(*m_session_error);
      }
      env.session = m_session;
    }
    if (!m_transport) {
      auto make = m_rt.transports();
      if (!make) {
        return fail(ErrorKind::runtime, "no network available");
      }
      m_transport = make();
    }
    env.transport = m_transport.get();
    return platform::make_client(env);
  }

 private:
  Runtime& m_rt;
  const project::Project& m_proj;
  std::unique_ptr<http::Transport> m_transport;
  std::shared_ptr<creds::Session> m_session;
  std::optional<Error> m_session_error;
};

/// The error of a failed account, with the hint that fits `report pull`.
Error account_error(Error e, const std::string& account) {
  e.message = account + ": " + e.message;
  if (e.kind == ErrorKind::auth) {
    e.hint = "run `smm account login " + account + "`";
  } else if (e.retryable) {
    e.hint = "try again later: `smm report pull --account " + account + "`";
  }
  return e;
}

std::string summary_line(const std::string& account, std::size_t width, const report::PullSummary& s) {
  std::string line = account + std::string(width - account.size() + 2, ' ') + output::thousands(static_cast<std::int64_t>(s.posts)) +
                     (s.posts == 1 ? " post" : " posts");
  if (s.gone > 0) {
    line += " (" + output::thousands(static_cast<std::int64_t>(s.gone)) + " gone)";
  }
  if (s.followers) {
    line += ", " + output::thousands(*s.followers) + (*s.followers == 1 ? " follower" : " followers");
  }
  return line + "\n";
}

Result<int> run_report_pull(Runtime& rt, const PullOptions& o) {
  auto root = rt.project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  auto lock = post::ProjectLock::acquire(*root, post::LockUse{"report.lock", "smm report pull",
                                                              "is pulling metrics for this project",
                                                              "it ends on its own; try again when it has"});
  if (!lock) {
    return std::unexpected(lock.error());
  }
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  auto period = pull_period(rt, o, proj->zone());
  auto accounts = period ? selected_accounts(rt, *proj, o.account) : std::unexpected(period.error());
  if (!accounts) {
    return std::unexpected(accounts.error());
  }
  if (accounts->empty()) {
    rt.note("no account to pull: smm reads metrics of Mastodon and Bluesky accounts");
    return 0;
  }
  std::size_t width = 0;
  for (const auto* a : *accounts) {
    width = std::max(width, a->name.size());
  }
  io::Progress progress(rt.ctx.io, !rt.global.quiet, "pulling metrics", accounts->size());
  Clients clients(rt, *proj);
  std::size_t pulled = 0;
  std::vector<Error> failures;
  for (std::size_t i = 0; i < accounts->size(); ++i) {
    const project::Account& a = *(*accounts)[i];
    progress.tick(i);
    auto client = clients.make(a);
    auto done = client ? report::pull_account(**client, proj->root, a.name, report::published_targets(*proj, a.name, *period),
                                              rt.now())
                       : std::unexpected(client.error());
    progress.finish();  // the line below gets the terminal line; the next tick redraws the bar
    if (done) {
      ++pulled;
      rt.ctx.io.out() << summary_line(a.name, width, *done) << std::flush;
    } else {
      failures.push_back(account_error(done.error(), a.name));
      rt.ctx.io.err() << format_error(failures.back(), rt.ctx.io.color_err());
    }
  }
  progress.finish();
  if (failures.empty()) {
    return 0;
  }
  if (pulled > 0) {
    return exit_code_for(ErrorKind::partial);
  }
  bool all_auth = std::all_of(failures.begin(), failures.end(), [](const Error& e) { return e.kind == ErrorKind::auth; });
  return all_auth ? exit_code_for(ErrorKind::auth) : 1;
}

}  // namespace

void add_report_pull(CLI::App* report, Runtime& rt) {
  auto o = std::make_shared<PullOptions>();
  auto* cmd = report->add_subcommand("pull", "Fetch metrics of published posts and accounts; append dated snapshots");
  cmd->footer(R"(Measures the posts published in the period (default: the last 90 days) on every account
whose platform reports metrics (Mastodon, Bluesky), and each account's followers, following and
posts. Snapshots are appended to reports/<account>/<yyyy-mm>.jsonl.

examples:
  smm report pull                          # every account, posts of the last 90 days
  smm report pull --account bsky -p 2026q4
  0 6 * * * cd ~/social && smm report pull # crontab: every morning)");
  add_period_flags(cmd, *o, false);
  cmd->callback([&rt, o] { rt.action = [&rt, o] { return run_report_pull(rt, *o); }; });
}

}  // namespace smm::cmd
