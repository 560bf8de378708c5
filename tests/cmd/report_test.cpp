// SPDX-License-Identifier: MIT
// smm report posts|accounts|campaigns|tags driven in process over stored snapshots: intervals in
// the project's zone, latest snapshot per interval, deltas, engagement rate, formats, errors.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "smm/report/snapshot.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

using report::Metric;

report::Snapshot snap(const char* at, const char* post, std::initializer_list<std::pair<Metric, std::int64_t>> values) {
  report::Snapshot s;
  s.fetched_at = *time::parse_rfc3339(at);
  s.account = "masto";
  s.post = post;
  for (const auto& [m, v] : values) {
    s[m] = v;
  }
  return s;
}

void add_post(const TempProject& tp, const char* id, const char* campaign, std::vector<std::string> tags) {
  project::Post p;
  p.id = id;
  p.targets = {"feed"};
  p.text = "Hello";
  p.set_at(*time::parse_rfc3339("2026-10-20T08:00:00Z"), *time::find_zone("Europe/Paris"));
  p.campaign = campaign;
  p.tags = std::move(tags);
  tp.save(p);
}

/// Account masto: two months of account figures and two posts; 2026-10-31T23:30Z is already
/// November in Paris, the project's zone.
void seed(const TempProject& tp) {
  add_post(tp, "a", "launch", {"launch", "news"});
  add_post(tp, "b", "", {"news"});
  using enum Metric;
  std::vector<report::Snapshot> all = {
      snap("2026-10-15T10:00:00Z", "", {{followers, 100}, {following, 10}, {posts, 50}}),
      snap("2026-10-20T10:00:00Z", "a", {{likes, 5}, {reposts, 1}, {replies, 0}}),
      snap("2026-10-31T23:30:00Z", "a", {{likes, 8}, {reposts, 2}, {replies, 1}}),
      snap("2026-11-10T10:00:00Z", "", {{followers, 120}, {following, 12}, {posts, 55}}),
      snap("2026-11-12T10:00:00Z", "b", {{impressions, 200}, {likes, 4}, {reposts, 0}, {replies, 1}}),
      snap("2026-11-15T10:00:00Z", "a", {{likes, 10}, {reposts, 2}, {replies, 2}}),
      snap("2026-11-20T10:00:00Z", "", {{followers, 130}, {following, 12}, {posts, 56}}),
  };
  REQUIRE(report::append_snapshots(tp.dir(), all).has_value());
}

const std::string k_post_header =
    "interval\taccount\tpost\timpressions\tlikes\treposts\treplies\tinteractions\tfollowers\tengagement_rate\t"
    "impressions_delta\tlikes_delta\treposts_delta\treplies_delta\tinteractions_delta\n";

