// SPDX-License-Identifier: MIT
#include "smm/project/project.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <thread>

#include "smm/project/files.hpp"
#include "smm/text/count.hpp"
#include "smm/text/suggest.hpp"

namespace smm::project {
namespace fs = std::filesystem;

const std::vector<PlatformInfo>& platforms() {
  // The numbers live in text::platform_rules(), next to how each platform counts.
  static const std::vector<PlatformInfo> k_platforms = [] {
    std::vector<PlatformInfo> out;
    for (const auto& rule : text::platform_rules()) {
      out.push_back({rule.platform, static_cast<int>(rule.limit)});
    }
    return out;
  }();
  return k_platforms;
}

const PlatformInfo* find_platform(std::string_view name) {
  for (const auto& p : platforms()) {
    if (name == p.name) {
      return &p;
    }
  }
  return nullptr;
}

std::vector<std::string> platform_names() {
  std::vector<std::string> names;
  for (const auto& p : platforms()) {
    names.emplace_back(p.name);
  }
  return names;
}

const Account* Project::account(const std::string& name) const {
  auto it = accounts.find(name);
  return it == accounts.end() ? nullptr : &it->second;
}

Post* Project::post(const std::string& id) {
  auto it = std::lower_bound(posts.begin(), posts.end(), id, [](const Post& p, const std::string& v) { return p.id < v; });
  return it != posts.end() && it->id == id ? &*it : nullptr;
}

std::vector<std::string> Project::account_names() const {
  std::vector<std::string> names;
  for (const auto& [name, account] : accounts) {
    names.push_back(name);
  }
  return names;
}

time::Zone Project::zone() const {
  auto z = time::find_zone(settings.zone);
  return z ? *z : time::utc();
}

time::Zone Project::zone_for(const std::string& name) const {
  const Account* a = account(name);
  if (a != nullptr && !a->zone.empty()) {
    if (auto z = time::find_zone(a->zone)) {
      return *z;
    }
  }
  return zone();
}

time::Zone Project::zone_for(const Post& p) const {
  if (!p.zone.empty()) {
    if (auto z = time::find_zone(p.zone)) {
      return *z;
    }
  }
  return p.targets.empty() ? zone() : zone_for(p.targets.front());
}

int Project::char_limit(const std::string& name) const {
  const Account* a = account(name);
  if (a == nullptr) {
    return 0;
  }
  if (a->char_limit) {
    return *a->char_limit;
  }
  const PlatformInfo* p = find_platform(a->platform);
  return p == nullptr ? 0 : p->char_limit;
}

Result<fs::path> find_root(const Context& ctx, const std::optional<std::string>& flag) {
  auto check = [&](const fs::path& dir, const std::string& from) -> Result<fs::path> {
    fs::path abs = dir.is_absolute() ? dir : ctx.cwd / dir;
    std::error_code ec;
    if (!fs::exists(abs / "smm.json", ec)) {
      return fail(ErrorKind::runtime, "no smm project at " + dir.string() + " (" + from + ")",
                  "run `smm init " + dir.string() + "` to create one");
    }
    return abs.lexically_normal();
  };
  if (flag) {
    return check(*flag, "from -C");
  }
  if (auto env = ctx.env.get("SMM_PROJECT"); env && !env->empty()) {
    return check(*env, "from SMM_PROJECT");
  }
  std::error_code ec;
  for (fs::path dir = ctx.cwd; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "smm.json", ec)) {
      return dir;
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
  return fail(ErrorKind::runtime, "not inside an smm project (no smm.json here or above)",
              "run `smm init` to create one, or pass -C DIR");
}

namespace {

std::vector<std::string> json_stems(const fs::path& dir) {
  std::vector<std::string> stems;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    return stems;
  }
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.size() > 5 && name.ends_with(".json") && name.front() != '.') {
      stems.emplace_back(name.substr(0, name.size() - 5));
    }
  }
  ::closedir(d);
  std::sort(stems.begin(), stems.end());
  return stems;
}

// The bytes of posts/<name> read through the open posts directory (no path walk per file) into
// `buffer`, which each thread reuses; false on any error (read_post() then reports it).
bool read_at(int dir_fd, const std::string& name, std::string& buffer, std::size_t& size) {
  int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  size = 0;
  for (;;) {
    if (buffer.size() - size < 4096) {
      buffer.resize(std::max<std::size_t>(buffer.size() * 2, 65536));
    }
    ssize_t n = ::read(fd, buffer.data() + size, buffer.size() - size);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      ::close(fd);
      return n == 0;
    }
    size += static_cast<std::size_t>(n);
  }
}

