// SPDX-License-Identifier: MIT
// The media rules, with check_media called directly on a project built in memory over a temp
// directory holding tiny real image files.

#include <filesystem>

#include "smm/audit/families.hpp"
#include "support/catch.hpp"
#include "support/images.hpp"
#include "support/temp_project.hpp"

namespace smm::audit {
namespace {

using test::ftyp;
using test::gif;
using test::jpeg;
using test::png;
using test::webp;

struct Fixture {
  test::TempProject dir{false};
  project::Project project;
  Config config;

  Fixture() {
    project.root = dir.dir();
    std::filesystem::create_directories(dir.dir() / "media");
    for (const char* platform : {"mastodon", "bluesky", "x", "threads", "instagram", "facebook", "linkedin",
                                 "telegram", "discord", "feed", "webhook"}) {
      project::Account a;
      a.name = platform;
      a.platform = platform;
      project.accounts[platform] = a;
    }
    project.accounts["x2"] = project.accounts["x"];
    project.accounts["x2"].name = "x2";
  }
  /// Writes media/<name> and returns its project path.
  std::string file(const std::string& name, const std::string& bytes) const {
    dir.write("media/" + name, bytes);
    return "media/" + name;
  }
  /// One post to `targets` with the given media (path, alt).
  void post(std::vector<std::string> targets, std::vector<std::pair<std::string, std::string>> media) {
    project::Post p;
    p.id = "2026-12-01-p";
    p.at = time::parse_rfc3339("2026-12-01T09:00:00Z").value();
    p.targets = std::move(targets);
    p.text = "hello";
    for (auto& [path, alt] : media) {
      p.media.push_back(project::Media{path, alt, project::Json::object()});
    }
    project.posts = {p};
  }
  std::string run() const {
    Input input{.project = project, .now = test::fixed_now(), .config = config};
    Findings out;
    check_media(input, out);
    std::string text;
    for (const auto& f : out) {
      text += f.file + ": " + f.pointer + ": " + f.rule + ": " + f.message + " [" + severity_name(f.severity) + "]\n";
    }
    return text;
  }
};

const std::string k_post = "posts/2026-12-01-p.json: ";

TEST_CASE("media-missing", "[audit][media]") {
  Fixture fx;
  SECTION("bad") {
    fx.post({"feed"}, {{"media/nope.png", "A cat"}});
    CHECK(fx.run() == k_post + "/media/0: media-missing: media/nope.png does not exist [error]\n");
  }
  SECTION("good") {
    fx.post({"feed"}, {{fx.file("cat.png", png(2, 2)), "A cat"}});
    CHECK(fx.run().empty());
  }
  SECTION("good: every target published already") {
    fx.post({"x"}, {{"media/nope.png", ""}});
    fx.project.posts[0].publish["x"] = project::TargetState{.state = "published", .remote_id = "1"};
    CHECK(fx.run().empty());
  }
}

TEST_CASE("media-type", "[audit][media]") {
  Fixture fx;
  SECTION("bad: PNG to Instagram, HEIC to Bluesky, MOV to Bluesky, text to X") {
    fx.post({"instagram"}, {{fx.file("a.png", png(8, 10)), "A cat"}});
    CHECK(fx.run() == k_post + "/media/0: media-type: media/a.png is PNG; instagram takes JPEG, MP4, MOV [error]\n");
    fx.post({"bluesky"}, {{fx.file("a.heic", ftyp("heic")), "A cat"}});
    CHECK(fx.run() == k_post + "/media/0: media-type: media/a.heic is HEIC; bluesky takes JPEG, PNG, GIF, WebP, MP4 [error]\n");
    fx.post({"bluesky"}, {{fx.file("a.mov", ftyp("qt  ")), "A clip"}});
    CHECK(fx.run() == k_post + "/media/0: media-type: media/a.mov is MOV; bluesky takes JPEG, PNG, GIF, WebP, MP4 [error]\n");
    fx.post({"x"}, {{fx.file("a.jpg", "not really a JPEG"), "A cat"}});
    CHECK(fx.run() == k_post + "/media/0: media-type: media/a.jpg is not an image or video smm recognises; x takes "
                               "JPEG, PNG, GIF, WebP, MP4, MOV [error]\n");
  }
  SECTION("good: JPEG to Instagram, HEIC to Mastodon, anything to Discord and the feed") {
    fx.post({"instagram"}, {{fx.file("a.jpg", jpeg(1080, 1080)), "A cat"}});
    CHECK(fx.run().empty());
    fx.post({"mastodon", "discord", "feed"}, {{fx.file("a.heic", ftyp("heic")), "A cat"}, {fx.file("a.txt", "notes"), "Notes"}});
    CHECK(fx.run() == k_post + "/media/1: media-type: media/a.txt is not an image or video smm recognises; mastodon "
                               "takes JPEG, PNG, GIF, WebP, HEIC, AVIF, MP4, MOV [error]\n");
  }
}

TEST_CASE("media-too-large", "[audit][media]") {
  Fixture fx;
  std::string big = png(2, 2) + std::string(5000001 - png(2, 2).size(), '\0');  // 5,000,001 bytes
  SECTION("bad: over X's 5 MB and Bluesky's 2 MB; one finding for two X accounts") {
    fx.post({"x", "x2", "bluesky", "mastodon"}, {{fx.file("big.png", big), "A cat"}});
    CHECK(fx.run() == k_post + "/media/0: media-too-large: media/big.png is 5,000,001 bytes; x takes images up to 5 MB [error]\n" +
                          k_post + "/media/0: media-too-large: media/big.png is 5,000,001 bytes; bluesky takes images up to 2 MB [error]\n");
  }
  SECTION("good: exactly at the cap, and video caps apply to video") {
    fx.post({"x"}, {{fx.file("ok.png", big.substr(0, 5000000)), "A cat"}});
    CHECK(fx.run().empty());
    fx.post({"x"}, {{fx.file("clip.mp4", ftyp("isom") + std::string(6000000, '\0')), "A clip"}});
    CHECK(fx.run().empty());
  }
  SECTION("animated GIFs have their own cap on X") {
    std::string anim = gif(100, 100, 2);
    fx.post({"x"}, {{fx.file("anim.gif", anim + std::string(6000000, '\0')), "A dance"}});
    CHECK(fx.run().empty());
    fx.post({"x"}, {{fx.file("anim.gif", anim + std::string(15000001 - anim.size(), '\0')), "A dance"}});
    CHECK(fx.run() == k_post + "/media/0: media-too-large: media/anim.gif is 15,000,001 bytes; x takes animated GIFs up to 15 MB [error]\n");
  }
}

TEST_CASE("media-dimensions", "[audit][media]") {
  Fixture fx;
  SECTION("bad: Instagram outside 4:5..1.91:1, LinkedIn pixel cap, X animated GIF size") {
    fx.post({"instagram"}, {{fx.file("tall.jpg", jpeg(1080, 1920)), "A tower"}});
    CHECK(fx.run() == k_post + "/media/0: media-dimensions: media/tall.jpg is 1080x1920; instagram takes aspect ratios "
                               "from 0.8:1 to 1.91:1, this is 0.56:1 [warning]\n");
    fx.post({"linkedin"}, {{fx.file("huge.png", png(7000, 6000, false)), "A map"}});
    CHECK(fx.run() == k_post + "/media/0: media-dimensions: media/huge.png is 7000x6000; linkedin takes at most "
                               "36152319 pixels, this has 42000000 [warning]\n");
    fx.post({"x"}, {{fx.file("wide.gif", gif(1300, 1000, 2)), "A dance"}});
    CHECK(fx.run() == k_post + "/media/0: media-dimensions: media/wide.gif is 1300x1000; x takes animated GIFs up to "
                               "1280x1080 [warning]\n");
  }
  SECTION("good: 4:5 and 1.91:1 exactly, WebP read from its header, a still GIF of any size on X") {
    fx.post({"instagram"}, {{fx.file("a.jpg", jpeg(1080, 1350)), "A cat"}, {fx.file("b.jpg", jpeg(1910, 1000)), "A dog"}});
    CHECK(fx.run().empty());
    fx.post({"threads"}, {{fx.file("a.png", png(3000, 301, false)), "A banner"}});
    CHECK(fx.run().empty());
    fx.post({"x"}, {{fx.file("still.gif", gif(4000, 3000, 1)), "A chart"}});
    CHECK(fx.run().empty());
    fx.post({"mastodon"}, {{fx.file("a.webp", webp("VP8X", 5000, 5000)), "A field"}});
    CHECK(fx.run().empty());
  }
  SECTION("bad: WebP over Mastodon's matrix limit") {
    fx.post({"mastodon"}, {{fx.file("a.webp", webp("VP8X", 6000, 6000)), "A field"}});
    CHECK(fx.run() == k_post + "/media/0: media-dimensions: media/a.webp is 6000x6000; mastodon takes at most "
                               "33177600 pixels, this has 36000000 [warning]\n");
  }
}

TEST_CASE("media-count", "[audit][media]") {
  Fixture fx;
  std::string img = fx.file("a.png", png(2, 2));
  std::string vid = fx.file("a.mp4", ftyp("isom"));
  std::string anim = fx.file("a.gif", gif(10, 10, 2));
  auto items = [](const std::string& path, int n) {
    return std::vector<std::pair<std::string, std::string>>(static_cast<std::size_t>(n), {path, "A thing"});
  };
  SECTION("bad") {
    fx.post({"bluesky"}, items(img, 5));
    CHECK(fx.run() == k_post + "/media: media-count: bluesky takes at most 4 media items, this post has 5 [error]\n");
    fx.post({"bluesky"}, {{img, "A cat"}, {vid, "A clip"}});
    CHECK(fx.run() == k_post + "/media: media-count: bluesky does not take images and a video in one post [error]\n");
    fx.post({"x"}, {{img, "A cat"}, {anim, "A dance"}});
    CHECK(fx.run() == k_post + "/media: media-count: x takes an animated GIF only on its own [error]\n");
    fx.post({"mastodon"}, items(vid, 2));
    CHECK(fx.run() == k_post + "/media: media-count: mastodon takes at most 1 video, this post has 2 [error]\n");
    fx.post({"instagram"}, {});
    CHECK(fx.run() == k_post + "/media: media-count: instagram needs at least 1 image or video [error]\n");
    fx.post({"telegram"}, items(img, 11));
    CHECK(fx.run() == k_post + "/media: media-count: telegram takes at most 10 media items, this post has 11 [error]\n");
  }
  SECTION("good") {
    fx.post({"bluesky", "x", "mastodon"}, items(img, 4));
    CHECK(fx.run().empty());
    fx.post({"x"}, {{anim, "A dance"}});
    CHECK(fx.run().empty());
    fx.post({"threads"}, items(img, 19));
    CHECK(fx.run().empty());
    fx.post({"telegram"}, {{img, "A cat"}, {vid, "A clip"}});
    CHECK(fx.run().empty());
    fx.post({"feed", "webhook"}, items(img, 30));
    CHECK(fx.run().empty());
  }
}

TEST_CASE("alt-text-missing", "[audit][media]") {
  Fixture fx;
  std::string img = fx.file("a.png", png(2, 2));
  std::string vid = fx.file("a.mp4", ftyp("isom"));
  SECTION("bad: once per item, naming the platforms that read it") {
    fx.post({"mastodon", "bluesky", "x", "x2"}, {{img, " "}});
    CHECK(fx.run() == k_post + "/media/0: alt-text-missing: media/a.png has no alt text (used by mastodon, bluesky, x) "
                               "[error]\n");
    fx.post({"threads", "instagram"}, {{vid, ""}});
    CHECK(fx.run() == k_post + "/media/0: alt-text-missing: media/a.mp4 has no alt text (used by threads) [error]\n");
  }
  SECTION("good: platforms without alt text, Instagram video, published targets") {
    fx.post({"feed", "telegram", "webhook"}, {{img, ""}});
    CHECK(fx.run().empty());
    fx.post({"instagram"}, {{vid, ""}});
    CHECK(fx.run().empty());
    fx.post({"mastodon", "feed"}, {{img, ""}});
    fx.project.posts[0].publish["mastodon"] = project::TargetState{.state = "published", .remote_id = "1"};
    CHECK(fx.run().empty());
  }
}

TEST_CASE("alt-text-filename", "[audit][media]") {
  Fixture fx;
  std::string img = fx.file("cake.png", png(2, 2));
  for (const char* alt : {"cake.png", "Cake", "IMG_1234.jpg", "DSC0001", "PXL_20231012_123456789", "photo.jpeg"}) {
    SECTION(std::string("bad: ") + alt) {
      fx.post({"mastodon"}, {{img, alt}});
      CHECK(fx.run() == k_post + "/media/0/alt: alt-text-filename: alt text \"" + alt +
                            "\" is a file name, not a description [warning]\n");
    }
  }
  for (const char* alt : {"A cake with candles", "Cake on a table", "R2D2 at 1000 fps", "Area 51"}) {
    SECTION(std::string("good: ") + alt) {
      fx.post({"mastodon"}, {{img, alt}});
      CHECK(fx.run().empty());
    }
  }
}

}  // namespace
}  // namespace smm::audit
