// SPDX-License-Identifier: MIT
#include "smm/report/report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "smm/report/series.hpp"

namespace smm::report {
namespace {

using namespace detail;

constexpr Metric k_post_metrics[] = {Metric::impressions, Metric::views,  Metric::likes,  Metric::reposts,
                                     Metric::replies,     Metric::quotes, Metric::clicks, Metric::saves};
constexpr Metric k_interaction_metrics[] = {Metric::likes,  Metric::reposts, Metric::replies,
                                            Metric::quotes, Metric::clicks,  Metric::saves};
constexpr Metric k_account_metrics[] = {Metric::followers, Metric::following, Metric::posts};

std::size_t at(Metric m) { return static_cast<std::size_t>(m); }

std::optional<std::int64_t> interactions(const Values& m) {
  std::optional<std::int64_t> sum;
  for (Metric x : k_interaction_metrics) {
    if (m[at(x)]) {
      sum = sum.value_or(0) + *m[at(x)];
    }
  }
  return sum;
}

Values zeros() {
  Values z;
  for (std::size_t i = 0; i < k_metric_count; ++i) {
    z.add(i, 0);
  }
  return z;
}

const Values& zero_metrics() {
  static const Values z = zeros();
  return z;
}

/// One row before it becomes cells; it points into the collected series or the group sums, so a
/// million rows stay small until they are rendered a slice at a time.
struct Line {
  time::Instant bucket{};
  const std::string* key = nullptr;
  const std::string* post = nullptr;    ///< posts report only
  const Values* value = nullptr;
  const Values* previous = nullptr;    ///< nullptr: no deltas
  std::optional<std::int64_t> count;    ///< posts in a group
  std::optional<std::int64_t> reach;    ///< the engagement denominator
  std::optional<std::int64_t> followers;
};

/// The sums of a campaign or tag per bucket, which group lines point into.
struct Group {
  Values baseline = zeros();
  std::vector<Values> sums;
  std::vector<std::int64_t> counts;
  std::vector<std::optional<std::int64_t>> reach;
};

/// The followers of each account as of a bucket, from its account-level series.
class Followers {
 public:
  explicit Followers(const Collected& c) {
    for (const auto& s : c.series) {
      if (s.post.empty()) {
        m_accounts[s.account] = &s;
      }
    }
  }
  [[nodiscard]] std::optional<std::int64_t> at(const std::string& account, time::Instant bucket) const {
    auto it = m_accounts.find(account);
    const Point* p = it == m_accounts.end() ? nullptr : at_or_before(*it->second, bucket);
    return p == nullptr ? std::nullopt : p->metrics[report::at(Metric::followers)];
  }

