// SPDX-License-Identifier: MIT
#pragma once

// The project lock of `smm post` (ARCHITECTURE §8): an exclusive flock on .smm/lock. The kernel
// drops a flock when its process dies, so a lock left by a crashed or killed run is simply taken
// over; the file holds the holder's pid for the message of the run that finds it held.

#include <filesystem>
#include <string>

#include "smm/error.hpp"

namespace smm::post {

class ProjectLock {
 public:
  /// Takes the lock without waiting. Fails with ErrorKind::locked (exit 75) when another process
  /// holds it, naming its pid.
  static Result<ProjectLock> acquire(const std::filesystem::path& root);
  /// The same for another job's lock file .smm/<file> (`inbox sync`: "inbox.lock"); `holder`
  /// names the job in the message ("another smm inbox sync (pid 42) is running").
  static Result<ProjectLock> acquire(const std::filesystem::path& root, const std::string& file,
                                     const std::string& holder);

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
