// SPDX-License-Identifier: MIT
#include <openssl/rand.h>

#include <array>

#include "smm/http/rate_limit.hpp"
#include "smm/platform/client.hpp"
#include "smm/platform/feed.hpp"
#include "smm/platform/webhook.hpp"
#include "smm/platform/mastodon.hpp"
#include "smm/platform/bluesky.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

struct Maker {
  const char* platform;
  Result<std::unique_ptr<Client>> (*make)(const Env& env);
};

template <typename T>
Result<std::unique_ptr<Client>> make_as(const Env& env) {
  return T::make(env);
}

constexpr std::array k_makers{
    Maker{"feed", &make_as<FeedClient>},
    Maker{"webhook", &make_as<WebhookClient>},
    Maker{"mastodon", &make_as<MastodonClient>},
    Maker{"bluesky", &make_as<BlueskyClient>},
};

}  // namespace

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  static const char* k_hex = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += k_hex[c >> 4U];
    hex += k_hex[c & 15U];
  }
  return hex;
}

Result<http::Response> send_checked(http::Transport* transport, const http::Request& request,
                                    const std::function<Error(const http::Response&)>& to_error) {
  if (transport == nullptr) {
    return fail(ErrorKind::runtime, "no network available");
  }
  auto response = transport->send(request);
  if (response && response->status >= 300) {
    return std::unexpected(to_error(*response));
  }
  return response;
}

Result<Json> answer_json(const http::Response& response, const std::string& host, const std::string& what) {
  Json doc = Json::parse(response.body, nullptr, false);
  if (!doc.is_object() && !doc.is_array()) {
    return std::unexpected(Error{ErrorKind::runtime, host + ": request failed: " + what + ": the answer is not JSON",
                                 "smm post checks on its next run whether it landed", "", true});
  }
  return doc;
}

std::string rate_limited_until(const http::Response& response) {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto at = http::retry_time(response, now);
  return at ? " until " + time::format_rfc3339(*at, time::utc()) : "";
}

std::string Client::new_key(const Part& /*part*/) const { return random_token(16); }

Result<InboxBatch> Client::fetch_inbox(const InboxQuery& /*query*/) {
  return fail(ErrorKind::usage, "this platform has no inbox smm can read",
              "inbox sync reads Mastodon and Bluesky accounts");
}

Result<std::vector<PostMetrics>> Client::fetch_metrics(const std::vector<Remote>& /*posts*/) {
  return fail(ErrorKind::usage, "this platform reports no post metrics smm can read",
              "report pull reads Mastodon and Bluesky accounts");
}

Result<report::Metrics> Client::account_metrics() {
  return fail(ErrorKind::usage, "this platform reports no account metrics smm can read",
              "report pull reads Mastodon and Bluesky accounts");
}

bool can_publish(std::string_view platform) {
  for (const auto& m : k_makers) {
    if (platform == m.platform) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> publishing_platforms() {
  std::vector<std::string> names;
  for (const auto& m : k_makers) {
    names.emplace_back(m.platform);
  }
  return names;
}

Result<std::unique_ptr<Client>> make_client(const Env& env) {
  const std::string& platform = env.account->platform;
  for (const auto& m : k_makers) {
    if (platform == m.platform) {
      return m.make(env);
    }
  }
  std::string list;
  for (const auto& name : publishing_platforms()) {
    list += (list.empty() ? "" : ", ") + name;
  }
  return fail(ErrorKind::runtime, "smm cannot publish to " + platform + " yet",
              "platforms smm publishes to: " + list, project::Project::account_path(env.account->name));
}

}  // namespace smm::platform
