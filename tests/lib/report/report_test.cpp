// SPDX-License-Identifier: MIT
// report::build over snapshots: what is shown without followers, daily buckets in a zone,
// snapshots after the period, and days with several snapshots.
#include "smm/report/report.hpp"

#include "smm/report/snapshot.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::report {
namespace {

Snapshot likes(const char* at, const char* post, std::int64_t n) {
  Snapshot s;
  s.fetched_at = *time::parse_rfc3339(at);
  s.account = "bsky";
  s.post = post;
  s[Metric::likes] = n;
  return s;
}

std::vector<std::string> texts(const output::Table& table) {
  std::vector<std::string> out;
  for (const auto& row : table.rows) {
    std::string line;
    for (const auto& cell : row) {
      if (const auto* s = std::get_if<std::string>(&cell)) {
        line += *s;
      } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
        line += std::to_string(*n);
      } else if (const auto* d = std::get_if<output::Decimal>(&cell)) {
        line += std::to_string(d->value);
      }
      line += "|";
    }
    out.push_back(line);
  }
  return out;
}

TEST_CASE("report posts without account snapshots have no followers and no rate", "[report]") {
  test::TempProject tp;
  REQUIRE(append_snapshots(tp.dir(), {likes("2026-11-02T10:00:00Z", "p", 3), likes("2026-11-02T12:00:00Z", "p", 5),
                                      likes("2026-11-01T22:30:00Z", "p", 1), likes("2026-11-03T10:00:00Z", "p", 9)})
              .has_value());
  Request request;
  request.zone = *time::find_zone("Asia/Tokyo");
  request.interval = time::Interval::day;
  request.period.end = *time::parse_rfc3339("2026-11-03T00:00:00+09:00");
  std::vector<std::string> warnings;
  auto table = build(tp.dir(), request, [&](const std::string& w) { warnings.push_back(w); });
  REQUIRE(table.has_value());
  std::vector<std::string> keys;
  for (const auto& c : table->columns) {
    keys.push_back(c.key);
  }
  CHECK(keys == std::vector<std::string>{"interval", "account", "post", "likes", "interactions", "followers",
                                         "engagement_rate", "likes_delta", "interactions_delta"});
  // 22:30Z on Nov 1 is Nov 2 in Tokyo; the two later ones on Nov 2 (UTC) are Nov 2 there too;
  // Nov 3 10:00Z is after the period.
  CHECK(texts(*table) == std::vector<std::string>{"2026-11-02|bsky|p|5|5|||5|5|"});
  CHECK(warnings.empty());
}

}  // namespace
}  // namespace smm::report
