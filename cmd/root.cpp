// SPDX-License-Identifier: MIT
#include "cmd/root.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

#include "cmd/runtime.hpp"
#include "smm/text/suggest.hpp"

namespace smm::cmd {
namespace {

constexpr const char* k_short_help = R"(smm: social-media management as code

usage: smm <command> [flags]

commands:
  init       create a project directory
  account    add, list and remove accounts
  plan       the content calendar: add, list, show, queue, import, export, calendar
  audit      lint the calendar: limits, media, alt text, schedule, brand, credentials
  post       publish what is due (run it from cron)
  inbox      the conversation queue: sync, list, show, reply, done, assign, tag
  report     numbers for people and spreadsheets: pull, posts, accounts, response, html

examples:
  smm init demo --zone Europe/Paris
  smm plan add "Launch day!" --to feed --at "tomorrow 09:00"
  smm plan add "An evergreen tip" --to feed --queue && smm plan queue
  smm plan calendar --week
  smm audit --format sarif -o smm.sarif
  smm post --dry-run && smm post
  smm inbox sync && smm inbox
  smm report pull && smm report posts -M -p 2026q4 --format csv -o q4.csv

Run `smm <command> --help` for a command's flags, `man smm` for the whole story.
)";

void add_global_flags(CLI::App& app, GlobalOptions& g) {
  app.add_option("-C,--project", g.project, "Project directory (env SMM_PROJECT)")->type_name("DIR");
  app.add_option("--format", g.format, "Output format: table, tsv, csv, json, jsonl")->type_name("FMT");
  app.add_flag("--json", g.json, "Same as --format json");
  app.add_option("-o,--output", g.output, "Write output to FILE (format from its extension)")->type_name("FILE");
  app.add_flag("-q,--quiet", g.quiet, "Print only results and errors");
  app.add_flag("--debug", g.debug, "Log what smm does to stderr (secrets redacted)");
  app.add_flag("--no-color", g.no_color, "Never use colour (also NO_COLOR)");
  app.add_flag("--no-input", g.no_input, "Never prompt");
  app.add_option("--now", g.now, "Pin the clock, e.g. 2026-11-24T09:00:00Z (env SMM_NOW)")->type_name("TIME");
}

// The names a mistyped word was probably meant to be: the subcommands and long flags in reach.
std::vector<std::string> known_words(const CLI::App* app) {
  std::vector<std::string> words;
  for (const CLI::App* a = app; a != nullptr; a = a->get_parent()) {
    for (const auto* sub : a->get_subcommands([](const CLI::App*) { return true; })) {
      words.push_back(sub->get_name());
    }
    for (const auto* opt : a->get_options()) {
      for (const auto& name : opt->get_lnames()) {
        words.push_back("--" + name);
      }
    }
  }
  return words;
}

Error parse_failure(const CLI::ParseError& e, const CLI::App& app) {
  Error err{ErrorKind::usage, e.what(), {}, {}};
  const CLI::App* deepest = &app;
  while (true) {
    auto used = deepest->get_subcommands();
    if (used.empty()) {
      break;
    }
    deepest = used.front();
  }
  auto extras = deepest->remaining();
  std::string what = e.what();
  if (auto pos = what.find("not expected: "); extras.empty() && pos != std::string::npos) {
    extras.push_back(what.substr(pos + 14));
  }
  if (!extras.empty()) {
    std::string word = extras.front();
    err.message = "unknown " + std::string(word.starts_with("-") ? "flag" : "command or argument") + " \"" + word + "\"";
    err.hint = text::did_you_mean(word, known_words(deepest));
  }
  std::string cmd = deepest->get_name();
  for (const CLI::App* a = deepest->get_parent(); a != nullptr; a = a->get_parent()) {
    cmd = a->get_name() + " " + cmd;
  }
  if (err.hint.empty()) {
    err.hint = "see `" + cmd + " --help`";
  }
  return err;
}

}  // namespace

std::unique_ptr<CLI::App> make_app(Runtime& rt) {
  auto app = std::make_unique<CLI::App>("smm: social-media management as code", "smm");
  app->fallthrough();
  app->require_subcommand(0, 1);
  app->set_version_flag("--version", std::string("smm ") + SMM_VERSION);
  add_global_flags(*app, rt.global);
  register_init(*app, rt);
  register_account(*app, rt);
  register_plan(*app, rt);
  register_audit(*app, rt);
  register_post(*app, rt);
  register_report(*app, rt);
  register_inbox(*app, rt);
  return app;
}

int run(const std::vector<std::string>& args, Context& ctx) {
  Runtime rt(ctx);
  auto owned = make_app(rt);
  CLI::App& app = *owned;

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    ctx.io.out() << app.help() << std::flush;
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    ctx.io.out() << app.help("", CLI::AppFormatMode::All) << std::flush;
    return 0;
  } catch (const CLI::CallForVersion&) {
    ctx.io.out() << "smm " << SMM_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    ctx.io.configure_color(ctx.env, rt.global.no_color);
    ctx.io.err() << format_error(parse_failure(e, app), ctx.io.color_err());
    return k_exit_usage;
  }
  ctx.io.configure_color(ctx.env, rt.global.no_color);
  ctx.io.set_input_allowed(!rt.global.no_input);
  if (!rt.action) {
    ctx.io.out() << k_short_help;
    return 0;
  }
  auto pinned = rt.pin_clock();
  Result<int> result = pinned ? rt.action() : std::unexpected(pinned.error());
  if (!result) {
    ctx.io.err() << format_error(result.error(), ctx.io.color_err());
    return exit_code_for(result.error().kind);
  }
  return *result;
}

int run(int argc, char** argv, Context& ctx) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    args.emplace_back(argv[i]);
  }
  return run(args, ctx);
}

}  // namespace smm::cmd
