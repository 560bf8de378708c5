// SPDX-License-Identifier: MIT
// smm audit: the calendar linter. Steps: load the project and its audit config, pick the posts,
// run the rules (lib/smm/audit), write text, JSON or SARIF, exit 3 on an error-level finding.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

#include "cmd/runtime.hpp"
#include "smm/audit/audit.hpp"
#include "smm/creds/store.hpp"
#include "smm/http/http.hpp"

namespace smm::cmd {
namespace {

namespace fs = std::filesystem;

struct AuditOptions {
  std::vector<std::string> posts;
  std::string format;
  bool online = false;
  bool rules = false;
};

enum class AuditFormat { text, json, sarif };

/// --format (audit's own, or the global one), --json, else the -o file's extension, else text.
Result<AuditFormat> audit_format(const Runtime& rt, const AuditOptions& opts) {
  std::string name = !opts.format.empty() ? opts.format : rt.global.format;
  if (name.empty() && rt.global.json) {
    name = "json";
  }
  if (name.empty()) {
    std::string ext = fs::path(rt.global.output).extension().string();
    name = ext == ".sarif" ? "sarif" : ext == ".json" ? "json" : "text";
  }
  if (name == "text") {
    return AuditFormat::text;
  }
  if (name == "json") {
    return AuditFormat::json;
  }
  if (name == "sarif") {
    return AuditFormat::sarif;
  }
  return fail(ErrorKind::usage, "--format: audit writes text, json or sarif, not \"" + name + "\"",
              "e.g. `smm audit --format sarif -o audit.sarif`");
}

/// Post ids from the arguments: ids, or paths of post files (as a pre-commit hook passes them).
/// Other files of the project (accounts, smm.json, media) select nothing: accounts are always
/// checked, and with no post named every post is.
Result<std::vector<std::string>> selected_ids(const Runtime& rt, const fs::path& root, const std::vector<std::string>& args) {
  std::vector<std::string> ids;
  for (const auto& arg : args) {
    bool is_path = arg.find('/') != std::string::npos || arg.ends_with(".json");
    std::string id = arg;
    if (is_path) {
      fs::path abs = fs::path(arg).is_absolute() ? fs::path(arg) : rt.ctx.cwd / arg;
      fs::path rel = abs.lexically_normal().lexically_relative(root);
      if (rel.parent_path() != "posts" || rel.extension() != ".json") {
        continue;
      }
      id = rel.stem().string();
    }
    std::error_code ec;
    if (!fs::exists(root / project::Project::post_path(id), ec)) {
      return fail(ErrorKind::not_found, "no post \"" + arg + "\"", "see `smm plan list --all` for post ids");
    }
    ids.push_back(id);
  }
  return ids;
}

/// The project's folder inside its git work tree ("social/"), for SARIF URIs; "" at the top.
std::string repository_prefix(const fs::path& root) {
  std::error_code ec;
  for (fs::path dir = root; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      std::string rel = root.lexically_relative(dir).generic_string();
      return rel.empty() || rel == "." ? "" : rel + "/";
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
  return "";
}

Result<int> run_rules(Runtime& rt, const AuditOptions& opts) {
  project::Problems problems;
  audit::Config config;
  if (auto root = rt.project_root()) {
    auto proj = project::load(*root, project::LoadOptions::without_posts());
    if (proj) {
      config = audit::Config::from_json(proj->settings.audit, problems);
    }
  }
  rt.report_unrelated(problems);
  if (!opts.format.empty()) {
    rt.global.format = opts.format;
  }
  output::Table table{{{"id"}, {"family"}, {"severity"}, {"summary", false, true}}, {}};
  for (const auto& r : audit::rules()) {
    table.rows.push_back({std::string(r.id), std::string(r.family), std::string(audit::severity_name(config.severity(r.id))),
                          std::string(r.summary)});
  }
  if (auto ok = rt.emit(table); !ok) {
    return std::unexpected(ok.error());
  }
  return 0;
}

std::string summary(const audit::Findings& findings, const project::Project& proj) {
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& f : findings) {
    ++counts[static_cast<int>(f.severity)];
  }
  auto plural = [](std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
  std::string scope = plural(proj.posts.size(), "post") + " and " + plural(proj.accounts.size(), "account");
  if (findings.empty()) {
    return "audit: no problems in " + scope;
  }
  return "audit: " + plural(counts[static_cast<int>(audit::Severity::error)], "error") + ", " +
         plural(counts[static_cast<int>(audit::Severity::warning)], "warning") + ", " +
         plural(counts[static_cast<int>(audit::Severity::note)], "note") + " in " + scope;
}

/// The credential store, when there is a place for one (no HOME: the credential rules skip).
Result<std::unique_ptr<creds::CredentialStore>> credential_store(const Runtime& rt) {
  if (!creds::credentials_path(rt.ctx.env)) {
    return nullptr;
  }
  auto store = creds::CredentialStore::load(rt.ctx.env);
  if (!store) {
    return std::unexpected(store.error());
  }
  return std::make_unique<creds::CredentialStore>(std::move(*store));
}

std::string render(AuditFormat format, const audit::Findings& findings, const std::string& prefix) {
  switch (format) {
    case AuditFormat::json:
      return audit::to_json(findings);
    case AuditFormat::sarif:
      return audit::to_sarif(findings, SMM_VERSION, prefix);
    case AuditFormat::text:
      break;
  }
  return audit::to_text(findings);
}

Result<int> run_audit(Runtime& rt, const AuditOptions& opts) {
  if (opts.rules) {
    return run_rules(rt, opts);
  }
  auto format = audit_format(rt, opts);
  if (!format) {
    return std::unexpected(format.error());
  }
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto ids = selected_ids(rt, proj->root, opts.posts);
  if (!ids) {
    return std::unexpected(ids.error());
  }
  audit::Config config = audit::Config::from_json(proj->settings.audit, proj->problems);
  auto store = credential_store(rt);
  if (!store) {
    return std::unexpected(store.error());
  }
  std::unique_ptr<http::Transport> transport;
  if (opts.online && rt.ctx.make_transport) {
    transport = rt.transports()();
  }
  if (opts.online && !transport) {
    rt.warn("--online: no network transport available; link checks skipped");
  }
  audit::Input input{*proj, rt.now(), config, store->get(), transport.get(), *ids};
  input.lines = *format != AuditFormat::text;  // only JSON and SARIF show a finding's line
  auto findings = audit::run(input);
  if (auto ok = rt.write_out(render(*format, findings, repository_prefix(proj->root))); !ok) {
    return std::unexpected(ok.error());
  }
  rt.note(summary(findings, *proj));
  return audit::has_errors(findings) ? exit_code_for(ErrorKind::audit_failed) : 0;
}

}  // namespace

void register_audit(CLI::App& app, Runtime& rt) {
  auto opts = std::make_shared<AuditOptions>();
  auto* cmd = app.add_subcommand("audit", "Lint posts and accounts: limits, media, schedule, brand, hygiene, credentials");
  cmd->footer(R"(examples:
  smm audit                                 # every post and account; exit 3 on errors
  smm audit posts/2026-11-24-launch.json    # one post (as a pre-commit hook passes them)
  smm audit --format sarif -o audit.sarif   # for GitHub code scanning
  smm audit --rules                         # the rules and their configured severities)");
  cmd->add_option("posts", opts->posts, "Post ids or post files to check (default: all)")->type_name("ID|PATH");
  cmd->add_option("--format", opts->format, "Output: text (default), json or sarif")->type_name("FMT");
  cmd->add_flag("--online", opts->online, "Also check that links resolve (network)");
  cmd->add_flag("--rules", opts->rules, "List the rules with their configured severity");
  cmd->callback([&rt, opts] { rt.action = [&rt, opts] { return run_audit(rt, *opts); }; });
}

}  // namespace smm::cmd
