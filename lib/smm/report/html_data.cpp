// SPDX-License-Identifier: MIT
#include "smm/report/html_data.hpp"

#include <algorithm>
#include <set>

#include "smm/report/report.hpp"
#include "smm/report/series.hpp"

namespace smm::report::detail {
namespace {

using Warn = std::function<void(const std::string&)>;

Request snapshot_request(const HtmlRequest& r, Kind kind, time::Interval interval) {
  Request out;
  out.kind = kind;
  out.period = r.period;
  out.interval = interval;
  out.zone = r.zone;
  out.account = r.account;
  return out;
}

std::optional<std::int64_t> int_cell(const output::Cell& c) {
  const auto* n = std::get_if<std::int64_t>(&c);
  return n != nullptr ? std::optional(*n) : std::nullopt;
}

bool is_web_link(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

Result<std::vector<PostRow>> post_rows(const std::filesystem::path& root, const HtmlRequest& r,
                                       const Warn& warn) {
  auto table = build(root, snapshot_request(r, Kind::posts, time::Interval::none), warn);
  if (!table) {
    return std::unexpected(table.error());
  }
  auto col = [&](std::string_view key) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < table->columns.size(); ++i) {
      if (table->columns[i].key == key) {
        return i;
      }
    }
    return std::nullopt;
  };
  auto value = [&](const std::vector<output::Cell>& row, std::string_view key) {
    auto i = col(key);
    return i ? int_cell(row[*i]) : std::nullopt;
  };
  std::vector<PostRow> out;
  for (const auto& row : table->rows) {
    PostRow p;
    p.account = std::get<std::string>(row[*col("account")]);
    p.post = std::get<std::string>(row[*col("post")]);
    p.likes = value(row, "likes");
    p.reposts = value(row, "reposts");
    p.replies = value(row, "replies");
    p.interactions = value(row, "interactions").value_or(0);
    if (auto i = col("engagement_rate"); i && std::holds_alternative<output::Decimal>(row[*i])) {
      p.rate = std::get<output::Decimal>(row[*i]).value;
    }
    if (auto known = r.posts.find(p.post); known != r.posts.end()) {
      p.text = known->second.text;
      if (auto t = known->second.targets.find(p.account); t != known->second.targets.end()) {
        p.published = t->second.at;
        p.url = is_web_link(t->second.url) ? t->second.url : "";
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<svg::Line>> follower_lines(const std::filesystem::path& root,
                                              const HtmlRequest& r, const Warn& warn) {
  auto collected =
      detail::collect(root, snapshot_request(r, Kind::accounts, time::Interval::day), warn);
  if (!collected) {
    return std::unexpected(collected.error());
  }
  std::vector<svg::Line> out;
  for (const auto& s : collected->series) {
    if (!s.post.empty()) {
      continue;
    }
    svg::Line line{s.account, "", {}};
    for (const auto& p : s.points) {
      auto followers = p.metrics[static_cast<std::size_t>(Metric::followers)];
      if (p.bucket != detail::k_before && followers) {
        line.points.emplace_back(p.bucket, *followers);
      }
    }
    if (!line.points.empty()) {
      out.push_back(std::move(line));
    }
  }
  return out;
}

}  // namespace

std::string colour_of(const Data& d, const std::string& account) {
  auto at = std::lower_bound(d.names.begin(), d.names.end(), account);
  return std::string(svg::colour(static_cast<std::size_t>(at - d.names.begin())));
}

Result<Data> gather(const std::filesystem::path& root, const HtmlRequest& r,
                    const Warn& warn_once) {
  // The snapshots are read twice (followers, posts): say each bad line once.
  std::set<std::string> said;
  Warn warn = [&](const std::string& w) {
    if (said.insert(w).second) {
      warn_once(w);
    }
  };
  Data d;
  auto followers = follower_lines(root, r, warn);
  auto posts = followers ? post_rows(root, r, warn) : std::unexpected(followers.error());
  ResponseRequest rr{r.period, time::Interval::week, r.zone, r.account, r.now};
  auto items = posts ? load_response_items(root, rr, warn) : std::unexpected(posts.error());
  if (!items) {
    return std::unexpected(items.error());
  }
  d.followers = std::move(*followers);
  d.posts = std::move(*posts);
  std::set<std::string> names;
  for (const auto& l : d.followers) {
    names.insert(l.name);
  }
  for (const auto& p : d.posts) {
    names.insert(p.account);
  }
  d.names.assign(names.begin(), names.end());
  for (auto& l : d.followers) {
    l.colour = colour_of(d, l.name);
  }
  rr.interval = time::Interval::none;
  d.accounts = summarize(*items, rr);
  // Everything under one (empty) account name for the page's totals and weekly chart.
  for (auto& item : *items) {
    item.account.clear();
  }
  rr.account.clear();
  d.overall = summarize(*items, rr);
  rr.interval = time::Interval::week;
  d.weekly = summarize(*items, rr);
  return d;
}

}  // namespace smm::report::detail
