// SPDX-License-Identifier: MIT
#include "cmd/plan/plan.hpp"
#include "smm/text/suggest.hpp"
#include "smm/time/period.hpp"

namespace smm::cmd {

Result<time::Period> selected_period(const Runtime& rt, const PlanOptions& opts, const time::Zone& zone) {
  time::Period period;
  if (!opts.period.empty()) {
    auto p = time::parse_period(opts.period, rt.now(), zone);
    if (!p) {
      Error e = p.error();
      e.location = "-p";
      return std::unexpected(e);
    }
    period = *p;
  }
  auto bound = [&](const std::string& text, const char* flag, std::optional<time::Instant>& into) -> Result<void> {
    if (text.empty()) {
      return {};
    }
    auto at = time::parse_date_start(text, rt.now(), zone);
    if (!at) {
      Error e = at.error();
      e.location = flag;
      return std::unexpected(e);
    }
    into = *at;
    return {};
  };
  auto ok = bound(opts.begin, "-b", period.begin);
  if (ok) {
    ok = bound(opts.end, "-e", period.end);
  }
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return period;
}

Result<time::Instant> parse_at(const Runtime& rt, const std::string& text, const time::Zone& zone) {
  auto at = time::parse_when(text, rt.now(), zone);
  if (!at) {
    Error e = at.error();
    e.location = "--at";
    return std::unexpected(e);
  }
  return *at;
}

Result<project::Project> load_with_post(Runtime& rt, const std::string& id) {
  auto proj = rt.load_project();
  if (!proj) {
    return proj;
  }
  if (proj->post(id) != nullptr) {
    return proj;
  }
  for (const auto& problem : proj->problems) {
    if (problem.location.starts_with(project::Project::post_path(id))) {
      return std::unexpected(problem);
    }
  }
  std::vector<std::string> ids;
  for (const auto& p : proj->posts) {
    ids.push_back(p.id);
  }
  std::string hint = text::did_you_mean(id, ids);
  return fail(ErrorKind::not_found, "no post \"" + id + "\"", hint.empty() ? "see `smm plan list --all` for post ids" : hint);
}

}  // namespace smm::cmd

#include <unistd.h>

#include <cstdlib>
#include <istream>
#include <iterator>
#include <sstream>

#include "smm/project/files.hpp"

namespace smm::cmd {

std::string read_stdin(Runtime& rt) {
  std::ostringstream all;
  all << rt.ctx.io.in().rdbuf();
  return all.str();
}

Result<std::string> edit_in_editor(Runtime& rt, const std::filesystem::path& root, const std::string& initial,
                                   const std::string& suffix) {
  auto editor = rt.ctx.env.get("VISUAL");
  if (!editor || editor->empty()) {
    editor = rt.ctx.env.get("EDITOR");
  }
  if (rt.global.no_input) {
    return fail(ErrorKind::usage, "an editor is needed but --no-input was given", "pass the text as an argument or on stdin");
  }
  if (!editor || editor->empty()) {
    editor = "vi";
  }
  std::error_code ec;
  std::filesystem::create_directories(root / ".smm", ec);
  auto path = root / ".smm" / ("edit-" + std::to_string(::getpid()) + suffix);
  if (auto ok = project::write_file_atomic(path, initial); !ok) {
    return std::unexpected(ok.error());
  }
  std::string command = *editor + " '" + path.string() + "'";
  int status = std::system(command.c_str());  // NOLINT: the editor is the user's own choice
  auto text = project::read_file(path);
  std::filesystem::remove(path, ec);
  if (status != 0) {
    return fail(ErrorKind::runtime, "the editor (" + *editor + ") exited with status " + std::to_string(status),
                "nothing was saved");
  }
  return text;
}

Result<void> save_posts(const project::Project& project, const std::vector<const project::Post*>& posts) {
  for (const auto* p : posts) {
    if (auto ok = project::save_post(project.root, *p); !ok) {
      return ok;
    }
  }
  return {};
}

}  // namespace smm::cmd
