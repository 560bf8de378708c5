// SPDX-License-Identifier: MIT
#pragma once

// The local credential store (ARCHITECTURE §7): one JSON file outside the project, mode 0600,
// keyed by account identity ("bluesky:alice.example.com", "mastodon:acme@mastodon.social").
//
//   {"schema_version": 1, "accounts": {"<identity>": {"platform": "...", "handle": "...",
//     "server": "...", "access_token": "...", "refresh_token": "...", "expires_at": "<RFC 3339>",
//     "refresh_expires_at": "<RFC 3339>", "scopes": ["..."], <other fields, preserved>}}}
//
// Secrets (the tokens, and whatever a platform keeps among the other fields, such as a webhook
// URL or an app's client secret) are held privately and never appear in an error message; no
// type here has an operator<<. The store is plain data: login flows and token refresh live in
// the platform clients and call put() and save().

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "smm/env.hpp"
#include "smm/error.hpp"
#include "smm/project/model.hpp"
#include "smm/time/time.hpp"

namespace smm::creds {

using Json = nlohmann::ordered_json;

inline constexpr int k_schema_version = 1;

/// One account's stored credentials.
class Credential {
 public:
  std::string platform;
  std::string handle;
  std::string server;
  std::optional<time::Instant> expires_at;          ///< of the access token; nullopt: no expiry known
  std::optional<time::Instant> refresh_expires_at;  ///< of the refresh token; nullopt: no expiry known
  std::vector<std::string> scopes;

  [[nodiscard]] const std::string& access_token() const { return m_access_token; }
  [[nodiscard]] const std::string& refresh_token() const { return m_refresh_token; }
  void set_access_token(std::string token) { m_access_token = std::move(token); }
  void set_refresh_token(std::string token) { m_refresh_token = std::move(token); }
  [[nodiscard]] bool has_refresh_token() const { return !m_refresh_token.empty(); }

  /// Fields smm does not know (kept on rewrite); platforms keep further secrets here, e.g. a
  /// webhook's "url" or Mastodon's "client_secret". Treat every value as secret.
  [[nodiscard]] const Json& extra() const { return m_extra; }
  [[nodiscard]] Json& extra() { return m_extra; }
  /// A string field of extra() ("" when absent or not a string).
  [[nodiscard]] std::string extra_string(const std::string& key) const;

 private:
  std::string m_access_token;
  std::string m_refresh_token;
  Json m_extra = Json::object();
};

/// False for platforms that publish without credentials (feed). A webhook counts as needing
/// them: its URL carries the secret (Discord and Slack webhook URLs are bearer tokens), so it is
/// kept in the store under "url" and never in accounts/<name>.json.
bool needs_credentials(std::string_view platform);

/// The store key of a project account: "<platform>:<handle>", plus "@<server host>" for
/// server-based platforms (Mastodon). A leading '@' of the handle is dropped; a handle that
/// already names its server ("acme@mastodon.social") is kept as it is; an empty handle falls
/// back to the account's name (webhooks usually have none).
///   mastodon, handle acme, server https://mastodon.social -> "mastodon:acme@mastodon.social"
///   bluesky, handle alice.example.com                      -> "bluesky:alice.example.com"
std::string credential_identity(const project::Account& account);

/// The host (and port, when given) of a server written as a URL or a bare host, lower-cased:
/// "https://Mastodon.Social/" -> "mastodon.social", "http://127.0.0.1:8080" -> "127.0.0.1:8080".
std::string server_host(std::string_view server);

/// Where the store lives: $SMM_CREDENTIALS, else $XDG_CONFIG_HOME/smm/credentials.json (when
/// set to an absolute path), else $HOME/.config/smm/credentials.json. Fails (runtime) when none
/// of them is set.
Result<std::filesystem::path> credentials_path(const Env& env);

class CredentialStore {
 public:
  /// An empty store that saves to `path`.
  explicit CredentialStore(std::filesystem::path path) : m_path(std::move(path)) {}

  /// Reads the store at credentials_path(env); a missing file is an empty store. Fails with
  /// ErrorKind::auth (exit 4, hint `chmod 600 FILE`) when the file is readable or writable by
  /// group or others, as ssh refuses such keys; with ErrorKind::runtime when it cannot be read
  /// or is not a valid store (the message gives the place, never the values).
  static Result<CredentialStore> load(const Env& env);
  /// Reads the store at `path` (same rules as load()).
  static Result<CredentialStore> load_file(const std::filesystem::path& path);

  /// The credentials stored for `identity`, or nullptr.
  [[nodiscard]] const Credential* find(const std::string& identity) const;
  /// Adds or replaces an entry (in memory; call save()).
  void put(const std::string& identity, Credential credential);
  /// Removes an entry; false when there was none.
  bool remove(const std::string& identity);
  /// Every stored identity, sorted.
  [[nodiscard]] std::vector<std::string> identities() const;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

  /// Writes the store atomically with mode 0600 (temp file created 0600 in the same directory,
  /// fsync, rename, fsync the directory), creating missing directories with mode 0700. Errors
  /// name the file, never its contents.
  [[nodiscard]] Result<void> save() const;

 private:
  std::filesystem::path m_path;
  std::map<std::string, Credential> m_accounts;
  Json m_extra = Json::object();  ///< unknown top-level fields
};

}  // namespace smm::creds
