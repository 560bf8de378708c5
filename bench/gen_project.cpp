// SPDX-License-Identifier: MIT
// smm_gen_project DIR N [--seed S]: writes a benchmark project of N posts spread over five
// accounts and the year 2027, in the canonical bytes smm itself writes. Deterministic for a seed.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "smm/project/files.hpp"
#include "smm/project/init.hpp"
#include "smm/project/project.hpp"

namespace {

namespace fs = std::filesystem;
using namespace smm;

/// A seeded source of small random choices (std::mt19937_64 is specified bit for bit).
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : m_rng(seed) {}

  /// Uniform in [0, n).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_rng() % n); }
  /// True with probability percent/100.
  bool percent(std::size_t p) { return below(100) < p; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::mt19937_64 m_rng;
};

struct AccountSpec {
  const char* name;
  const char* platform;
  const char* server;
  const char* handle;
  const char* zone;
  const char* slots;
};

constexpr std::array<AccountSpec, 5> k_accounts = {{
    {"feed", "feed", "", "", "", ""},
    {"masto", "mastodon", "https://mastodon.social", "@bench", "Europe/Berlin", "mon-fri 08:30,12:30,17:00"},
    {"bsky", "bluesky", "", "bench.bsky.social", "America/New_York", "daily 10:00,15:00"},
    {"x", "x", "", "@bench", "America/Los_Angeles", "mon-fri 07:00,11:00,16:00; sat 10:00"},
    {"linkedin", "linkedin", "", "bench-company", "Europe/London", "tue-thu 09:00"},
}};

constexpr std::array<std::string_view, 96> k_words = {
    "the", "a", "and", "of", "to", "in", "for", "with", "on", "our", "we", "you", "is", "are", "new",
    "today", "launch", "release", "update", "team", "week", "thanks", "community", "open", "source",
    "project", "feature", "build", "ship", "shipping", "design", "docs", "guide", "tips", "workshop",
    "meetup", "talk", "slides", "video", "podcast", "episode", "interview", "behind", "scenes",
    "roadmap", "feedback", "survey", "beta", "stable", "version", "performance", "faster", "smaller",
    "simple", "calendar", "schedule", "queue", "draft", "review", "approve", "publish", "thread",
    "morning", "evening", "coffee", "café", "naïve", "Zürich", "Malmö", "São", "Paulo", "Kraków",
    "résumé", "über", "façade", "東京", "こんにちは", "日本語", "Привет", "мир", "données", "élan",
    "🚀", "✨", "🎉", "🙌", "💡", "📅", "🔥", "👩‍💻", "🇫🇷", "❤️", "—", "…",
};

constexpr std::array<const char*, 12> k_tags = {"launch", "release", "tips", "events", "hiring", "docs",
                                                "community", "video", "podcast", "blog", "product", "culture"};
constexpr std::array<const char*, 6> k_campaigns = {"spring-launch", "summer-sale", "conf-2027",
                                                    "hiring-q3", "black-friday", "year-review"};

std::string sentence_text(Dice& dice) {
  std::size_t target = 50 + dice.below(551);
  std::string text;
  bool capital = true;
  while (text.size() < target) {
    std::string word(k_words[dice.below(k_words.size())]);
    if (capital && word[0] >= 'a' && word[0] <= 'z') {
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    if (dice.percent(2)) {
      word = "https://example.com/blog/" + std::to_string(dice.below(10000));
    }
    text += (text.empty() || text.back() == '\n' ? "" : " ") + word;
    capital = false;
    if (dice.percent(8)) {
      text += dice.percent(70) ? "." : "!";
      capital = true;
    }
    if (dice.percent(2)) {
      text += "\n\n";
      capital = true;
    }
  }
  // Cut at a character boundary, never inside a UTF-8 sequence.
  std::size_t end = std::min(text.size(), std::size_t{599});
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  text.resize(end);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
    text.pop_back();
  }
  return text + ".";
}

std::string slug(const std::string& text) {
  std::string out;
  std::size_t words = 0;
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      alnum = true;
    }
    if (alnum) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      if (++words == 4) {
        break;
      }
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "post" : out;
}

std::string yyyy_mm_dd(time::Instant t, const time::Zone& zone) { return time::format_rfc3339(t, zone).substr(0, 10); }

struct Zones {
  time::Zone project;
  std::vector<time::Zone> accounts;  ///< index-aligned with k_accounts
};