TEST_CASE("report posts: latest snapshot per month, deltas, engagement rate", "[cmd][report]") {
  TempProject tp;
  seed(tp);
  auto r = tp.run({"report", "posts", "-M"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == k_post_header +
                     "2026-10-01\tmasto\ta\t\t5\t1\t0\t6\t100\t0.0600\t\t5\t1\t0\t6\n"
                     "2026-11-01\tmasto\ta\t\t10\t2\t2\t14\t130\t0.1077\t\t5\t1\t2\t8\n"
                     "2026-11-01\tmasto\tb\t200\t4\t0\t1\t5\t130\t0.0250\t200\t4\t0\t1\t5\n");

  SECTION("a period without interval is one row per post, with deltas from before it") {
    auto nov = tp.run({"report", "posts", "-p", "2026-11"});
    CHECK(nov.out == k_post_header +
                         "2026-11-01\tmasto\ta\t\t10\t2\t2\t14\t130\t0.1077\t\t5\t1\t2\t8\n"
                         "2026-11-01\tmasto\tb\t200\t4\t0\t1\t5\t130\t0.0250\t200\t4\t0\t1\t5\n");
    // 23:30 UTC on Oct 31 is Nov 1 in Paris: October ends with the 10-20 snapshot.
    auto oct = tp.run({"report", "posts", "-p", "2026-10", "--format", "csv"});
    CHECK(oct.out ==
          "interval,account,post,likes,reposts,replies,interactions,followers,engagement_rate,likes_delta,"
          "reposts_delta,replies_delta,interactions_delta\n2026-10-01,masto,a,5,1,0,6,100,0.0600,5,1,0,6\n");
  }
  SECTION("periods in hledger's words and ranges") {
    CHECK(tp.run({"report", "posts", "-p", "last month"}).out == tp.run({"report", "posts", "-p", "2026-10"}).out);
    auto range = tp.run({"report", "posts", "-W", "-p", "2026-11-09..2026-11-16"});
    CHECK(range.out == k_post_header +
                           "2026-11-09\tmasto\ta\t\t10\t2\t2\t14\t120\t0.1167\t\t2\t0\t1\t3\n"
                           "2026-11-09\tmasto\tb\t200\t4\t0\t1\t5\t120\t0.0250\t200\t4\t0\t1\t5\n");
  }
  SECTION("json has numbers and nulls") {
    auto json = nlohmann::json::parse(tp.run({"report", "posts", "-M", "--json"}).out);
    REQUIRE(json.size() == 3);
    CHECK(json[1]["engagement_rate"] == 0.1077);
    CHECK(json[1]["impressions"].is_null());
    CHECK(json[2]["impressions_delta"] == 200);
  }
}

TEST_CASE("report accounts: followers and deltas; none before the first snapshot", "[cmd][report]") {
  TempProject tp;
  seed(tp);
  auto r = tp.run({"report", "accounts", "-M"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "interval\taccount\tfollowers\tfollowing\tposts\tfollowers_delta\tfollowing_delta\tposts_delta\n"
        "2026-10-01\tmasto\t100\t10\t50\t\t\t\n"
        "2026-11-01\tmasto\t130\t12\t56\t30\t2\t6\n");
  auto all = tp.run({"report", "accounts"});
  CHECK(all.out ==
        "interval\taccount\tfollowers\tfollowing\tposts\tfollowers_delta\tfollowing_delta\tposts_delta\n"
        "\tmasto\t130\t12\t56\t\t\t\n");
}

TEST_CASE("report campaigns and tags sum their posts' latest values", "[cmd][report]") {
  TempProject tp;
  seed(tp);
  auto campaigns = tp.run({"report", "campaigns", "-M"});
  CHECK(campaigns.code == 0);
  CHECK(campaigns.out ==
        "interval\tcampaign\tposts\tlikes\treposts\treplies\tinteractions\treach\tengagement_rate\tlikes_delta\t"
        "reposts_delta\treplies_delta\tinteractions_delta\n"
        "2026-10-01\tlaunch\t1\t5\t1\t0\t6\t100\t0.0600\t5\t1\t0\t6\n"
        "2026-11-01\tlaunch\t1\t10\t2\t2\t14\t130\t0.1077\t5\t1\t2\t8\n");
  auto tags = tp.run({"report", "tags", "-M"});
  CHECK(tags.out ==
        "interval\ttag\tposts\timpressions\tlikes\treposts\treplies\tinteractions\treach\tengagement_rate\t"
        "impressions_delta\tlikes_delta\treposts_delta\treplies_delta\tinteractions_delta\n"
        "2026-10-01\tlaunch\t1\t\t5\t1\t0\t6\t100\t0.0600\t\t5\t1\t0\t6\n"
        "2026-10-01\tnews\t1\t\t5\t1\t0\t6\t100\t0.0600\t\t5\t1\t0\t6\n"
        "2026-11-01\tlaunch\t1\t\t10\t2\t2\t14\t130\t0.1077\t\t5\t1\t2\t8\n"
        "2026-11-01\tnews\t2\t200\t14\t2\t3\t19\t330\t0.0576\t200\t9\t1\t3\t13\n");
}

TEST_CASE("report tags: posts measured only before the period count with their last value", "[cmd][report]") {
  TempProject tp;
  seed(tp);
  // b was last measured on 11-12, before the period: it counts in "news" and in its baseline.
  auto r = tp.run({"report", "tags", "-p", "2026-11-14..2026-12-01"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "interval\ttag\tposts\timpressions\tlikes\treposts\treplies\tinteractions\treach\tengagement_rate\t"
        "impressions_delta\tlikes_delta\treposts_delta\treplies_delta\tinteractions_delta\n"
        "2026-11-14\tlaunch\t1\t\t10\t2\t2\t14\t130\t0.1077\t\t2\t0\t1\t3\n"
        "2026-11-14\tnews\t2\t200\t14\t2\t3\t19\t330\t0.0576\t0\t2\t0\t1\t3\n");
}

TEST_CASE("report: empty results, --account, torn lines and usage errors", "[cmd][report]") {
  TempProject tp;
  auto empty = tp.run({"report", "posts"});
  CHECK(empty.code == 0);
  CHECK(empty.out.empty());
  CHECK(empty.err.empty());
  auto tty = tp.run({"report", "posts"}, {.tty = true});
  CHECK(tty.out.empty());
  CHECK(tty.err == "nothing to show\n");

  seed(tp);
  CHECK(tp.run({"report", "accounts", "--account", "masto"}).out == tp.run({"report", "accounts"}).out);
  CHECK(tp.run({"report", "accounts", "--account", "feed"}).out.empty());
  auto unknown = tp.run({"report", "posts", "--account", "masta"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "smm: error: --account: unknown account \"masta\"\nhint: did you mean \"masto\"?\n");

  tp.write("reports/masto/2026-12.jsonl", "{\"fetched_at\":\"2026-12-01T10:00:00Z\",\"acc");
  auto torn = tp.run({"report", "accounts"});
  CHECK(torn.code == 0);
  CHECK(torn.err.starts_with("smm: warning: reports/masto/2026-12.jsonl:1: skipped a line that is not a snapshot: invalid JSON"));

  auto two = tp.run({"report", "posts", "-M", "-W"});
  CHECK(two.code == 2);
  CHECK(two.err == "smm: error: choose one interval: -D, -W, -M, -Q or -Y\nhint: e.g. `smm report posts -M -p 2026`\n");
  auto bad = tp.run({"report", "posts", "-p", "someday"});
  CHECK(bad.code == 2);
  CHECK(bad.err.starts_with("smm: error: -p: "));
  CHECK(tp.run({"report"}).code == 2);
}

TEST_CASE("report: more rows than a slice stream with one header in every format", "[cmd][report]") {
  TempProject tp;
  std::vector<report::Snapshot> many;
  for (int i = 0; i < 9000; ++i) {
    std::string id = fmt::format("p{:05}", i);
    many.push_back(snap("2026-11-10T10:00:00Z", id.c_str(), {{Metric::likes, i}}));
  }
  REQUIRE(report::append_snapshots(tp.dir(), many).has_value());
  auto tsv = tp.run({"report", "posts"});
  CHECK(tsv.code == 0);
  CHECK(std::count(tsv.out.begin(), tsv.out.end(), '\n') == 9001);
  CHECK(tsv.out.starts_with("interval\taccount\tpost\tlikes\t"));
  CHECK(tsv.out.find("\ninterval\t") == std::string::npos);
  CHECK(tsv.out.ends_with("\tmasto\tp08999\t8999\t8999\t\t\t8999\t8999\n"));
  REQUIRE(tp.run({"report", "posts", "-o", "posts.csv"}).code == 0);
  std::string csv = tp.read("posts.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 9001);
  CHECK(csv.find("\ninterval,") == std::string::npos);
  auto jsonl = tp.run({"report", "posts", "--format", "jsonl"});
  CHECK(std::count(jsonl.out.begin(), jsonl.out.end(), '\n') == 9000);
  CHECK(nlohmann::json::parse(tp.run({"report", "posts", "--json"}).out).size() == 9000);
}

}  // namespace
}  // namespace smm::test
