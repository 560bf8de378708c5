// SPDX-License-Identifier: MIT
#include "smm/text/steps.hpp"

#include <algorithm>

#include "smm/text/url.hpp"

namespace smm::text {

namespace {

// twitter-text config/v3.json in whole weighted characters (each weight is a multiple of its
// scale, 100): a URL counts 23, an emoji 2, a code point 1 or 2.
constexpr std::uint32_t k_x_url_length = 23;
constexpr std::uint32_t k_x_emoji_weight = 2;
// Mastodon's StatusLengthValidator URL_PLACEHOLDER_CHARS.
constexpr std::size_t k_mastodon_url_length = 23;

std::uint32_t x_weight(char32_t c) {
  const bool light = c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) ||
                     (c >= 0x2032 && c <= 0x2037);
  return light ? 1 : 2;
}

/// URLs with or without a scheme, found once per scan.
const std::vector<detail::CpSpan>& urls_of(Scan& scan) {
  if (!scan.urls_found) {
    scan.urls = detail::find_urls(scan.cps, true);
    scan.urls_found = true;
  }
  return scan.urls;
}

/// One past the grapheme cluster that starts at cps[i].
std::size_t cluster_end(const Scan& scan, std::size_t i) {
  std::size_t end = i + 1;
  while (end < scan.cps.size() && scan.starts[end] == 0) {
    ++end;
  }
  return end;
}

void mark_joins(const Scan& scan, Steps& steps) {
  for (std::size_t i = 0; i < scan.cps.size(); ++i) {
    steps.joined[i] = scan.starts[i] == 0 ? 1 : 0;
  }
}

/// Threads: a cluster counts 1, an emoji cluster its UTF-8 bytes.
void threads_steps(const Scan& scan, Steps& steps) {
  const std::vector<CodePoint>& cps = scan.cps;
  for (std::size_t i = 0; i < cps.size();) {
    const std::size_t end = cluster_end(scan, i);
    const bool emoji = is_emoji_cluster(cps.data() + i, cps.data() + end);
    steps.add[i] = emoji ? static_cast<std::uint32_t>(cps[end - 1].end - cps[i].begin) : 1;
    i = end;
  }
}

/// X: each URL 23, each emoji cluster 2, other code points 1 or 2 by range.
void weighted_steps(Scan& scan, Steps& steps, bool emoji_parsing) {
  const std::vector<CodePoint>& cps = scan.cps;
  thread_local std::vector<std::size_t> url_ends;
  url_ends.assign(cps.size(), 0);
  for (const detail::CpSpan& url : urls_of(scan)) {
    url_ends[url.begin] = url.end;
  }
  for (std::size_t i = 0; i < cps.size();) {
    if (url_ends[i] > 0) {
      steps.add[i] = k_x_url_length;
      i = url_ends[i];
      continue;
    }
    if (emoji_parsing && scan.starts[i] != 0) {
      const std::size_t end = cluster_end(scan, i);
      if (is_emoji_cluster(cps.data() + i, cps.data() + end)) {
        steps.add[i] = k_x_emoji_weight;
        i = end;
        continue;
      }
    }
    steps.add[i] = x_weight(cps[i].value);
    ++i;
  }
}

/// An entity Mastodon counts as something else: a URL as 23 characters, "@user@server" as
/// "@user" (cps[begin, keep)).
struct Rewrite {
  std::size_t begin;
  std::size_t end;
  std::size_t keep;
  bool url;
};

std::vector<Rewrite> mastodon_rewrites(Scan& scan) {
  const std::vector<CodePoint>& cps = scan.cps;
  std::vector<Rewrite> out;
  // find_urls(cps, false) would give the same URLs as these that start with a scheme: its scan
  // does not depend on the flag, and a bare domain never starts with "http://".
  for (const detail::CpSpan& url : urls_of(scan)) {
    if (detail::scheme_length(cps, url.begin) > 0) {
      out.push_back({url.begin, url.end, url.begin, true});
    }
  }
  for (const detail::CpSpan& mention : detail::find_mentions(cps)) {
    std::size_t keep = mention.begin + 1;
    while (keep < mention.end && cps[keep].value != '@') {
      ++keep;
    }
    out.push_back({mention.begin, mention.end, keep, false});
  }
  std::stable_sort(out.begin(), out.end(), [](const Rewrite& a, const Rewrite& b) { return a.begin < b.begin; });
  return out;
}

/// Mastodon: the grapheme clusters of the text with each entity rewritten, each cluster added
/// to the code point it starts at (an entity's clusters to its first code point).
void mastodon_steps(Scan& scan, Steps& steps) {
  const std::vector<CodePoint>& cps = scan.cps;
  ClusterBreaks breaks;
  std::size_t pos = 0;
  const auto copy_to = [&](std::size_t end) {
    for (; pos < end; ++pos) {
      const bool starts = breaks.starts(cps[pos].value);
      steps.add[pos] = starts ? 1 : 0;
      steps.joined[pos] = starts ? 0 : 1;
    }
  };
  for (const Rewrite& r : mastodon_rewrites(scan)) {
    if (r.begin < pos) {
      continue;  // overlaps an entity already taken (twitter-text's remove_overlapping_entities)
    }
    copy_to(r.begin);
    std::uint32_t clusters = 0;
    bool first_starts = false;
    const std::size_t length = r.url ? k_mastodon_url_length : r.keep - r.begin;
    for (std::size_t k = 0; k < length; ++k) {
      const bool starts = breaks.starts(r.url ? U'x' : cps[r.begin + k].value);
      first_starts = k == 0 ? starts : first_starts;
      clusters += starts ? 1 : 0;
    }
    // Never cut inside an entity; before it only where the rewritten text breaks.
    std::fill(steps.joined.begin() + static_cast<std::ptrdiff_t>(r.begin),
              steps.joined.begin() + static_cast<std::ptrdiff_t>(r.end), 1);
    steps.joined[r.begin] = first_starts ? 0 : 1;
    steps.add[r.begin] = clusters;
    pos = r.end;
  }
  copy_to(cps.size());
}

}  // namespace

