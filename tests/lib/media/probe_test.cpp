// SPDX-License-Identifier: MIT
#include "smm/media/probe.hpp"

#include <fstream>

#include "support/catch.hpp"
#include "support/images.hpp"
#include "support/temp_project.hpp"

namespace smm::media {
namespace {

using test::ftyp;
using test::gif;
using test::jpeg;
using test::png;
using test::webp;

struct Case {
  const char* name;
  std::string bytes;
  Type type;
  std::uint32_t width;
  std::uint32_t height;
};

TEST_CASE("probe reads the type and dimensions from the headers", "[media]") {
  const std::vector<Case> cases = {
      {"png", png(3, 2), Type::png, 3, 2},
      {"png header only", png(4000, 5000, false), Type::png, 4000, 5000},
      {"jpeg after a long APP1 and a fill byte", jpeg(1080, 1350), Type::jpeg, 1080, 1350},
      {"gif", gif(320, 200), Type::gif, 320, 200},
      {"webp lossy", webp("VP8 ", 640, 480), Type::webp, 640, 480},
      {"webp lossless", webp("VP8L", 16383, 1), Type::webp, 16383, 1},
      {"webp extended", webp("VP8X", 5000, 3000), Type::webp, 5000, 3000},
      {"mp4", ftyp("isom"), Type::mp4, 0, 0},
      {"mov", ftyp("qt  "), Type::mov, 0, 0},
      {"heic", ftyp("heic"), Type::heic, 0, 0},
      {"avif", ftyp("avif"), Type::avif, 0, 0},
      {"old quicktime", std::string("\0\0\0\x08moov", 8), Type::mov, 0, 0},
      {"text", "hello, world", Type::unknown, 0, 0},
      {"empty", "", Type::unknown, 0, 0},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      Info info = probe(c.bytes);
      CHECK(info.type == c.type);
      CHECK(info.width == c.width);
      CHECK(info.height == c.height);
    }
  }
}

TEST_CASE("probe counts GIF frames and reads the WebP animation flag", "[media]") {
  CHECK(probe(gif(10, 10, 1)).frames == 1);
  CHECK_FALSE(probe(gif(10, 10, 1)).animated);
  CHECK(probe(gif(10, 10, 3)).frames == 3);
  CHECK(probe(gif(10, 10, 3)).animated);
  CHECK(probe(webp("VP8X", 10, 10, true)).animated);
  CHECK_FALSE(probe(webp("VP8X", 10, 10, false)).animated);
}

TEST_CASE("type names and kinds", "[media]") {
  CHECK(std::string(type_name(Type::webp)) == "WebP");
  CHECK(std::string(type_name(Type::unknown)) == "unknown");
  CHECK(kind_of(Type::gif) == Kind::image);
  CHECK(kind_of(Type::mov) == Kind::video);
  CHECK(kind_of(Type::unknown) == Kind::unknown);
}

TEST_CASE("probe survives every truncation and corrupt lengths", "[media]") {
  // Each prefix of each file: the parser must stay inside the bytes (run under ASan too).
  for (const std::string& file : {png(3, 2), jpeg(100, 50), gif(10, 10, 3), webp("VP8 ", 5, 5), webp("VP8L", 5, 5),
                                  webp("VP8X", 5, 5, true), ftyp("heic")}) {
    for (std::size_t n = 0; n <= file.size(); ++n) {
      std::string prefix = file.substr(0, n);  // a copy: ASan sees reads past its end
      Info info = probe(prefix);
      CHECK(info.width <= 16384);
    }
  }
  SECTION("a JPEG segment length of zero stops the walk") {
    std::string bad("\xFF\xD8\xFF\xE0\x00\x00", 6);
    CHECK(probe(bad).width == 0);
  }
  SECTION("a JPEG without a frame header before the scan has no dimensions") {
    std::string bad("\xFF\xD8\xFF\xDA\x00\x08", 6);
    CHECK(probe(bad).width == 0);
  }
  SECTION("GIF sub-block sizes that run past the end") {
    std::string bad = gif(10, 10, 1);
    bad[bad.size() - 5] = '\xFF';  // the one data sub-block now claims 255 bytes
    CHECK(probe(bad).frames == 1);
  }
  SECTION("an ftyp box claiming a huge size") {
    std::string bad = ftyp("isom");
    bad[0] = '\x7F';
    CHECK(probe(bad).type == Type::mp4);
  }
}

TEST_CASE("probe_file stats and reads a file", "[media]") {
  test::TempProject dir(false);
  SECTION("an image") {
    dir.write("a.png", png(3, 2));
    auto f = probe_file(dir.dir() / "a.png");
    REQUIRE(f.has_value());
    CHECK(f->size == png(3, 2).size());
    CHECK(f->info.width == 3);
  }
  SECTION("a GIF larger than the head is read to its end for its frames") {
    std::string big = gif(10, 10, 2);
    std::string pad;  // comment extensions of 255 bytes, then a third frame beyond the head
    for (std::size_t i = 0; i < k_head_bytes / 256 + 2; ++i) {
      pad.append("\x21\xFE\xFF", 3);  // appends, not `+`: GCC 12 warns falsely on the temporaries
      pad.append(255, 'x');
      pad.push_back('\0');
    }
    big.insert(big.size() - 1, pad + std::string("\x2C\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00", 15));
    dir.write("big.gif", big);
    auto f = probe_file(dir.dir() / "big.gif");
    REQUIRE(f.has_value());
    CHECK(f->info.frames == 3);
  }
  SECTION("missing is not_found") {
    auto f = probe_file(dir.dir() / "nope.png");
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().kind == ErrorKind::not_found);
  }
  SECTION("a directory is not_found") {
    auto f = probe_file(dir.dir());
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().kind == ErrorKind::not_found);
  }
}

}  // namespace
}  // namespace smm::media
