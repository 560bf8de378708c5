// SPDX-License-Identifier: MIT
// smm report response and smm report html driven in process over inbox items, triage state and
// snapshots written in their documented formats: figures, formats, intervals, a self-contained
// and deterministic page, escaping, empty data.
#include <fmt/format.h>

#include <filesystem>

#include "smm/report/snapshot.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

std::string item_line(const char* id, const char* account, const char* kind, const char* created,
                      const char* text = "Is it out yet?") {
  nlohmann::ordered_json j = {{"id", id},
                              {"account", account},
                              {"platform", "mastodon"},
                              {"kind", kind},
                              {"remote_id", id},
                              {"text", text},
                              {"created_at", created},
                              {"source", "notifications"},
                              {"cursor", id},
                              {"synced_at", "2026-11-23T09:00:00Z"}};
  return j.dump() + "\n";
}

std::string replied(const char* id, const char* at) {
  return fmt::format(
      R"("{}": {{"status": "done", "replies": [{{"state": "published", "key": "k-{}", "text": "Thanks!", "at": "{}", "remote_id": "r-{}"}}]}})",
      id, id, at, id);
}

/// masto: four items in November (one watch, one unanswered and old, one answered in 30 min, a DM
/// answered in 26 h) and one in October answered in 2 h; the clock is 2026-11-23T10:00Z.
void seed_inbox(const TempProject& tp) {
  std::filesystem::create_directories(tp.dir() / "inbox/masto");
  tp.write("inbox/masto/2026-10.jsonl",
           item_line("a000000001", "masto", "reply", "2026-10-20T08:00:00Z"));
  tp.write("inbox/masto/2026-11.jsonl",
           item_line("a000000002", "masto", "mention", "2026-11-02T08:00:00Z") +
               item_line("a000000003", "masto", "watch", "2026-11-02T09:00:00Z") +
               item_line("a000000004", "masto", "reply", "2026-11-10T08:00:00Z") +
               item_line("a000000005", "masto", "dm", "2026-11-20T08:00:00Z"));
  tp.write("inbox/masto/state.json", "{\"items\": {" +
                                         replied("a000000001", "2026-10-20T10:00:00Z") + ", " +
                                         replied("a000000004", "2026-11-10T08:30:00Z") + ", " +
                                         replied("a000000005", "2026-11-21T10:00:00Z") + "}}\n");
}

const std::string k_header =
    "interval\taccount\titems\tanswered\tanswered_within_24h\tshare_within_24h\tmedian_response_"
    "s\tp90_response_s\topen\n";

TEST_CASE("report response: time to first reply per account and interval",
          "[cmd][report][response]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  seed_inbox(tp);

  SECTION("monthly, in seconds for spreadsheets") {
    auto r = tp.run({"report", "response", "-M"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == k_header +
                       "2026-10-01\tmasto\t1\t1\t1\t1.0000\t7200\t7200\t0\n"
                       "2026-11-01\tmasto\t3\t2\t1\t0.3333\t1800\t93600\t1\n");
  }

  SECTION("one period, json") {
    auto r = tp.run({"report", "response", "-p", "2026-11", "--json"});
    CHECK(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0]["interval"] == "2026-11-01");
    CHECK(j[0]["items"] == 3);
    CHECK(j[0]["share_within_24h"] == 0.3333);
    CHECK(j[0]["median_response_s"] == 1800);
    CHECK(j[0]["p90_response_s"] == 93600);
  }

  SECTION("a table shows durations") {
    auto r = tp.run({"report", "response", "-p", "2026-11", "--format", "table"});
    CHECK(r.code == 0);
    CHECK(r.out.find("30m") != std::string::npos);
    CHECK(r.out.find("1d2h") != std::string::npos);
  }

  SECTION("csv") {
    auto r = tp.run({"report", "response", "-p", "2026-10", "--format", "csv"});
    CHECK(r.out ==
          "interval,account,items,answered,answered_within_24h,share_within_24h,median_response_s,"
          "p90_response_s,open\n"
          "2026-10-01,masto,1,1,1,1.0000,7200,7200,0\n");
  }

  SECTION("nothing in the period: no output, exit 0") {
    auto r = tp.run({"report", "response", "-p", "2025"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
  }

  SECTION("an unknown account is a usage error") {
    auto r = tp.run({"report", "response", "--account", "mastp"});
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean \"masto\"") != std::string::npos);
  }
}