 private:
  std::map<std::string, const Series*> m_accounts;
};

std::optional<std::int64_t> reach_of(const Values& m, std::optional<std::int64_t> followers) {
  auto impressions = m[at(Metric::impressions)];
  return impressions ? impressions : followers;
}

std::vector<Line> series_lines(const Collected& c, bool posts, const Followers& followers) {
  std::vector<Line> lines;
  for (const auto& s : c.series) {
    if (s.post.empty() == posts) {
      continue;
    }
    // A post starts at zero; an account with nothing earlier has no delta.
    const Values* previous = posts ? &zero_metrics() : nullptr;
    for (const auto& p : s.points) {
      if (p.bucket != k_before) {
        Line line{p.bucket, &s.account, nullptr, &p.metrics, previous, std::nullopt, std::nullopt, std::nullopt};
        if (posts) {
          line.post = &s.post;
          line.followers = followers.at(s.account, p.bucket);
          line.reach = reach_of(p.metrics, line.followers);
        }
        lines.push_back(line);
      }
      previous = &p.metrics;
    }
  }
  return lines;
}

void add_into(Values& sum, const Values& m) {
  for (std::size_t i = 0; i < k_metric_count; ++i) {
    if (auto x = m[i]) {
      sum.add(i, *x);
    }
  }
}

/// Every interval in which some post was measured, in order.
std::vector<time::Instant> post_buckets(const Collected& c) {
  std::set<time::Instant> buckets;
  for (const auto& s : c.series) {
    for (const auto& p : s.points) {
      if (!s.post.empty() && p.bucket != k_before) {
        buckets.insert(p.bucket);
      }
    }
  }
  return {buckets.begin(), buckets.end()};
}

/// The campaign or the tags a post counts for (none for an unknown post).
std::vector<std::string> group_names(const Request& request, const std::string& post) {
  auto labels = request.posts.find(post);
  if (post.empty() || labels == request.posts.end()) {
    return {};
  }
  if (request.kind == Kind::tags) {
    return labels->second.tags;
  }
  return labels->second.campaign.empty() ? std::vector<std::string>{} : std::vector{labels->second.campaign};
}

/// Campaigns or tags: each post's latest value carried forward and summed per group.
std::vector<Line> group_lines(const Collected& c, const Request& request, const Followers& followers,
                              std::map<std::string, Group>& groups) {
  std::vector<time::Instant> buckets = post_buckets(c);
  for (const auto& s : c.series) {
    for (const auto& name : group_names(request, s.post)) {
      Group& g = groups[name];
      g.sums.resize(buckets.size());
      g.counts.resize(buckets.size());
      g.reach.resize(buckets.size());
      if (!s.points.empty() && s.points.front().bucket == k_before) {
        add_into(g.baseline, s.points.front().metrics);
      }
      for (std::size_t i = 0; i < buckets.size(); ++i) {
        // A post last measured before the period still counts, with that value: it is in the
        // baseline too, so it adds nothing to the deltas.
        const Point* p = at_or_before(s, buckets[i]);
        if (p == nullptr) {
          continue;
        }
        add_into(g.sums[i], p->metrics);
        ++g.counts[i];
        if (auto r = reach_of(p->metrics, followers.at(s.account, buckets[i]))) {
          g.reach[i] = g.reach[i].value_or(0) + *r;
        }
      }
    }
  }
  std::vector<Line> lines;
  for (const auto& [name, g] : groups) {
    const Values* previous = &g.baseline;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      if (g.counts[i] > 0) {
        lines.push_back(Line{buckets[i], &name, nullptr, &g.sums[i], previous, g.counts[i], g.reach[i], std::nullopt});
        previous = &g.sums[i];
      }
    }
  }
  return lines;
}

output::Cell number(std::optional<std::int64_t> n) {
  return n ? output::Cell{*n} : output::Cell{};
}

/// A post's metric that was not measured before counts from zero; an account's has no delta.
output::Cell delta(std::optional<std::int64_t> now, std::optional<std::int64_t> before, bool from_zero) {
  if (from_zero && !before) {
    before = 0;
  }
  return now && before ? output::Cell{*now - *before} : output::Cell{};
}

/// The columns: interval, keys, [posts], the metrics any line has, [interactions, followers or
/// reach, engagement_rate], their deltas.
struct Layout {
  bool posts_like = true;
  bool group = false;
  std::vector<Metric> shown;
  std::vector<output::Column> columns;
};

Layout layout_for(const std::vector<Line>& lines, Kind kind) {
  Layout l;
  l.posts_like = kind != Kind::accounts;
  l.group = kind == Kind::campaigns || kind == Kind::tags;
  auto candidates = l.posts_like ? std::vector<Metric>(std::begin(k_post_metrics), std::end(k_post_metrics))
                                 : std::vector<Metric>(std::begin(k_account_metrics), std::end(k_account_metrics));
  for (Metric m : candidates) {
    if (std::any_of(lines.begin(), lines.end(), [&](const Line& line) { return (*line.value)[at(m)].has_value(); })) {
      l.shown.push_back(m);
    }
  }
  l.columns.push_back({"interval", false, false});
  const char* key = kind == Kind::campaigns ? "campaign" : kind == Kind::tags ? "tag" : "account";
  l.columns.push_back({key, false, true});
  if (kind == Kind::posts) {
    l.columns.push_back({"post", false, true});
  }
  if (l.group) {
    l.columns.push_back({"posts", true, false});
  }
  for (Metric m : l.shown) {
    l.columns.push_back({std::string(k_metric_names[at(m)]), true, false});
  }
  if (l.posts_like) {
    l.columns.push_back({"interactions", true, false});
    l.columns.push_back({l.group ? "reach" : "followers", true, false});
    l.columns.push_back({"engagement_rate", true, false});
  }
  for (Metric m : l.shown) {
    l.columns.push_back({std::string(k_metric_names[at(m)]) + "_delta", true, false});
  }
  if (l.posts_like) {
    l.columns.push_back({"interactions_delta", true, false});
  }
  return l;
}

std::vector<output::Cell> row_for(const Line& line, const Layout& l, const Bucketer& bucketer) {
  std::vector<output::Cell> row{bucketer.label(line.bucket), *line.key};
  row.reserve(l.columns.size());
  if (line.post != nullptr) {
    row.emplace_back(*line.post);
  }
  if (l.group) {
    row.push_back(number(line.count));
  }
  const Values& value = *line.value;
  for (Metric m : l.shown) {
    row.push_back(number(value[at(m)]));
  }
  auto inter = interactions(value);
  if (l.posts_like) {
    row.push_back(number(inter));
    row.push_back(number(l.group ? line.reach : line.followers));
    row.push_back(inter && line.reach && *line.reach > 0
                      ? output::Cell{output::Decimal{static_cast<double>(*inter) / static_cast<double>(*line.reach), 4}}
                      : output::Cell{});
  }
  for (Metric m : l.shown) {
    row.push_back(line.previous ? delta(value[at(m)], (*line.previous)[at(m)], l.posts_like) : output::Cell{});
  }
  if (l.posts_like) {
    row.push_back(line.previous ? delta(inter, interactions(*line.previous), true) : output::Cell{});
  }
  return row;
}

}  // namespace