// Reads, decodes and validates posts in parallel: each thread owns a contiguous slice of the
// result. Opening relative to one directory fd, reusing a buffer and decoding in place (no second
// vector of posts) matter at 100,000 posts.
void load_posts(Project& project, const LoadOptions& options) {
  auto ids = json_stems(project.root / "posts");
  int dir_fd = ::open((project.root / "posts").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  std::vector<Post> posts(ids.size());
  std::vector<Problems> problems(ids.size());
  std::vector<char> valid(ids.size(), 0);  // not vector<bool>: threads write neighbouring items
  std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  threads = std::min(threads, std::max<std::size_t>(1, ids.size() / 256));
  std::atomic<std::size_t> done{0};
  auto work = [&](std::size_t from, std::size_t to) {
    std::string buffer;
    for (std::size_t i = from; i < to; ++i) {
      if (done.fetch_add(1, std::memory_order_relaxed) % 1024 == 0 && from == 0 && options.progress) {
        options.progress(done.load(std::memory_order_relaxed), ids.size());
      }
      std::size_t size = 0;
      auto decoded = dir_fd >= 0 && read_at(dir_fd, ids[i] + ".json", buffer, size)
                         ? decode_post(std::string_view(buffer.data(), size), ids[i], Project::post_path(ids[i]))
                         : read_post(project.root, ids[i]);
      if (!decoded) {
        problems[i] = std::move(decoded.error());
        continue;
      }
      problems[i] = validate_post(*decoded, project);
      valid[i] = problems[i].empty() ? 1 : 0;
      posts[i] = std::move(*decoded);
    }
  };
  std::vector<std::thread> pool;
  std::size_t chunk = (ids.size() + threads - 1) / threads;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work, std::min(ids.size(), t * chunk), std::min(ids.size(), (t + 1) * chunk));
  }
  work(0, std::min(ids.size(), chunk));
  for (auto& th : pool) {
    th.join();
  }
  if (dir_fd >= 0) {
    ::close(dir_fd);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    project.problems.insert(project.problems.end(), problems[i].begin(), problems[i].end());
    if (valid[i] != 0) {
      if (kept != i) {
        posts[kept] = std::move(posts[i]);
      }
      ++kept;
    }
  }
  posts.erase(posts.begin() + static_cast<std::ptrdiff_t>(kept), posts.end());
  project.posts = std::move(posts);
}

void load_accounts(Project& project) {
  for (const auto& name : json_stems(project.root / "accounts")) {
    std::string path = Project::account_path(name);
    auto bytes = read_file(project.root / path);
    if (!bytes) {
      project.problems.push_back(bytes.error());
      continue;
    }
    auto doc = parse_json(*bytes, path);
    if (!doc) {
      project.problems.push_back(doc.error());
      continue;
    }
    auto account = decode_account(*doc, name, path);
    if (!account) {
      project.problems.insert(project.problems.end(), account.error().begin(), account.error().end());
      continue;
    }
    project.accounts.emplace(name, std::move(*account));
  }
}

}  // namespace

Result<Project> load(const fs::path& root, const LoadOptions& options) {
  Project project;
  project.root = root;
  auto bytes = read_file(root / "smm.json");
  if (!bytes) {
    return std::unexpected(bytes.error());
  }
  auto doc = parse_json(*bytes, "smm.json");
  if (!doc) {
    return std::unexpected(doc.error());
  }
  auto settings = decode_settings(*doc, "smm.json");
  if (!settings) {
    Error first = settings.error().front();
    first.kind = ErrorKind::runtime;
    return std::unexpected(first);
  }
  project.settings = std::move(*settings);
  load_accounts(project);
  if (options.posts) {
    load_posts(project, options);
  }
  return project;
}

std::expected<Post, Problems> read_post(const fs::path& root, const std::string& id) {
  std::string path = Project::post_path(id);
  auto bytes = read_file(root / path);
  if (!bytes) {
    Error e = bytes.error();
    if (!fs::exists(root / path)) {
      e = Error{ErrorKind::not_found, "no post \"" + id + "\"", "see `smm plan list` for post ids", {}};
    }
    return std::unexpected(Problems{e});
  }
  return decode_post(*bytes, id, path);
}

Result<void> save_post(const fs::path& root, const Post& post, bool sync_dir) {
  return write_file_atomic(root / Project::post_path(post.id), dump_json(to_json(post)), sync_dir);
}

Result<void> save_account(const fs::path& root, const Account& account) {
  return write_file_atomic(root / Project::account_path(account.name), dump_json(to_json(account)));
}

Result<void> save_settings(const fs::path& root, const Settings& settings) {
  return write_file_atomic(root / "smm.json", dump_json(to_json(settings)));
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100 || id.front() == '-') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace smm::project
