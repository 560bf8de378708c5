// SPDX-License-Identifier: MIT
// Media rules: media-missing, media-type, media-too-large, media-dimensions, media-count,
// alt-text-missing, alt-text-filename. Files are probed once per path (smm::media::probe_file
// reads a few headers, not the whole file).

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "smm/audit/families.hpp"
#include "smm/media/probe.hpp"

namespace smm::audit {
namespace {

using media::Kind;
using media::Type;

constexpr unsigned bit(Type t) { return 1u << static_cast<unsigned>(t); }
constexpr unsigned k_web_images = bit(Type::jpeg) | bit(Type::png) | bit(Type::gif) | bit(Type::webp);
constexpr unsigned k_mp4_mov = bit(Type::mp4) | bit(Type::mov);
constexpr unsigned k_any = ~0u;  // any file, including types smm does not recognise

/// What one platform accepts on one post. 0 / -1 mean "no documented limit".
struct PlatformMedia {
  const char* platform;
  unsigned accepted = k_any;
  std::uint64_t image_bytes = 0;
  std::uint64_t animated_bytes = 0;  ///< animated GIFs; 0: as images
  std::uint64_t video_bytes = 0;
  int max_items = -1;
  int max_images = -1;
  int max_videos = -1;
  int min_items = 0;
  bool mix = true;              ///< images and videos in one post
  bool animated_alone = false;  ///< an animated GIF must be the only item
  bool alt_images = false;      ///< the platform takes alt text for images
  bool alt_videos = false;
  double min_aspect = 0;  ///< image width / height; 0: none
  double max_aspect = 0;
  std::uint64_t max_pixels = 0;  ///< image width × height
  std::uint32_t gif_max_width = 0;
  std::uint32_t gif_max_height = 0;
  std::uint32_t gif_max_frames = 0;
};

// Sources: ../shared/reference/platform-apis-a.md (A) and -b.md (B). "MB" in a source is read as
// 10^6 bytes (the stricter reading); MiB as 2^20. feed and webhook have no row: they take any
// file and no alt text. Video dimensions are not read (MP4 box walk not written).
const std::vector<PlatformMedia>& platform_media() {
  static const std::vector<PlatformMedia> k_table = {
      // A §1.1 (/api/v2/instance example defaults: image 16777216 B, video 103809024 B, matrix
      // 33177600 px, 4 attachments), A §1.4 (older servers refuse images mixed with a video;
      // `description` is alt text for any media). HEIC and AVIF: Mastodon's default
      // supported_mime_types (not in the reference; servers publish their own list).
      {.platform = "mastodon", .accepted = k_web_images | bit(Type::heic) | bit(Type::avif) | k_mp4_mov,
       .image_bytes = 16777216, .video_bytes = 103809024, .max_items = 4, .max_videos = 1, .mix = false,
       .alt_images = true, .alt_videos = true, .max_pixels = 33177600},
      // A §2.4: at most 4 images or one video (video/mp4); image lexicon maxSize 2,000,000 B
      // (since 2026-04-08; older PDSes take 1,000,000), video 300,000,000 B (since 2026-08-11);
      // `alt` on images and video.
      {.platform = "bluesky", .accepted = k_web_images | bit(Type::mp4), .image_bytes = 2000000,
       .video_bytes = 300000000, .max_items = 4, .max_images = 4, .max_videos = 1, .mix = false,
       .alt_images = true, .alt_videos = true},
      // A §3.3 (1–4 photos, or 1 animated GIF, or 1 video), A §3.4 (image 5 MB; animated GIF 15 MB,
      // ≤1280×1080, ≤350 frames; video 512 MB; alt text via /2/media/metadata).
      {.platform = "x", .accepted = k_web_images | k_mp4_mov, .image_bytes = 5000000, .animated_bytes = 15000000,
       .video_bytes = 512000000, .max_items = 4, .max_images = 4, .max_videos = 1, .mix = false,
       .animated_alone = true, .alt_images = true, .alt_videos = true, .gif_max_width = 1280,
       .gif_max_height = 1080, .gif_max_frames = 350},
      // A §4.2 (third-party copies of Meta's table, UNVERIFIED): JPEG/PNG ≤ 8 MB, aspect ≤ 10:1,
      // MOV/MP4 ≤ 1 GB; carousel 2–20 items; `alt_text` on images and video.
      {.platform = "threads", .accepted = bit(Type::jpeg) | bit(Type::png) | k_mp4_mov, .image_bytes = 8000000,
       .video_bytes = 1000000000, .max_items = 20, .alt_images = true, .alt_videos = true, .min_aspect = 0.1,
       .max_aspect = 10.0},
      // B §3.2 (JPEG only, UNVERIFIED for 2026; carousel 2–10; alt_text on images only), B §3.4
      // (image < 8 MiB, aspect 4:5 to 1.91:1; MP4/MOV ≤ 1 GB). No text-only posts.
      {.platform = "instagram", .accepted = bit(Type::jpeg) | k_mp4_mov, .image_bytes = 8388608,
       .video_bytes = 1000000000, .max_items = 10, .min_items = 1, .alt_images = true, .min_aspect = 0.8,
       .max_aspect = 1.91},
      // B §2.2: photos "smaller than 4 MB and saved as JPG, PNG" (subcode 1366046), video through
      // its own endpoint (one per post), alt_text_custom on photos.
      {.platform = "facebook", .accepted = bit(Type::jpeg) | bit(Type::png) | k_mp4_mov, .image_bytes = 4000000,
       .max_videos = 1, .mix = false, .alt_images = true},
      // B §1.3 (MultiImage 2–20 images, images only; one video), B §1.4 (JPG/PNG/GIF, GIF ≤ 250
      // frames, fewer than 36,152,320 pixels; MP4 ≤ 500 MB); altText on images (UNVERIFIED).
      {.platform = "linkedin", .accepted = bit(Type::jpeg) | bit(Type::png) | bit(Type::gif) | bit(Type::mp4),
       .video_bytes = 500000000, .max_items = 20, .max_images = 20, .max_videos = 1, .mix = false,
       .alt_images = true, .max_pixels = 36152319, .gif_max_frames = 250},
      // A §5.2: multipart upload ≤ 10 MB photos, ≤ 50 MB other files (GIFs go as animations);
      // albums of 2–10 photos and videos; no alt text.
      {.platform = "telegram", .accepted = k_web_images | k_mp4_mov, .image_bytes = 10000000,
       .animated_bytes = 50000000, .video_bytes = 50000000, .max_items = 10},
      // A §6.1: any file, 10 MiB each by default, `attachments[].description` is alt text. The
      // 10-files-per-message cap is Discord's documented limit (not in the reference).
      {.platform = "discord", .image_bytes = 10485760, .video_bytes = 10485760, .max_items = 10,
       .alt_images = true, .alt_videos = true},
  };
  return k_table;
}

const PlatformMedia* find_media_rules(const std::string& platform) {
  for (const auto& row : platform_media()) {
    if (platform == row.platform) {
      return &row;
    }
  }
  return nullptr;
}

/// "5 MB", "16.8 MB", "750 KB".
std::string human_bytes(std::uint64_t bytes) {
  std::string s = bytes >= 1000000 ? fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6)
                                   : fmt::format("{:.0f} KB", static_cast<double>(bytes) / 1e3);
  if (auto dot = s.find(".0 "); dot != std::string::npos) {
    s.erase(dot, 2);
  }
  return s;
}

/// "5,000,001".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

std::string accepted_names(unsigned accepted) {
  std::vector<std::string> names;
  for (Type t : {Type::jpeg, Type::png, Type::gif, Type::webp, Type::heic, Type::avif, Type::mp4, Type::mov}) {
    if ((accepted & bit(t)) != 0) {
      names.emplace_back(media::type_name(t));
    }
  }
  return join(names);
}

/// The platforms of the post's targets that still have to be published, without repeats.
std::vector<const PlatformMedia*> pending_platforms(const Input& input, const project::Post& post) {
  std::vector<const PlatformMedia*> out;
  std::set<std::string> seen;
  for (const auto& target : post.targets) {
    auto state = post.publish.find(target);
    const project::Account* account = input.project.account(target);
    if (account == nullptr || (state != post.publish.end() && state->second.state == "published")) {
      continue;
    }
    if (seen.insert(account->platform).second) {
      out.push_back(find_media_rules(account->platform));  // nullptr: no media limits (feed, webhook)
    }
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// "IMG_1234", "DSC0001", "PXL_20231012_123456789": letters, then digit groups.
bool looks_like_camera_name(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) != 0) {
    ++i;
  }
  if (i < 2 || i > 10 || i == s.size()) {
    return false;
  }
  std::size_t digits = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      ++digits;
    } else if (c != '_' && c != '-') {
      return false;
    }
  }
  return digits >= 3;
}

