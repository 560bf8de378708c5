// SPDX-License-Identifier: MIT
#include "smm/project/files.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <random>

namespace smm::project {
namespace {

Error io_error(const std::string& what, const std::filesystem::path& path) {
  return Error{ErrorKind::runtime, what + " " + path.string() + ": " + std::strerror(errno), {}, {}};
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void fsync_dir(const std::filesystem::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return std::unexpected(io_error("cannot read", path));
  }
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      auto err = io_error("cannot read", path);
      ::close(fd);
      return std::unexpected(err);
    }
    if (n == 0) {
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view contents, bool sync_dir) {
  std::random_device rd;
  auto dir = path.parent_path();
  auto tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "." +
                    std::to_string(rd() % 1000000));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    return std::unexpected(io_error("cannot write", tmp));
  }
  if (!write_all(fd, contents) || ::fsync(fd) != 0) {
    auto err = io_error("cannot write", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return std::unexpected(err);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    auto err = io_error("cannot replace", path);
    ::unlink(tmp.c_str());
    return std::unexpected(err);
  }
  if (sync_dir) {
    fsync_dir(dir);
  }
  return {};
}

Result<void> remove_file(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return std::unexpected(io_error("cannot remove", path));
  }
  fsync_dir(path.parent_path());
  return {};
}

std::string dump_json(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

Result<nlohmann::ordered_json> parse_json(std::string_view text, const std::string& display_path) {
  try {
    return nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    std::string why = e.what();
    auto pos = why.find("syntax error while parsing value - ");
    if (pos != std::string::npos) {
      why = why.substr(pos + 35);
    } else if ((pos = why.find(": ")) != std::string::npos) {
      why = why.substr(pos + 2);
    }
    std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return fail(ErrorKind::runtime, "invalid JSON at " + line_column(text, offset) + ": " + why,
                "fix the JSON syntax there (a missing comma or quote is the usual cause)", display_path);
  }
}

namespace {

namespace fs = std::filesystem;

/// True when the file is non-empty and its last byte is not a newline (a torn last line).
bool ends_torn(int fd) {
  off_t size = ::lseek(fd, 0, SEEK_END);
  char last = '\n';
  return size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n';
}

}  // namespace

Result<void> append_lines(const fs::path& path, std::string lines) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  bool existed = fs::exists(path, ec);
  // Read-write: the last byte is read to detect a torn line.
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return std::unexpected(io_error("cannot open", path));
  }
  if (ends_torn(fd)) {
    lines.insert(0, 1, '\n');  // the torn line stays alone on its line, for readers to skip
  }
  Result<void> ok;
  if (!write_all(fd, lines)) {
    ok = std::unexpected(io_error("cannot append to", path));
  } else if (::fsync(fd) != 0) {
    ok = std::unexpected(io_error("cannot sync", path));
  }
  ::close(fd);
  if (ok && !existed) {
    int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  return ok;
}


std::vector<std::string> subdirectories(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) {
      names.push_back(it->path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  static const char* k_hex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += k_hex[digest[i] >> 4];
    hex += k_hex[digest[i] & 15];
  }
  return hex;
}

}  // namespace smm::project
