// SPDX-License-Identifier: MIT
// smm post over the built-in feed: publishing, nothing twice, missed, dry run, lock, exit codes.
#include <nlohmann/json.hpp>

#include "smm/post/lock.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

void plan(const TempProject& tp, const std::string& text, const std::string& at) {
  auto r = tp.run({"plan", "add", text, "--to", "feed", "--at", at});
  REQUIRE(r.code == 0);
}

nlohmann::json feed(const TempProject& tp) { return nlohmann::json::parse(tp.read("feed/feed.json")); }

}  // namespace

TEST_CASE("post: publishes what is due into feed.json and atom.xml, once") {
  TempProject tp;
  plan(tp, "Fresh bread at eight", "2026-11-23 10:30");  // 09:30Z, due
  plan(tp, "Cardamom buns & <coffee>", "2026-11-23 09:45");  // 08:45Z, due
  plan(tp, "Tomorrow's special", "2026-11-24 09:00");    // future
  auto r = tp.run({"post"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "post\taccount\tstate\turl\tmessage\n"
        "2026-11-23-cardamom-buns-coffee\tfeed\tpublished\tfeed/feed.json\t\n"
        "2026-11-23-fresh-bread-at-eight\tfeed\tpublished\tfeed/feed.json\t\n");
  auto doc = feed(tp);
  CHECK(doc["version"] == "https://jsonfeed.org/version/1.1");
  REQUIRE(doc["items"].size() == 2);
  CHECK(doc["items"][0]["content_text"] == "Fresh bread at eight");  // newest first
  CHECK(doc["items"][0]["id"] == "tag:example.com,2026-11-23:feed/2026-11-23-fresh-bread-at-eight");
  CHECK(doc["items"][0]["date_published"] == "2026-11-23T10:30:00+01:00");
  std::string atom = tp.read("feed/atom.xml");
  CHECK(atom.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
  CHECK(atom.find("Cardamom buns &amp; &lt;coffee&gt;") != std::string::npos);
  auto again = tp.run({"post"});
  CHECK(again.code == 0);
  CHECK(again.out.empty());
  CHECK(feed(tp)["items"].size() == 2);
}

TEST_CASE("post: a post later than max_late is marked missed, --catch-up publishes it") {
  TempProject tp;
  plan(tp, "Yesterday's news", "2026-11-22 09:00");
  auto r = tp.run({"post"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\tfeed\tmissed\t\tdue 1d ago, over max_late 2h\n") != std::string::npos);
  CHECK(tp.read("posts/2026-11-22-yesterdays-news.json").find("\"state\": \"missed\"") != std::string::npos);
  CHECK(tp.run({"post"}).out.empty());
  auto late = tp.run({"post", "--catch-up"});
  CHECK(late.out.find("\tpublished\t") != std::string::npos);
  CHECK(tp.run({"post", "--max-late", "soon"}).code == 2);
}

TEST_CASE("post: --dry-run prints what it would write and writes nothing") {
  TempProject tp;
  plan(tp, "Fresh bread", "2026-11-23 10:30");
  auto before = tp.posts();
  auto r = tp.run({"post", "--dry-run"});
  CHECK(r.code == 0);
  CHECK(r.out.find("# 2026-11-23-fresh-bread -> feed\nWRITE feed/feed.json\n") == 0);
  CHECK(r.out.find("\"content_text\": \"Fresh bread\"") != std::string::npos);
  CHECK(tp.posts() == before);
  CHECK_FALSE(std::filesystem::exists(tp.dir() / "feed"));
}

TEST_CASE("post: named posts go out now, with --yes when nobody can be asked") {
  TempProject tp;
  plan(tp, "Next week", "2026-11-30 09:00");
  auto r = tp.run({"post", "2026-11-30-next-week"});
  CHECK(r.code == 2);
  CHECK(r.err.find("pass --yes") != std::string::npos);
  auto yes = tp.run({"post", "2026-11-30-next-week", "--yes"});
  CHECK(yes.code == 0);
  CHECK(yes.out.find("\tpublished\t") != std::string::npos);
  CHECK(tp.run({"post", "nope", "--yes"}).code == 1);
}

TEST_CASE("post: a paused project publishes nothing and says so") {
  TempProject tp;
  plan(tp, "Fresh bread", "2026-11-23 10:30");
  REQUIRE(tp.run({"plan", "pause"}).code == 0);
  auto r = tp.run({"post"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\theld\t\tpaused (smm plan resume)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tp.dir() / "feed" / "feed.json"));
}

TEST_CASE("post: exit 75 while another run holds the lock; a lock of a dead run is taken over") {
  TempProject tp;
  plan(tp, "Fresh bread", "2026-11-23 10:30");
  {
    auto held = post::ProjectLock::acquire(tp.dir());
    REQUIRE(held.has_value());
    auto r = tp.run({"post"});
    CHECK(r.code == 75);
    CHECK(r.err.find("is publishing this project") != std::string::npos);
  }
  CHECK(tp.run({"post"}).code == 0);  // released: the lock file remains, the flock does not
}

TEST_CASE("post: a target that cannot be published fails with exit 1, others still go out (exit 5)") {
  TempProject tp;
  tp.add_account("hook", "webhook");
  plan(tp, "Fresh bread", "2026-11-23 10:30");
  auto r0 = tp.run({"plan", "add", "Both", "--to", "feed,hook", "--at", "2026-11-23 10:45"});
  REQUIRE(r0.code == 0);
  auto r = tp.run({"post"}, {.env = {{"SMM_CREDENTIALS", (tp.dir() / "creds.json").string()}}});
  CHECK(r.code == 5);
  CHECK(r.out.find("2026-11-23-both\thook\tfailed\t") != std::string::npos);
  CHECK(r.out.find("2026-11-23-both\tfeed\tpublished\t") != std::string::npos);
}

}  // namespace smm::test