/// True when alt text is a file name rather than a description.
bool alt_is_filename(const std::string& alt, const std::string& path) {
  std::string a = lower(alt);
  std::filesystem::path p(path);
  if (a == lower(p.filename().string()) || a == lower(p.stem().string())) {
    return true;
  }
  static const char* const k_exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".avif", ".mp4", ".mov"};
  for (const char* ext : k_exts) {
    if (a.ends_with(ext) && a.find(' ') == std::string::npos) {
      return true;
    }
  }
  return looks_like_camera_name(a);
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

/// What each media item is; nullptr info when the file is missing.
struct Item {
  const project::Media* media;
  std::string pointer;
  const media::FileInfo* file;
};

using ProbeCache = std::map<std::string, Result<media::FileInfo>>;

void check_type_and_size(const project::Post& post, const Item& item, const PlatformMedia& row, Findings& out) {
  const media::Info& info = item.file->info;
  const std::string& path = item.media->path;
  if (row.accepted != k_any && (info.type == Type::unknown || (row.accepted & bit(info.type)) == 0)) {
    std::string what = info.type == Type::unknown ? "is not an image or video smm recognises"
                                                  : std::string("is ") + media::type_name(info.type);
    out.push_back(post_finding("media-type", post, item.pointer,
                               fmt::format("{} {}; {} takes {}", path, what, row.platform, accepted_names(row.accepted)),
                               "convert the file to a type the platform takes"));
    return;
  }
  Kind kind = media::kind_of(info.type);
  std::uint64_t cap = kind == Kind::video ? row.video_bytes
                      : info.animated && row.animated_bytes != 0 ? row.animated_bytes
                                                                 : row.image_bytes;
  if (cap != 0 && item.file->size > cap) {
    const char* noun = kind == Kind::video ? "videos" : info.animated ? "animated GIFs" : "images";
    out.push_back(post_finding("media-too-large", post, item.pointer,
                               fmt::format("{} is {} bytes; {} takes {} up to {}", path, grouped(item.file->size),
                                           row.platform, noun, human_bytes(cap)),
                               "compress or resize the file"));
  }
}

