// SPDX-License-Identifier: MIT
// Snapshot lines: the written bytes, appends, torn last lines, and the streaming reader.
#include "smm/report/snapshot.hpp"

#include <fstream>

#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::report {
namespace {

Snapshot post_snap(const char* at, const char* post, std::int64_t likes) {
  Snapshot s;
  s.fetched_at = *time::parse_rfc3339(at);
  s.account = "masto";
  s.post = post;
  s.remote_id = "1134";
  s[Metric::likes] = likes;
  s[Metric::reposts] = 3;
  return s;
}

std::vector<Snapshot> read_all(const std::filesystem::path& root, std::vector<std::string>& warnings,
                               const ScanOptions& options = {}) {
  std::vector<Snapshot> out;
  auto ok = scan_snapshots(
      root, options, [&](const Snapshot& s) { out.push_back(s); }, [&](const std::string& w) { warnings.push_back(w); });
  REQUIRE(ok.has_value());
  return out;
}

TEST_CASE("snapshot lines have fixed keys, UTC times and no absent metrics", "[report]") {
  Snapshot s = post_snap("2026-11-23T11:00:00+01:00", "2026-11-20-launch", 12);
  CHECK(to_line(s) ==
        "{\"fetched_at\":\"2026-11-23T10:00:00+00:00\",\"account\":\"masto\",\"post\":\"2026-11-20-launch\","
        "\"remote_id\":\"1134\",\"likes\":12,\"reposts\":3}\n");
  Snapshot acct;
  acct.fetched_at = s.fetched_at;
  acct.account = "masto";
  acct[Metric::followers] = 1200;
  acct[Metric::posts] = 0;
  CHECK(to_line(acct) == "{\"fetched_at\":\"2026-11-23T10:00:00+00:00\",\"account\":\"masto\",\"followers\":1200,\"posts\":0}\n");
  CHECK(file_for("masto", *time::parse_rfc3339("2026-12-01T00:30:00+01:00")) == "reports/masto/2026-11.jsonl");
  CHECK(find_metric("quotes") == Metric::quotes);
  CHECK_FALSE(find_metric("favourites").has_value());
}

TEST_CASE("append_snapshots appends whole lines to month files and reads them back", "[report]") {
  test::TempProject tp;
  std::vector<Snapshot> first = {post_snap("2026-11-01T10:00:00Z", "a", 1), post_snap("2026-12-01T10:00:00Z", "a", 2)};
  REQUIRE(append_snapshots(tp.dir(), first).has_value());
  REQUIRE(append_snapshots(tp.dir(), {post_snap("2026-11-02T10:00:00Z", "b", 5)}).has_value());
  CHECK(tp.read("reports/masto/2026-11.jsonl") == to_line(first[0]) + to_line(post_snap("2026-11-02T10:00:00Z", "b", 5)));
  CHECK(tp.read("reports/masto/2026-12.jsonl") == to_line(first[1]));

  std::vector<std::string> warnings;
  auto all = read_all(tp.dir(), warnings);
  REQUIRE(all.size() == 3);
  CHECK(all[0].post == "a");
  CHECK(all[1].post == "b");
  CHECK(all[1][Metric::likes] == 5);
  CHECK_FALSE(all[1][Metric::quotes].has_value());
  CHECK(all[2].fetched_at == *time::parse_rfc3339("2026-12-01T10:00:00Z"));
  CHECK(warnings.empty());

  SECTION("until skips later month files") {
    ScanOptions until{"", *time::parse_rfc3339("2026-11-30T00:00:00Z")};
    CHECK(read_all(tp.dir(), warnings, until).size() == 2);
  }
  SECTION("progress counts files") {
    std::vector<std::pair<std::size_t, std::size_t>> ticks;
    ScanOptions counted;
    counted.progress = [&](std::size_t done, std::size_t total) { ticks.emplace_back(done, total); };
    CHECK(read_all(tp.dir(), warnings, counted).size() == 3);
    CHECK(ticks == std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}, {1, 2}, {2, 2}});
  }
  SECTION("account restricts the files") {
    CHECK(read_all(tp.dir(), warnings, ScanOptions{"bsky", std::nullopt}).empty());
  }
}

