// SPDX-License-Identifier: MIT
#include "smm/report/snapshot.hpp"

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

Error io_error(const std::string& what, const fs::path& path) {
  return Error{ErrorKind::runtime, what + " " + path.string() + ": " + std::strerror(errno), {}, {}};
}

Result<void> write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return std::unexpected(io_error("cannot append to", path));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

/// True when the file is non-empty and its last byte is not a newline (a torn last line).
bool ends_torn(int fd) {
  off_t size = ::lseek(fd, 0, SEEK_END);
  char last = '\n';
  return size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n';
}

Result<void> append_file(const fs::path& path, std::string lines) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  bool existed = fs::exists(path, ec);
  // Read-write: the last byte is read to detect a torn line.
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return std::unexpected(io_error("cannot open", path));
  }
  if (ends_torn(fd)) {
    lines.insert(0, 1, '\n');  // the torn line stays alone on its line, for readers to skip
  }
  auto ok = write_all(fd, lines, path);
  if (ok && ::fsync(fd) != 0) {
    ok = std::unexpected(io_error("cannot sync", path));
  }
  ::close(fd);
  if (ok && !existed) {
    int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  return ok;
}

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
    if (auto ok = append_file(path, std::move(lines)); !ok) {
      return ok;
    }
  }
  return {};
}

std::vector<std::string> reported_accounts(const fs::path& root) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(root / "reports", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) {
      names.push_back(it->path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace smm::report