void check_dimensions(const project::Post& post, const Item& item, const PlatformMedia& row, Findings& out) {
  const media::Info& info = item.file->info;
  if (media::kind_of(info.type) != Kind::image || info.width == 0 || info.height == 0) {
    return;
  }
  auto add = [&](const std::string& why) {
    out.push_back(post_finding("media-dimensions", post, item.pointer,
                               fmt::format("{} is {}x{}; {}", item.media->path, info.width, info.height, why),
                               "crop or resize the image"));
  };
  double aspect = static_cast<double>(info.width) / info.height;
  std::uint64_t pixels = std::uint64_t{info.width} * info.height;
  if ((row.min_aspect > 0 && aspect < row.min_aspect - 0.005) || (row.max_aspect > 0 && aspect > row.max_aspect + 0.005)) {
    add(fmt::format("{} takes aspect ratios from {:g}:1 to {:g}:1, this is {:.2f}:1", row.platform, row.min_aspect,
                    row.max_aspect, aspect));
  }
  if (row.max_pixels != 0 && pixels > row.max_pixels) {
    add(fmt::format("{} takes at most {} pixels, this has {}", row.platform, row.max_pixels, pixels));
  }
  if (info.type == Type::gif && row.gif_max_width != 0 && info.animated &&
      (info.width > row.gif_max_width || info.height > row.gif_max_height)) {
    add(fmt::format("{} takes animated GIFs up to {}x{}", row.platform, row.gif_max_width, row.gif_max_height));
  }
  if (info.type == Type::gif && row.gif_max_frames != 0 && info.frames > row.gif_max_frames) {
    add(fmt::format("{} takes GIFs of at most {} frames, this has {}", row.platform, row.gif_max_frames, info.frames));
  }
}

