// SPDX-License-Identifier: MIT
#include <ostream>

#include "cmd/plan/plan.hpp"
#include "smm/project/files.hpp"

namespace smm::cmd {

Result<int> run_plan_edit(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  std::string path = project::Project::post_path(opts.id);
  auto original = project::read_file(proj->root / path);
  if (!original) {
    auto missing = load_with_post(rt, opts.id);
    return std::unexpected(missing ? original.error() : missing.error());
  }
  std::string text = *original;
  for (;;) {
    auto edited = edit_in_editor(rt, proj->root, text, ".json");
    if (!edited) {
      return std::unexpected(edited.error());
    }
    if (*edited == *original) {
      rt.note("No changes.");
      return 0;
    }
    project::Problems problems;
    auto post = project::decode_post(*edited, opts.id, path);
    if (!post) {
      problems = post.error();
    } else {
      problems = project::validate_post(*post, *proj);
    }
    if (problems.empty()) {
      // Saved in canonical bytes so a hand edit leaves a tidy, diffable file.
      if (auto ok = project::save_post(proj->root, *post); !ok) {
        return std::unexpected(ok.error());
      }
      rt.note("Saved " + path);
      return 0;
    }
    rt.report(problems);
    if (!rt.ctx.io.confirm("The post is not valid. Edit again?")) {
      return fail(ErrorKind::runtime, "not saved: the edited post is not valid", path + " is unchanged");
    }
    text = *edited;
  }
}

Result<int> run_plan_set(Runtime& rt, const PlanOptions& opts) {
  auto proj = load_with_post(rt, opts.id);
  if (!proj) {
    return std::unexpected(proj.error());
  }
  project::Post post = *proj->post(opts.id);
  bool moving = !opts.at.empty() || opts.queue || !opts.status.empty();
  if (moving && post.any_published()) {
    return fail(ErrorKind::conflict, "post \"" + opts.id + "\" is already published (in part or whole)",
                "a published post keeps its time; plan a new post instead");
  }
  if (!opts.at.empty() && opts.queue) {
    return fail(ErrorKind::usage, "--at and --queue both given", "a post has a fixed time (--at) or takes the next free slot (--queue)");
  }
  if (auto ok = apply_content(rt, opts, *proj, post); !ok) {
    return std::unexpected(ok.error());
  }
  if (!opts.text.empty()) {
    post.text = opts.text == "-" ? read_stdin(rt) : opts.text;
    while (!post.text.empty() && (post.text.back() == '\n' || post.text.back() == '\r')) {
      post.text.pop_back();
    }
  }
  if (!opts.at.empty()) {
    auto zone = proj->zone_for(post);
    auto at = parse_at(rt, opts.at, zone);
    if (!at) {
      return std::unexpected(at.error());
    }
    post.set_at(*at, zone);
    post.status = opts.status.empty() ? "scheduled" : opts.status;
  } else if (opts.queue) {
    post.status = "queued";
  } else if (!opts.status.empty()) {
    post.status = opts.status;
  }
  if (auto problems = project::validate_post(post, *proj); !problems.empty()) {
    rt.report(problems);
    return fail(ErrorKind::usage, "the change would make the post invalid", "nothing was saved");
  }
  *proj->post(opts.id) = post;
  if (auto ok = project::save_post(proj->root, post); !ok) {
    return std::unexpected(ok.error());
  }
  if (post.status == "queued") {
    if (auto ok = queue_and_save(rt, *proj, post.id); !ok) {
      return std::unexpected(ok.error());
    }
  }
  warn_limits(rt, *proj, *proj->post(opts.id));
  rt.report_unrelated(proj->problems);
  rt.note("Updated " + opts.id);
  return 0;
}

Result<int> run_plan_rm(Runtime& rt, const PlanOptions& opts) {
  auto root = rt.project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  for (const auto& id : opts.ids) {
    if (!project::valid_id(id) || !std::filesystem::exists(*root / project::Project::post_path(id))) {
      return fail(ErrorKind::not_found, "no post \"" + id + "\"", "nothing was removed; see `smm plan list --all`");
    }
  }
  if (!opts.yes) {
    if (!rt.ctx.io.can_prompt()) {
      return fail(ErrorKind::usage, "removing posts needs confirmation", "pass --yes");
    }
    if (!rt.ctx.io.confirm("Remove " + std::to_string(opts.ids.size()) + " post(s)?")) {
      return fail(ErrorKind::usage, "nothing was removed", "pass --yes to remove without asking");
    }
  }
  for (const auto& id : opts.ids) {
    if (auto ok = project::remove_file(*root / project::Project::post_path(id)); !ok) {
      return std::unexpected(ok.error());
    }
    rt.note("Removed " + id);
  }
  return 0;
}

}  // namespace smm::cmd