Result<void> build_slices(const std::filesystem::path& root, const Request& request,
                          const std::function<void(const std::string&)>& warn, std::size_t slice_rows,
                          const std::function<void(const output::Table&)>& each) {
  auto collected = collect(root, request, warn);
  if (!collected) {
    return std::unexpected(collected.error());
  }
  Followers followers(*collected);
  std::map<std::string, Group> groups;
  std::vector<Line> lines = request.kind == Kind::posts      ? series_lines(*collected, true, followers)
                            : request.kind == Kind::accounts ? series_lines(*collected, false, followers)
                                                             : group_lines(*collected, request, followers, groups);
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (a.bucket != b.bucket) {
      return a.bucket < b.bucket;
    }
    if (*a.key != *b.key) {
      return *a.key < *b.key;
    }
    return a.post != nullptr && b.post != nullptr && *a.post < *b.post;
  });
  Layout layout = layout_for(lines, request.kind);
  Bucketer bucketer(request);
  output::Table slice{layout.columns, {}};
  std::size_t n = std::max<std::size_t>(slice_rows, 1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    slice.rows.push_back(row_for(lines[i], layout, bucketer));
    if (slice.rows.size() == n || i + 1 == lines.size()) {
      each(slice);
      slice.rows.clear();
    }
  }
  if (lines.empty()) {
    each(slice);
  }
  return {};
}

Result<output::Table> build(const std::filesystem::path& root, const Request& request,
                            const std::function<void(const std::string&)>& warn) {
  output::Table all;
  auto ok = build_slices(root, request, warn, 4096, [&all](const output::Table& slice) {
    all.columns = slice.columns;
    all.rows.insert(all.rows.end(), slice.rows.begin(), slice.rows.end());
  });
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return all;
}

}  // namespace smm::report