void seed_snapshots(const TempProject& tp, const char* text) {
  project::Post p;
  p.id = "2026-11-10-launch";
  p.targets = {"masto"};
  p.text = text;
  p.set_at(*time::parse_rfc3339("2026-11-10T08:00:00Z"), *time::find_zone("Europe/Paris"));
  p.publish["masto"] = project::TargetState{"published",
                                            "1134",
                                            "https://example.social/@acme/1134",
                                            "2026-11-10T08:00:05Z",
                                            "",
                                            false,
                                            1,
                                            {},
                                            project::Json::object()};
  tp.save(p);
  auto snap = [](const char* at, const char* post, std::int64_t likes, std::int64_t followers) {
    report::Snapshot s;
    s.fetched_at = *time::parse_rfc3339(at);
    s.account = "masto";
    s.post = post;
    if (*post != '\0') {
      s[report::Metric::likes] = likes;
      s[report::Metric::reposts] = 2;
    } else {
      s[report::Metric::followers] = followers;
    }
    return s;
  };
  REQUIRE(report::append_snapshots(
              tp.dir(),
              {snap("2026-11-09T10:00:00Z", "", 0, 1200), snap("2026-11-12T10:00:00Z", "", 0, 1234),
               snap("2026-11-12T10:00:00Z", "2026-11-10-launch", 40, 0)})
              .has_value());
}

TEST_CASE("report html: one self-contained page", "[cmd][report][html]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  seed_inbox(tp);
  seed_snapshots(tp, "Launch day! <script>alert(1)</script> & more");
  auto r = tp.run({"report", "html", "-p", "2026-11", "--title", "Acme <November>"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  const std::string& page = r.out;

  SECTION("HTML5 with inline charts and the sections") {
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(page.ends_with("</html>\n"));
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("<polyline") != std::string::npos);  // followers over time
    CHECK(page.find("Acme &lt;November&gt;") != std::string::npos);
    for (const char* id : {"id=\"followers\"", "id=\"posts\"", "id=\"top\"", "id=\"response\""}) {
      CHECK(page.find(id) != std::string::npos);
    }
    CHECK(page.find("1,234") != std::string::npos);  // latest followers
  }

  SECTION("self-contained: no scripts, no external URLs except the post links") {
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") != std::string::npos);
    std::size_t at = 0;
    std::size_t urls = 0;
    while ((at = page.find("://", at)) != std::string::npos) {
      std::string_view link = "href=\"https://example.social/@acme/1134\"";
      CHECK(page.compare(at - 11, link.size(), link) == 0);
      ++urls;
      at += 3;
    }
    CHECK(urls == 1);
    CHECK(page.find(" src=") == std::string::npos);
    CHECK(page.find("url(") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);
  }

  SECTION("the same data and clock give the same bytes, to stdout or -o") {
    auto again = tp.run({"report", "html", "-p", "2026-11", "--title", "Acme <November>"});
    CHECK(again.out == page);
    auto file = tp.run(
        {"report", "html", "-p", "2026-11", "--title", "Acme <November>", "-o", "report.html"});
    CHECK(file.code == 0);
    CHECK(file.out.empty());
    CHECK(tp.read("report.html") == page);
  }

  SECTION("response figures") {
    CHECK(page.find("33% answered within 24 h") != std::string::npos);
    CHECK(page.find(">30m<") != std::string::npos);
  }
}

TEST_CASE("report html: empty data gives a page that says so", "[cmd][report][html]") {
  TempProject tp;
  auto r = tp.run({"report", "html"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("No account snapshots in this period") != std::string::npos);
  CHECK(r.out.find("No post snapshots in this period") != std::string::npos);
  CHECK(r.out.find("No inbox items in this period") != std::string::npos);
  CHECK(r.out.find("all stored data") != std::string::npos);
  CHECK(r.out.find("<svg") == std::string::npos);
}

}  // namespace
}  // namespace smm::test
