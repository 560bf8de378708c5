// SPDX-License-Identifier: MIT
#include <ostream>

#include "cmd/plan/plan.hpp"
#include "smm/plan/create.hpp"
#include "smm/plan/queue.hpp"
#include "smm/plan/render.hpp"
#include "smm/text/suggest.hpp"

namespace smm::cmd {
namespace {

Result<std::string> post_text(Runtime& rt, const PlanOptions& opts, const std::filesystem::path& root) {
  if (opts.text == "-") {
    return read_stdin(rt);
  }
  if (!opts.text.empty()) {
    return opts.text;
  }
  if (!rt.ctx.io.in_is_tty()) {
    return fail(ErrorKind::usage, "no text given", "pass the text as an argument, or - to read it from stdin");
  }
  return edit_in_editor(rt, root, "", ".txt");
}

std::string trim_text(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

/// Fills targets, media, tags and the rest from flags; shared by add and set.
Result<void> apply_content(Runtime& rt, const PlanOptions& opts, const project::Project& proj, project::Post& post) {
  if (!opts.to.empty()) {
    post.targets.clear();
    for (const auto& t : opts.to) {
      if (proj.account(t) == nullptr) {
        std::string hint = text::did_you_mean(t, proj.account_names());
        return fail(ErrorKind::usage, "unknown account \"" + t + "\"", hint.empty() ? "see `smm account list`" : hint, "--to");
      }
      if (std::find(post.targets.begin(), post.targets.end(), t) == post.targets.end()) {
        post.targets.push_back(t);
      }
    }
  }
  if (opts.alt.size() > opts.media.size()) {
    return fail(ErrorKind::usage, "more --alt than --media", "give each --alt after the --media it describes", "--alt");
  }
  for (std::size_t i = 0; i < opts.media.size(); ++i) {
    std::filesystem::path file = opts.media[i];
    auto abs = (file.is_absolute() ? file : rt.ctx.cwd / file).lexically_normal();
    auto rel = abs.lexically_relative(proj.root);
    if (rel.empty() || rel.string().starts_with("..")) {
      return fail(ErrorKind::usage, "media file " + opts.media[i] + " is outside the project",
                  "copy it into " + (proj.root / "media").string() + " first", "--media");
    }
    if (!std::filesystem::exists(abs)) {
      return fail(ErrorKind::usage, "media file " + opts.media[i] + " does not exist", "check the path", "--media");
    }
    post.media.push_back({rel.string(), i < opts.alt.size() ? opts.alt[i] : "", project::Json::object()});
  }
  for (const auto& t : opts.tags) {
    if (std::find(post.tags.begin(), post.tags.end(), t) == post.tags.end()) {
      post.tags.push_back(t);
    }
  }
  if (!opts.campaign.empty()) {
    post.campaign = opts.campaign;
  }
  if (!opts.thread.empty()) {
    post.thread = opts.thread;
  }
  if (!opts.first_comment.empty()) {
    post.first_comment = opts.first_comment;
  }
  return {};
}

/// Warns about parts over a target's limit (thread splitting off or no room to split).
void warn_limits(Runtime& rt, const project::Project& proj, const project::Post& post) {
  for (const auto& t : plan::render(proj, post)) {
    for (std::size_t i = 0; i < t.parts.size() && t.over; ++i) {
      const auto& part = t.parts[i];
      if (!part.over) {
        continue;
      }
      std::string where = t.parts.size() > 1 ? "part " + std::to_string(i + 1) + " of the text" : "the text";
      std::string count = std::to_string(part.length) + "/" + std::to_string(t.limit) + " " +
                          (*t.unit != '\0' ? t.unit : "characters");
      if (t.limit <= 0 || part.length <= static_cast<std::size_t>(t.limit)) {
        count = std::to_string(part.bytes) + "/" + std::to_string(t.byte_limit) + " bytes";
      }
      rt.warn(post.id + ": " + where + " for " + t.account + " is over its limit (" + count + "); see `smm plan show " +
              post.id + "`");
    }
  }
}

/// Runs the queue and saves every post it moved; prints where `id` went.
Result<void> queue_and_save(Runtime& rt, project::Project& proj, const std::string& id) {
  auto placed = plan::queue(proj, rt.now());
  rt.report(placed.problems);
  std::vector<const project::Post*> changed;
  for (const auto& m : placed.moved) {
    changed.push_back(proj.post(m.id));
    if (m.id != id) {
      rt.note("moved " + m.id + " to " + time::format_rfc3339(m.to, proj.zone_for(*proj.post(m.id))));
    }
  }
  return save_posts(proj, changed);
}

Result<int> run_plan_add(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  if (!opts.at.empty() && opts.queue) {
    return fail(ErrorKind::usage, "--at and --queue both given", "a post has a fixed time (--at) or takes the next free slot (--queue)");
  }
  project::Post post;
  if (auto ok = apply_content(rt, opts, *proj, post); !ok) {
    return std::unexpected(ok.error());
  }
  if (post.targets.empty()) {
    if (proj->accounts.size() != 1) {
      return fail(ErrorKind::usage, "no target account", "pass --to ACCOUNT (see `smm account list`)");
    }
    post.targets.push_back(proj->accounts.begin()->first);
  }
  auto zone = proj->zone_for(post);
  if (!opts.at.empty()) {
    auto at = parse_at(rt, opts.at, zone);
    if (!at) {
      return std::unexpected(at.error());
    }
    post.set_at(*at, zone);
    if (*at < rt.now() && !opts.draft) {
      rt.warn("the time " + post.at_text + " is in the past; `smm post` will publish it at its next run");
    }
  }
  post.status = opts.draft ? "draft" : (post.at ? "scheduled" : "queued");
  auto text = post_text(rt, opts, proj->root);
  if (!text) {
    return std::unexpected(text.error());
  }
  post.text = trim_text(*text);
  if (post.text.empty() && post.media.empty()) {
    return fail(ErrorKind::usage, "the post is empty", "give it some text or --media");
  }
  post.created = time::format_rfc3339(plan::CreatedClock(*proj, rt.now()).next(), zone);
  if (!opts.id.empty()) {
    if (!project::valid_id(opts.id)) {
      return fail(ErrorKind::usage, "invalid id \"" + opts.id + "\"", "use lower-case letters, digits and '-'", "--id");
    }
    if (proj->post(opts.id) != nullptr || std::filesystem::exists(proj->root / project::Project::post_path(opts.id))) {
      return fail(ErrorKind::conflict, "a post \"" + opts.id + "\" already exists", "pick another --id");
    }
    post.id = opts.id;
  } else {
    post.id = plan::make_id(post.at.value_or(rt.now()), zone, post.text, [&](const std::string& id) {
      return std::filesystem::exists(proj->root / project::Project::post_path(id));
    });
  }
  if (auto problems = project::validate_post(post, *proj); !problems.empty()) {
    rt.report(problems);
    return fail(ErrorKind::usage, "the post is not valid", "nothing was saved");
  }
  if (auto ok = project::save_post(proj->root, post); !ok) {
    return std::unexpected(ok.error());
  }
  auto pos = std::lower_bound(proj->posts.begin(), proj->posts.end(), post.id,
                              [](const project::Post& p, const std::string& v) { return p.id < v; });
  proj->posts.insert(pos, post);
  if (post.status == "queued") {
    if (auto ok = queue_and_save(rt, *proj, post.id); !ok) {
      return std::unexpected(ok.error());
    }
  }
  const project::Post& saved = *proj->post(post.id);
  warn_limits(rt, *proj, saved);
  rt.ctx.io.out() << saved.id << "\n";
  std::string when = saved.at ? " for " + saved.at_text : " (no time yet)";
  rt.note("Planned " + saved.id + " (" + saved.status + ")" + when);
  rt.report_unrelated(proj->problems);
  return 0;
}

}  // namespace smm::cmd
