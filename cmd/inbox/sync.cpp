// SPDX-License-Identifier: MIT
// smm inbox sync: pulls new mentions, replies, quotes, DMs and watch hits of every account whose
// platform has an inbox (or --account A), appends them to inbox/<account>/<yyyy-mm>.jsonl and
// prints one line per account. Steps: take .smm/inbox.lock, load, read the watches, then per
// account build the client as `smm post` does and run inbox::sync_account(). A failing account
// or source is reported and the others go on: exit 0, 1, 4 (only refused credentials), 5 (some
// worked, some failed) or 75 (another sync holds the lock).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

#include "cmd/runtime.hpp"
#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/inbox/sync.hpp"
#include "smm/platform/client.hpp"
#include "smm/post/lock.hpp"
#include "smm/project/watches.hpp"
#include "smm/text/suggest.hpp"

namespace smm::cmd {
namespace {

constexpr time::Duration k_first_sync{30LL * 24 * 3600};

struct InboxSyncOptions {
  std::string account;
  bool catchup = false;
  std::string since;
};

/// The first-sync horizon: --since as a duration ("7d": that long ago) or a time, else 30 days.
Result<time::Instant> horizon(const Runtime& rt, const project::Project& proj, const std::string& since) {
  if (since.empty()) {
    return rt.now() - k_first_sync;
  }
  if (auto d = time::parse_duration(since); d && d->count() > 0) {
    return rt.now() - *d;
  }
  auto at = time::parse_when(since, rt.now(), proj.zone());
  if (!at) {
    return fail(ErrorKind::usage, "--since: expected a duration such as 7d or a date such as 2026-11-01, not \"" + since + "\"");
  }
  return *at;
}

/// The accounts to sync, in name order: --account (which must have an inbox) or every account
/// whose platform has one.
Result<std::vector<const project::Account*>> chosen(const project::Project& proj, const std::string& name) {
  std::vector<const project::Account*> out;
  auto has_inbox = [&](const project::Account& a) {
    platform::Env env{&proj, &a, {}, nullptr, nullptr, {}};
    auto client = platform::make_client(env);
    return client && (*client)->capabilities().inbox;
  };
  if (!name.empty()) {
    const project::Account* a = proj.account(name);
    if (a == nullptr) {
      std::string hint = text::did_you_mean(name, proj.account_names());
      return fail(ErrorKind::usage, "no account \"" + name + "\"" + (hint.empty() ? "" : " (" + hint + ")"),
                  "see `smm account list`");
    }
    if (!has_inbox(*a)) {
      return fail(ErrorKind::usage, "account " + name + " (" + a->platform + ") has no inbox smm can sync",
                  "inbox sync works with mastodon and bluesky accounts");
    }
    out.push_back(a);
    return out;
  }
  for (const auto& [n, a] : proj.accounts) {
    if (has_inbox(a)) {
      out.push_back(&a);
    }
  }
  return out;
}

/// What the accounts share: one credential session and one network stack.
struct Online {
  Runtime& rt;
  std::unique_ptr<http::Transport> transport;
  std::optional<Result<std::shared_ptr<creds::Session>>> session;