TEST_CASE("a torn last line is skipped with a warning and the next append starts a new line", "[report]") {
  test::TempProject tp;
  REQUIRE(append_snapshots(tp.dir(), {post_snap("2026-11-01T10:00:00Z", "a", 1)}).has_value());
  {
    std::ofstream torn(tp.dir() / "reports/masto/2026-11.jsonl", std::ios::app);
    torn << "{\"fetched_at\":\"2026-11-02T10:00:00Z\",\"account\":\"mas";
  }
  std::vector<std::string> warnings;
  CHECK(read_all(tp.dir(), warnings).size() == 1);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("reports/masto/2026-11.jsonl:2: skipped a line that is not a snapshot: invalid JSON"));

  REQUIRE(append_snapshots(tp.dir(), {post_snap("2026-11-03T10:00:00Z", "c", 7)}).has_value());
  warnings.clear();
  auto all = read_all(tp.dir(), warnings);
  REQUIRE(all.size() == 2);
  CHECK(all[1].post == "c");
  CHECK(warnings.size() == 1);
}

TEST_CASE("the reader skips lines that are not snapshots and keeps unknown keys out", "[report]") {
  test::TempProject tp;
  std::filesystem::create_directories(tp.dir() / "reports/bsky");
  tp.write("reports/bsky/2026-11.jsonl",
           "{\"fetched_at\":\"2026-11-23T11:00:00+01:00\",\"account\":\"bsky\",\"followers\":9,\"note\":{\"x\":[1]}}\n"
           "\n"
           "[1,2]\n"
           "{\"account\":\"bsky\",\"likes\":1}\n"
           "{\"fetched_at\":\"yesterday\",\"account\":\"bsky\"}\n"
           "{\"fetched_at\":\"2026-11-23T10:00:00Z\",\"account\":\"bsky\",\"likes\":\"many\"}\n"
           "{\"fetched_at\":\"2026-11-24T10:00:00Z\",\"account\":\"bsky\",\"post\":\"p\",\"likes\":4}");
  std::vector<std::string> warnings;
  auto all = read_all(tp.dir(), warnings);
  REQUIRE(all.size() == 2);
  CHECK(all[0].fetched_at == *time::parse_rfc3339("2026-11-23T10:00:00Z"));
  CHECK(all[0][Metric::followers] == 9);
  CHECK(all[1][Metric::likes] == 4);
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0] == "reports/bsky/2026-11.jsonl:3: skipped a line that is not a snapshot: not a JSON object");
  CHECK(warnings[1] == "reports/bsky/2026-11.jsonl:4: skipped a line that is not a snapshot: missing \"fetched_at\" or \"account\"");
  CHECK(warnings[2] == "reports/bsky/2026-11.jsonl:5: skipped a line that is not a snapshot: \"fetched_at\" is not an RFC 3339 time");
  CHECK(warnings[3] == "reports/bsky/2026-11.jsonl:6: skipped a line that is not a snapshot: \"likes\" is not an integer");
}

TEST_CASE("lines longer than the read block are read whole", "[report]") {
  test::TempProject tp;
  std::filesystem::create_directories(tp.dir() / "reports/masto");
  std::string big = "{\"fetched_at\":\"2026-11-23T10:00:00Z\",\"account\":\"masto\",\"post\":\"p\",\"pad\":\"" +
                    std::string(3 << 20, 'x') + "\",\"likes\":2}\n";
  tp.write("reports/masto/2026-11.jsonl", big + big);
  std::vector<std::string> warnings;
  auto all = read_all(tp.dir(), warnings);
  REQUIRE(all.size() == 2);
  CHECK(all[1][Metric::likes] == 2);
  CHECK(warnings.empty());
}

}  // namespace
}  // namespace smm::report
