// SPDX-License-Identifier: MIT
#pragma once

// The platform seam (ARCHITECTURE §9): what `post` (and later `inbox` and `report`) need from a
// network, one implementation per platform in <name>.{hpp,cpp}. A client turns HTTP statuses into
// ErrorKinds (401/403 -> auth, 404 -> not_found, 429 -> runtime with "rate limited until ...",
// 5xx and network failures -> runtime with Error::retryable) and never puts a secret in a message.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/http/http.hpp"
#include "smm/inbox/item.hpp"
#include "smm/report/snapshot.hpp"
#include "smm/time/time.hpp"

namespace smm::project {
struct Account;
struct Project;
struct Post;
}  // namespace smm::project

namespace smm::creds {
class Session;
}

namespace smm::platform {

using Json = nlohmann::ordered_json;

/// A published thing on the platform.
struct Remote {
  std::string id;
  std::string url;
  Json extra = Json::object();  ///< handles beside the id (Bluesky "uri" and "cid")
};

struct Media {
  std::filesystem::path file;  ///< absolute
  std::string path;            ///< as written in the post (relative to the project)
  std::string alt;
  std::string mime;            ///< image/jpeg, image/png, image/gif, image/webp, video/mp4, ...
  std::uintmax_t size = 0;
  int width = 0;   ///< 0 when unknown
  int height = 0;
};

/// One request to publish: a thread part or the first comment, for one target.
struct Part {
  const project::Post* post = nullptr;
  std::string account;
  std::size_t index = 0;   ///< 0-based; the first comment comes after the last part
  std::size_t count = 1;   ///< thread parts (the first comment is not counted)
  bool comment = false;    ///< the first comment (a reply to the first part)
  std::string text;
  std::vector<Media> media;  ///< the first part's only
  std::string key;           ///< idempotency key, written to the post file before sending
  std::optional<Remote> root;    ///< the thread's first part, for parts after it
  std::optional<Remote> parent;  ///< the part this one replies to
  time::Instant at{};            ///< when it was scheduled (the feed's date)
  /// `inbox reply`: the item answered (post is null then; root and parent come from the item).
  /// Clients take what a reply needs from it: Mastodon DMs stay direct and mention the author,
  /// Bluesky chat items are answered in their conversation.
  const inbox::Item* answering = nullptr;
};

struct Capabilities {
  bool threads = false;        ///< can reply to its own posts
  bool first_comment = false;
  bool idempotent = false;     ///< resending with the same key cannot create a duplicate
  bool lookup = false;         ///< find() can tell whether an unconfirmed send landed
  std::size_t max_media = 0;
  bool alt_text = false;
  bool inbox = false;    ///< fetch_inbox() works
  bool metrics = false;  ///< fetch_metrics() and account_metrics() work
};

/// A watch from smm.json ("watches": [{"name", "account", "hashtag" | "query"}]): brand
/// monitoring that lands in the inbox as kind "watch".
struct Watch {
  std::string name;
  std::string hashtag;  ///< Mastodon: the hashtag timeline (without '#')
  std::string query;    ///< Bluesky: app.bsky.feed.searchPosts q
};

/// What `inbox sync` asks a platform for.
struct InboxQuery {
  /// Each source's newest stored item (inbox::Stored::newest): fetch what is newer, paginating.
  /// A source with nothing stored is fetched back to `since`.
  std::map<std::string, inbox::Stored::Newest> newest;
  time::Instant since{};         ///< how far back a first sync goes (default: 30 days)
  std::vector<Watch> watches;
  /// Our published posts: remote id (Mastodon status id, Bluesky at:// URI, any part) -> post id,
  /// so items answering them carry Item::post.
  std::map<std::string, std::string> our_posts;
  /// Called with the number of items fetched so far (progress on a TTY); may be empty.
  std::function<void(std::size_t)> progress;
};

/// What fetch_inbox() found: items of the sources that worked and one error per source that did
/// not (the command reports them and exits 5).
struct InboxBatch {
  std::vector<inbox::Item> items;
  std::vector<Error> failures;
  /// Sources skipped on purpose (Bluesky chat refused by the server or the app password): told
  /// to people as notes, not failures.
  std::vector<std::string> notes;
};

/// Metrics of one published post (by the remote id it was asked for).
struct PostMetrics {
  std::string remote_id;
  report::Metrics metrics{};
};

/// Who the credentials belong to, for `account check`.
struct Identity {
  std::string handle;
  std::string id;
  std::string url;
  std::vector<std::string> scopes;
  std::optional<time::Instant> expires_at;
};

class Client {
 public:
  Client() = default;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  virtual ~Client() = default;

