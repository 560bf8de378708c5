// SPDX-License-Identifier: MIT
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "smm/audit/families.hpp"

namespace smm::audit {

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> k_rules = {
      {"text-too-long", "limits", Severity::error, "a thread part is longer than the platform counts as allowed"},
      {"media-missing", "media", Severity::error, "a media file does not exist"},
      {"media-type", "media", Severity::error, "a media file's type is not accepted by the platform"},
      {"media-too-large", "media", Severity::error, "a media file is larger than the platform accepts"},
      {"media-dimensions", "media", Severity::warning, "an image's dimensions or aspect ratio are outside the platform's range"},
      {"media-count", "media", Severity::error, "more media than the platform allows on one post"},
      {"alt-text-missing", "media", Severity::error, "an image or video has no alt text"},
      {"alt-text-filename", "media", Severity::warning, "alt text is just a file name"},
      {"past-due", "schedule", Severity::error, "a post's time has passed and it is not published"},
      {"collision", "schedule", Severity::warning, "two posts to one account within a few minutes (setting: minutes, default 30)"},
      {"dst-ambiguous", "schedule", Severity::warning, "a time falls in a DST gap or overlap of its zone"},
      {"platform-window", "schedule", Severity::warning, "more posts on a day than the platform allows (e.g. Mastodon 50 a day)"},
      {"banned-word", "brand", Severity::error, "a banned word or phrase (setting: words)"},
      {"disclosure-missing", "brand", Severity::error, "a sponsored post lacks its disclosure (settings: tags, markers)"},
      {"too-many-hashtags", "brand", Severity::warning, "more hashtags than allowed (setting: max, default 5)"},
      {"utm-missing", "brand", Severity::warning, "a link to the brand's own domain lacks UTM parameters (settings: domains, params)"},
      {"duplicate-text", "hygiene", Severity::warning, "the same text to the same account within a few days (setting: days, default 3)"},
      {"empty-post", "hygiene", Severity::error, "a post with neither text nor media"},
      {"invalid-file", "hygiene", Severity::error, "a project file that cannot be read or is invalid (unknown targets included)"},
      {"credentials-missing", "credentials", Severity::error, "an account with posts to publish has no stored credentials"},
      {"credentials-expiring", "credentials", Severity::error, "an account's token expires before a post due for it"},
      {"link-broken", "links", Severity::error, "a link does not resolve (only with --online)"},
      {"link-redirect", "links", Severity::note, "a link redirects elsewhere (only with --online)"},
  };
  return k_rules;
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "error") {
    return Severity::error;
  }
  if (text == "warning") {
    return Severity::warning;
  }
  if (text == "note") {
    return Severity::note;
  }
  if (text == "off") {
    return Severity::off;
  }
  return std::nullopt;
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
    case Severity::off:
      return "off";
  }
  return "off";
}

Finding post_finding(const std::string& rule, const project::Post& post, std::string pointer, std::string message,
                     std::string hint) {
  auto it = std::find_if(rules().begin(), rules().end(), [&](const RuleInfo& r) { return rule == r.id; });
  Severity severity = it == rules().end() ? Severity::error : it->default_severity;
  return Finding{rule, severity, project::Project::post_path(post.id), std::move(pointer), std::move(message),
                 std::move(hint), 0};
}

bool selected(const Input& input, const project::Post& post) {
  return input.only.empty() || std::find(input.only.begin(), input.only.end(), post.id) != input.only.end();
}

void for_each_post(const Input& input, const std::function<void(const project::Post&, Findings&)>& check, Findings& out) {
  constexpr std::size_t k_chunk = 256;
  const auto& posts = input.project.posts;
  std::vector<Findings> chunks((posts.size() + k_chunk - 1) / k_chunk);
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8));
  auto work = [&](std::size_t thread) {
    try {
      for (std::size_t c = next++; c < chunks.size(); c = next++) {
        for (std::size_t i = c * k_chunk; i < std::min(posts.size(), (c + 1) * k_chunk); ++i) {
          if (selected(input, posts[i])) {
            check(posts[i], chunks[c]);
          }
        }
      }
    } catch (...) {
      errors[thread] = std::current_exception();
      next = chunks.size();  // the others stop at their next chunk
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(errors.size(), chunks.size()); ++t) {
    pool.emplace_back(work, t);
  }
  work(0);
  for (auto& th : pool) {
    th.join();
  }
  for (const auto& error : errors) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
  for (auto& chunk : chunks) {
    out.insert(out.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
  }
}

std::string text_pointer(const project::Post& post, const std::string& account) {
  if (!post.variants.contains(account)) {
    return "/text";
  }
  std::string token;
  for (char c : account) {
    token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return "/variants/" + token;
}

bool target_published(const project::Post& post, const std::string& account) {
  auto it = post.publish.find(account);
  return it != post.publish.end() && it->second.state == "published";
}

}  // namespace smm::audit
