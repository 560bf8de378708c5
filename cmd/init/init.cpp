// SPDX-License-Identifier: MIT
#include <CLI/CLI.hpp>

#include <ostream>

#include "cmd/runtime.hpp"
#include "smm/project/init.hpp"

namespace smm::cmd {
namespace {

struct InitOptions {
  std::string dir = ".";
  std::string name;
  std::string zone;
};

Result<int> run_init(Runtime& rt, const InitOptions& opts) {
  project::InitOptions init;
  init.name = opts.name;
  init.zone = opts.zone.empty() ? rt.ctx.env.get("SMM_ZONE").value_or("UTC") : opts.zone;
  std::filesystem::path dir = opts.dir;
  if (!dir.is_absolute()) {
    dir = rt.ctx.cwd / dir;
  }
  auto created = project::init(dir, init, rt.now());
  if (!created) {
    Error e = created.error();
    if (e.kind == ErrorKind::conflict) {
      e.message = "a project already exists in " + opts.dir;
    }
    return std::unexpected(e);
  }
  if (!rt.global.quiet) {
    rt.ctx.io.err() << "Created an smm project in " << opts.dir << " (zone " << init.zone << ")\n";
    for (const auto& f : *created) {
      rt.ctx.io.err() << "  " << f << "\n";
    }
    rt.ctx.io.err() << "Next: smm plan add \"Hello\" --to feed --at \"tomorrow 09:00\"\n";
  }
  return 0;
}

}  // namespace

void register_init(CLI::App& app, Runtime& rt) {
  auto opts = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", "Create a project: smm.json, a feed account and a first post");
  cmd->add_option("dir", opts->dir, "Directory (created if missing; default: here)")->type_name("DIR");
  cmd->add_option("--name", opts->name, "Project name (default: the directory's name)")->type_name("NAME");
  cmd->add_option("--zone", opts->zone, "IANA time zone for times given without one (default $SMM_ZONE, else UTC)")->type_name("ZONE");
  cmd->footer(R"(examples:
  smm init
  smm init acme --name "ACME Corp" --zone Europe/Paris)");
  cmd->callback([&rt, opts] { rt.action = [&rt, opts] { return run_init(rt, *opts); }; });
}

}  // namespace smm::cmd
