// SPDX-License-Identifier: MIT
#include "smm/post/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace smm::post {
namespace {

std::string holder(int fd) {
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) {
    pid.pop_back();
  }
  return pid;
}

}  // namespace

Result<ProjectLock> ProjectLock::acquire(const std::filesystem::path& root, const LockUse& use) {
  std::filesystem::path dir = root / ".smm";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::path file = dir / use.file;
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return fail(ErrorKind::runtime, "cannot open " + file.string() + ": " + std::strerror(errno));
  }
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) {
      continue;
    }
    int err = errno;
    std::string pid = holder(fd);
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return fail(ErrorKind::locked,
                  "another " + std::string(use.holder) + (pid.empty() ? std::string() : " (pid " + pid + ")") + " " +
                      std::string(use.doing),
                  std::string(use.hint));
    }
    return fail(ErrorKind::runtime, "cannot lock " + file.string() + ": " + std::strerror(err));
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] ssize_t n = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  return ProjectLock(fd);
}

ProjectLock::~ProjectLock() {
  if (m_fd >= 0) {
    ::close(m_fd);  // releases the flock
  }
}

}  // namespace smm::post
