// SPDX-License-Identifier: MIT
#include "smm/creds/session.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace smm::creds {
namespace {

/// An exclusive flock on "<store>.lock" for as long as it lives, so two smm processes that share
/// a store (two projects, two cron jobs) save in turn. An invalid one when the store's directory
/// does not exist yet: then nobody else has a store there to race with.
class StoreLock {
 public:
  static Result<StoreLock> take(const std::filesystem::path& store) {
    StoreLock lock;
    std::error_code ec;
    if (!std::filesystem::is_directory(store.parent_path(), ec)) {
      return lock;
    }
    std::filesystem::path file = store.string() + ".lock";
    lock.m_fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock.m_fd < 0 || ::flock(lock.m_fd, LOCK_EX) != 0) {
      return fail(ErrorKind::runtime, "cannot lock the credential store " + file.string() + ": " + std::strerror(errno));
    }
    return lock;
  }
  StoreLock(StoreLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  StoreLock& operator=(StoreLock&&) = delete;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  ~StoreLock() {
    if (m_fd >= 0) {
      ::close(m_fd);  // releases the flock
    }
  }

 private:
  StoreLock() = default;
  int m_fd = -1;
};

}  // namespace

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
  m_store.put(identity, credential);  // in use from now on, even if saving fails
  // Another process may have saved since this one loaded the store (rotating another account's
  // token, say): under the store's lock, re-read it, change this identity only, and save.
  auto file_lock = StoreLock::take(m_store.path());
  if (!file_lock) {
    return std::unexpected(file_lock.error());
  }
  auto current = CredentialStore::load_file(m_store.path());
  if (!current) {
    return std::unexpected(current.error());
  }
  current->put(identity, std::move(credential));
  if (auto saved = current->save(); !saved) {
    return saved;
  }
  m_store = std::move(*current);
  return {};
}

Result<void> Session::rotate(const std::string& identity, const std::string& stale,
                             const std::function<Result<Credential>(Credential)>& refresh) {
  std::lock_guard rotating(m_rotate_mutex);  // one refresh at a time in this process
  std::filesystem::path path = this->path();
  auto file_lock = StoreLock::take(path);   // and across processes
  if (!file_lock) {
    return std::unexpected(file_lock.error());
  }
  auto current = CredentialStore::load_file(path);
  if (!current) {
    return std::unexpected(current.error());
  }
  const Credential* stored = current->find(identity);
  if (stored != nullptr && stored->access_token() != stale) {
    std::lock_guard lock(m_mutex);  // someone else refreshed already: use theirs
    m_store = std::move(*current);
    return {};
  }
  auto fresh = refresh(stored != nullptr ? *stored : get(identity).value_or(Credential{}));
  if (!fresh) {
    return std::unexpected(fresh.error());
  }
  std::lock_guard lock(m_mutex);
  m_store.put(identity, *fresh);
  current->put(identity, std::move(*fresh));
  if (auto saved = current->save(); !saved) {
    return saved;
  }
  m_store = std::move(*current);
  return {};
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
