// SPDX-License-Identifier: MIT
// The man pages and shell completions are hand-written and committed; this test walks the real
// command line (make_app) and fails when a registered verb, subcommand or long flag is missing
// from them.
//
// Where each name must appear:
// - man/smm.1: the global flags and "smm <verb>" for each verb.
// - man/smm-<verb>.1: the verb's own flags; for each subcommand a section ".SS smm <verb> <sub>"
//   that names the subcommand's flags.
// - completions/{smm.bash,_smm,smm.fish}: a section starting with the line "# [smm <path>]" (up to
//   the next "# [" line) for every command, naming its subcommands and long flags (fish writes
//   "-l name", the others "--name").
// The help flag is registered on every command; it is checked once, with the global flags.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/runtime.hpp"
#include "smm/io/test_streams.hpp"
#include "support/catch.hpp"

namespace {

namespace fs = std::filesystem;

struct Command {
  std::vector<std::string> path;  ///< {"plan", "add"}; empty for the root
  const CLI::App* app;
};

void collect(const CLI::App* app, const std::vector<std::string>& path, std::vector<Command>& out) {
  out.push_back({path, app});
  for (const CLI::App* sub : app->get_subcommands({})) {
    auto next = path;
    next.push_back(sub->get_name());
    collect(sub, next, out);
  }
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::string read_source(const std::string& relative) {
  std::ifstream in(fs::path(SMM_SOURCE_DIR) / relative, std::ios::binary);
  if (!in) {
    FAIL_CHECK(relative << " is missing");
    return {};
  }
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

/// Roff as a reader sees it: font escapes (\fB, \f(BI, \f[B]) and zero-width \& removed, \- as -,
/// \~ as a space, other backslashes dropped.
std::string normalise_roff(const std::string& roff) {
  std::string out;
  for (std::size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] != '\\' || i + 1 >= roff.size()) {
      out += roff[i];
      continue;
    }
    char next = roff[i + 1];
    if (next == 'f') {
      if (i + 2 < roff.size() && roff[i + 2] == '(') {
        i += 4;
      } else if (i + 2 < roff.size() && roff[i + 2] == '[') {
        auto close = roff.find(']', i);
        i = close == std::string::npos ? roff.size() : close;
      } else {
        i += 2;
      }
    } else if (next == '-') {
      out += '-';
      ++i;
    } else if (next == '~') {
      out += ' ';
      ++i;
    } else if (next == '&') {
      ++i;
    }
    // Any other backslash is dropped and the character after it kept.
  }
  return out;
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/// True when `word` occurs in `text` not as part of a longer name ("--at" is not in "--all" or
/// "---at", "smm plan" is not in "smm planned").
bool has_word(const std::string& text, const std::string& word) {
  for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    auto end = pos + word.size();
    if ((pos == 0 || !name_char(text[pos - 1])) && (end >= text.size() || !name_char(text[end]))) {
      return true;
    }
  }
  return false;
}

/// One line per missing name, for the failure message.
std::string listing(const std::vector<std::string>& missing) {
  std::string out;
  for (const auto& m : missing) {
    out += "  " + m + "\n";
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto first = line.find_first_not_of(" \t");
    auto last = line.find_last_not_of(" \t\r");
    lines.push_back(first == std::string::npos ? "" : line.substr(first, last - first + 1));
  }
  return lines;
}

/// The lines from the one equal to `marker` up to the next starting with one of `ends`.
std::optional<std::string> section(const std::string& text, const std::string& marker, const std::vector<std::string>& ends) {
  auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != marker) {
      continue;
    }
    std::string out;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      bool end = false;
      for (const auto& e : ends) {
        end = end || lines[j].starts_with(e);
      }
      if (end) {
        break;
      }
      out += lines[j] + "\n";
    }
    return out;
  }
  return std::nullopt;
}

/// The man page text that must name `cmd`'s flags: the whole page for the root and the verbs,
/// the ".SS smm <verb> <sub>" section for deeper commands.
std::optional<std::string> man_scope(const Command& cmd, std::string& where) {
  where = cmd.path.empty() ? "man/smm.1" : "man/smm-" + cmd.path.front() + ".1";
  std::string page = normalise_roff(read_source(where));
  if (cmd.path.size() < 2) {
    return page;
  }
  std::string title = "smm " + join(cmd.path);
  where += " (section .SS " + title + ")";
  auto found = section(page, ".SS " + title, {".SS", ".SH"});
  if (!found) {
    found = section(page, ".SS \"" + title + "\"", {".SS", ".SH"});
  }
  return found;
}

const std::vector<std::string> k_completion_files = {"completions/smm.bash", "completions/_smm", "completions/smm.fish"};

/// How a long flag is written in a completion file.
std::string completion_flag(const std::string& file, const std::string& name) {
  return file.ends_with(".fish") ? "-l " + name : "--" + name;
}

