// SPDX-License-Identifier: MIT
#include "smm/media/probe.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

namespace smm::media {
namespace {

/// Bounds-checked little readers over the bytes: nullopt past the end.
class Bytes {
 public:
  explicit Bytes(std::string_view data) : m_data(data) {}
  [[nodiscard]] std::size_t size() const { return m_data.size(); }
  [[nodiscard]] std::optional<std::uint32_t> u8(std::size_t at) const {
    if (at >= m_data.size()) {
      return std::nullopt;
    }
    return static_cast<unsigned char>(m_data[at]);
  }
  /// `n` bytes (1..4) at `at`, big- or little-endian.
  [[nodiscard]] std::optional<std::uint32_t> uint(std::size_t at, int n, bool big) const {
    if (at > m_data.size() || m_data.size() - at < static_cast<std::size_t>(n)) {
      return std::nullopt;
    }
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) {
      auto b = static_cast<std::uint32_t>(static_cast<unsigned char>(m_data[at + static_cast<std::size_t>(big ? i : n - 1 - i)]));
      v = (v << 8) | b;
    }
    return v;
  }
  [[nodiscard]] bool has(std::size_t at, std::string_view s) const {
    return at <= m_data.size() && m_data.substr(at, s.size()) == s;
  }

 private:
  std::string_view m_data;
};

Type sniff_ftyp(const Bytes& b) {
  // An ISO base media file: [size]["ftyp"][major brand][minor version][compatible brands...].
  auto box = b.uint(0, 4, true).value_or(0);
  auto end = std::min<std::size_t>(box >= 16 ? box : 16, b.size());
  bool heic = false;
  bool avif = false;
  for (std::size_t at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) {
    for (std::string_view brand : {"heic", "heix", "hevc", "hevx", "heim", "heis"}) {
      heic = heic || b.has(at, brand);
    }
    avif = avif || b.has(at, "avif") || b.has(at, "avis");
    if (at == 8 && b.has(at, "qt  ")) {
      return Type::mov;
    }
  }
  if (avif) {
    return Type::avif;
  }
  if (heic || b.has(8, "mif1") || b.has(8, "msf1")) {
    return Type::heic;
  }
  return Type::mp4;
}

void probe_png(const Bytes& b, Info& info) {
  if (b.has(12, "IHDR")) {
    info.width = b.uint(16, 4, true).value_or(0);
    info.height = b.uint(20, 4, true).value_or(0);
  }
}

bool is_jpeg_sof(std::uint32_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

void probe_jpeg(const Bytes& b, Info& info) {
  std::size_t at = 2;
  while (true) {
    auto ff = b.u8(at);
    auto marker = b.u8(at + 1);
    if (!ff || !marker || *ff != 0xFF) {
      return;
    }
    if (*marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    at += 2;
    if (*marker == 0x01 || *marker == 0xD8 || (*marker >= 0xD0 && *marker <= 0xD7)) {
      continue;  // markers without a length
    }
    if (*marker == 0xD9 || *marker == 0xDA) {
      return;  // end of image or start of scan before any frame header
    }
    auto length = b.uint(at, 2, true);
    if (!length || *length < 2) {
      return;
    }
    if (is_jpeg_sof(*marker)) {
      info.height = b.uint(at + 3, 2, true).value_or(0);
      info.width = b.uint(at + 5, 2, true).value_or(0);
      return;
    }
    at += *length;
  }
}

/// Skips a GIF data sub-block chain; false when it runs off the end.
bool skip_sub_blocks(const Bytes& b, std::size_t& at) {
  while (auto n = b.u8(at)) {
    at += 1 + *n;
    if (*n == 0) {
      return true;
    }
  }
  return false;
}

std::size_t gif_color_table(std::uint32_t flags) { return (flags & 0x80) != 0 ? 3u << ((flags & 7) + 1) : 0; }

void probe_gif(const Bytes& b, Info& info) {
  info.width = b.uint(6, 2, false).value_or(0);
  info.height = b.uint(8, 2, false).value_or(0);
  auto flags = b.u8(10);
  if (!flags) {
    return;
  }
  std::size_t at = 13 + gif_color_table(*flags);
  while (auto block = b.u8(at)) {
    if (*block == 0x21) {  // extension: label, then sub-blocks
      at += 2;
    } else if (*block == 0x2C) {  // image descriptor: 9 bytes, local colour table, LZW code size
      ++info.frames;
      auto local = b.u8(at + 9);
      if (!local) {
        break;
      }
      at += 10 + gif_color_table(*local) + 1;
    } else {
      break;  // 0x3B trailer, or garbage
    }
    if (!skip_sub_blocks(b, at)) {
      break;
    }
  }
  info.animated = info.frames > 1;
}

void probe_webp(const Bytes& b, Info& info) {
  // RIFF....WEBP, then the first chunk's fourcc at 12, its size at 16, its data at 20.
  if (b.has(12, "VP8 ") && b.has(23, "\x9d\x01\x2a")) {
    info.width = b.uint(26, 2, false).value_or(0) & 0x3fff;
    info.height = b.uint(28, 2, false).value_or(0) & 0x3fff;
  } else if (b.has(12, "VP8L") && b.u8(20) == 0x2f) {
    if (auto bits = b.uint(21, 4, false)) {
      info.width = (*bits & 0x3fff) + 1;
      info.height = ((*bits >> 14) & 0x3fff) + 1;
    }
  } else if (b.has(12, "VP8X")) {
    auto w = b.uint(24, 3, false);
    auto h = b.uint(27, 3, false);
    if (w && h) {
      info.width = *w + 1;
      info.height = *h + 1;
    }
    info.animated = (b.u8(20).value_or(0) & 0x02) != 0;
  }
}

}  // namespace

Type sniff(std::string_view bytes) {
  Bytes b(bytes);
  if (b.has(0, "\xFF\xD8\xFF")) {
    return Type::jpeg;
  }
  if (b.has(0, "\x89PNG\r\n\x1a\n")) {
    return Type::png;
  }
  if (b.has(0, "GIF87a") || b.has(0, "GIF89a")) {
    return Type::gif;
  }
  if (b.has(0, "RIFF") && b.has(8, "WEBP")) {
    return Type::webp;
  }
  if (b.has(4, "ftyp")) {
    return sniff_ftyp(b);
  }
  // QuickTime files from before ftyp start with a top-level atom.
  for (std::string_view atom : {"moov", "mdat", "wide"}) {
    if (b.has(4, atom)) {
      return Type::mov;
    }
  }
  return Type::unknown;
}

Kind kind_of(Type type) {
  switch (type) {
    case Type::jpeg:
    case Type::png:
    case Type::gif:
    case Type::webp:
    case Type::heic:
    case Type::avif:
      return Kind::image;
    case Type::mp4:
    case Type::mov:
      return Kind::video;
    case Type::unknown:
      break;
  }
  return Kind::unknown;
}

const char* mime_type(Type type) {
  switch (type) {
    case Type::jpeg:
      return "image/jpeg";
    case Type::png:
      return "image/png";
    case Type::gif:
      return "image/gif";
    case Type::webp:
      return "image/webp";
    case Type::heic:
      return "image/heic";
    case Type::avif:
      return "image/avif";
    case Type::mp4:
      return "video/mp4";
    case Type::mov:
      return "video/quicktime";
    case Type::unknown:
      break;
  }
  return "application/octet-stream";
}

const char* type_name(Type type) {
  switch (type) {
    case Type::jpeg:
      return "JPEG";
    case Type::png:
      return "PNG";
    case Type::gif:
      return "GIF";
    case Type::webp:
      return "WebP";
    case Type::heic:
      return "HEIC";
    case Type::avif:
      return "AVIF";
    case Type::mp4:
      return "MP4";
    case Type::mov:
      return "MOV";
    case Type::unknown:
      break;
  }
  return "unknown";
}

Info probe(std::string_view bytes) {
  Info info;
  info.type = sniff(bytes);
  Bytes b(bytes);
  switch (info.type) {
    case Type::png:
      probe_png(b, info);
      break;
    case Type::jpeg:
      probe_jpeg(b, info);
      break;
    case Type::gif:
      probe_gif(b, info);
      break;
    case Type::webp:
      probe_webp(b, info);
      break;
    default:
      break;  // HEIC/AVIF/video dimensions need a box walk; not read yet
  }
  return info;
}

Result<FileInfo> probe_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ErrorKind kind = errno == ENOENT || errno == ENOTDIR ? ErrorKind::not_found : ErrorKind::runtime;
    return fail(kind, "cannot read " + path.string() + ": " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(ErrorKind::not_found, path.string() + " is not a regular file");
  }
  FileInfo out;
  out.size = static_cast<std::uintmax_t>(st.st_size);
  std::string head(std::min<std::size_t>(out.size, k_head_bytes), '\0');
  std::size_t got = 0;
  bool whole = false;
  while (got < head.size()) {
    ssize_t n = ::read(fd, head.data() + got, head.size() - got);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    got += static_cast<std::size_t>(n);
    if (got == head.size() && !whole && sniff(head) == Type::gif && out.size <= k_gif_read_max) {
      head.resize(out.size);  // a GIF's frames are counted to its end
      whole = true;
    }
  }
  ::close(fd);
  head.resize(got);
  out.info = probe(head);
  return out;
}

}  // namespace smm::media
