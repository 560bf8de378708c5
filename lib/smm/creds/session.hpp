// SPDX-License-Identifier: MIT
#pragma once

// The credential store as one run uses it: loaded once, shared by every client of the run
// (clients may live on several threads), and saved at once whenever a client rotates a token,
// so a refreshed token is on disk before any other work (ARCHITECTURE §7).

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "smm/creds/store.hpp"

namespace smm::creds {

class Session {
 public:
  explicit Session(CredentialStore store) : m_store(std::move(store)) {}

  /// Loads the store at credentials_path(env) (see CredentialStore::load).
  static Result<std::shared_ptr<Session>> open(const Env& env);

  /// A copy of the credentials stored for `identity`.
  [[nodiscard]] std::optional<Credential> get(const std::string& identity) const;
  /// Replaces the credentials of `identity` and saves the store atomically, under an flock on
  /// "<store>.lock": what other processes saved meanwhile for other identities is kept.
  Result<void> update(const std::string& identity, Credential credential);
  /// Refreshes the credentials of `identity` once for all threads and processes sharing the
  /// store (refresh tokens are often single-use): under the store's lock it re-reads the store;
  /// when the stored access token is no longer `stale` (the one a server just refused),
  /// someone else has refreshed and that is used; otherwise `refresh` gets the stored
  /// credentials and returns new ones, saved before the lock is released. `refresh` must not
  /// call back into this Session.
  Result<void> rotate(const std::string& identity, const std::string& stale,
                      const std::function<Result<Credential>(Credential)>& refresh);
  /// Every stored identity, sorted.
  [[nodiscard]] std::vector<std::string> identities() const;
  [[nodiscard]] std::filesystem::path path() const;

 private:
  mutable std::mutex m_mutex;
  std::mutex m_rotate_mutex;
  CredentialStore m_store;
};

}  // namespace smm::creds
