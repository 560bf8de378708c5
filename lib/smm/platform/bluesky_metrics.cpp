// SPDX-License-Identifier: MIT
// Metrics of published posts and of the account (see bluesky.hpp; reference: platform-apis-a.md
// §2.7).
#include <map>
#include <set>

#include "smm/creds/session.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/bluesky.hpp"

namespace smm::platform {
namespace {

/// app.bsky.feed.getPosts takes at most 25 URIs.
constexpr std::size_t k_batch = 25;

std::optional<std::int64_t> count_of(const Json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end()) {
    return 0;
  }
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

/// doc[key] when it is a string, else "" (a copy: iterators here upset -Wnull-dereference).
std::string string_at(const Json& doc, const char* key) {
  Json value = doc.is_object() ? doc.value(key, Json()) : Json();
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::string uri_of(const Remote& remote) {
  std::string uri = string_at(remote.extra, "uri");
  return !uri.empty() ? uri : remote.id.starts_with("at://") ? remote.id : std::string();
}

}  // namespace

Result<std::vector<PostMetrics>> BlueskyClient::fetch_metrics(const std::vector<Remote>& posts) {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  std::vector<std::string> uris;          // in the order asked, once each
  std::map<std::string, std::string> id;  // uri -> the remote id it was asked for
  for (const Remote& p : posts) {
    std::string uri = uri_of(p);
    if (!uri.empty() && id.emplace(uri, p.id.empty() ? uri : p.id).second) {
      uris.push_back(uri);
    }
  }
  using report::Metric;
  std::map<std::string, report::Metrics> found;
  BlueskyApi a = api();
  for (std::size_t at = 0; at < uris.size(); at += k_batch) {
    std::size_t end = std::min(uris.size(), at + k_batch);
    std::string query;
    for (std::size_t i = at; i < end; ++i) {
      query += (query.empty() ? "" : "&") + std::string("uris=") + http::percent_encode(uris[i]);
    }
    auto doc = a.send_json(a.request("GET", "app.bsky.feed.getPosts", query),
                           "reading the metrics of " + std::to_string(end - at) + (end - at == 1 ? " post" : " posts"));
    if (!doc) {
      return std::unexpected(doc.error());
    }
    auto list = doc->find("posts");
    for (const Json& view : list != doc->end() && list->is_array() ? *list : Json::array()) {
      std::string uri = string_at(view, "uri");
      if (!id.contains(uri)) {
        continue;
      }
      report::Metrics m{};
      m[static_cast<std::size_t>(Metric::likes)] = count_of(view, "likeCount");
      m[static_cast<std::size_t>(Metric::reposts)] = count_of(view, "repostCount");
      m[static_cast<std::size_t>(Metric::replies)] = count_of(view, "replyCount");
      m[static_cast<std::size_t>(Metric::quotes)] = count_of(view, "quoteCount");
      found[uri] = m;
    }
  }
  std::vector<PostMetrics> out;
  for (const std::string& uri : uris) {
    if (auto it = found.find(uri); it != found.end()) {
      out.push_back(PostMetrics{id[uri], it->second});
    }
  }
  return out;
}

Result<report::Metrics> BlueskyClient::account_metrics() {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  BlueskyApi a = api();
  auto profile = a.send_json(a.request("GET", "app.bsky.actor.getProfile", "actor=" + http::percent_encode(repo())),
                             "reading the account's figures");
  if (!profile) {
    return std::unexpected(profile.error());
  }
  using report::Metric;
  report::Metrics m{};
  m[static_cast<std::size_t>(Metric::followers)] = count_of(*profile, "followersCount");
  m[static_cast<std::size_t>(Metric::following)] = count_of(*profile, "followsCount");
  m[static_cast<std::size_t>(Metric::posts)] = count_of(*profile, "postsCount");
  return m;
}

}  // namespace smm::platform
