// SPDX-License-Identifier: MIT
#include "smm/plan/render.hpp"

#include <algorithm>

#include "smm/project/files.hpp"
#include "smm/text/count.hpp"
#include "smm/text/split.hpp"

namespace smm::plan {

namespace {

/// The pieces `text` is cut into for a target with `limits`, measured by `count`.
std::vector<std::string> pieces_for(const project::Project& project, const std::string& mode, const std::string& text,
                                    const text::Limits& limits, const text::Counter& count) {
  if (mode == "off") {
    return {text};
  }
  text::SplitOptions options;
  options.limit = limits.length > 0 ? limits.length : std::string::npos / 4;
  options.markers = project.settings.thread_markers;
  options.count = count;
  if (limits.bytes > 0 && limits.length > 0) {
    // Both limits bind (Bluesky): count bytes scaled to the length limit, whichever is larger.
    // ceil(bytes * L / B) <= L exactly when bytes <= B, and the maximum of two additive counts
    // never exceeds their sum, so split_thread's reserve for markers still holds.
    options.count = [count, l = limits.length, b = limits.bytes](std::string_view s) {
      return std::max(count(s), (s.size() * l + b - 1) / b);
    };
  }
  return text::split_thread(text, options);
}

}  // namespace

std::vector<TargetRender> render(const project::Project& project, const project::Post& post) {
  std::vector<TargetRender> out;
  std::string mode = post.thread.empty() ? project.settings.thread : post.thread;
  for (const auto& account : post.targets) {
    TargetRender t;
    t.account = account;
    const project::Account* a = project.account(account);
    t.platform = a != nullptr ? a->platform : "";
    t.paused = project.settings.paused || (a != nullptr && a->paused);
    std::optional<std::size_t> override;
    if (a != nullptr && a->char_limit) {
      override = static_cast<std::size_t>(std::max(0, *a->char_limit));
    }
    const text::Limits limits = a != nullptr ? text::limits_for(t.platform, override, !post.media.empty()) : text::Limits{};
    t.limit = static_cast<int>(limits.length);
    t.byte_limit = limits.bytes;
    t.unit = text::unit_name(limits.unit);
    t.zone = project.zone_for(account);
    // One scan of the text serves every count split_thread makes and the parts' lengths.
    const std::string& text = post.text_for(account);
    const text::Counter count = text::counter_for(limits.unit, text);
    for (auto& piece : pieces_for(project, mode, text, limits, count)) {
      Part part{std::move(piece), 0, 0, false};
      part.length = count(part.text);
      part.bytes = part.text.size();
      part.over = (limits.length > 0 && part.length > limits.length) || (limits.bytes > 0 && part.bytes > limits.bytes);
      t.over = t.over || part.over;
      t.parts.push_back(std::move(part));
    }
    if (auto it = post.publish.find(account); it != post.publish.end()) {
      t.state = it->second.state;
      t.url = it->second.url;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string payload_hash(const project::Project& project, const project::Post& post) {
  project::Json doc = project::Json::array();
  for (const auto& t : render(project, post)) {
    project::Json parts = project::Json::array();
    for (const auto& p : t.parts) {
      parts.push_back(p.text);
    }
    doc.push_back({{"account", t.account}, {"parts", parts}});
  }
  project::Json media = project::Json::array();
  for (const auto& m : post.media) {
    media.push_back({{"path", m.path}, {"alt", m.alt}});
  }
  std::string bytes = project::Json{{"targets", doc}, {"media", media}, {"first_comment", post.first_comment}}.dump();
  return "sha256:" + project::sha256_hex(bytes);
}

}  // namespace smm::plan
