// SPDX-License-Identifier: MIT
#pragma once

// The credential store as one run uses it: loaded once, shared by every client of the run
// (clients may live on several threads), and saved at once whenever a client rotates a token,
// so a refreshed token is on disk before any other work (ARCHITECTURE §7).

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
  /// Every stored identity, sorted.
  [[nodiscard]] std::vector<std::string> identities() const;
  [[nodiscard]] std::filesystem::path path() const;

 private:
  mutable std::mutex m_mutex;
  CredentialStore m_store;
};

}  // namespace smm::creds
