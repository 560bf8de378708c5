// SPDX-License-Identifier: MIT
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cmd/root.hpp"
#include "smm/io/test_streams.hpp"
#include "smm/project/files.hpp"
#include "smm/project/init.hpp"
#include "smm/project/project.hpp"
#include "support/catch.hpp"

namespace fs = std::filesystem;

namespace {

const std::string k_now = "2026-11-23T10:00:00Z";  // Monday, 11:00 in Paris

smm::time::Instant at(std::string_view rfc3339) {
  return smm::time::parse_rfc3339(rfc3339).value();
}

// A fresh project (Europe/Paris, accounts feed and masto in New York) with a week of posts.
class TempProject {
 public:
  TempProject() {
    std::string pattern = (fs::temp_directory_path() / "smm-calendar-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    m_dir = pattern;
    REQUIRE(smm::project::init(m_dir, {.name = "Acme, Inc.", .zone = "Europe/Paris"}, at(k_now)));
    smm::project::Account masto;
    masto.name = "masto";
    masto.platform = "mastodon";
    masto.server = "https://mastodon.example";
    masto.handle = "acme";
    masto.zone = "America/New_York";
    REQUIRE(smm::project::save_account(m_dir, masto));
    add("2026-11-23-teaser", "2026-11-23T07:30:00Z", "Teaser: something big is coming")
        .publish["feed"] = smm::project::TargetState{.state = "published", .remote_id = "1", .url = "https://example.com/teaser", .at = k_now};
    auto& launch =
        add("2026-11-24-launch", "2026-11-24T08:00:00Z", "Launch day! Our new app is out, try it");
    launch.targets = {"feed", "masto"};
    launch.tags = {"launch", "app"};
    launch.variants = {{"masto", "Mastodon launch!"}};
    add("2026-11-25-tip", "2026-11-25T12:00:00Z", "Tip; use slots, not times\nSecond line").status =
        "queued";
    add("2026-11-26-idea", "2026-11-26T09:00:00Z", "Half an idea").status = "draft";
    add("2026-11-27-webinar", "2026-11-27T08:00:00Z", "Webinar reminder").publish["feed"] = {
        "failed", "", "", "", "HTTP 500", {}};
    add("2026-11-30-party", "2026-11-30T17:00:00Z", "🎉 日本語 party").targets = {"masto"};
    add("2026-12-01-december", "2026-12-01T09:00:00Z", "December is here");
    for (const auto& p : m_posts) {
      REQUIRE(smm::project::save_post(m_dir, p));
    }
  }
  ~TempProject() { fs::remove_all(m_dir); }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  [[nodiscard]] const fs::path& dir() const { return m_dir; }

 private:
  smm::project::Post& add(const std::string& id, std::string_view when, const std::string& text) {
    smm::project::Post p;
    p.id = id;
    p.set_at(at(when), smm::time::find_zone("Europe/Paris").value());
    p.targets = {"feed"};
    p.text = text;
    p.created = k_now;
    m_posts.push_back(p);
    return m_posts.back();
  }

  fs::path m_dir;
  std::vector<smm::project::Post> m_posts;
};

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome run(const TempProject& project, std::vector<std::string> args, bool tty = false,
            int width = 120) {
  smm::io::TestStreams io(tty, width);
  smm::Context ctx{io, [] { return at("2030-01-01T00:00:00Z"); }, project.dir(), smm::Env{}};
  args.insert(args.begin(), {"--now", k_now, "plan", "calendar"});
  int code = smm::cmd::run(args, ctx);
  return {code, io.out_text(), io.err_text()};
}

std::string strip_sgr(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
      continue;
    }
    out += text[i];
  }
  return out;
}

const std::string k_week =
    "Week 48, 23–29 November 2026 (Europe/Paris)\n"
    "\n"
    "Mon 23          |Tue 24          |Wed 25          |Thu 26          |Fri 27          |Sat 28   "
    "       |Sun 29\n"
    "----------------+----------------+----------------+----------------+----------------+---------"
    "-------+----------------\n"
    "08:30 *         |09:00           |13:00           |                |09:00 !         |         "
    "       |\n"
    "Teaser:         |Launch day! Our |Tip; use slots, |                |Webinar reminder|         "
    "       |\n"
    "something big is|new app is out, |not times Second|                |                |         "
    "       |\n"
    "coming          |try it          |line            |                |                |         "
    "       |\n"
    "\n"
    "* published   ! failed or missed\n";

// The common 80-column terminal: ten columns a day, each post wrapped under its time.
const std::string k_week_80 =
    "Week 48, 23–29 November 2026 (Europe/Paris)\n"
    "\n"
    "Mon 23    |Tue 24    |Wed 25    |Thu 26    |Fri 27    |Sat 28    |Sun 29\n"
    "----------+----------+----------+----------+----------+----------+----------\n"
    "08:30 *   |09:00     |13:00     |          |09:00 !   |          |\n"
    "Teaser:   |Launch    |Tip; use  |          |Webinar   |          |\n"
    "something |day! Our  |slots, not|          |reminder  |          |\n"
    "big is…   |new app i…|times…    |          |          |          |\n"
    "\n"
    "* published   ! failed or missed\n";

