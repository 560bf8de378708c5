// SPDX-License-Identifier: MIT
// Reconciling an unconfirmed send (see mastodon.hpp): replay with the same Idempotency-Key while
// the server still remembers it, else look the status up among the account's latest statuses.
#include <charconv>

#include "smm/http/form.hpp"
#include "smm/platform/mastodon.hpp"

namespace smm::platform {
namespace {

/// Mastodon remembers a key for an hour; leave a margin for clock skew and a slow run.
constexpr std::chrono::minutes k_replay_window{50};
/// Statuses created this long before the key was made still count (clock skew).
constexpr std::chrono::minutes k_skew{2};
constexpr int k_lookup_limit = 40;

std::string string_field(const Json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::optional<time::Instant> mastodon_key_time(std::string_view key) {
  if (!key.starts_with("smm-")) {
    return std::nullopt;
  }
  key.remove_prefix(4);
  long long seconds = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), seconds);
  if (ec != std::errc() || end == key.data() || end == key.data() + key.size() || *end != '-') {
    return std::nullopt;
  }
  return time::Instant{std::chrono::seconds{seconds}};
}

Remote mastodon_remote(const Json& status) {
  Remote r;
  if (!status.is_object()) {
    return r;
  }
  r.id = string_field(status, "id");
  r.url = string_field(status, "url");
  std::string uri = string_field(status, "uri");
  if (r.url.empty()) {
    r.url = uri;
  }
  if (!uri.empty()) {
    r.extra["uri"] = uri;
  }
  return r;
}

Result<std::optional<Remote>> MastodonClient::find(const Part& part) {
  std::optional<time::Instant> made = mastodon_key_time(part.key);
  if (made && m_now() - *made < k_replay_window) {
    auto replayed = publish(part);
    if (!replayed) {
      return std::unexpected(replayed.error());
    }
    return std::optional<Remote>(*replayed);
  }
  return lookup(part, made);
}

Result<std::string> MastodonClient::account_id(const std::string& token) {
  if (m_account_id.empty()) {
    auto me = m_config.api.send_json(m_config.api.request("GET", "/api/v1/accounts/verify_credentials", token),
                                     "checking the credentials");
    if (!me) {
      return std::unexpected(me.error());
    }
    m_account_id = string_field(*me, "id");
    if (m_account_id.empty()) {
      return fail(ErrorKind::runtime, m_config.api.host + ": verify_credentials gave no account id");
    }
  }
  return m_account_id;
}

Result<bool> MastodonClient::same_source(const Json& status, const Part& part, const std::string& token) {
  std::string id = string_field(status, "id");
  auto source = m_config.api.send_json(
      m_config.api.request("GET", "/api/v1/statuses/" + http::percent_encode(id) + "/source", token),
      "looking up status " + id);
  if (!source) {
    return std::unexpected(source.error());
  }
  return trimmed(string_field(*source, "text")) == trimmed(part.text);
}

Result<std::optional<Remote>> MastodonClient::lookup(const Part& part, std::optional<time::Instant> sent) {
  auto tok = token();
  auto id = tok ? account_id(*tok) : std::unexpected(tok.error());
  if (!id) {
    return std::unexpected(id.error());
  }
  std::string path = "/api/v1/accounts/" + http::percent_encode(*id) + "/statuses?limit=" +
                     std::to_string(k_lookup_limit) + "&exclude_reblogs=true";
  auto page = m_config.api.send_json(m_config.api.request("GET", path, *tok), "looking up recent statuses");
  if (!page) {
    return std::unexpected(page.error());
  }
  std::string parent = part.parent ? part.parent->id : "";
  bool reached = false;  // the page goes back to before the send
  for (const Json& status : page->is_array() ? *page : Json::array()) {
    auto created = time::parse_rfc3339(string_field(status, "created_at"));
    if (created && sent && *created < *sent - k_skew) {
      reached = true;
      continue;
    }
    if (string_field(status, "in_reply_to_id") != parent) {
      continue;
    }
    auto same = same_source(status, part, *tok);
    if (!same) {
      return std::unexpected(same.error());
    }
    if (*same) {
      return std::optional<Remote>(mastodon_remote(status));
    }
  }
  if (!reached && page->size() >= static_cast<std::size_t>(k_lookup_limit)) {
    return fail(ErrorKind::runtime,
                "cannot tell whether part " + std::to_string(part.index + 1) + " was published: it is not among the " +
                    "account's latest statuses, which do not reach back to the first try",
                "look at the account; if it is not there, run `smm post --retry-failed`");
  }
  return std::optional<Remote>();
}

}  // namespace smm::platform
