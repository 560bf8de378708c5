// SPDX-License-Identifier: MIT
#include "smm/text/count.hpp"

#include <algorithm>
#include <string>

#include "smm/text/extract.hpp"
#include "smm/text/unicode.hpp"
#include "smm/text/url.hpp"

namespace smm::text {

namespace {

// twitter-text config/v3.json.
constexpr std::size_t k_x_scale = 100;
constexpr std::size_t k_x_default_weight = 200;
constexpr std::size_t k_x_url_length = 23;
constexpr std::size_t k_x_limit = 280;
// Mastodon's StatusLengthValidator URL_PLACEHOLDER_CHARS.
constexpr std::size_t k_mastodon_url_length = 23;

std::size_t x_weight(char32_t c) {
  const bool light = c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) ||
                     (c >= 0x2032 && c <= 0x2037);
  return light ? 100 : k_x_default_weight;
}

/// For each code point index, the index one past its grapheme cluster when the cluster starts
/// there and is an emoji; 0 otherwise.
std::vector<std::size_t> emoji_ends(std::string_view text, const std::vector<CodePoint>& cps) {
  std::vector<std::size_t> out(cps.size(), 0);
  std::size_t first = 0;
  std::size_t begin_byte = 0;
  for (const std::size_t end_byte : grapheme_ends(text)) {
    std::size_t last = first;
    while (last < cps.size() && cps[last].begin < end_byte) {
      ++last;
    }
    if (is_emoji_cluster(text.substr(begin_byte, end_byte - begin_byte))) {
      out[first] = last;
    }
    first = last;
    begin_byte = end_byte;
  }
  return out;
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

std::size_t grapheme_count(std::string_view text) { return grapheme_ends(text).size(); }

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (const CodePoint& cp : code_points(text)) {
    units += cp.value > 0xFFFF ? 2 : 1;
  }
  return units;
}

std::size_t x_weighted_length(std::string_view text, bool emoji_parsing) {
  const std::string normal = nfc(text);
  const std::vector<CodePoint> cps = code_points(normal);
  std::vector<std::size_t> url_ends(cps.size(), 0);
  for (const detail::UrlSpan& url : detail::find_urls(cps, true)) {
    url_ends[url.begin] = url.end;
  }
  // Every emoji sequence has a code point above ASCII (even keycaps end in U+20E3).
  const std::vector<std::size_t> emoji = emoji_parsing && !is_ascii(normal)
                                             ? emoji_ends(normal, cps)
                                             : std::vector<std::size_t>(cps.size(), 0);
  std::size_t weight = 0;
  for (std::size_t i = 0; i < cps.size();) {
    if (url_ends[i] > 0) {
      weight += k_x_url_length * k_x_scale;
      i = url_ends[i];
    } else if (emoji[i] > 0) {
      weight += k_x_default_weight;
      i = emoji[i];
    } else {
      weight += x_weight(cps[i++].value);
    }
  }
  return weight / k_x_scale;
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

std::size_t mastodon_length(std::string_view text) {
  struct Rewrite {
    std::size_t begin;
    std::size_t end;
    std::string with;
  };
  std::vector<Rewrite> rewrites;
  for (const Entity& url : extract_urls(text, Scheme::required)) {
    rewrites.push_back({url.begin, url.end, std::string(k_mastodon_url_length, 'x')});
  }
  for (const Entity& mention : extract_mentions(text)) {
    rewrites.push_back(
        {mention.begin, mention.end, mention.text.substr(0, mention.text.find('@', 1))});
  }
  std::stable_sort(rewrites.begin(), rewrites.end(),
                   [](const Rewrite& a, const Rewrite& b) { return a.begin < b.begin; });
  std::string countable;
  std::size_t pos = 0;
  for (const Rewrite& r : rewrites) {
    if (r.begin < pos) {
      continue;  // overlaps an entity already taken (twitter-text's remove_overlapping_entities)
    }
    countable.append(text.substr(pos, r.begin - pos)).append(r.with);
    pos = r.end;
  }
  countable.append(text.substr(pos));
  return grapheme_count(countable);
}

std::size_t threads_length(std::string_view text) {
  std::size_t length = 0;
  std::size_t begin = 0;
  for (const std::size_t end : grapheme_ends(text)) {
    const std::string_view cluster = text.substr(begin, end - begin);
    length += is_emoji_cluster(cluster) ? cluster.size() : 1;
    begin = end;
  }
  return length;
}

}  // namespace smm::text