const std::string k_rule =
    "----------+----------+----------+----------+----------+----------+----------\n";

const std::string k_month =
    "November 2026 (Europe/Paris)\n"
    "\n"
    "Mon       |Tue       |Wed       |Thu       |Fri       |Sat       |Sun\n" +
    k_rule + "          |          |          |          |          |          |1\n" + k_rule +
    "2         |3         |4         |5         |6         |7         |8\n" + k_rule +
    "9         |10        |11        |12        |13        |14        |15\n" + k_rule +
    "16        |17        |18        |19        |20        |21        |22\n" + k_rule +
    "23        |24        |25        |26        |27        |28        |29\n"
    "08:30 *   |09:00     |13:00     |          |09:00 !   |          |\n"
    "Teaser: s…|Launch da…|Tip; use… |          |Webinar r…|          |\n" +
    k_rule +
    "30        |          |          |          |          |          |\n"
    "18:00     |          |          |          |          |          |\n"
    "🎉 日本語…|          |          |          |          |          |\n"
    "\n"
    "* published   ! failed or missed\n";

}  // namespace

TEST_CASE("plan calendar shows the current week by default", "[plan][calendar]") {
  TempProject project;
  auto r = run(project, {});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == k_week);
  CHECK(run(project, {"--week", "-p", "2026-11-29"}).out == k_week);
}

TEST_CASE("plan calendar --week wraps posts to an 80-column terminal", "[plan][calendar]") {
  TempProject project;
  SECTION("not a terminal: no colour") {
    auto r = run(project, {"--week"}, false, 80);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == k_week_80);
  }
  SECTION("a terminal: the same lines, today highlighted, published dim, failed red") {
    auto r = run(project, {"--week"}, true, 80);
    CHECK(r.code == 0);
    CHECK(strip_sgr(r.out) == k_week_80);
    CHECK(r.out.find("\n\x1b[1;7mMon 23\x1b[0m    |") != std::string::npos);
    CHECK(r.out.find("\n\x1b[2m08:30 *\x1b[0m   |") != std::string::npos);
    CHECK(r.out.find("\n\x1b[2mbig is…\x1b[0m   |") != std::string::npos);
    CHECK(r.out.find("|\x1b[31m09:00 !\x1b[0m   |") != std::string::npos);
    CHECK(r.out.find("|\x1b[31mreminder\x1b[0m  |") != std::string::npos);
  }
}

TEST_CASE("plan calendar --month shows the month grid", "[plan][calendar]") {
  TempProject project;
  SECTION("not a terminal: no colour") {
    auto r = run(project, {"--month"}, false, 80);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == k_month);
    CHECK(run(project, {"--month", "-p", "2026-11"}, false, 80).out == k_month);
  }
  SECTION("a terminal: the same grid, today highlighted, published dim, failed red") {
    auto r = run(project, {"--month"}, true, 80);
    CHECK(r.code == 0);
    CHECK(strip_sgr(r.out) == k_month);
    CHECK(r.out.find("\x1b[1;7m23\x1b[0m") != std::string::npos);
    CHECK(r.out.find("\x1b[2m08:30 *\x1b[0m   |") != std::string::npos);
    CHECK(r.out.find("\x1b[2mTeaser: s…\x1b[0m|") != std::string::npos);
    CHECK(r.out.find("\x1b[31m09:00 !\x1b[0m   |") != std::string::npos);
    CHECK(r.out.find("\x1b[31mWebinar r…\x1b[0m|") != std::string::npos);
  }
  SECTION("another month") {
    auto r = run(project, {"--month", "-p", "next month"}, false, 80);
    CHECK(r.out.starts_with("December 2026 (Europe/Paris)\n"));
    CHECK(r.out.find("|1         |") != std::string::npos);
    CHECK(r.out.find("|10:00     |") != std::string::npos);
    CHECK(r.out.find("|December… |") != std::string::npos);
  }
}

