// SPDX-License-Identifier: MIT
#pragma once

// The project lock of `smm post` (ARCHITECTURE §8): an exclusive flock on .smm/lock. The kernel
// drops a flock when its process dies, so a lock left by a crashed or killed run is simply taken
// over; the file holds the holder's pid for the message of the run that finds it held. Other
// verbs that must not run twice at once (`report pull`: .smm/report.lock) take their own file.

#include <filesystem>
#include <string_view>

#include "smm/error.hpp"

namespace smm::post {

/// Which lock, and what the run that finds it held is told.
struct LockUse {
  std::string_view file = "lock";  ///< under .smm/
  std::string_view holder = "smm post";
  std::string_view doing = "is publishing this project";
  std::string_view hint = "it ends on its own; cron tries again at its next run";
};

class ProjectLock {
 public:
  /// Takes the lock without waiting. Fails with ErrorKind::locked (exit 75) when another process
  /// holds it, naming its pid.
  static Result<ProjectLock> acquire(const std::filesystem::path& root, const LockUse& use = {});

  ProjectLock(ProjectLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
  ProjectLock& operator=(ProjectLock&&) = delete;
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;
  ~ProjectLock();

 private:
  explicit ProjectLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace smm::post
