// SPDX-License-Identifier: MIT
#pragma once

// The Mastodon client (reference: platform-apis-a.md §1). Statuses go to POST /api/v1/statuses as
// JSON with an Idempotency-Key (the part's key) and a Bearer token from the credential store;
// media go to POST /api/v2/media (multipart) and are polled at GET /api/v1/media/:id until
// processed, before the status that carries them is sent.
//
// Account settings (accounts/<name>.json): server (URL or host), handle, "visibility" (public,
// unlisted, private, direct; default public), "language" (ISO 639-1). Post settings (the post's
// extra fields): "content_warning" (sent as spoiler_text on every part), "language".
// Visibility of thread parts after the first and of the first comment: "unlisted" when the
// account posts publicly (the usual convention: one entry on the public timelines per thread),
// else the account's own visibility (a private account's thread stays private).
//
// Unconfirmed sends (find()): Mastodon keeps an idempotency key for one hour, and a key made by
// new_key() carries its creation time ("smm-<unix seconds>-<random>"). Within 50 minutes of that
// time find() resends the part with the same key: the server answers with the original status
// when the first send landed, or creates it now (media are uploaded again; an orphaned upload is
// cleaned up by the server). Later, it looks the part up among the account's 40 latest statuses
// (same in_reply_to_id, created after the key, same source text) and fails, rather than guess,
// when those do not reach back to the key's time. Either way no duplicate is created.
//
// Metrics (mastodon_metrics.cpp): statuses are read 20 at a time with GET /api/v1/statuses?id[]=
// (Mastodon 4.3+; statuses that are gone are left out of the answer), falling back to
// GET /api/v1/statuses/:id one by one on servers without it (404 on the batch path); a status that
// answers 404 or 410 is gone and left out. favourites_count, reblogs_count, replies_count and
// quotes_count (4.5+, when present) become likes, reposts, replies and quotes. The account's
// followers_count, following_count and statuses_count come from verify_credentials.
//
// Instance limits (max_characters, max_media_attachments, characters_reserved_per_url) come from
// GET /api/v2/instance (fallback /api/v1/instance and the forks' max_toot_chars), cached for a
// day in <project>/.smm/cache/mastodon-<host>.json; defaults 500, 4 and 23 when unknown.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/platform/client.hpp"

namespace smm::platform {

/// What an instance allows.
struct MastodonLimits {
  std::size_t max_characters = 500;
  std::size_t max_media = 4;
  std::size_t reserved_per_url = 23;
};

/// The limits in a /api/v2/instance or /api/v1/instance document (defaults for what is missing).
MastodonLimits mastodon_limits(const Json& instance);

/// "https://host" for a server written as "host", "https://host/" or "http://127.0.0.1:4101".
std::string mastodon_base_url(std::string_view server);

/// The Error for a Mastodon error response: 401/403 -> auth (hint: `smm account login NAME`),
/// 404 -> not_found, 422 -> runtime with the server's "error" text, 429 -> retryable runtime
/// "rate limited until <X-RateLimit-Reset>", 5xx -> retryable runtime. `what` names the action
/// ("posting", "uploading media/a.png"); the message never holds request headers.
Error mastodon_error(const http::Response& response, const std::string& host, const std::string& what,
                     const std::string& account);

/// A ready Mastodon endpoint: where, who, and the transport. Shared by the client and the login
/// flow.
struct MastodonApi {
  std::string base_url;  ///< "https://mastodon.social"
  std::string host;      ///< "mastodon.social"
  std::string account;   ///< the project account's name, for hints
  http::Transport* transport = nullptr;
  http::Timeouts timeouts;  ///< for every request (`post --timeout`); uploads get longer

  /// method + base_url + path, with a Bearer token when `token` is not empty.
  [[nodiscard]] http::Request request(std::string method, const std::string& path, const std::string& token) const;
  /// Sends; a status >= 300 becomes mastodon_error(). The 2xx response otherwise.
  Result<http::Response> send(const http::Request& request, const std::string& what) const;
  /// send() and parse the body as JSON.
  Result<Json> send_json(const http::Request& request, const std::string& what) const;
};

class MastodonClient final : public Client {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  struct Config {
    MastodonApi api;
    std::string identity;  ///< credential store key
    std::string visibility = "public";
    std::string language;
    MastodonLimits limits;
  };

