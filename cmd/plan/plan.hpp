// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cmd/runtime.hpp"
#include "smm/time/period.hpp"

namespace smm::cmd {

struct PlanOptions {
  // shared
  std::string id;
  std::vector<std::string> ids;
  std::string period;
  std::string begin;
  std::string end;
  std::string account;
  std::string status;
  std::string tag;
  std::string campaign;
  bool all = false;
  bool dry_run = false;
  bool yes = false;
  // add / set
  std::string text;
  std::vector<std::string> to;
  std::string at;
  bool queue = false;
  std::vector<std::string> media;
  std::vector<std::string> alt;
  std::vector<std::string> tags;
  std::string thread;
  std::string first_comment;
  bool draft = false;
  // slots
  std::optional<std::string> set_slots;
  // import / export
  std::string file;
  // calendar
  bool week = false;
  bool month = false;
  std::string ics;
  // approve
  std::string by;
};

Result<int> run_plan_add(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_list(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_show(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_diff(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_edit(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_set(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_rm(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_slots(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_queue(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_import(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_export(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_calendar(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_approve(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_pause(Runtime& rt, const PlanOptions& opts);
Result<int> run_plan_resume(Runtime& rt, const PlanOptions& opts);

/// The period selected by -p/-b/-e (all open when none is given).
Result<time::Period> selected_period(const Runtime& rt, const PlanOptions& opts, const time::Zone& zone);
/// Parses a --at value in `zone`, with the flag named in errors.
Result<time::Instant> parse_at(const Runtime& rt, const std::string& text, const time::Zone& zone);
/// Loads the project and the one post `id` (not_found with a hint when missing).
Result<project::Project> load_with_post(Runtime& rt, const std::string& id);

}  // namespace smm::cmd

namespace smm::cmd {
/// Opens `initial` in $VISUAL/$EDITOR (a temp file under .smm/ with `suffix`) and returns what
/// was saved. Usage error with --no-input.
Result<std::string> edit_in_editor(Runtime& rt, const std::filesystem::path& root, const std::string& initial,
                                   const std::string& suffix);
/// All of stdin.
std::string read_stdin(Runtime& rt);
/// Saves posts, stopping at the first failure.
Result<void> save_posts(const project::Project& project, const std::vector<const project::Post*>& posts);
}  // namespace smm::cmd

namespace smm::cmd {
Result<void> apply_content(Runtime& rt, const PlanOptions& opts, const project::Project& proj, project::Post& post);
void warn_limits(Runtime& rt, const project::Project& proj, const project::Post& post);
Result<void> queue_and_save(Runtime& rt, project::Project& proj, const std::string& id);
}  // namespace smm::cmd

namespace smm::cmd {
/// Posts matching the list filters (-p/-b/-e, --account, --status, --tag, --campaign), sorted by
/// time (unscheduled last), then id. `default_upcoming`: without --status/--all/-p, leave out
/// published posts.
Result<std::vector<const project::Post*>> select_posts(Runtime& rt, const PlanOptions& opts, const project::Project& proj,
                                                       bool default_upcoming);
}  // namespace smm::cmd
