// SPDX-License-Identifier: MIT
#pragma once

// What a media file is, from its bytes: the type by magic number and, for images, the pixel
// dimensions from the headers (PNG IHDR, JPEG SOF, GIF logical screen, WebP VP8/VP8L/VP8X), and
// the frame count of a GIF. No decoding and no dependency; every read is bounds-checked, so a
// truncated or hostile file yields "unknown" fields, never a crash. Used by the media audit
// rules and by clients that send an aspect ratio (Bluesky).

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "smm/error.hpp"

namespace smm::media {

enum class Type { unknown, jpeg, png, gif, webp, heic, avif, mp4, mov };
enum class Kind { unknown, image, video };

/// What the headers say. Zero means unknown.
struct Info {
  Type type = Type::unknown;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint32_t frames = 0;  ///< GIF: image blocks found; others: 0
  bool animated = false;     ///< a GIF with more than one frame, or a WebP with its animation flag
};

/// The type from the first bytes (12 are enough; ftyp boxes are read further for their brands).
Type sniff(std::string_view bytes);
Kind kind_of(Type type);
/// "JPEG", "PNG", "GIF", "WebP", "HEIC", "AVIF", "MP4", "MOV", "unknown".
const char* type_name(Type type);
/// "image/jpeg", "image/png", ..., "video/quicktime"; "application/octet-stream" when unknown.
const char* mime_type(Type type);

/// Type and dimensions from a file's leading bytes (all of them for a GIF frame count).
Info probe(std::string_view bytes);

/// A file on disk: its size and probe() of its head.
struct FileInfo {
  std::uintmax_t size = 0;
  Info info;
};

/// How many leading bytes probe_file() reads (a whole file only for GIFs up to k_gif_read_max).
inline constexpr std::size_t k_head_bytes = 256 * 1024;
inline constexpr std::size_t k_gif_read_max = 64 * 1024 * 1024;

/// Stats and probes a file. Fails with not_found when it does not exist or is not a regular
/// file, runtime when it cannot be read.
Result<FileInfo> probe_file(const std::filesystem::path& path);

}  // namespace smm::media
