// SPDX-License-Identifier: MIT
// Credential rules: credentials-missing and credentials-expiring, from the local credential
// store only (no network). Accounts are always checked, whatever Input::only selects, and every
// post counts toward them.

#include <fmt/format.h>

#include <algorithm>

#include "smm/audit/families.hpp"
#include "smm/creds/store.hpp"

namespace smm::audit {
namespace {

/// A finding of `rule` at its default severity on the whole account file.
Finding account_finding(const std::string& rule, const std::string& account, std::string message, std::string hint) {
  auto it = std::find_if(rules().begin(), rules().end(), [&](const RuleInfo& r) { return rule == r.id; });
  Severity severity = it == rules().end() ? Severity::error : it->default_severity;
  return Finding{rule, severity, project::Project::account_path(account), "", std::move(message), std::move(hint), 0};
}

/// When each post still to be published to `account` is due: its time, or now when it has no
/// time yet (queued) or its time has passed (the next `smm post` sends it). Drafts do not count.
std::vector<time::Instant> pending_due(const Input& input, const std::string& account) {
  std::vector<time::Instant> due;
  for (const auto& post : input.project.posts) {
    if (post.status == "draft" || std::find(post.targets.begin(), post.targets.end(), account) == post.targets.end()) {
      continue;
    }
    auto state = post.publish.find(account);
    if (state != post.publish.end() && state->second.state == "published") {
      continue;
    }
    due.push_back(post.at && *post.at > input.now ? *post.at : input.now);
  }
  return due;
}

/// "2026-12-14" in `zone`.
std::string local_date(time::Instant t, const time::Zone& zone) {
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(time::to_local(t, zone))};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string posts_due(std::size_t n) {
  return n == 1 ? std::string("1 post is due") : fmt::format("{} posts are due", n);
}

void check_expiry(const Input& input, const std::string& name, const creds::Credential& credential,
                  const std::vector<time::Instant>& due, Findings& out) {
  time::Instant latest = *std::max_element(due.begin(), due.end());
  if (!credential.expires_at || *credential.expires_at >= latest) {
    return;
  }
  bool refreshable = credential.has_refresh_token() &&
                     (!credential.refresh_expires_at || *credential.refresh_expires_at >= latest);
  if (refreshable) {
    return;
  }
  time::Instant expires = *credential.expires_at;
  auto after = static_cast<std::size_t>(std::count_if(due.begin(), due.end(), [&](time::Instant t) { return t > expires; }));
  std::string date = local_date(expires, input.project.zone_for(name));
  out.push_back(account_finding(
      "credentials-expiring", name,
      fmt::format("token {} {}; {} after that", expires <= input.now ? "expired" : "expires", date, posts_due(after)),
      "smm account login " + name));
}

}  // namespace

void check_credentials(const Input& input, Findings& out) {
  if (input.credentials == nullptr) {
    return;
  }
  for (const auto& [name, account] : input.project.accounts) {
    if (!creds::needs_credentials(account.platform)) {
      continue;
    }
    std::vector<time::Instant> due = pending_due(input, name);
    if (due.empty()) {
      continue;
    }
    std::string identity = creds::credential_identity(account);
    const creds::Credential* credential = input.credentials->find(identity);
    if (credential == nullptr) {
      out.push_back(account_finding(
          "credentials-missing", name,
          fmt::format("no stored credentials for {}; {} to publish", identity,
                      due.size() == 1 ? std::string("1 post is waiting") : fmt::format("{} posts are waiting", due.size())),
          "smm account login " + name));
      continue;
    }
    check_expiry(input, name, *credential, due, out);
  }
}

}  // namespace smm::audit
