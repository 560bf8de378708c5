// SPDX-License-Identifier: MIT
#include "smm/creds/session.hpp"

namespace smm::creds {

Result<std::shared_ptr<Session>> Session::open(const Env& env) {
  auto store = CredentialStore::load(env);
  if (!store) {
    return std::unexpected(store.error());
  }
  return std::make_shared<Session>(std::move(*store));
}

std::optional<Credential> Session::get(const std::string& identity) const {
  std::lock_guard lock(m_mutex);
  const Credential* found = m_store.find(identity);
  return found == nullptr ? std::nullopt : std::optional<Credential>(*found);
}

Result<void> Session::update(const std::string& identity, Credential credential) {
  std::lock_guard lock(m_mutex);
  m_store.put(identity, std::move(credential));
  return m_store.save();
}

std::vector<std::string> Session::identities() const {
  std::lock_guard lock(m_mutex);
  return m_store.identities();
}

std::filesystem::path Session::path() const {
  std::lock_guard lock(m_mutex);
  return m_store.path();
}

}  // namespace smm::creds