std::vector<Command> all_commands(std::unique_ptr<CLI::App>& owner, smm::cmd::Runtime& rt) {
  owner = smm::cmd::make_app(rt);
  std::vector<Command> commands;
  collect(owner.get(), {}, commands);
  return commands;
}

}  // namespace

TEST_CASE("man pages name every verb, subcommand and long flag", "[docs]") {
  smm::io::TestStreams io;
  smm::Context ctx{io, [] { return smm::time::Instant{}; }, fs::current_path(), smm::Env{}};
  smm::cmd::Runtime rt(ctx);
  std::unique_ptr<CLI::App> app;
  auto commands = all_commands(app, rt);
  REQUIRE(commands.size() > 3);

  std::vector<std::string> missing;
  std::size_t checked = 0;
  for (const auto& cmd : commands) {
    std::string where;
    auto scope = man_scope(cmd, where);
    std::string name = cmd.path.empty() ? "smm" : "smm " + join(cmd.path);
    if (!scope) {
      missing.push_back("`" + name + "` has no section in " + where);
      continue;
    }
    for (const CLI::Option* opt : cmd.app->get_options()) {
      if (!cmd.path.empty() && opt == cmd.app->get_help_ptr()) {
        continue;
      }
      for (const auto& lname : opt->get_lnames()) {
        ++checked;
        if (!has_word(*scope, "--" + lname)) {
          missing.push_back("flag --" + lname + " of `" + name + "` is missing from " + where);
        }
      }
    }
    if (cmd.path.empty()) {
      for (const CLI::App* verb : cmd.app->get_subcommands({})) {
        ++checked;
        if (!has_word(*scope, "smm " + verb->get_name())) {
          missing.push_back("verb `" + verb->get_name() + "` is missing from man/smm.1");
        }
        if (!fs::exists(fs::path(SMM_SOURCE_DIR) / ("man/smm-" + verb->get_name() + ".1"))) {
          missing.push_back("man/smm-" + verb->get_name() + ".1 is missing");
        }
      }
    }
  }
  INFO("missing from the man pages:\n" << listing(missing));
  CHECK(missing.empty());
  CHECK(checked > 40);
}

TEST_CASE("shell completions name every verb, subcommand and long flag", "[docs]") {
  smm::io::TestStreams io;
  smm::Context ctx{io, [] { return smm::time::Instant{}; }, fs::current_path(), smm::Env{}};
  smm::cmd::Runtime rt(ctx);
  std::unique_ptr<CLI::App> app;
  auto commands = all_commands(app, rt);

  std::vector<std::string> missing;
  std::size_t checked = 0;
  for (const auto& file : k_completion_files) {
    std::string text = read_source(file);
    for (const auto& cmd : commands) {
      std::string name = cmd.path.empty() ? "smm" : "smm " + join(cmd.path);
      std::string marker = "# [" + name + "]";
      auto scope = section(text, marker, {"# ["});
      if (!scope) {
        missing.push_back("`" + name + "` has no \"" + marker + "\" section in " + file);
        continue;
      }
      for (const CLI::App* sub : cmd.app->get_subcommands({})) {
        ++checked;
        if (!has_word(*scope, sub->get_name())) {
          missing.push_back("subcommand `" + name + " " + sub->get_name() + "` is missing from the \"" + marker +
                            "\" section of " + file);
        }
      }
      for (const CLI::Option* opt : cmd.app->get_options()) {
        if (!cmd.path.empty() && opt == cmd.app->get_help_ptr()) {
          continue;
        }
        for (const auto& lname : opt->get_lnames()) {
          ++checked;
          if (!has_word(*scope, completion_flag(file, lname))) {
            missing.push_back("flag --" + lname + " of `" + name + "` is missing from the \"" + marker + "\" section of " + file);
          }
        }
      }
    }
  }
  INFO("missing from the completions:\n" << listing(missing));
  CHECK(missing.empty());
  CHECK(checked > 3 * 40);
}

TEST_CASE("the docs checks see through roff and reject partial names", "[docs]") {
  CHECK(normalise_roff(R"(\fB\-\-dry\-run\fR and \f(BI\-\-at\fP \f[B]\-\-to\f[])") == "--dry-run and --at --to");
  CHECK(has_word("use --at WHEN", "--at"));
  CHECK_FALSE(has_word("use --all", "--at"));
  CHECK_FALSE(has_word("use ---at", "--at"));
  CHECK(has_word("{-C,--project}", "--project"));
  CHECK_FALSE(has_word("smm planned", "smm plan"));
  CHECK(has_word("-l first-comment -x", "-l first-comment"));
  CHECK_FALSE(has_word("-l first-comment-x", "-l first-comment"));
  auto s = section("a\n# [smm plan]\nadd list\n# [smm plan add]\n--to\n", "# [smm plan]", {"# ["});
  REQUIRE(s);
  CHECK(*s == "add list\n");
  CHECK_FALSE(section("a\n", "# [smm]", {"# ["}));
}
