// SPDX-License-Identifier: MIT
#include "smm/report/pull.hpp"

#include <map>

#include "smm/project/project.hpp"

namespace smm::report {

std::vector<PullTarget> published_targets(const project::Project& project, const std::string& account,
                                          const time::Period& period) {
  std::vector<PullTarget> out;
  for (const auto& post : project.posts) {
    auto it = post.publish.find(account);
    if (it == post.publish.end()) {
      continue;
    }
    const project::TargetState& st = it->second;
    platform::Remote remote;
    if (!st.remote_id.empty()) {
      remote = platform::Remote{st.remote_id, st.url,
                                !st.parts.empty() && st.parts.front().remote_id == st.remote_id ? st.parts.front().extra
                                                                                                : platform::Json::object()};
    } else if (!st.parts.empty() && st.parts.front().confirmed()) {
      const project::PartState& first = st.parts.front();
      remote = platform::Remote{first.remote_id, first.url, first.extra};
    } else {
      continue;
    }
    auto at = time::parse_rfc3339(st.at);
    std::optional<time::Instant> published = at ? std::optional<time::Instant>(*at) : post.at;
    if (!published || !period.contains(*published)) {
      continue;
    }
    out.push_back(PullTarget{post.id, std::move(remote), *published});
  }
  return out;
}

Result<PullSummary> pull_account(platform::Client& client, const std::filesystem::path& root, const std::string& account,
                                 const std::vector<PullTarget>& targets, time::Instant now) {
  // The account first: one cheap request that finds refused credentials before the batches.
  auto figures = client.account_metrics();
  if (!figures) {
    return std::unexpected(figures.error());
  }
  std::vector<platform::Remote> remotes;
  std::map<std::string, std::string> post_of;  // remote id -> post id
  for (const PullTarget& t : targets) {
    if (post_of.emplace(t.remote.id, t.post).second) {
      remotes.push_back(t.remote);
    }
  }
  std::vector<platform::PostMetrics> measured;
  if (!remotes.empty()) {
    auto fetched = client.fetch_metrics(remotes);
    if (!fetched) {
      return std::unexpected(fetched.error());
    }
    measured = std::move(*fetched);
  }
  std::vector<Snapshot> rows;
  for (const auto& m : measured) {
    auto it = post_of.find(m.remote_id);
    if (it != post_of.end()) {
      rows.push_back(Snapshot{now, account, it->second, m.remote_id, m.metrics});
    }
  }
  PullSummary summary;
  summary.posts = rows.size();
  summary.gone = remotes.size() - rows.size();
  Snapshot whole{now, account, "", "", *figures};
  summary.followers = whole[Metric::followers];
  rows.push_back(whole);
  if (auto ok = append_snapshots(root, rows); !ok) {
    return std::unexpected(ok.error());
  }
  return summary;
}

}  // namespace smm::report
