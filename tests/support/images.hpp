// SPDX-License-Identifier: MIT
#pragma once

// Tiny real media files, built byte by byte, for the media probe and the media audit rules.
// png() is a complete, decodable PNG (stored deflate block, real CRCs) when `pixels` is true;
// the others carry real headers and just enough body for a parser.

#include <cstdint>
#include <string>

namespace smm::test {

inline void put_be(std::string& s, std::uint32_t v, int n) {
  for (int i = n - 1; i >= 0; --i) {
    s += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

inline void put_le(std::string& s, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) {
    s += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

inline std::uint32_t crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) {
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
  }
  return ~crc;
}

inline std::string png_chunk(const std::string& type, const std::string& body) {
  std::string out;
  put_be(out, static_cast<std::uint32_t>(body.size()), 4);
  out += type + body;
  put_be(out, crc32(type + body), 4);
  return out;
}

/// A w×h RGB PNG; with `pixels` false only the IHDR and IEND chunks (for sizes too big to fill).
inline std::string png(std::uint32_t w, std::uint32_t h, bool pixels = true) {
  std::string ihdr;
  put_be(ihdr, w, 4);
  put_be(ihdr, h, 4);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
  std::string out = std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr);
  if (pixels) {
    std::string raw;
    for (std::uint32_t y = 0; y < h; ++y) {
      raw += '\0';  // filter: none
      raw += std::string(w * 3, '\x7f');
    }
    std::string z("\x78\x01", 2);  // zlib header; one stored block (raw must stay under 65,536 bytes)
    z += '\x01';
    put_le(z, static_cast<std::uint32_t>(raw.size()), 2);
    put_le(z, static_cast<std::uint32_t>(~raw.size()) & 0xFFFF, 2);
    z += raw;
    std::uint32_t a = 1;
    std::uint32_t b = 0;
    for (unsigned char c : raw) {
      a = (a + c) % 65521;
      b = (b + a) % 65521;
    }
    put_be(z, (b << 16) | a, 4);
    out += png_chunk("IDAT", z);
  }
  return out + png_chunk("IEND", "");
}

/// A baseline JPEG header: SOI, APP0 (JFIF), a 2 KB APP1 to push SOF further in, SOF0, EOI.
inline std::string jpeg(std::uint32_t w, std::uint32_t h) {
  std::string out("\xFF\xD8", 2);
  out += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  out += std::string("\xFF\xE1", 2);
  put_be(out, 2 + 2048, 2);
  out += std::string(2048, '\xFF');  // fill that looks like markers must be skipped by length
  out += std::string("\xFF\xFF\xC0", 3);  // a fill byte before the marker is allowed
  put_be(out, 17, 2);
  out += '\x08';
  put_be(out, h, 2);
  put_be(out, w, 2);
  out += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  return out + std::string("\xFF\xD9", 2);
}

/// A GIF89a of `frames` 1×1 frames on a w×h screen, with a global colour table.
inline std::string gif(std::uint32_t w, std::uint32_t h, int frames = 1) {
  std::string out = "GIF89a";
  put_le(out, w, 2);
  put_le(out, h, 2);
  out += std::string("\x80\x00\x00", 3);  // global colour table of 2 entries
  out += std::string("\x00\x00\x00\xff\xff\xff", 6);
  if (frames > 1) {
    out += std::string("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19);
  }
  for (int i = 0; i < frames; ++i) {
    out += std::string("\x21\xF9\x04\x04\x0A\x00\x00\x00", 8);  // graphic control: 100 ms
    out += std::string("\x2C\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10);
    out += std::string("\x02\x02\x44\x01\x00", 5);  // LZW code size 2, one data sub-block
  }
  return out + "\x3B";
}

/// A WebP with one chunk: "VP8 " (lossy), "VP8L" (lossless) or "VP8X" (extended).
inline std::string webp(const std::string& kind, std::uint32_t w, std::uint32_t h, bool animated = false) {
  std::string chunk;
  if (kind == "VP8 ") {
    chunk = std::string("\x30\x01\x00\x9d\x01\x2a", 6);
    put_le(chunk, w, 2);
    put_le(chunk, h, 2);
  } else if (kind == "VP8L") {
    chunk = "\x2f";
    put_le(chunk, (w - 1) | ((h - 1) << 14), 4);
  } else {
    chunk = animated ? std::string("\x02\x00\x00\x00", 4) : std::string(4, '\0');
    put_le(chunk, w - 1, 3);
    put_le(chunk, h - 1, 3);
  }
  std::string body = "WEBP" + kind;
  put_le(body, static_cast<std::uint32_t>(chunk.size()), 4);
  body += chunk;
  std::string out = "RIFF";
  put_le(out, static_cast<std::uint32_t>(body.size()), 4);
  return out + body;
}

/// An ISO base media file header with the given major brand ("isom", "qt  ", "heic", ...).
inline std::string ftyp(const std::string& brand) {
  std::string out;
  put_be(out, 24, 4);
  out += "ftyp" + brand;
  put_be(out, 0, 4);
  out += brand + "mp41";
  put_be(out, 8, 4);
  return out + "mdat";
}

}  // namespace smm::test
