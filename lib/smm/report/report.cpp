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

std::optional<std::int64_t> interactions(const Metrics& m) {
  std::optional<std::int64_t> sum;
  for (Metric x : k_interaction_metrics) {
    if (m[at(x)]) {
      sum = sum.value_or(0) + *m[at(x)];
    }
  }
  return sum;
}

Metrics zeros() {
  Metrics z{};
  z.fill(std::int64_t{0});
  return z;
}

/// One row before it becomes cells.
struct Line {
  time::Instant bucket{};
  std::vector<std::string> keys;
  Metrics value{};
  std::optional<Metrics> previous;    ///< none: no deltas
  std::optional<std::int64_t> count;  ///< posts in a group
  std::optional<std::int64_t> reach;  ///< the engagement denominator
  std::optional<std::int64_t> followers;
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

std::optional<std::int64_t> reach_of(const Metrics& m, std::optional<std::int64_t> followers) {
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
    std::optional<Metrics> previous;
    if (posts) {
      previous = zeros();
    }
    for (const auto& p : s.points) {
      if (p.bucket != k_before) {
        Line line{p.bucket, {s.account}, p.metrics, previous, std::nullopt, std::nullopt, std::nullopt};
        if (posts) {
          line.keys.push_back(s.post);
          line.followers = followers.at(s.account, p.bucket);
          line.reach = reach_of(p.metrics, line.followers);
        }
        lines.push_back(std::move(line));
      }
      previous = p.metrics;
    }
  }
  return lines;
}

void add_into(Metrics& sum, const Metrics& m) {
  for (std::size_t i = 0; i < k_metric_count; ++i) {
    if (m[i]) {
      sum[i] = sum[i].value_or(0) + *m[i];
    }
  }
}

/// Campaigns or tags: each post's latest value carried forward and summed per group.
std::vector<Line> group_lines(const Collected& c, const Request& request, const Followers& followers) {
  std::set<time::Instant> bucket_set;
  for (const auto& s : c.series) {
    for (const auto& p : s.points) {
      if (!s.post.empty() && p.bucket != k_before) {
        bucket_set.insert(p.bucket);
      }
    }
  }
  std::vector<time::Instant> buckets(bucket_set.begin(), bucket_set.end());
  struct Acc {
    Metrics baseline = zeros();
    std::vector<Line> per_bucket;
  };
  std::map<std::string, Acc> groups;
  for (const auto& s : c.series) {
    auto labels = request.posts.find(s.post);
    if (s.post.empty() || labels == request.posts.end()) {
      continue;
    }
    std::vector<std::string> names;
    if (request.kind == Kind::campaigns) {
      if (!labels->second.campaign.empty()) {
        names.push_back(labels->second.campaign);
      }
    } else {
      names = labels->second.tags;
    }
    for (const auto& name : names) {
      Acc& acc = groups[name];
      if (acc.per_bucket.empty()) {
        for (auto b : buckets) {
          acc.per_bucket.push_back(Line{b, {name}, Metrics{}, std::nullopt, std::int64_t{0}, std::nullopt, std::nullopt});
        }
      }
      if (!s.points.empty() && s.points.front().bucket == k_before) {
        add_into(acc.baseline, s.points.front().metrics);
      }
      for (std::size_t i = 0; i < buckets.size(); ++i) {
        const Point* p = at_or_before(s, buckets[i]);
        if (p == nullptr || p->bucket == k_before) {
          continue;
        }
        Line& line = acc.per_bucket[i];
        add_into(line.value, p->metrics);
        line.count = *line.count + 1;
        if (auto r = reach_of(p->metrics, followers.at(s.account, buckets[i]))) {
          line.reach = line.reach.value_or(0) + *r;
        }
      }
    }
  }
  std::vector<Line> lines;
  for (auto& [name, acc] : groups) {
    std::optional<Metrics> previous = acc.baseline;
    for (auto& line : acc.per_bucket) {
      if (*line.count > 0) {
        line.previous = previous;
        previous = line.value;
        lines.push_back(std::move(line));
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

output::Table to_table(const std::vector<Line>& lines, const Request& request, const Bucketer& bucketer) {
  bool posts_like = request.kind != Kind::accounts;
  std::vector<std::string> key_columns = request.kind == Kind::posts       ? std::vector<std::string>{"account", "post"}
                                         : request.kind == Kind::accounts  ? std::vector<std::string>{"account"}
                                         : request.kind == Kind::campaigns ? std::vector<std::string>{"campaign"}
                                                                           : std::vector<std::string>{"tag"};
  std::vector<Metric> shown;
  auto candidates = posts_like ? std::vector<Metric>(std::begin(k_post_metrics), std::end(k_post_metrics))
                               : std::vector<Metric>(std::begin(k_account_metrics), std::end(k_account_metrics));
  for (Metric m : candidates) {
    if (std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.value[at(m)].has_value(); })) {
      shown.push_back(m);
    }
  }
  output::Table table;
  table.columns.push_back({"interval"});
  for (const auto& k : key_columns) {
    table.columns.push_back({k, false, true});
  }
  bool group = request.kind == Kind::campaigns || request.kind == Kind::tags;
  if (group) {
    table.columns.push_back({"posts", true});
  }
  for (Metric m : shown) {
    table.columns.push_back({std::string(k_metric_names[at(m)]), true});
  }
  if (posts_like) {
    table.columns.push_back({"interactions", true});
    table.columns.push_back({group ? "reach" : "followers", true});
    table.columns.push_back({"engagement_rate", true});
  }
  for (Metric m : shown) {
    table.columns.push_back({std::string(k_metric_names[at(m)]) + "_delta", true});
  }
  if (posts_like) {
    table.columns.push_back({"interactions_delta", true});
  }
  for (const auto& line : lines) {
    std::vector<output::Cell> row{bucketer.label(line.bucket)};
    for (const auto& k : line.keys) {
      row.emplace_back(k);
    }
    if (group) {
      row.push_back(number(line.count));
    }
    for (Metric m : shown) {
      row.push_back(number(line.value[at(m)]));
    }
    auto inter = interactions(line.value);
    if (posts_like) {
      row.push_back(number(inter));
      row.push_back(number(group ? line.reach : line.followers));
      row.push_back(inter && line.reach && *line.reach > 0
                        ? output::Cell{output::Decimal{static_cast<double>(*inter) / static_cast<double>(*line.reach), 4}}
                        : output::Cell{});
    }
    for (Metric m : shown) {
      row.push_back(line.previous ? delta(line.value[at(m)], (*line.previous)[at(m)], posts_like) : output::Cell{});
    }
    if (posts_like) {
      row.push_back(line.previous ? delta(inter, interactions(*line.previous), true) : output::Cell{});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

Result<output::Table> build(const std::filesystem::path& root, const Request& request,
                            const std::function<void(const std::string&)>& warn) {
  auto collected = collect(root, request, warn);
  if (!collected) {
    return std::unexpected(collected.error());
  }
  Followers followers(*collected);
  std::vector<Line> lines = request.kind == Kind::posts      ? series_lines(*collected, true, followers)
                            : request.kind == Kind::accounts ? series_lines(*collected, false, followers)
                                                             : group_lines(*collected, request, followers);
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.bucket, a.keys) < std::tie(b.bucket, b.keys);
  });
  Bucketer bucketer(request);
  return to_table(lines, request, bucketer);
}

}  // namespace smm::report