project::Post make_post(Dice& dice, std::size_t index, const Zones& zones) {
  using namespace std::chrono;
  project::Post p;
  std::size_t first = dice.below(k_accounts.size());
  p.targets.push_back(k_accounts[first].name);
  for (std::size_t i = 0; i < k_accounts.size(); ++i) {
    if (i != first && dice.percent(15)) {
      p.targets.push_back(k_accounts[i].name);
    }
  }
  p.text = sentence_text(dice);
  std::size_t kind = dice.below(100);  // 0-69 scheduled, 70-79 queued, 80-89 draft, 90-99 published
  const time::Zone& zone = zones.accounts[first];
  local_days day = local_days{2027y / January / 1} + days{dice.below(365)};
  auto wall = day + hours{7 + dice.below(13)} + minutes{15 * dice.below(4)};
  time::Instant at = time::resolve_local(wall, zone).at;
  time::Instant created = at - hours{24 * (1 + dice.below(60))} - minutes{dice.below(600)};
  if (kind < 70 || kind >= 90 || dice.percent(30)) {
    p.set_at(at, zone);
  }
  p.status = kind < 70 || kind >= 90 ? "scheduled" : (kind < 80 ? "queued" : "draft");
  if (kind >= 90) {
    p.targets = {"feed"};  // published everywhere it was meant to go
    std::string remote = std::to_string(1000000 + index);
    project::TargetState& done = p.publish["feed"];
    done.state = "published";
    done.remote_id = remote;
    done.url = "https://example.com/posts/" + remote;
    done.at = time::format_rfc3339(at + seconds{dice.below(5)}, zones.project);
  }
  for (std::size_t i = dice.below(4); i > 0; --i) {
    std::string tag = dice.pick(k_tags);
    if (std::find(p.tags.begin(), p.tags.end(), tag) == p.tags.end()) {
      p.tags.push_back(tag);
    }
  }
  if (dice.percent(30)) {
    p.campaign = dice.pick(k_campaigns);
  }
  if (dice.percent(20)) {
    std::string alt = dice.percent(80) ? "A photo: " + sentence_text(dice).substr(0, 40 + dice.below(80)) : "";
    while (!alt.empty() && (static_cast<unsigned char>(alt.back()) & 0x80) != 0) {
      alt.pop_back();  // cut whole characters only
    }
    p.media.push_back({"media/img-" + std::to_string(dice.below(5000)) + ".jpg", alt, project::Json::object()});
  }
  if (p.targets.size() > 1 && dice.percent(10)) {
    p.variants[p.targets.back()] = sentence_text(dice).substr(0, 120);
    while ((static_cast<unsigned char>(p.variants[p.targets.back()].back()) & 0x80) != 0) {
      p.variants[p.targets.back()].pop_back();
    }
  }
  p.created = time::format_rfc3339(created, zones.project);
  p.id = (p.at ? p.at_text.substr(0, 10) : yyyy_mm_dd(created, zones.project)) + "-" + slug(p.text) + "-" +
         std::to_string(index);
  return p;
}

// Plain writes, no fsync: the benchmark project is scratch data, and 100,000 fsyncs take minutes.
bool write_plain(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return false;
  }
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  return ::close(fd) == 0 && ok;
}

Zones zones_for(const std::string& project_zone) {
  Zones z{*time::find_zone(project_zone), {}};
  for (const auto& a : k_accounts) {
    z.accounts.push_back(*a.zone != '\0' ? *time::find_zone(a.zone) : z.project);
  }
  return z;
}

int usage() {
  std::cerr << "usage: smm_gen_project DIR N [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::uint64_t seed = 1;
  if (args.size() == 4 && args[2] == "--seed") {
    seed = std::stoull(args[3]);
  } else if (args.size() != 2) {
    return usage();
  }
  fs::path dir = args[0];
  std::size_t n = 0;
  if (std::from_chars(args[1].data(), args[1].data() + args[1].size(), n).ec != std::errc{}) {
    return usage();
  }
  project::InitOptions init{.name = "bench", .zone = "Europe/Paris", .slots = "mon-fri 09:00,13:00", .example_post = false};
  time::Instant now = time::parse_rfc3339("2026-12-01T08:00:00Z").value();
  if (auto ok = project::init(dir, init, now); !ok) {
    std::cerr << "smm_gen_project: " << ok.error().what() << "\n";
    return 1;
  }
  for (const auto& spec : k_accounts) {
    project::Account a{spec.name, spec.platform, spec.server, spec.handle, spec.zone, spec.slots, std::nullopt, false,
                       project::Json::object()};
    if (auto ok = project::save_account(dir, a); !ok) {
      std::cerr << "smm_gen_project: " << ok.error().what() << "\n";
      return 1;
    }
  }
  Zones zones = zones_for(init.zone);
  Dice dice(seed);
  std::vector<project::Post> posts;
  posts.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    posts.push_back(make_post(dice, i, zones));
  }
  // Serialising and writing are independent per post: split them over the cores.
  std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<int> failed(threads, 0);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < posts.size(); i += threads) {
        const auto& p = posts[i];
        if (!write_plain(dir / project::Project::post_path(p.id), project::dump_json(project::to_json(p)))) {
          failed[t] = 1;
        }
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
  if (std::find(failed.begin(), failed.end(), 1) != failed.end()) {
    std::cerr << "smm_gen_project: cannot write posts in " << (dir / "posts").string() << "\n";
    return 1;
  }
  std::cout << "wrote " << n << " posts to " << dir.string() << "\n";
  return 0;
}
