// SPDX-License-Identifier: MIT
#pragma once

// The Bluesky client (reference: platform-apis-a.md §2). Posts are app.bsky.feed.post records
// created with com.atproto.repo.createRecord in the account's repository (its DID) on its PDS,
// under a client-chosen TID record key: the part's key. Resending the same key cannot duplicate a
// post (the PDS refuses a second record at that key), so a refused resend is answered by a
// getRecord of the key. Images go to com.atproto.repo.uploadBlob first and are embedded as
// app.bsky.embed.images with their alt text and aspect ratio.
//
// Remote: id = the post's at:// URI, url = https://bsky.app/profile/<handle>/post/<rkey>,
// extra = {"uri", "cid"} (the strong ref that replies need).
//
// Credentials (creds store, key "bluesky:<handle>"): access_token = accessJwt, refresh_token =
// refreshJwt, handle, server = the PDS URL, extra "did"; expiries read from the JWTs' `exp`. An
// access token that the PDS answers with 400 {"error":"ExpiredToken"} is refreshed once with
// com.atproto.server.refreshSession; both rotated tokens are saved before the call is resent.
//
// Account settings (accounts/<name>.json): server (where to log in: the PDS or an entryway;
// default https://bsky.social), handle, "language" (BCP-47), "plc" (the PLC directory that
// resolves did:plc; default https://plc.directory), "proxy" (an atproto-proxy header value such
// as "did:web:api.bsky.app#bsky_appview" for app.bsky.* calls; none by default, the PDS proxies
// them itself). Post settings: "language".
//
// Metrics (bluesky_metrics.cpp): app.bsky.feed.getPosts with up to 25 at:// URIs per request
// (posts that are gone are left out of the answer): likeCount, repostCount, replyCount and
// quoteCount become likes, reposts, replies and quotes (a missing count is 0: the lexicon makes
// them optional, the AppView always sends them); app.bsky.actor.getProfile of the account's DID
// gives followersCount, followsCount and postsCount. Counts come from the AppView and lag writes
// by a moment.
//
// Not done (yet): link cards (app.bsky.embed.external), bare-domain links without http(s)://,
// video, EXIF stripping (images are sent as they are; up to 2,000,000 bytes, which servers on
// older code refuse above 1,000,000), cashtags.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/creds/store.hpp"
#include "smm/http/auth.hpp"
#include "smm/platform/client.hpp"
#include "smm/platform/login.hpp"

namespace smm::platform {

inline constexpr std::size_t k_bluesky_max_graphemes = 300;
inline constexpr std::size_t k_bluesky_max_bytes = 3000;
inline constexpr std::uintmax_t k_bluesky_max_image = 2'000'000;

/// A TID (13 characters, base32-sortable): `micros` since the epoch, then a 10-bit clock id.
std::string bluesky_tid(std::uint64_t micros, unsigned clock_id);
/// A fresh TID, strictly greater than every earlier one made by this process.
std::string bluesky_new_tid();
/// True when `text` has the shape of a TID.
bool bluesky_is_tid(std::string_view text);

/// A rich-text span found in a post's text, by UTF-8 byte offsets [start, end).
struct BlueskySpan {
  enum class Kind { link, mention, tag };
  Kind kind = Kind::link;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string value;  ///< link: the URI; mention: the handle (no '@'); tag: the tag (no '#')
};

/// Links (http(s) URLs), mentions (@handle.tld) and hashtags in `text`, in order, not overlapping.
std::vector<BlueskySpan> bluesky_spans(std::string_view text);

/// The serviceEndpoint of the #atproto_pds service in a DID document, "" when there is none.
std::string bluesky_pds_of(const Json& did_document);

/// The claims of a JWT (its payload, not verified), an empty object when it cannot be read.
Json bluesky_jwt_claims(std::string_view jwt);
/// The `exp` of a JWT, nullopt when it cannot be read.
std::optional<time::Instant> bluesky_jwt_expiry(std::string_view jwt);

/// "https://host" for "host", "https://host/" or "http://127.0.0.1:2583".
std::string bluesky_base_url(std::string_view server);

/// The Error for an XRPC error response: 401/403 and the auth errors (AuthenticationRequired,
/// InvalidToken, ExpiredToken, AccountTakedown) -> auth (hint: `smm account login NAME`), 404 ->
/// not_found, 429 -> retryable runtime "rate limited until <RateLimit-Reset>", 5xx -> retryable
/// runtime, others runtime with the server's error name and message. Never holds a header.
Error bluesky_error(const http::Response& response, const std::string& host, const std::string& what,
                    const std::string& account);

/// The XRPC "error" name of a response body, "" when there is none.
std::string bluesky_error_name(const http::Response& response);

/// An XRPC endpoint: where, who (for hints), and how requests go out.
struct BlueskyApi {
  std::string base_url;  ///< the PDS
  std::string host;
  std::string account;
  http::Transport* transport = nullptr;
  http::Timeouts timeouts;
  std::string proxy;  ///< atproto-proxy header for app.bsky.* calls; empty: none

