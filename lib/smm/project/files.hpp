// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "smm/error.hpp"

namespace smm::project {

/// The whole file, or a runtime error naming it.
Result<std::string> read_file(const std::filesystem::path& path);

/// Writes `contents` so that a reader sees the old file or the new one, never a mix: a temp file
/// in the same directory, fsync, rename over the target, fsync the directory. `sync_dir` false
/// skips the last step: a power loss may then bring back the old file (never a broken one), which
/// suits a write whose loss is harmless, such as `post` recording a confirmation it can reconcile.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view contents, bool sync_dir = true);

/// Appends whole lines (each ending in '\n') with one write and fsync, creating the file and its
/// directories as needed (a new file's directory is fsynced too). A file whose last line was torn
/// by a crash first gets a '\n', so the torn line stays alone for readers to skip.
Result<void> append_lines(const std::filesystem::path& path, std::string lines);

/// The names of the directories in `dir`, sorted (none when it does not exist).
std::vector<std::string> subdirectories(const std::filesystem::path& dir);

/// Removes a file (missing is fine) and fsyncs its directory.
Result<void> remove_file(const std::filesystem::path& path);

/// Deterministic bytes for a JSON document: 2-space indent, UTF-8, trailing newline.
std::string dump_json(const nlohmann::ordered_json& doc);

/// Parses a JSON document; a syntax error carries "file:line:column" and a hint.
Result<nlohmann::ordered_json> parse_json(std::string_view text, const std::string& display_path);

/// SHA-256 of the bytes as lower-case hex.
std::string sha256_hex(std::string_view bytes);

/// "line L, column C" for a byte offset in text (1-based).
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace smm::project
