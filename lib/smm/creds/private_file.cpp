// SPDX-License-Identifier: MIT
#include "smm/creds/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace smm::creds {
namespace fs = std::filesystem;
namespace {

Error io_error(const std::string& what, const fs::path& path) {
  return Error{ErrorKind::runtime, what + " " + path.string() + ": " + std::strerror(errno), {}, {}};
}

/// Reads the file behind an open descriptor; the mode is checked on the descriptor itself so a
/// swapped file cannot slip through between the check and the read.
Result<std::string> read_private(int fd, const fs::path& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return std::unexpected(io_error("cannot read", path));
  }
  if (!S_ISREG(st.st_mode)) {
    return fail(ErrorKind::runtime, "credentials file " + path.string() + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    std::string mode = fmt::format("{:04o}", static_cast<unsigned>(st.st_mode & 07777));
    return fail(ErrorKind::auth,
                "credentials file " + path.string() + " is accessible by group or others (mode " + mode +
                    "); refusing to use it",
                "chmod 600 " + path.string());  // no location: the message names the file
  }
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return std::unexpected(io_error("cannot read", path));
    }
    if (n == 0) {
      return out;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

/// Creates the missing directories of `dir`, each with mode 0700 (XDG: "should be created with
/// permissions 0700").
Result<void> make_private_dirs(const fs::path& dir) {
  if (dir.empty() || fs::is_directory(dir)) {
    return {};
  }
  if (auto r = make_private_dirs(dir.parent_path()); !r) {
    return r;
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return std::unexpected(io_error("cannot create directory", dir));
  }
  return {};
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// project::write_file_atomic creates 0644 files; the secret must never exist with that mode,
/// not even as the temp file, so the store writes its own 0600 temp file.
Result<void> write_private_atomic(const fs::path& path, std::string_view contents) {
  std::random_device rd;
  fs::path dir = path.parent_path();
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "." +
                        std::to_string(rd() % 1000000));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return std::unexpected(io_error("cannot write", tmp));
  }
  bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, contents) && ::fsync(fd) == 0;
  Error err = ok ? Error{} : io_error("cannot write", tmp);
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = io_error("cannot write", tmp);
  }
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    err = io_error("cannot replace", path);
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return std::unexpected(err);
  }
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

}  // namespace

Result<std::optional<std::string>> read_private_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return std::optional<std::string>{};
    }
    return std::unexpected(io_error("cannot read", path));
  }
  auto text = read_private(fd, path);
  ::close(fd);
  if (!text) {
    return std::unexpected(text.error());
  }
  return std::optional<std::string>{std::move(*text)};
}

Result<void> write_private_file(const fs::path& path, std::string_view contents) {
  if (auto r = make_private_dirs(path.parent_path()); !r) {
    return r;
  }
  return write_private_atomic(path, contents);
}

}  // namespace smm::creds