  [[nodiscard]] virtual Capabilities capabilities() const = 0;
  /// A fresh idempotency key for a part (Bluesky: a TID record key; others: a random token).
  [[nodiscard]] virtual std::string new_key(const Part& part) const;
  /// Publishes one part. Errors carry the platform's message; see retryable().
  virtual Result<Remote> publish(const Part& part) = 0;
  /// An earlier send of `part` (same key) whose outcome is unknown: the remote post when it
  /// exists, nullopt when it surely does not. Fails when the platform cannot tell.
  virtual Result<std::optional<Remote>> find(const Part& part) = 0;
  /// The exact requests publish() would send, for `post --dry-run` (ids not yet known appear as
  /// placeholders such as "{media-1}" and "{part-1}").
  [[nodiscard]] virtual std::vector<http::Request> preview(const Part& part) const = 0;
  /// Deletes a published post (live tests clean up with it).
  virtual Result<void> remove(const Remote& remote) = 0;
  /// Verifies the credentials online.
  virtual Result<Identity> check() = 0;

  /// New inbox items (capabilities().inbox). Default: an error saying the platform has no inbox.
  virtual Result<InboxBatch> fetch_inbox(const InboxQuery& query);
  /// Metrics of published posts, batched as the platform allows (Bluesky getPosts: 25 URIs);
  /// posts the platform no longer has are left out. Default: unsupported.
  virtual Result<std::vector<PostMetrics>> fetch_metrics(const std::vector<Remote>& posts);
  /// The account's own figures (followers, following, posts). Default: unsupported.
  virtual Result<report::Metrics> account_metrics();
};

/// What a client needs to exist. make() must succeed with no transport and no session (that is
/// how `post --dry-run` builds previews); publish(), find() and check() then need both.
struct Env {
  const project::Project* project = nullptr;
  const project::Account* account = nullptr;
  std::function<time::Instant()> now;
  /// The network; null for offline platforms (feed) and in dry runs.
  http::Transport* transport = nullptr;
  /// Stored credentials of the account, shared by the clients of one run (may be null for
  /// platforms that need none).
  std::shared_ptr<creds::Session> session;
  /// Timeouts for every request (`post --timeout`).
  http::Timeouts timeouts;
};

/// The client for env.account's platform, or an error naming the platforms smm can publish to.
Result<std::unique_ptr<Client>> make_client(const Env& env);
/// True when smm can publish to this platform.
bool can_publish(std::string_view platform);
/// The platforms smm can publish to.
std::vector<std::string> publishing_platforms();
/// Sends `request` through `transport` (null: "no network available"); a status of 300 or more
/// becomes `to_error(response)`. The platforms' API helpers are built on it.
Result<http::Response> send_checked(http::Transport* transport, const http::Request& request,
                                    const std::function<Error(const http::Response&)>& to_error);

/// A 2xx answer's body as a JSON object or array. A cut or garbled body means the server most likely
/// acted, so the error says "request failed" (unconfirmed, http::maybe_sent): the publishing
/// machine reconciles it instead of calling it a failure.
Result<Json> answer_json(const http::Response& response, const std::string& host, const std::string& what);

/// " until 2026-11-23T10:15:00Z" when a 429 (or 503) response says when to try again
/// (Retry-After, rate-limit reset headers), else "". Read against the real clock, not --now.
std::string rate_limited_until(const http::Response& response);
/// `bytes` random bytes (OpenSSL) as lower-case hex: idempotency keys and OAuth state.
std::string random_token(std::size_t bytes);

}  // namespace smm::platform
