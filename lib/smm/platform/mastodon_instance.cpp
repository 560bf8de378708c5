// SPDX-License-Identifier: MIT
// Instance limits: GET /api/v2/instance (Mastodon 4.0+), else /api/v1/instance (older servers and
// forks, which may give a top-level max_toot_chars), cached for a day under .smm/cache/.
#include <mutex>

#include "smm/platform/mastodon.hpp"
#include "smm/project/files.hpp"

namespace smm::platform {
namespace {

constexpr std::chrono::hours k_cache_age{24};

/// The workers of one `smm post` make their clients at the same time: one fetches, the others
/// then read its cache.
std::mutex g_fetch_mutex;

std::optional<std::size_t> number_at(const Json& doc, std::initializer_list<const char*> path) {
  const Json* at = &doc;
  for (const char* key : path) {
    if (!at->is_object() || !at->contains(key)) {
      return std::nullopt;
    }
    at = &(*at)[key];
  }
  if (at->is_number_unsigned() || (at->is_number_integer() && at->get<long long>() > 0)) {
    return at->get<std::size_t>();
  }
  return std::nullopt;
}

std::filesystem::path cache_file(const std::filesystem::path& root, std::string host) {
  for (char& c : host) {
    c = c == ':' || c == '/' ? '_' : c;
  }
  return root / ".smm" / "cache" / ("mastodon-" + host + ".json");
}

void write_cache(const std::filesystem::path& root, const std::string& host, const MastodonLimits& limits,
                 time::Instant now) {
  if (root.empty()) {
    return;
  }
  std::filesystem::path file = cache_file(root, host);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  Json doc = Json::object();
  doc["fetched_at"] = time::format_rfc3339(now, time::utc());
  doc["max_characters"] = limits.max_characters;
  doc["max_media_attachments"] = limits.max_media;
  doc["characters_reserved_per_url"] = limits.reserved_per_url;
  (void)project::write_file_atomic(file, project::dump_json(doc));  // a cache: failing to write it is harmless
}

}  // namespace

MastodonLimits mastodon_limits(const Json& instance) {
  MastodonLimits l;
  if (auto n = number_at(instance, {"configuration", "statuses", "max_characters"})) {
    l.max_characters = *n;
  } else if (auto t = number_at(instance, {"max_toot_chars"})) {
    l.max_characters = *t;
  }
  if (auto n = number_at(instance, {"configuration", "statuses", "max_media_attachments"})) {
    l.max_media = *n;
  }
  if (auto n = number_at(instance, {"configuration", "statuses", "characters_reserved_per_url"})) {
    l.reserved_per_url = *n;
  }
  return l;
}

std::optional<MastodonLimits> cached_limits(const std::filesystem::path& project_root, const std::string& host,
                                            time::Instant now) {
  if (project_root.empty()) {
    return std::nullopt;
  }
  auto text = project::read_file(cache_file(project_root, host));
  Json doc = text ? Json::parse(*text, nullptr, false) : Json();
  if (!doc.is_object() || !doc.value("fetched_at", Json()).is_string()) {
    return std::nullopt;
  }
  auto fetched = time::parse_rfc3339(doc["fetched_at"].get<std::string>());
  if (!fetched || now - *fetched > k_cache_age || *fetched > now) {
    return std::nullopt;
  }
  MastodonLimits l;
  l.max_characters = number_at(doc, {"max_characters"}).value_or(l.max_characters);
  l.max_media = number_at(doc, {"max_media_attachments"}).value_or(l.max_media);
  l.reserved_per_url = number_at(doc, {"characters_reserved_per_url"}).value_or(l.reserved_per_url);
  return l;
}

MastodonLimits fetch_limits(const MastodonApi& api, const std::filesystem::path& project_root, time::Instant now) {
  for (const char* path : {"/api/v2/instance", "/api/v1/instance"}) {
    auto doc = api.send_json(api.request("GET", path, ""), "reading the instance limits");
    if (doc && doc->is_object()) {
      MastodonLimits limits = mastodon_limits(*doc);
      write_cache(project_root, api.host, limits, now);
      return limits;
    }
    if (!doc && doc.error().kind != ErrorKind::not_found) {
      break;  // only a 404 (an old server) is worth the v1 fallback
    }
  }
  return MastodonLimits{};
}

}  // namespace smm::platform

namespace smm::platform {

MastodonLimits instance_limits(const MastodonApi& api, const std::filesystem::path& project_root, time::Instant now) {
  std::lock_guard lock(g_fetch_mutex);
  if (auto cached = cached_limits(project_root, api.host, now)) {
    return *cached;
  }
  return api.transport != nullptr ? fetch_limits(api, project_root, now) : MastodonLimits{};
}

}  // namespace smm::platform
