// SPDX-License-Identifier: MIT
#include "smm/report/snapshot.hpp"

#include "smm/project/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

namespace smm::report {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::optional<Metric> find_metric(std::string_view name) {
  for (std::size_t i = 0; i < k_metric_count; ++i) {
    if (k_metric_names[i] == name) {
      return static_cast<Metric>(i);
    }
  }
  return std::nullopt;
}

std::string to_line(const Snapshot& snapshot) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  obj["fetched_at"] = time::format_rfc3339(snapshot.fetched_at, time::utc());
  obj["account"] = snapshot.account;
  if (!snapshot.post.empty()) {
    obj["post"] = snapshot.post;
  }
  if (!snapshot.remote_id.empty()) {
    obj["remote_id"] = snapshot.remote_id;
  }
  for (std::size_t i = 0; i < k_metric_count; ++i) {
    if (snapshot.metrics[i]) {
      obj[std::string(k_metric_names[i])] = *snapshot.metrics[i];
    }
  }
  return obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

fs::path file_for(const std::string& account, time::Instant fetched_at) {
  std::string month = time::format_rfc3339(fetched_at, time::utc()).substr(0, 7);
  return fs::path("reports") / account / (month + ".jsonl");
}

Result<void> append_snapshots(const fs::path& root, const std::vector<Snapshot>& snapshots) {
  std::map<fs::path, std::string> by_file;
  for (const auto& s : snapshots) {
    by_file[root / file_for(s.account, s.fetched_at)] += to_line(s);
  }
  for (auto& [path, lines] : by_file) {
    if (auto ok = project::append_lines(path, std::move(lines)); !ok) {
      return ok;
    }
  }
  return {};
}

std::vector<std::string> reported_accounts(const fs::path& root) { return project::subdirectories(root / "reports"); }

}  // namespace smm::report
