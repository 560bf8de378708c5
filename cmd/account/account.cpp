// SPDX-License-Identifier: MIT
#include <CLI/CLI.hpp>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <ostream>

#include "cmd/runtime.hpp"
#include "smm/creds/session.hpp"
#include "smm/http/http.hpp"
#include "smm/platform/login.hpp"
#include "smm/project/files.hpp"
#include "smm/text/suggest.hpp"
#include "smm/time/slots.hpp"

namespace smm::cmd {
namespace {

struct AccountOptions {
  std::string name;
  std::string platform;
  std::string server;
  std::string handle;
  std::string zone;
  std::optional<int> chars;
  bool yes = false;
  std::string token;  ///< only "-": the token comes from stdin, never from the command line
};

Result<int> run_account_add(Runtime& rt, const AccountOptions& opts) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  if (!project::valid_id(opts.name)) {
    return fail(ErrorKind::usage, "invalid account name \"" + opts.name + "\"",
                "use lower-case letters, digits and '-', e.g. acme-mastodon");
  }
  if (proj->account(opts.name) != nullptr) {
    return fail(ErrorKind::conflict, "account \"" + opts.name + "\" already exists",
                "remove it first with `smm account rm " + opts.name + "`, or pick another name");
  }
  if (project::find_platform(opts.platform) == nullptr) {
    std::string hint = text::did_you_mean(opts.platform, project::platform_names());
    return fail(ErrorKind::usage, "unknown platform \"" + opts.platform + "\"",
                hint.empty() ? "known platforms: feed, webhook, mastodon, bluesky, x, threads, linkedin, facebook, instagram, telegram, discord" : hint);
  }
  if (!opts.zone.empty()) {
    if (auto z = time::find_zone(opts.zone); !z) {
      return std::unexpected(z.error());
    }
  }
  project::Account account;
  account.name = opts.name;
  account.platform = opts.platform;
  account.server = opts.server;
  account.handle = opts.handle;
  account.zone = opts.zone;
  account.char_limit = opts.chars;
  if (auto ok = project::save_account(proj->root, account); !ok) {
    return std::unexpected(ok.error());
  }
  rt.note("Added account " + opts.name + " (" + opts.platform + ")");
  return rt.done(rt.report(proj->problems));
}

Result<int> run_account_list(Runtime& rt) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  output::Table table{{{"name"}, {"platform"}, {"handle"}, {"server", false, true}, {"zone"}, {"slots", false, true}, {"limit", true}, {"paused"}}, {}};
  for (const auto& [name, a] : proj->accounts) {
    int limit = proj->char_limit(name);
    table.rows.push_back({name, a.platform, a.handle, a.server, proj->zone_for(name).name(),
                          a.slots.empty() ? proj->settings.slots : a.slots,
                          limit > 0 ? output::Cell(std::int64_t{limit}) : output::Cell(), a.paused});
  }
  std::size_t problems = rt.report(proj->problems);
  if (auto ok = rt.emit(table); !ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

Result<int> run_account_rm(Runtime& rt, const AccountOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  if (proj->account(opts.name) == nullptr) {
    std::string hint = text::did_you_mean(opts.name, proj->account_names());
    return fail(ErrorKind::not_found, "no account \"" + opts.name + "\"", hint.empty() ? "see `smm account list`" : hint);
  }
  std::size_t users = 0;
  for (const auto& p : proj->posts) {
    users += std::count(p.targets.begin(), p.targets.end(), opts.name) > 0 && p.effective_status() != "published" ? 1 : 0;
  }
  if (!opts.yes) {
    if (!rt.ctx.io.can_prompt()) {
      return fail(ErrorKind::usage, "removing account \"" + opts.name + "\" needs confirmation", "pass --yes");
    }
    std::string q = "Remove account " + opts.name + (users ? " (" + std::to_string(users) + " unpublished posts target it)" : "") + "?";
    if (!rt.ctx.io.confirm(q)) {
      return fail(ErrorKind::usage, "not removed", "pass --yes to remove without asking");
    }
  }
  if (auto ok = project::remove_file(proj->root / project::Project::account_path(opts.name)); !ok) {
    return std::unexpected(ok.error());
  }
  if (users > 0) {
    rt.warn(std::to_string(users) + " unpublished post(s) still target \"" + opts.name + "\"; retarget them with `smm plan set ID --to ...`");
  }
  rt.note("Removed account " + opts.name);
  return 0;
}

Result<const project::Account*> named_account(const project::Project& proj, const std::string& name) {
  const project::Account* account = proj.account(name);
  if (account == nullptr) {
    std::string hint = text::did_you_mean(name, proj.account_names());
    return fail(ErrorKind::not_found, "no account \"" + name + "\"", hint.empty() ? "see `smm account list`" : hint);
  }
  return account;
}

/// Turns the terminal's echo off while it lives (secret prompts).
class NoEcho {
 public:
  NoEcho() : m_on(tcgetattr(STDIN_FILENO, &m_saved) == 0) {
    if (m_on) {
      termios quiet = m_saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;
  ~NoEcho() {
    if (m_on) {
      tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
  }

 private:
  termios m_saved{};
  bool m_on;
};

/// Whether a prompt asks for a secret: a password, a token or a webhook URL.
bool secret_prompt(const std::string& prompt) {
  return prompt.find("password") != std::string::npos || prompt.find("token") != std::string::npos ||
         prompt.find("Webhook URL") != std::string::npos;
}

/// A line from the person: a prompt on a TTY (not echoed when it asks for a secret), else a
/// line of piped stdin.
std::optional<std::string> read_line(Runtime& rt, const std::string& prompt) {
  if (rt.ctx.io.can_prompt()) {
    if (!secret_prompt(prompt)) {
      return rt.ctx.io.prompt(prompt);
    }
    std::optional<std::string> line;
    {
      NoEcho quiet;
      line = rt.ctx.io.prompt(prompt);
    }
    rt.ctx.io.err() << "\n";
    return line;
  }
  if (rt.ctx.io.in_is_tty()) {
    return std::nullopt;  // --no-input on a terminal
  }
  std::string line;
  if (!std::getline(rt.ctx.io.in(), line)) {
    return std::nullopt;
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
    line.pop_back();
  }
  return line;
}

Result<int> run_account_login(Runtime& rt, const AccountOptions& opts) {
  if (!opts.token.empty() && opts.token != "-") {
    return fail(ErrorKind::usage, "--token takes only \"-\" (read the token from stdin)",
                "secrets never come from flags: `smm account login " + opts.name + " --token - < token-file`");
  }
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  auto account = proj ? named_account(*proj, opts.name) : std::unexpected(proj.error());
  auto session = account ? creds::Session::open(rt.ctx.env) : std::unexpected(account.error());
  if (!session) {
    return std::unexpected(session.error());
  }
  auto transport = rt.ctx.make_transport ? rt.transports()() : nullptr;
  platform::Env env{&*proj, *account, [&rt] { return rt.now(); }, transport.get(), *session, {}};
  platform::LoginIo io{[&rt](const std::string& line) { rt.ctx.io.err() << line << "\n"; },
                       [&rt](const std::string& prompt) { return read_line(rt, prompt); }};
  auto id = platform::login(env, platform::LoginOptions{opts.token == "-"}, io);
  if (!id) {
    return std::unexpected(id.error());
  }
  if (!rt.global.quiet) {
    rt.ctx.io.err() << "Logged in to " << opts.name << " as " << id->handle << "; credentials saved in "
                    << (*session)->path().string() << "\n";
  }
  return 0;
}

output::Table check_table(const project::Project& proj, const std::vector<platform::CheckResult>& results) {
  output::Table table{{{"account"}, {"platform"}, {"identity"}, {"scopes", false, true}, {"expires"}, {"status"}, {"message", false, true}}, {}};
  for (const auto& r : results) {
    std::string scopes;
    for (const auto& s : r.identity.scopes) {
      scopes += (scopes.empty() ? "" : " ") + s;
    }
    output::Cell expires = r.identity.expires_at ? output::Cell(output::InstantCell{*r.identity.expires_at, proj.zone()})
                                                 : output::Cell();
    table.rows.push_back({r.account, r.platform, r.identity.handle, scopes, expires, r.status, r.message});
  }
  return table;
}

Result<int> run_account_check(Runtime& rt, const AccountOptions& opts) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  std::vector<const project::Account*> accounts;
  for (const auto& [name, a] : proj->accounts) {
    if (opts.name.empty() || name == opts.name) {
      accounts.push_back(&a);
    }
  }
  if (!opts.name.empty() && accounts.empty()) {
    return std::unexpected(named_account(*proj, opts.name).error());
  }
  bool online = std::any_of(accounts.begin(), accounts.end(), [](auto* a) { return creds::needs_credentials(a->platform); });
  auto session = online ? creds::Session::open(rt.ctx.env) : Result<std::shared_ptr<creds::Session>>(nullptr);
  if (!session) {
    return std::unexpected(session.error());
  }
  auto transport = online && rt.ctx.make_transport ? rt.transports()() : nullptr;
  std::vector<platform::CheckResult> results;
  std::vector<std::string> need_login;
  bool errors = false;
  for (const auto* a : accounts) {
    platform::Env env{&*proj, a, [&rt] { return rt.now(); }, transport.get(), *session, {}};
    results.push_back(platform::check_account(env));
    if (results.back().status == "missing" || results.back().status == "rejected") {
      need_login.push_back(a->name);
    }
    errors = errors || results.back().status == "error";
  }
  if (auto ok = rt.emit(check_table(*proj, results)); !ok) {
    return std::unexpected(ok.error());
  }
  if (!need_login.empty()) {
    return fail(ErrorKind::auth, std::to_string(need_login.size()) + " account(s) need a login: " + need_login.front() +
                (need_login.size() > 1 ? ", ..." : ""), "run `smm account login " + need_login.front() + "`");
  }
  return errors ? k_exit_runtime : rt.done(rt.report(proj->problems));
}

}  // namespace

void register_account(CLI::App& app, Runtime& rt) {
  auto opts = std::make_shared<AccountOptions>();
  auto* cmd = app.add_subcommand("account", "Add, list, remove, log in to and check the accounts posts go to");
  cmd->require_subcommand(1);
  cmd->footer(R"(examples:
  smm account add acme-masto --platform mastodon --server https://mastodon.social --handle acme
  smm account login acme-masto                # prints a URL, then asks for the code it shows
  smm account login acme-masto --token - < token.txt
  smm account login acme-bsky < app-password.txt  # Bluesky: an app password, never a flag
  smm account login team-slack < webhook-url.txt   # a webhook: its URL is the secret
  smm account check                          # every account's credentials, online
  smm account list --json
  smm account rm acme-masto --yes)");

  auto* add = cmd->add_subcommand("add", "Define an account (credentials come later with `account login`)");
  add->add_option("name", opts->name, "Account name used in posts' targets")->required();
  add->add_option("--platform", opts->platform, "feed, webhook, mastodon, bluesky, x, threads, linkedin, facebook, instagram, telegram, discord")->required()->type_name("P");
  add->add_option("--server", opts->server, "Server URL (Mastodon, Bluesky PDS, webhook URL)")->type_name("URL");
  add->add_option("--handle", opts->handle, "The account's handle on the platform")->type_name("H");
  add->add_option("--zone", opts->zone, "IANA zone of this account's slots and times")->type_name("ZONE");
  add->add_option("--chars", opts->chars, "Per-post character limit (e.g. a Mastodon server's own)")->type_name("N");
  add->callback([&rt, opts] { rt.action = [&rt, opts] { return run_account_add(rt, *opts); }; });

  auto* list = cmd->add_subcommand("list", "List accounts");
  list->callback([&rt] { rt.action = [&rt] { return run_account_list(rt); }; });

  auto* rm = cmd->add_subcommand("rm", "Remove an account's definition");
  rm->add_option("name", opts->name, "Account name")->required();
  rm->add_flag("-y,--yes", opts->yes, "Do not ask for confirmation");
  rm->callback([&rt, opts] { rt.action = [&rt, opts] { return run_account_rm(rt, *opts); }; });

  auto* login = cmd->add_subcommand("login", "Log in and store the account's credentials (outside the project)");
  login->add_option("name", opts->name, "Account name")->required();
  login->add_option("--token", opts->token, "Read an existing access token from stdin (the only value is -)")->type_name("-");
  login->callback([&rt, opts] { rt.action = [&rt, opts] { return run_account_login(rt, *opts); }; });

  auto* check = cmd->add_subcommand("check", "Verify stored credentials online: identity, scopes, expiry");
  check->add_option("name", opts->name, "Account name (default: every account)");
  check->callback([&rt, opts] { rt.action = [&rt, opts] { return run_account_check(rt, *opts); }; });
}

}  // namespace smm::cmd
