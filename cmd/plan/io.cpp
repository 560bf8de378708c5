// SPDX-License-Identifier: MIT
// `plan import` and `plan export`: the CSV round trip (columns in smm/plan/csv_io.hpp).
#include <algorithm>

#include "cmd/plan/plan.hpp"
#include "smm/csv/csv.hpp"
#include "smm/plan/csv_io.hpp"
#include "smm/project/files.hpp"

namespace smm::cmd {
namespace {

struct Counts {
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t failed = 0;
};

/// The file (or stdin for "-") as a CSV table; a syntax error is located at `display`.
Result<csv::Table> read_table(Runtime& rt, const std::string& file, const std::string& display) {
  std::string text;
  if (file == "-") {
    text = read_stdin(rt);
  } else {
    std::filesystem::path path = file;
    auto bytes = project::read_file(path.is_absolute() ? path : rt.ctx.cwd / path);
    if (!bytes) {
      return std::unexpected(bytes.error());
    }
    text = std::move(*bytes);
  }
  auto table = csv::parse_table(text);
  if (!table) {
    Error e = table.error();
    e.location = display;
    e.hint += e.hint.empty() ? "nothing was imported" : "; nothing was imported";
    return std::unexpected(e);
  }
  return table;
}

/// Saves the new and changed posts and puts them into `proj` (for the queue). True when one of
/// them is queued.
Result<bool> land(project::Project& proj, const std::vector<plan::RowOutcome>& rows) {
  bool queued = false;
  std::vector<project::Post> created;
  for (const auto& r : rows) {
    if (r.action != plan::RowAction::created && r.action != plan::RowAction::updated) {
      continue;
    }
    if (auto ok = project::save_post(proj.root, r.post); !ok) {
      return std::unexpected(ok.error());
    }
    queued = queued || r.post.status == "queued";
    if (r.action == plan::RowAction::updated) {
      *proj.post(r.id) = r.post;
    } else {
      created.push_back(r.post);
    }
  }
  if (!created.empty()) {
    proj.posts.insert(proj.posts.end(), std::make_move_iterator(created.begin()),
                      std::make_move_iterator(created.end()));
    std::sort(proj.posts.begin(), proj.posts.end(),
              [](const project::Post& a, const project::Post& b) { return a.id < b.id; });
  }
  return queued;
}

/// Prints each bad row's problems, counts the actions and builds the stdout table.
output::Table results(Runtime& rt, const std::vector<plan::RowOutcome>& rows, Counts& counts) {
  output::Table table{{{"row", true}, {"id"}, {"action"}}, {}};
  table.rows.reserve(rows.size());
  for (const auto& r : rows) {
    rt.report(r.problems);
    counts.created += r.action == plan::RowAction::created ? 1 : 0;
    counts.updated += r.action == plan::RowAction::updated ? 1 : 0;
    counts.unchanged += r.action == plan::RowAction::unchanged ? 1 : 0;
    counts.failed += r.action == plan::RowAction::error ? 1 : 0;
    table.rows.push_back(
        {static_cast<std::int64_t>(r.row), r.id, std::string(plan::action_name(r.action))});
  }
  return table;
}

std::string summary(const Counts& c, bool dry_run) {
  std::string counts = std::to_string(c.created) + " new, " + std::to_string(c.updated) +
                       " updated, " + std::to_string(c.unchanged) + " unchanged, " +
                       std::to_string(c.failed) + " failed";
  return dry_run ? "dry run: would import " + counts + "; nothing was written"
                 : "imported: " + counts;
}

}  // namespace

Result<int> run_plan_import(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  std::string display = opts.file == "-" ? "stdin" : opts.file;
  auto table = read_table(rt, opts.file, display);
  if (!table) {
    return std::unexpected(table.error());
  }
  auto imported = plan::plan_import(*proj, *table, display, rt.now());
  if (!imported) {
    return std::unexpected(imported.error());
  }
  rt.report_unrelated(proj->problems);
  if (!imported->unknown_columns.empty()) {
    std::string names;
    for (const auto& n : imported->unknown_columns) {
      names += (names.empty() ? "\"" : ", \"") + n + "\"";
    }
    rt.warn(display + ": ignoring unknown column" +
            (imported->unknown_columns.size() == 1 ? " " : "s ") + names);
  }
  Counts counts;
  output::Table out = results(rt, imported->rows, counts);
  if (!opts.dry_run) {
    auto queued = land(*proj, imported->rows);
    if (!queued) {
      return std::unexpected(queued.error());
    }
    if (*queued) {
      if (auto ok = queue_and_save(rt, *proj, ""); !ok) {
        return std::unexpected(ok.error());
      }
    }
  }
  if (auto ok = rt.emit(out); !ok) {
    return std::unexpected(ok.error());
  }
  rt.note(summary(counts, opts.dry_run));
  return counts.failed > 0 ? 1 : 0;
}

Result<int> run_plan_export(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto posts = select_posts(rt, opts, *proj, false);
  if (!posts) {
    return std::unexpected(posts.error());
  }
  std::size_t problems = rt.report(proj->problems);
  if (auto ok = rt.write_out(plan::export_csv(*posts)); !ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

}  // namespace smm::cmd
