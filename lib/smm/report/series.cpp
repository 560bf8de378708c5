// SPDX-License-Identifier: MIT
#include "smm/report/series.hpp"

#include <algorithm>

namespace smm::report::detail {

Bucketer::Bucketer(const Request& request) : m_request(request) {}

std::optional<time::Instant> Bucketer::bucket(time::Instant t) {
  const auto& period = m_request.period;
  if (period.begin && t < *period.begin) {
    return k_before;
  }
  if (period.end && t >= *period.end) {
    return std::nullopt;
  }
  if (m_request.interval == time::Interval::none) {
    return period.begin.value_or(time::Instant{});
  }
  if (!m_cached || t < m_start || t >= m_end) {
    m_start = time::start_of(m_request.interval, t, m_request.zone);
    m_end = time::advance(m_request.interval, m_start, 1, m_request.zone);
    m_cached = true;
  }
  return m_start;
}

std::string Bucketer::label(time::Instant bucket) const {
  if (m_request.interval == time::Interval::none && !m_request.period.begin) {
    return "";
  }
  return time::format_rfc3339(bucket, m_request.zone).substr(0, 10);
}

namespace {

/// Keeps the later snapshot of the two for a bucket; adds the bucket when it is new.
void add_point(Series& s, time::Instant bucket, const Snapshot& snap) {
  auto it = s.points.end();
  // Snapshots arrive mostly in time order: the bucket is nearly always the last one.
  while (it != s.points.begin() && std::prev(it)->bucket > bucket) {
    --it;
  }
  if (it != s.points.begin() && std::prev(it)->bucket == bucket) {
    Point& p = *std::prev(it);
    if (snap.fetched_at >= p.fetched_at) {
      p.fetched_at = snap.fetched_at;
      p.metrics = Values::from(snap.metrics);
    }
    return;
  }
  s.points.insert(it, Point{bucket, snap.fetched_at, Values::from(snap.metrics)});
}

}  // namespace

Result<Collected> collect(const std::filesystem::path& root, const Request& request,
                          const std::function<void(const std::string&)>& warn) {
  Collected out;
  std::unordered_map<std::string, Series*> index;
  Bucketer bucketer(request);
  std::string key;
  ScanOptions scan{request.account, request.period.end, request.progress};
  auto ok = scan_snapshots(
      root, scan,
      [&](const Snapshot& snap) {
        if (!request.account.empty() && snap.account != request.account) {
          return;
        }
        auto bucket = bucketer.bucket(snap.fetched_at);
        if (!bucket) {
          return;
        }
        key.assign(snap.account);
        key.push_back('\0');
        key.append(snap.post);
        auto found = index.find(key);
        if (found == index.end()) {
          out.series.push_back(Series{snap.account, snap.post, snap.remote_id, {}});
          found = index.emplace(key, &out.series.back()).first;
        }
        add_point(*found->second, *bucket, snap);
      },
      warn);
  if (!ok) {
    return std::unexpected(ok.error());
  }
  std::sort(out.series.begin(), out.series.end(), [](const Series& a, const Series& b) {
    return std::tie(a.account, a.post) < std::tie(b.account, b.post);
  });
  return out;
}

const Point* at_or_before(const Series& s, time::Instant bucket) {
  auto after = std::upper_bound(s.points.begin(), s.points.end(), bucket,
                                [](time::Instant b, const Point& p) { return b < p.bucket; });
  return after == s.points.begin() ? nullptr : &*std::prev(after);
}

}  // namespace smm::report::detail
