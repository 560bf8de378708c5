// SPDX-License-Identifier: MIT
#include "smm/platform/feed.hpp"

#include <mutex>

#include "smm/project/files.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

/// Every feed write of the process goes through here (workers of one run may share a file).
std::mutex g_feed_mutex;

std::string text_setting(const Json& base, const Json& over, const char* key, std::string fallback = {}) {
  for (const Json* doc : {&over, &base}) {
    if (auto it = doc->find(key); it != doc->end() && it->is_string()) {
      return it->get<std::string>();
    }
  }
  return fallback;
}

}  // namespace

Result<FeedSettings> feed_settings(const project::Project& project, const project::Account& account) {
  const Json& base = project.settings.feed.is_object() ? project.settings.feed : Json::object();
  Json over = Json::object();
  if (auto it = account.extra.find("feed"); it != account.extra.end() && it->is_object()) {
    over = *it;
  }
  FeedSettings s;
  s.title = text_setting(base, over, "title", project.settings.name.empty() ? "smm" : project.settings.name);
  s.description = text_setting(base, over, "description");
  s.home_page_url = text_setting(base, over, "home_page_url");
  s.base_url = text_setting(base, over, "base_url");
  s.media_url = text_setting(base, over, "media_url");
  s.item_url = text_setting(base, over, "item_url");
  s.author = text_setting(base, over, "author");
  s.language = text_setting(base, over, "language");
  s.dir_name = text_setting(base, over, "path", "feed");
  std::filesystem::path rel = std::filesystem::path(s.dir_name).lexically_normal();
  if (rel.empty() || rel.is_absolute() || *rel.begin() == "..") {
    return fail(ErrorKind::runtime, "feed path \"" + s.dir_name + "\" is outside the project",
                "set \"path\" to a folder inside the project, e.g. \"feed\" or \"public/feed\"", "smm.json: /feed/path");
  }
  s.dir = project.root / rel;
  for (const Json* doc : {static_cast<const Json*>(&over), &base}) {
    if (auto it = doc->find("max_items"); it != doc->end() && it->is_number_unsigned() && it->get<std::size_t>() > 0) {
      s.max_items = it->get<std::size_t>();
      break;
    }
  }
  return s;
}

Result<std::unique_ptr<Client>> FeedClient::make(const Env& env) {
  auto settings = feed_settings(*env.project, *env.account);
  if (!settings) {
    return std::unexpected(settings.error());
  }
  return std::make_unique<FeedClient>(std::move(*settings), env.project->zone_for(env.account->name));
}

Capabilities FeedClient::capabilities() const {
  Capabilities c;
  c.idempotent = true;
  c.lookup = true;
  c.max_media = 20;
  c.alt_text = true;
  return c;
}

Result<Json> FeedClient::read() const {
  std::filesystem::path file = m_settings.dir / "feed.json";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return Json();
  }
  auto text = project::read_file(file);
  if (!text) {
    return std::unexpected(text.error());
  }
  return project::parse_json(*text, m_settings.dir_name + "/feed.json");
}

Result<void> FeedClient::write(const Json& feed) const {
  std::error_code ec;
  std::filesystem::create_directories(m_settings.dir, ec);
  if (ec) {
    return fail(ErrorKind::runtime, "cannot create " + m_settings.dir_name + ": " + ec.message());
  }
  if (auto ok = project::write_file_atomic(m_settings.dir / "feed.json", project::dump_json(feed)); !ok) {
    return ok;
  }
  return project::write_file_atomic(m_settings.dir / "atom.xml", atom_from(m_settings, feed, ""));
}

Result<Remote> FeedClient::publish(const Part& part) {
  std::lock_guard lock(g_feed_mutex);
  auto feed = read();
  if (!feed) {
    return std::unexpected(feed.error());
  }
  Json item = feed_item(m_settings, part, m_zone);
  Remote remote{item["id"].get<std::string>(), item.value("url", m_settings.dir_name + "/feed.json"), Json::object()};
  if (auto ok = write(feed_with(m_settings, std::move(*feed), std::move(item))); !ok) {
    return std::unexpected(ok.error());
  }
  return remote;
}

Result<std::optional<Remote>> FeedClient::find(const Part& part) {
  std::lock_guard lock(g_feed_mutex);
  auto feed = read();
  if (!feed) {
    return std::unexpected(feed.error());
  }
  std::string id = feed_item(m_settings, part, m_zone)["id"].get<std::string>();
  if (feed->is_object() && feed->contains("items") && (*feed)["items"].is_array()) {
    for (const auto& item : (*feed)["items"]) {
      if (item.is_object() && item.value("id", "") == id) {
        return std::optional<Remote>(Remote{id, item.value("url", m_settings.dir_name + "/feed.json"), Json::object()});
      }
    }
  }
  return std::optional<Remote>();
}

std::vector<http::Request> FeedClient::preview(const Part& part) const {
  http::Request write;
  write.method = "WRITE";
  write.url = m_settings.dir_name + "/feed.json";
  write.body = feed_item(m_settings, part, m_zone).dump(2);
  http::Request atom;
  atom.method = "WRITE";
  atom.url = m_settings.dir_name + "/atom.xml";
  return {write, atom};
}

Result<void> FeedClient::remove(const Remote& remote) {
  std::lock_guard lock(g_feed_mutex);
  auto feed = read();
  if (!feed) {
    return std::unexpected(feed.error());
  }
  Json kept = Json::array();
  if (feed->is_object() && feed->contains("items") && (*feed)["items"].is_array()) {
    for (auto& item : (*feed)["items"]) {
      if (!item.is_object() || item.value("id", "") != remote.id) {
        kept.push_back(std::move(item));
      }
    }
  }
  (*feed)["items"] = kept;
  return write(feed_with(m_settings, std::move(*feed), Json()));
}

Result<Identity> FeedClient::check() {
  Identity id;
  id.handle = m_settings.title;
  id.url = m_settings.dir_name + "/feed.json";
  return id;
}

}  // namespace smm::platform
