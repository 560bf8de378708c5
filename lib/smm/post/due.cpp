// SPDX-License-Identifier: MIT
#include "smm/post/due.hpp"

#include <algorithm>

#include "smm/plan/render.hpp"

namespace smm::post {
namespace {

bool named(const Selection& s, const std::string& id) {
  return std::find(s.ids.begin(), s.ids.end(), id) != s.ids.end();
}

/// Why a due target must wait for a person, or "".
std::string held_because(const project::Project& project, const project::Post& post, const std::string& account) {
  const project::Account* acc = project.account(account);
  if (project.settings.paused) {
    return "paused (smm plan resume)";
  }
  if (acc != nullptr && acc->paused) {
    return "account paused (smm plan resume --account " + account + ")";
  }
  if (project.settings.approval_required) {
    if (!post.approval) {
      return "needs approval (smm plan approve " + post.id + ")";
    }
    if (post.approval->hash != plan::payload_hash(project, post)) {
      return "changed since it was approved (review it, then smm plan approve " + post.id + ")";
    }
  }
  return {};
}

/// The action for one target of a post that is due, or nullopt when there is nothing to do.
std::optional<Task> decide(const project::Project& project, const project::Post& post, const std::string& account,
                           const Selection& s) {
  auto it = post.publish.find(account);
  const project::TargetState* st = it == post.publish.end() ? nullptr : &it->second;
  std::string state = st == nullptr ? "" : st->state;
  bool explicit_post = named(s, post.id);
  if (state == "published") {
    return std::nullopt;
  }
  if (state == "failed" && !s.retry_failed && !explicit_post &&
      !(st->retryable && st->attempts < k_max_attempts)) {
    return std::nullopt;
  }
  if (state == "missed" && !s.catch_up && !explicit_post) {
    return std::nullopt;
  }
  if (std::string why = held_because(project, post, account); !why.empty()) {
    return Task{post.id, account, Action::hold, why};
  }
  bool never_tried = state.empty();
  if (never_tried && !explicit_post && !s.catch_up && post.at && s.now - *post.at > s.max_late) {
    return Task{post.id, account, Action::miss,
                "due " + time::relative(*post.at, s.now) + ", over max_late " + time::format_duration(s.max_late)};
  }
  return Task{post.id, account, Action::publish, {}};
}

Result<void> check_named(const project::Project& project, const Selection& s) {
  for (const auto& id : s.ids) {
    const auto& posts = project.posts;
    auto it = std::find_if(posts.begin(), posts.end(), [&](const project::Post& p) { return p.id == id; });
    if (it == posts.end()) {
      return fail(ErrorKind::not_found, "no post \"" + id + "\"", "see `smm plan list` for post ids");
    }
    if (it->status == "draft") {
      return fail(ErrorKind::usage, "post \"" + id + "\" is a draft",
                  "schedule it first: smm plan set " + id + " --status scheduled");
    }
  }
  return {};
}

}  // namespace

Result<std::vector<Task>> select(const project::Project& project, const Selection& s) {
  if (auto ok = check_named(project, s); !ok) {
    return std::unexpected(ok.error());
  }
  std::vector<const project::Post*> due;
  for (const auto& post : project.posts) {
    bool is_named = named(s, post.id);
    if (!s.ids.empty() && !is_named) {
      continue;
    }
    bool timely = post.status == "scheduled" && post.at && *post.at <= s.now;
    if (is_named ? post.status != "draft" : timely) {
      due.push_back(&post);
    }
  }
  std::stable_sort(due.begin(), due.end(), [](const project::Post* a, const project::Post* b) {
    return a->at.value_or(time::Instant{}) < b->at.value_or(time::Instant{});
  });
  std::vector<Task> tasks;
  for (const auto* post : due) {
    for (const auto& account : post->targets) {
      if (!s.account.empty() && account != s.account) {
        continue;
      }
      if (auto task = decide(project, *post, account, s)) {
        tasks.push_back(std::move(*task));
      }
    }
  }
  return tasks;
}

Result<time::Duration> configured_max_late(const project::Project& project) {
  auto it = project.settings.extra.find("max_late");
  if (it == project.settings.extra.end()) {
    return k_default_max_late;
  }
  if (!it->is_string()) {
    return fail(ErrorKind::runtime, "max_late must be a duration such as \"2h\"", "", "smm.json: /max_late");
  }
  auto d = time::parse_duration(it->get<std::string>());
  if (!d) {
    return fail(ErrorKind::runtime, d.error().message, "write a duration such as \"30m\", \"2h\" or \"1d\"",
                "smm.json: /max_late");
  }
  return *d;
}

}  // namespace smm::post