  /// method + base_url + /xrpc/nsid (+ ?query), with the timeouts (and the proxy header).
  [[nodiscard]] http::Request request(std::string method, const std::string& nsid, const std::string& query = {}) const;
  [[nodiscard]] http::Request json_request(const std::string& nsid, const Json& body) const;
  /// Sends; a status >= 300 becomes bluesky_error().
  Result<http::Response> send(const http::Request& request, const std::string& what) const;
  Result<Json> send_json(const http::Request& request, const std::string& what) const;
};

class BlueskyClient final : public Client {
 public:
  struct Config {
    std::string base_url;  ///< the PDS (from the credentials when known, else the account's server)
    std::string account;
    std::string identity;  ///< credential store key
    std::string handle;    ///< the account's handle setting
    std::string language;
    std::string proxy;     ///< atproto-proxy for app.bsky.* calls; empty: none
  };

  /// Works without a transport or a session (dry runs); publish(), find(), remove() and check()
  /// then fail.
  static Result<std::unique_ptr<Client>> make(const Env& env);
  BlueskyClient(Config config, const Env& env);

  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string new_key(const Part& part) const override;
  Result<Remote> publish(const Part& part) override;
  Result<std::optional<Remote>> find(const Part& part) override;
  [[nodiscard]] std::vector<http::Request> preview(const Part& part) const override;
  Result<void> remove(const Remote& remote) override;
  Result<Identity> check() override;
  /// Notifications (replies, mentions, quotes), chat when the server and app password allow it,
  /// and searchPosts watches; see bluesky_inbox.cpp for the paging and the item fields.
  Result<InboxBatch> fetch_inbox(const InboxQuery& query) override;
  Result<std::vector<PostMetrics>> fetch_metrics(const std::vector<Remote>& posts) override;
  Result<report::Metrics> account_metrics() override;

  /// Refreshes the session now (tests; AuthTransport calls it on ExpiredToken).
  Result<bool> refresh();

 private:
  [[nodiscard]] std::optional<creds::Credential> credential() const;
  Result<void> ready() const;
  [[nodiscard]] std::string repo() const;
  [[nodiscard]] std::string handle() const;
  [[nodiscard]] BlueskyApi api() const;
  [[nodiscard]] Remote remote_of(const std::string& uri, const std::string& cid) const;
  Result<Json> facets(const std::string& text);
  Result<Json> upload(const Media& media);
  [[nodiscard]] Json record(const Part& part, const Json& facets, const Json& images, std::string_view created_at) const;
  [[nodiscard]] http::Request create_request(const Part& part, const Json& record) const;
  [[nodiscard]] http::Request blob_request(const Media& media, std::string bytes) const;
  Result<void> check_length(const Part& part) const;

  Config m_config;
  std::shared_ptr<creds::Session> m_session;
  std::function<time::Instant()> m_now;
  http::Timeouts m_timeouts;
  http::Transport* m_raw = nullptr;           ///< env.transport (refresh calls)
  std::string m_signed_with;  ///< the access token of the last signed request (refresh compares it)
  std::unique_ptr<http::Transport> m_signed;  ///< AuthTransport over m_raw
};

/// `smm account login` for Bluesky: the handle (account setting, else read_line), an app
/// password (read_line; never shown), createSession at the account's server, the PDS from the
/// DID document (PLC directory or did:web), then the session is stored.
/// Needs env.transport and env.session; `options.token_from_input` is refused (no token flow).
Result<Identity> bluesky_login(const Env& env, const LoginOptions& options, const LoginIo& io);

}  // namespace smm::platform
