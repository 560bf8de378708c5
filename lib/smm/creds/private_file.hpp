// SPDX-License-Identifier: MIT
#pragma once

// Files only their owner may read: read refusing a group/world-accessible file (as ssh refuses
// such keys), written atomically with mode 0600 from the first byte. The credential store's I/O.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "smm/error.hpp"

namespace smm::creds {

/// The file's bytes, or nullopt when it does not exist. Fails with ErrorKind::auth (hint
/// `chmod 600 FILE`) when group or others have any access to it, checked on the open descriptor;
/// with ErrorKind::runtime when it cannot be read or is not a regular file.
Result<std::optional<std::string>> read_private_file(const std::filesystem::path& path);

/// Writes `contents` atomically: a temp file created with mode 0600 in the same directory,
/// fsync, rename over `path`, fsync the directory. Missing directories are created with mode
/// 0700. Errors name the file, never the contents.
Result<void> write_private_file(const std::filesystem::path& path, std::string_view contents);

}  // namespace smm::creds