  Result<std::unique_ptr<platform::Client>> client(const project::Project& proj, const project::Account& a) {
    platform::Env env{&proj, &a, [now = rt.now()] { return now; }, nullptr, nullptr, {}};
    if (creds::needs_credentials(a.platform)) {
      if (!session) {
        session = creds::Session::open(rt.ctx.env);
      }
      if (!*session) {
        return std::unexpected(session->error());
      }
      if (!transport) {
        auto make = rt.transports();
        transport = make ? make() : nullptr;
      }
      if (!transport) {
        return fail(ErrorKind::runtime, "no network available");
      }
      env.session = **session;
      env.transport = transport.get();
    }
    return platform::make_client(env);
  }
};

std::vector<platform::Watch> watches_of(const std::vector<project::WatchSetting>& all, const std::string& account) {
  std::vector<platform::Watch> out;
  for (const auto& w : all) {
    if (w.account == account) {
      out.push_back(platform::Watch{w.name, w.hashtag, w.query});
    }
  }
  return out;
}

struct Tally {
  std::size_t ok = 0;
  std::size_t failed = 0;
  std::size_t auth = 0;
};

void report_error(Runtime& rt, const std::string& account, Error e, Tally& tally) {
  tally.failed++;
  tally.auth += e.kind == ErrorKind::auth ? 1 : 0;
  e.message = account + ": " + e.message;
  if (e.kind == ErrorKind::auth && e.hint.empty()) {
    e.hint = "run `smm account login " + account + "`";
  } else if (e.retryable) {
    e.hint = "try again later: `smm inbox sync --account " + account + "` (cron does at its next run)";
  }
  rt.ctx.io.err() << format_error(e, rt.ctx.io.color_err());
}

Result<int> run_inbox_sync(Runtime& rt, const InboxSyncOptions& opts) {
  auto root = rt.project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  auto lock = post::ProjectLock::acquire(*root, post::LockUse{"inbox.lock", "smm inbox sync", "is running in this project",
                                                              "it ends on its own; cron tries again at its next run"});
  if (!lock) {
    return std::unexpected(lock.error());
  }
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto watches = project::watches(*proj);
  if (!watches) {
    return rt.done(rt.report(watches.error()));
  }
  auto since = horizon(rt, *proj, opts.since);
  auto accounts = since ? chosen(*proj, opts.account) : std::unexpected(since.error());
  if (!accounts) {
    return std::unexpected(accounts.error());
  }
  if (accounts->empty()) {
    rt.note("no account with an inbox (mastodon, bluesky)");
    return 0;
  }
  std::size_t width = 0;
  for (const auto* a : *accounts) {
    width = std::max(width, a->name.size());
  }
  auto fmt = rt.format();
  io::Progress progress(rt.ctx.io, !rt.global.quiet && fmt && *fmt == output::Format::table, "syncing",
                        accounts->size());
  Online online{rt, nullptr, std::nullopt};
  Tally tally;
  for (std::size_t i = 0; i < accounts->size(); ++i) {
    const project::Account& a = *(*accounts)[i];
    inbox::SyncOptions o;
    o.now = rt.now();
    o.since = *since;
    o.catchup = opts.catchup;
    o.watches = watches_of(*watches, a.name);
    o.progress = [&progress, i, n = accounts->size()](std::size_t) { progress.tick(i, n); };
    o.warn = [&rt](const std::string& m) { rt.warn(m); };
    auto client = online.client(*proj, a);
    auto result = client ? inbox::sync_account(*proj, a.name, **client, o) : std::unexpected(client.error());
    progress.tick(i + 1, accounts->size());
    progress.finish();
    if (!result) {
      report_error(rt, a.name, result.error(), tally);
      continue;
    }
    tally.ok++;
    if (!rt.global.quiet) {
      std::string line = a.name + std::string(width + 2 - a.name.size(), ' ') + inbox::describe(result->added);
      rt.ctx.io.out() << line << (opts.catchup && !result->added.empty() ? ", marked done (--catchup)" : "") << "\n";
    }
    for (const auto& note : result->notes) {
      rt.note(note);
    }
    for (const auto& e : result->failures) {
      report_error(rt, a.name, e, tally);
    }
  }
  if (tally.failed == 0) {
    return 0;
  }
  if (tally.ok > 0) {
    return exit_code_for(ErrorKind::partial);
  }
  return tally.auth == tally.failed ? exit_code_for(ErrorKind::auth) : 1;
}

}  // namespace

void add_inbox_sync(CLI::App* inbox, Runtime& rt) {
  auto opts = std::make_shared<InboxSyncOptions>();
  auto* cmd = inbox->add_subcommand("sync", "Pull new mentions, replies, quotes, DMs and watch hits");
  cmd->footer(R"(examples:
  smm inbox sync                         # every Mastodon and Bluesky account; one line each
  smm inbox sync --account masto         # just this account
  smm inbox sync --catchup               # first run: keep history, but mark it done
  0 * * * * cd ~/social && smm inbox sync --quiet    # crontab: hourly)");
  cmd->add_option("--account", opts->account, "Only this account")->type_name("A");
  cmd->add_flag("--catchup", opts->catchup, "Mark what this sync brings in as done (start from an empty inbox)");
  cmd->add_option("--since", opts->since, "How far back a first sync goes: a duration (7d) or a date (default 30d)")
      ->type_name("DUR|DATE");
  cmd->callback([&rt, opts] { rt.action = [&rt, opts] { return run_inbox_sync(rt, *opts); }; });
}

}  // namespace smm::cmd
