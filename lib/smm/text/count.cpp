// SPDX-License-Identifier: MIT
#include "smm/text/count.hpp"

#include <numeric>
#include <string>

#include "smm/text/steps.hpp"
#include "smm/text/unicode.hpp"

namespace smm::text {

namespace {

constexpr std::size_t k_x_limit = 280;  // twitter-text config/v3.json maxWeightedTweetLength

/// The sum of `unit`'s steps over `text`, decoded into this thread's storage.
std::size_t summed(std::string_view text, Unit unit, bool emoji_parsing = true) {
  thread_local Scan scan;  // apart from the prepared counters' scan, which this would spoil
  thread_local Steps steps;
  scanned(text, scan);
  if (unit == Unit::weighted && !scan.nfc) {
    scanned(nfc(text), scan);  // X counts the normalized text
  }
  unit_steps(scan, unit, steps, emoji_parsing);
  return std::accumulate(steps.add.begin(), steps.add.end(), std::size_t{0});
}

}  // namespace

const char* unit_name(Unit unit) {
  switch (unit) {
    case Unit::code_points:
      return "";
    case Unit::weighted:
      return "weighted";
    case Unit::utf16:
      return "UTF-16 units";
    case Unit::graphemes:
    case Unit::mastodon:
    case Unit::threads:
      return "graphemes";
  }
  return "";
}

const std::vector<PlatformRule>& platform_rules() {
  // Numbers and units from the reference (part A §0, §1.5, §2.5, §3.5, §4.3, §5.3, §6; part B
  // LinkedIn §1, Facebook §2, Instagram §3). Where a unit is unverified the stricter one is used.
  static const std::vector<PlatformRule> k_rules = {
      {"feed", 0, 0, 0, Unit::code_points},       {"webhook", 0, 0, 0, Unit::code_points},
      {"mastodon", 500, 0, 0, Unit::mastodon},    {"bluesky", 300, 0, 3000, Unit::graphemes},
      {"x", k_x_limit, 0, 0, Unit::weighted},     {"threads", 500, 0, 0, Unit::threads},
      {"linkedin", 3000, 0, 0, Unit::graphemes},  {"facebook", 63206, 0, 0, Unit::code_points},
      {"instagram", 2200, 0, 0, Unit::graphemes}, {"telegram", 4096, 1024, 0, Unit::utf16},
      {"discord", 2000, 0, 0, Unit::utf16},
  };
  return k_rules;
}

const PlatformRule* find_rule(std::string_view platform) {
  for (const PlatformRule& rule : platform_rules()) {
    if (platform == rule.platform) {
      return &rule;
    }
  }
  return nullptr;
}

Limits limits_for(std::string_view platform, std::optional<std::size_t> override, bool has_media) {
  const PlatformRule* rule = find_rule(platform);
  if (rule == nullptr) {
    return Limits{override.value_or(0), 0, Unit::code_points};
  }
  Limits limits{rule->limit, rule->byte_limit, rule->unit};
  if (has_media && rule->caption_limit > 0) {
    limits.length = rule->caption_limit;
  }
  if (override) {
    limits.length = *override;
  }
  return limits;
}

std::vector<Measure> measure(std::string_view text, const Limits& limits) {
  std::vector<Measure> out;
  out.push_back({count(text, limits.unit), limits.length, unit_name(limits.unit)});
  if (limits.bytes > 0) {
    out.push_back({text.size(), limits.bytes, "bytes"});
  }
  return out;
}

std::size_t count(std::string_view text, Unit unit) {
  switch (unit) {
    case Unit::code_points:
      return count_code_points(text);
    case Unit::graphemes:
      return grapheme_count(text);
    case Unit::mastodon:
      return mastodon_length(text);
    case Unit::threads:
      return threads_length(text);
    case Unit::weighted:
      return x_weighted_length(text);
    case Unit::utf16:
      return utf16_length(text);
  }
  return count_code_points(text);
}

Counter counter_for(Unit unit) {
  return [unit](std::string_view text) { return count(text, unit); };
}

Counter counter_for(std::string_view platform) {
  const PlatformRule* rule = find_rule(platform);
  return counter_for(rule == nullptr ? Unit::code_points : rule->unit);
}

std::size_t grapheme_count(std::string_view text) { return summed(text, Unit::graphemes); }

std::size_t utf16_length(std::string_view text) {
  thread_local std::vector<CodePoint> cps;
  decode(text, cps);
  std::size_t units = 0;
  for (const CodePoint& cp : cps) {
    units += cp.value > 0xFFFF ? 2 : 1;
  }
  return units;
}

std::size_t x_weighted_length(std::string_view text, bool emoji_parsing) {
  return summed(text, Unit::weighted, emoji_parsing);
}

bool x_valid(std::string_view text, std::size_t limit) {
  for (const CodePoint& cp : code_points(text)) {
    if (cp.value == 0xFFFE || cp.value == 0xFEFF || cp.value == 0xFFFF) {
      return false;
    }
  }
  const std::size_t length = x_weighted_length(text);
  return length > 0 && length <= limit;
}

std::size_t mastodon_length(std::string_view text) { return summed(text, Unit::mastodon); }

std::size_t threads_length(std::string_view text) { return summed(text, Unit::threads); }

}  // namespace smm::text