TEST_CASE("plan calendar --account filters and uses the account's zone", "[plan][calendar]") {
  TempProject project;
  auto r = run(project, {"--account", "masto"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Week 48, 23–29 November 2026 (America/New_York)\n"
        "\n"
        "Mon 23          |Tue 24          |Wed 25          |Thu 26          |Fri 27          |Sat "
        "28          |Sun 29\n"
        "----------------+----------------+----------------+----------------+----------------+-----"
        "-----------+----------------\n"
        "                |03:00           |                |                |                |     "
        "           |\n"
        "                |Mastodon launch!|                |                |                |     "
        "           |\n");
  auto unknown = run(project, {"--account", "mastodon"});
  CHECK(unknown.code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("unknown account \"mastodon\"") != std::string::npos);
}

TEST_CASE("plan calendar reports invalid posts and still shows the rest", "[plan][calendar]") {
  TempProject project;
  std::ofstream(project.dir() / "posts" / "2026-11-28-broken.json")
      << "{\"status\": \"scheduled\",";
  auto r = run(project, {});
  CHECK(r.code == 1);
  CHECK(r.out == k_week);
  CHECK(r.err.find("smm: error: posts/2026-11-28-broken.json") != std::string::npos);
}

TEST_CASE("plan calendar rejects --week with --month", "[plan][calendar]") {
  TempProject project;
  auto r = run(project, {"--week", "--month"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "smm: error: --week and --month cannot be combined\nhint: pick one (the week is the "
        "default)\n");
}

namespace {

std::string vevent(const std::string& uid, const std::string& start, const std::string& body) {
  return "BEGIN:VEVENT\r\nUID:" + uid + "@smm\r\nDTSTAMP:20261123T100000Z\r\nDTSTART:" + start +
         "\r\nDURATION:PT15M\r\n" + body + "END:VEVENT\r\n";
}

const std::string k_ics_head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//smm//smm " SMM_VERSION
                               "//EN\r\nCALSCALE:GREGORIAN\r\n"
                               "X-WR-CALNAME:Acme\\, Inc.\r\n";

const std::string k_tip =
    vevent("2026-11-25-tip", "20261125T120000Z",
           "SUMMARY:Tip\\; use slots\\, not times [feed]\r\n"
           "DESCRIPTION:Tip\\; use slots\\, not times\\nSecond line\\n\\nTargets: feed\\nStat\r\n"
           " us: queued\r\n"
           "STATUS:TENTATIVE\r\n");

const std::string k_ics =
    k_ics_head +
    vevent("2026-11-23-teaser", "20261123T073000Z",
           "SUMMARY:Teaser: something big is coming [feed]\r\n"
           "DESCRIPTION:Teaser: something big is coming\\n\\nTargets: feed\\nStatus: publi\r\n"
           " shed\r\n"
           "STATUS:CONFIRMED\r\n") +
    vevent("2026-11-24-launch", "20261124T080000Z",
           "SUMMARY:Launch day! Our new app is out\\, try it [feed\\, masto]\r\n"
           "DESCRIPTION:Launch day! Our new app is out\\, try it\\n\\nTargets: feed\\, mast\r\n"
           " o\\nStatus: scheduled\r\n"
           "CATEGORIES:launch,app\r\n"
           "STATUS:CONFIRMED\r\n") +
    k_tip +
    vevent("2026-11-26-idea", "20261126T090000Z",
           "SUMMARY:Half an idea [feed]\r\n"
           "DESCRIPTION:Half an idea\\n\\nTargets: feed\\nStatus: draft\r\n"
           "STATUS:TENTATIVE\r\n") +
    vevent("2026-11-27-webinar", "20261127T080000Z",
           "SUMMARY:Webinar reminder [feed]\r\n"
           "DESCRIPTION:Webinar reminder\\n\\nTargets: feed\\nStatus: failed\r\n"
           "STATUS:CONFIRMED\r\n") +
    vevent("2026-11-30-party", "20261130T170000Z",
           "SUMMARY:🎉 日本語 party [masto]\r\n"
           "DESCRIPTION:🎉 日本語 party\\n\\nTargets: masto\\nStatus: scheduled\r\n"
           "STATUS:CONFIRMED\r\n") +
    vevent("2026-12-01-december", "20261201T090000Z",
           "SUMMARY:December is here [feed]\r\n"
           "DESCRIPTION:December is here\\n\\nTargets: feed\\nStatus: scheduled\r\n"
           "STATUS:CONFIRMED\r\n") +
    "END:VCALENDAR\r\n";

}  // namespace

TEST_CASE("plan calendar --ics writes iCalendar", "[plan][calendar]") {
  TempProject project;
  SECTION("to a file, relative to the working directory: every post with a time") {
    auto r = run(project, {"--ics", "calendar.ics"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(smm::project::read_file(project.dir() / "calendar.ics").value() == k_ics);
  }
  SECTION("a note on a terminal") {
    auto r = run(project, {"--ics", "calendar.ics"}, true);
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "wrote calendar.ics (7 events)\n");
  }
  SECTION("to stdout, with a period") {
    CHECK(run(project, {"--ics", "-"}).out == k_ics);
    auto r = run(project, {"--ics", "-", "-p", "2026-11-25"});
    CHECK(r.code == 0);
    CHECK(r.out == k_ics_head + k_tip + "END:VCALENDAR\r\n");
    CHECK(run(project, {"--ics", "-", "-p", "2027"}).out == k_ics_head + "END:VCALENDAR\r\n");
  }
  SECTION("for one account, with its variant text") {
    auto r = run(project, {"--ics", "-", "--account", "masto"});
    CHECK(r.out.find("SUMMARY:Mastodon launch! [feed\\, masto]\r\n") != std::string::npos);
    CHECK(r.out.find("UID:2026-11-30-party@smm") != std::string::npos);
    CHECK(r.out.find("UID:2026-11-23-teaser@smm") == std::string::npos);
  }
  SECTION("into a missing directory: a runtime error") {
    auto r = run(project, {"--ics", "missing/calendar.ics"});
    CHECK(r.code == 1);
    CHECK(r.err.starts_with("smm: error: cannot write "));
    CHECK_FALSE(fs::exists(project.dir() / "missing"));
  }
}
