// SPDX-License-Identifier: MIT
// Metrics of published statuses and of the account (see mastodon.hpp; reference:
// platform-apis-a.md §1.7).
#include <map>
#include <set>

#include "smm/http/form.hpp"
#include "smm/platform/mastodon.hpp"

namespace smm::platform {
namespace {

/// Api::BaseController::DEFAULT_STATUSES_LIMIT: the batch endpoint refuses more ids (422).
constexpr std::size_t k_batch = 20;

std::optional<std::int64_t> count_of(const Json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0) {
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

report::Metrics status_metrics(const Json& status) {
  using report::Metric;
  report::Metrics m{};
  m[static_cast<std::size_t>(Metric::likes)] = count_of(status, "favourites_count");
  m[static_cast<std::size_t>(Metric::reposts)] = count_of(status, "reblogs_count");
  m[static_cast<std::size_t>(Metric::replies)] = count_of(status, "replies_count");
  m[static_cast<std::size_t>(Metric::quotes)] = count_of(status, "quotes_count");  // 4.5+; null before
  return m;
}

std::string id_of(const Json& status) {
  auto it = status.find("id");
  return it != status.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::optional<Json>> MastodonClient::status_batch(const std::vector<std::string>& ids, const std::string& token) {
  std::string query;
  for (const std::string& id : ids) {
    query += (query.empty() ? "?" : "&") + std::string("id%5B%5D=") + http::percent_encode(id);
  }
  http::Request r = m_config.api.request("GET", "/api/v1/statuses" + query, token);
  auto response = m_config.api.transport->send(r);
  if (!response) {
    return std::unexpected(response.error());
  }
  if (response->status == 404 || response->status == 405) {
    return std::optional<Json>();  // before 4.3: no such endpoint
  }
  std::string what = "reading the metrics of " + std::to_string(ids.size()) + (ids.size() == 1 ? " status" : " statuses");
  if (response->status >= 300) {
    return std::unexpected(mastodon_error(*response, m_config.api.host, what, m_config.api.account));
  }
  auto doc = answer_json(*response, m_config.api.host, what);
  if (!doc) {
    return std::unexpected(doc.error());
  }
  if (!doc->is_array()) {
    return fail(ErrorKind::runtime, m_config.api.host + ": " + what + ": the answer is not a list of statuses");
  }
  return std::optional<Json>(std::move(*doc));
}

Result<std::optional<Json>> MastodonClient::status_one(const std::string& id, const std::string& token) {
  auto response = m_config.api.transport->send(
      m_config.api.request("GET", "/api/v1/statuses/" + http::percent_encode(id), token));
  if (!response) {
    return std::unexpected(response.error());
  }
  if (response->status == 404 || response->status == 410) {
    return std::optional<Json>();  // deleted
  }
  std::string what = "reading the metrics of status " + id;
  if (response->status >= 300) {
    return std::unexpected(mastodon_error(*response, m_config.api.host, what, m_config.api.account));
  }
  auto doc = answer_json(*response, m_config.api.host, what);
  if (!doc) {
    return std::unexpected(doc.error());
  }
  return std::optional<Json>(std::move(*doc));
}

Result<std::vector<PostMetrics>> MastodonClient::fetch_metrics(const std::vector<Remote>& posts) {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const Remote& p : posts) {
    if (!p.id.empty() && seen.insert(p.id).second) {
      ids.push_back(p.id);
    }
  }
  std::map<std::string, report::Metrics> found;
  for (std::size_t at = 0; at < ids.size(); at += k_batch) {
    std::vector<std::string> chunk(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                   ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + k_batch)));
    if (!m_no_batch) {
      auto batch = status_batch(chunk, *tok);
      if (!batch) {
        return std::unexpected(batch.error());
      }
      if (*batch) {
        for (const Json& status : **batch) {
          if (status.is_object() && seen.contains(id_of(status))) {
            found[id_of(status)] = status_metrics(status);
          }
        }
        continue;
      }
      m_no_batch = true;
    }
    for (const std::string& id : chunk) {
      auto one = status_one(id, *tok);
      if (!one) {
        return std::unexpected(one.error());
      }
      if (*one && (*one)->is_object()) {
        found[id] = status_metrics(**one);
      }
    }
  }
  std::vector<PostMetrics> out;
  for (const std::string& id : ids) {
    if (auto it = found.find(id); it != found.end()) {
      out.push_back(PostMetrics{id, it->second});
    }
  }
  return out;
}

Result<report::Metrics> MastodonClient::account_metrics() {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  auto me = m_config.api.send_json(m_config.api.request("GET", "/api/v1/accounts/verify_credentials", *tok),
                                   "reading the account's figures");
  if (!me) {
    return std::unexpected(me.error());
  }
  if (!me->is_object()) {
    return fail(ErrorKind::runtime, m_config.api.host + ": verify_credentials did not answer with an account");
  }
  if (m_account_id.empty()) {
    m_account_id = id_of(*me);
  }
  using report::Metric;
  report::Metrics m{};
  m[static_cast<std::size_t>(Metric::followers)] = count_of(*me, "followers_count");
  m[static_cast<std::size_t>(Metric::following)] = count_of(*me, "following_count");
  m[static_cast<std::size_t>(Metric::posts)] = count_of(*me, "statuses_count");
  return m;
}

}  // namespace smm::platform