  /// Works without a transport or a session (dry runs): publish(), find(), remove() and check()
  /// then fail. With a transport it refreshes the instance limits cache when stale.
  static Result<std::unique_ptr<Client>> make(const Env& env);
  MastodonClient(Config config, std::shared_ptr<creds::Session> session, std::function<time::Instant()> now);

  /// Replaces the sleep between media polls (tests).
  void set_sleep(Sleep sleep) { m_sleep = std::move(sleep); }
  [[nodiscard]] const MastodonLimits& limits() const { return m_config.limits; }

  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string new_key(const Part& part) const override;
  Result<Remote> publish(const Part& part) override;
  Result<std::optional<Remote>> find(const Part& part) override;
  [[nodiscard]] std::vector<http::Request> preview(const Part& part) const override;
  Result<void> remove(const Remote& remote) override;
  Result<Identity> check() override;
  /// Notifications (mentions, replies, quotes, DMs), conversations and hashtag watches; see
  /// mastodon_inbox.cpp for the paging and the item fields.
  Result<InboxBatch> fetch_inbox(const InboxQuery& query) override;
  Result<std::vector<PostMetrics>> fetch_metrics(const std::vector<Remote>& posts) override;
  Result<report::Metrics> account_metrics() override;

 private:
  Result<std::string> token() const;
  [[nodiscard]] http::Request status_request(const Part& part, const std::vector<std::string>& media_ids,
                                             const std::string& parent_id) const;
  [[nodiscard]] http::Request media_request(const Media& media, const std::string& bytes,
                                            std::string_view boundary) const;
  Result<std::vector<std::string>> upload_media(const std::vector<Media>& media, const std::string& token);
  Result<std::string> upload_one(const Media& media, const std::string& token);
  Result<void> wait_processed(const std::string& id, const std::string& path, const std::string& token);
  Result<void> check_length(const Part& part) const;
  Result<std::string> account_id(const std::string& token);
  Result<std::optional<Remote>> lookup(const Part& part, std::optional<time::Instant> sent);
  Result<bool> same_source(const Json& status, const Part& part, const std::string& token);
  Result<std::optional<Json>> status_batch(const std::vector<std::string>& ids, const std::string& token);
  Result<std::optional<Json>> status_one(const std::string& id, const std::string& token);

  Config m_config;
  std::shared_ptr<creds::Session> m_session;
  std::function<time::Instant()> m_now;
  Sleep m_sleep;
  std::string m_account_id;  ///< from verify_credentials, once needed
  bool m_no_batch = false;   ///< the server has no GET /api/v1/statuses (before 4.3)
};

/// The time a key made by MastodonClient::new_key() was made, nullopt for other keys.
std::optional<time::Instant> mastodon_key_time(std::string_view key);
/// Mastodon's status HTML as plain text: <br> a line break, paragraphs separated by a blank line,
/// other tags dropped, entities (&amp;, &#39;, &#x1F600;) decoded.
std::string mastodon_plain_text(std::string_view html);
/// The Remote for a Status document.
Remote mastodon_remote(const Json& status);

/// The cached limits of `host`, nullopt when there is no fresh cache (younger than a day).
std::optional<MastodonLimits> cached_limits(const std::filesystem::path& project_root, const std::string& host,
                                            time::Instant now);
/// Fetches the instance limits (v2, then v1) and caches them; defaults on any failure.
MastodonLimits fetch_limits(const MastodonApi& api, const std::filesystem::path& project_root, time::Instant now);
/// The cached limits, else fetched ones when api has a transport (one fetch at a time in the
/// process), else defaults.
MastodonLimits instance_limits(const MastodonApi& api, const std::filesystem::path& project_root, time::Instant now);

}  // namespace smm::platform
