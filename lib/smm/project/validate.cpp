// SPDX-License-Identifier: MIT
#include <algorithm>

#include "smm/project/project.hpp"
#include "smm/text/suggest.hpp"

namespace smm::project {

Problems validate_post(const Post& post, const Project& project) {
  Problems problems;
  std::string path = Project::post_path(post.id);
  auto problem = [&](const std::string& ptr, std::string message, std::string hint = {}) {
    problems.push_back(located(path, ptr, std::move(message), std::move(hint)));
  };
  const auto* status_end = std::end(k_statuses);
  if (std::find_if(std::begin(k_statuses), status_end, [&](const char* s) { return post.status == s; }) == status_end) {
    problem("/status", "unknown status \"" + post.status + "\"", "use draft, queued or scheduled");
  }
  if (post.status == "scheduled" && !post.at) {
    problem("/at", "a scheduled post needs a time", "set \"at\", or make it \"queued\" and run `smm plan queue`");
  }
  if (post.targets.empty()) {
    problem("/targets", "a post needs at least one target account", "add an account name, e.g. [\"feed\"]");
  }
  for (std::size_t i = 0; i < post.targets.size(); ++i) {
    const auto& t = post.targets[i];
    if (project.account(t) == nullptr) {
      std::string hint = text::did_you_mean(t, project.account_names());
      problem("/targets/" + std::to_string(i), "unknown account \"" + t + "\"" + (hint.empty() ? "" : " (" + hint + ")"),
              "see `smm account list`");
    }
  }
  for (const auto& [account, text] : post.variants) {
    if (std::find(post.targets.begin(), post.targets.end(), account) == post.targets.end()) {
      problem("/variants/" + account, "variant for \"" + account + "\", which is not a target", "add it to targets or remove the variant");
    }
  }
  if (!post.zone.empty()) {
    if (auto z = time::find_zone(post.zone); !z) {
      problem("/zone", z.error().message, z.error().hint);
    }
  }
  if (!post.thread.empty() && post.thread != "auto" && post.thread != "off") {
    problem("/thread", "unknown thread mode \"" + post.thread + "\"", "use auto or off");
  }
  for (std::size_t i = 0; i < post.media.size(); ++i) {
    if (post.media[i].path.empty()) {
      problem("/media/" + std::to_string(i) + "/path", "media needs a path", "a file path relative to the project root");
    }
  }
  return problems;
}

}  // namespace smm::project
