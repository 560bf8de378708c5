// SPDX-License-Identifier: MIT
// Schedule rules: past-due, collision, dst-ambiguous, platform-window.
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "smm/audit/families.hpp"

namespace smm::audit {
namespace {

using std::chrono::days;
using std::chrono::seconds;

/// "2026-11-24 09:00" in `zone`.
std::string wall(time::Instant t, const time::Zone& zone) {
  std::string text = time::format_rfc3339(t, zone);
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

/// "+01:00" from an offset.
std::string offset_text(seconds offset) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char sign = minutes < 0 ? '-' : '+';
  minutes = minutes < 0 ? -minutes : minutes;
  std::string hh = std::to_string(minutes / 60);
  std::string mm = std::to_string(minutes % 60);
  return sign + std::string(hh.size() < 2 ? "0" : "") + hh + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

/// The offset an RFC 3339 text was written with ("Z" or "±hh:mm" at its end).
std::optional<seconds> written_offset(std::string_view text) {
  if (text.ends_with('Z') || text.ends_with('z')) {
    return seconds(0);
  }
  if (text.size() < 6 || (text[text.size() - 6] != '+' && text[text.size() - 6] != '-') || text[text.size() - 3] != ':') {
    return std::nullopt;
  }
  auto digits = text.substr(text.size() - 5);
  int hours = (digits[0] - '0') * 10 + (digits[1] - '0');
  int minutes = (digits[3] - '0') * 10 + (digits[4] - '0');
  seconds offset = std::chrono::hours(hours) + std::chrono::minutes(minutes);
  return text[text.size() - 6] == '-' ? -offset : offset;
}

bool scheduled(const project::Post& post) { return post.status != "draft" && post.at.has_value(); }

/// A post's targets that are not published yet.
std::vector<std::string> pending(const project::Post& post) {
  std::vector<std::string> out;
  std::copy_if(post.targets.begin(), post.targets.end(), std::back_inserter(out),
               [&](const std::string& a) { return !target_published(post, a); });
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

void check_past_due(const Input& input, const project::Post& post, Findings& out) {
  if (!scheduled(post) || *post.at >= input.now) {
    return;
  }
  auto left = pending(post);
  if (left.empty()) {
    return;
  }
  time::Zone zone = input.project.zone_for(post);
  out.push_back(post_finding("past-due", post, "/at",
                             "due " + wall(*post.at, zone) + " (" + time::relative(*post.at, input.now) +
                                 ") and not published to " + join(left),
                             "move it with `smm plan set " + post.id + " --at WHEN`, or `smm plan set " + post.id + " --queue`"));
}

void check_dst(const Input& input, const project::Post& post, Findings& out) {
  if (!post.at || pending(post).empty()) {
    return;
  }
  time::Zone zone = input.project.zone_for(post);
  std::string hint = "write the time with the offset the zone has then, e.g. `smm plan set " + post.id + " --at \"...\"`";
  auto local = time::to_local(*post.at, zone);
  if (time::resolve_local(local, zone).kind == time::LocalKind::overlap) {
    out.push_back(post_finding("dst-ambiguous", post, "/at",
                               wall(*post.at, zone) + " happens twice in " + zone.name() + " (clocks go back); this post is the one at " +
                                   offset_text(time::utc_offset(*post.at, zone)),
                               "pick a time outside the repeated hour so nobody misreads it"));
    return;
  }
  auto written = written_offset(post.at_text);
  seconds actual = time::utc_offset(*post.at, zone);
  if (!written || *written == actual) {
    return;
  }
  std::chrono::local_seconds as_written{post.at->time_since_epoch() + *written};
  std::string written_wall = post.at_text.substr(0, 10) + " " + post.at_text.substr(11, 5);
  if (time::resolve_local(as_written, zone).kind == time::LocalKind::gap) {
    out.push_back(post_finding("dst-ambiguous", post, "/at",
                               written_wall + " does not exist in " + zone.name() + " (clocks go forward); it goes out at " +
                                   wall(*post.at, zone),
                               hint));
    return;
  }
  // An offset the zone uses at another time of year: written for the other side of a DST change.
  auto half_year = days(182);
  if (*written == time::utc_offset(*post.at - half_year, zone) || *written == time::utc_offset(*post.at + half_year, zone)) {
    out.push_back(post_finding("dst-ambiguous", post, "/at",
                               "written with offset " + offset_text(*written) + " but " + zone.name() + " is at " +
                                   offset_text(actual) + " then; it goes out at " + wall(*post.at, zone) + " local time",
                               hint));
  }
}

struct Slot {
  time::Instant at;
  const project::Post* post;
};

/// Per account, the non-draft posts with a time, sorted by time then id.
std::map<std::string, std::vector<Slot>> by_account(const project::Project& project) {
  std::map<std::string, std::vector<Slot>> out;
  for (const auto& post : project.posts) {
    if (!scheduled(post)) {
      continue;
    }
    for (const auto& account : post.targets) {
      out[account].push_back({*post.at, &post});
    }
  }
  for (auto& [account, slots] : out) {
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return std::tie(a.at, a.post->id) < std::tie(b.at, b.post->id); });
  }
  return out;
}

bool reportable(const Input& input, const Slot& slot, const std::string& account) {
  return selected(input, *slot.post) && !target_published(*slot.post, account);
}

void check_collisions(const Input& input, const std::string& account, const std::vector<Slot>& slots, Findings& out) {
  long long minutes = input.config.number("collision", "minutes", 30);
  for (std::size_t i = 1; i < slots.size(); ++i) {
    auto gap = slots[i].at - slots[i - 1].at;
    if (gap >= std::chrono::minutes(minutes) || !reportable(input, slots[i], account)) {
      continue;
    }
    out.push_back(post_finding("collision", *slots[i].post, "/at",
                               time::format_duration(gap) + " after " + slots[i - 1].post->id + " on " + account +
                                   " (less than " + std::to_string(minutes) + "m apart)",
                               "space them out with `smm plan set " + slots[i].post->id + " --at WHEN` or `--queue`"));
  }
}

/// The per-day cap for an account: the "per_day" setting, else the platform's (Mastodon 50).
long long day_cap(const Input& input, const std::string& account) {
  long long configured = input.config.number("platform-window", "per_day", 0);
  if (configured > 0) {
    return configured;
  }
  const project::Account* a = input.project.account(account);
  return a != nullptr && a->platform == "mastodon" ? 50 : 0;
}

void check_window(const Input& input, const std::string& account, const std::vector<Slot>& slots, Findings& out) {
  long long cap = day_cap(input, account);
  if (cap <= 0) {
    return;
  }
  time::Zone zone = input.project.zone_for(account);
  const project::Account* a = input.project.account(account);
  std::string platform = a != nullptr ? a->platform : "the platform";
  std::map<std::chrono::local_days, long long> count;
  for (const auto& slot : slots) {
    auto day = std::chrono::floor<days>(time::to_local(slot.at, zone));
    long long n = ++count[day];
    if (n <= cap || !reportable(input, slot, account)) {
      continue;
    }
    out.push_back(post_finding("platform-window", *slot.post, "/at",
                               "post " + std::to_string(n) + " to " + account + " on " + wall(slot.at, zone).substr(0, 10) +
                                   ", over " + platform + "'s " + std::to_string(cap) + " a day",
                               "move it to another day with `smm plan set " + slot.post->id + " --at WHEN`"));
  }
}

}  // namespace

void check_schedule(const Input& input, Findings& out) {
  for (const auto& post : input.project.posts) {
    if (selected(input, post)) {
      check_past_due(input, post, out);
      check_dst(input, post, out);
    }
  }
  for (const auto& [account, slots] : by_account(input.project)) {
    check_collisions(input, account, slots, out);
    check_window(input, account, slots, out);
  }
}

}  // namespace smm::audit