/// The count message for one platform, or "" when the post's media fit.
std::string count_problem(const PlatformMedia& row, const std::vector<Item>& items) {
  int images = 0;
  int videos = 0;
  int animated = 0;
  for (const auto& item : items) {
    Kind kind = item.file != nullptr ? media::kind_of(item.file->info.type) : Kind::unknown;
    images += kind == Kind::image ? 1 : 0;
    videos += kind == Kind::video ? 1 : 0;
    animated += item.file != nullptr && item.file->info.animated ? 1 : 0;
  }
  int total = static_cast<int>(items.size());
  if (total < row.min_items) {
    return fmt::format("{} needs at least {} image or video", row.platform, row.min_items);
  }
  if (row.max_items >= 0 && total > row.max_items) {
    return fmt::format("{} takes at most {} media items, this post has {}", row.platform, row.max_items, total);
  }
  if (row.max_images >= 0 && images > row.max_images) {
    return fmt::format("{} takes at most {} images, this post has {}", row.platform, row.max_images, images);
  }
  if (row.max_videos >= 0 && videos > row.max_videos) {
    return fmt::format("{} takes at most {} video, this post has {}", row.platform, row.max_videos, videos);
  }
  if (!row.mix && images > 0 && videos > 0) {
    return fmt::format("{} does not take images and a video in one post", row.platform);
  }
  if (row.animated_alone && animated > 0 && total > 1) {
    return fmt::format("{} takes an animated GIF only on its own", row.platform);
  }
  return {};
}

void check_alt(const project::Post& post, const Item& item, const std::vector<const PlatformMedia*>& rows,
               Findings& out) {
  const project::Media& m = *item.media;
  if (!blank(m.alt)) {
    if (alt_is_filename(m.alt, m.path)) {
      out.push_back(post_finding("alt-text-filename", post, item.pointer + "/alt",
                                 fmt::format("alt text \"{}\" is a file name, not a description", m.alt),
                                 "describe what the image shows, for people who cannot see it"));
    }
    return;
  }
  Kind kind = item.file != nullptr ? media::kind_of(item.file->info.type) : Kind::unknown;
  std::vector<std::string> readers;
  for (const PlatformMedia* row : rows) {
    if (row != nullptr && (kind == Kind::video ? row->alt_videos : row->alt_images)) {
      readers.emplace_back(row->platform);
    }
  }
  if (!readers.empty()) {
    out.push_back(post_finding("alt-text-missing", post, item.pointer,
                               fmt::format("{} has no alt text (used by {})", m.path, join(readers)),
                               "add \"alt\" to the media item (plan add --media FILE --alt TEXT)"));
  }
}

const media::FileInfo* probe_cached(const Input& input, const std::string& path, ProbeCache& cache) {
  auto it = cache.find(path);
  if (it == cache.end()) {
    it = cache.emplace(path, media::probe_file(input.project.root / path)).first;
  }
  return it->second ? &*it->second : nullptr;
}

void check_post(const Input& input, const project::Post& post, ProbeCache& cache, Findings& out) {
  auto rows = pending_platforms(input, post);
  if (rows.empty()) {
    return;
  }
  std::vector<Item> items;
  for (std::size_t i = 0; i < post.media.size(); ++i) {
    const auto& m = post.media[i];
    Item item{&m, "/media/" + std::to_string(i), m.path.empty() ? nullptr : probe_cached(input, m.path, cache)};
    items.push_back(item);
    if (item.file == nullptr && !m.path.empty()) {
      out.push_back(post_finding("media-missing", post, item.pointer, fmt::format("{} does not exist", m.path),
                                 "media paths are relative to the project root"));
    }
    check_alt(post, item, rows, out);
    for (const PlatformMedia* row : rows) {
      if (row != nullptr && item.file != nullptr) {
        check_type_and_size(post, item, *row, out);
        check_dimensions(post, item, *row, out);
      }
    }
  }
  for (const PlatformMedia* row : rows) {
    if (row == nullptr) {
      continue;
    }
    if (std::string why = count_problem(*row, items); !why.empty()) {
      out.push_back(post_finding("media-count", post, "/media", why, "split the media over several posts"));
    }
  }
}

}  // namespace

void check_media(const Input& input, Findings& out) {
  ProbeCache cache;
  for (const auto& post : input.project.posts) {
    if (selected(input, post)) {
      check_post(input, post, cache, out);
    }
  }
}

}  // namespace smm::audit
