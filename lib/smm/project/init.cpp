// SPDX-License-Identifier: MIT
#include "smm/project/init.hpp"

#include "smm/project/files.hpp"
#include "smm/project/project.hpp"

namespace smm::project {
namespace fs = std::filesystem;

Result<std::vector<std::string>> init(const fs::path& dir, const InitOptions& options, time::Instant now) {
  std::error_code ec;
  if (fs::exists(dir / "smm.json", ec)) {
    return fail(ErrorKind::conflict, "a project already exists in " + dir.string(), "nothing was changed; use it as it is");
  }
  auto zone = time::find_zone(options.zone);
  if (!zone) {
    Error e = zone.error();
    e.location = "--zone";
    return std::unexpected(e);
  }
  for (const char* sub : {"", "accounts", "posts", "media", "templates"}) {
    fs::create_directories(dir / sub, ec);
    if (ec) {
      return fail(ErrorKind::runtime, "cannot create " + (dir / sub).string() + ": " + ec.message());
    }
  }
  Settings settings;
  settings.name = options.name.empty() ? fs::absolute(dir).lexically_normal().filename().string() : options.name;
  if (settings.name.empty()) {
    settings.name = "smm";
  }
  settings.zone = options.zone;
  settings.slots = options.slots;
  settings.feed = Json{{"title", settings.name}, {"home_page_url", "https://example.com/"}};
  Account feed;
  feed.name = "feed";
  feed.platform = "feed";
  std::vector<std::string> created;
  auto write = [&](const std::string& rel, const std::string& bytes) -> Result<void> {
    created.push_back(rel);
    return write_file_atomic(dir / rel, bytes);
  };
  std::string ignore = read_file(dir / ".gitignore").value_or("");
  if (ignore.find(".smm/") == std::string::npos) {
    ignore += (ignore.empty() || ignore.back() == '\n' ? "" : "\n") + std::string(".smm/\n");
  }
  Result<void> ok = write(".gitignore", ignore);
  if (ok) {
    ok = write("smm.json", dump_json(to_json(settings)));
  }
  if (ok) {
    ok = write(Project::account_path("feed"), dump_json(to_json(feed)));
  }
  if (ok && options.example_post) {
    Post post;
    post.id = "welcome";
    post.status = "draft";
    post.targets = {"feed"};
    post.text = "Hello from smm! This is a draft: edit it with `smm plan edit welcome`, "
                "or plan your own with `smm plan add`.";
    post.created = time::format_rfc3339(now, *zone);
    ok = write(Project::post_path(post.id), dump_json(to_json(post)));
  }
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return created;
}

}  // namespace smm::project