Scan& scanned(std::string_view text, Scan& scan) {
  if (text == scan.text) {
    return scan;
  }
  scan.text.assign(text);
  scan.valid = decode(text, scan.cps);
  scan.starts.resize(scan.cps.size());
  scan.nfc = true;
  scan.urls_found = false;
  ClusterBreaks breaks;
  for (std::size_t i = 0; i < scan.cps.size(); ++i) {
    const char32_t c = scan.cps[i].value;
    scan.starts[i] = breaks.starts(c) ? 1 : 0;
    scan.nfc = scan.nfc && is_nfc_quick(c);
  }
  return scan;
}

void unit_steps(Scan& scan, Unit unit, Steps& steps, bool emoji_parsing) {
  const std::vector<CodePoint>& cps = scan.cps;
  steps.add.assign(cps.size(), 0);
  steps.joined.assign(cps.size(), 0);
  switch (unit) {
    case Unit::code_points:
      std::fill(steps.add.begin(), steps.add.end(), 1);
      return;
    case Unit::utf16:
      for (std::size_t i = 0; i < cps.size(); ++i) {
        steps.add[i] = cps[i].value > 0xFFFF ? 2 : 1;
      }
      return;
    case Unit::graphemes:
      std::copy(scan.starts.begin(), scan.starts.end(), steps.add.begin());
      break;
    case Unit::threads:
      threads_steps(scan, steps);
      break;
    case Unit::weighted:
      weighted_steps(scan, steps, emoji_parsing);
      break;
    case Unit::mastodon:
      mastodon_steps(scan, steps);
      return;
  }
  mark_joins(scan, steps);
}

}  // namespace smm::text
