// SPDX-License-Identifier: MIT
#include "smm/plan/csv_io.hpp"

#include <string>
#include <vector>

#include "support/catch.hpp"
#include "support/helpers.hpp"

namespace project = smm::project;
namespace plan = smm::plan;
using plan::RowAction;

using smm::test::crlf;

namespace {

const smm::time::Instant k_now = *smm::time::parse_rfc3339("2026-11-23T10:00:00Z");

project::Project make_project() {
  project::Project p;
  p.root = "/nonexistent/smm-csv-io-test";
  p.settings.zone = "Europe/Paris";
  project::Account feed;
  feed.name = "feed";
  feed.platform = "feed";
  project::Account masto;
  masto.name = "masto";
  masto.platform = "mastodon";
  masto.zone = "America/New_York";
  p.accounts = {{"feed", feed}, {"masto", masto}};
  return p;
}

project::Post rich_post() {
  project::Post p;
  p.id = "2026-11-24-launch";
  p.status = "scheduled";
  p.at_text = "2026-11-24T09:00:00+01:00";
  p.at = *smm::time::parse_rfc3339(p.at_text);
  p.targets = {"feed", "masto"};
  p.text = "Launch day, \"finally\"!\nCafé ☕ 🚀 日本語";
  p.variants = {{"masto", "Hi, fediverse"}};
  p.thread = "off";
  p.first_comment = "Link: https://example.com/?a=1,b=2";
  p.media = {{"media/a cat.jpg", "A cat, \"asleep\"", project::Json{{"width", 800}}},
             {"media/b.png", "", project::Json::object()}};
  p.tags = {"launch", "q4"};
  p.campaign = "Winter, 2026";
  p.created = "2026-11-01T08:00:00+01:00";
  p.extra = project::Json{{"custom", 1}};
  return p;
}

std::vector<project::Post> sample_posts() {
  std::vector<project::Post> posts;
  posts.push_back(rich_post());
  project::Post queued;
  queued.id = "evergreen";
  queued.status = "queued";
  queued.targets = {"feed"};
  queued.text = " padded text \r\nwith CRLF ";
  queued.created = "2026-11-02T08:00:00+01:00";
  posts.push_back(queued);
  project::Post sent = rich_post();
  sent.id = "sent";
  sent.zone = "Asia/Tokyo";
  sent.media = {{"media/x.jpg", "", project::Json::object()},
                {"media/y.jpg", "Y alt", project::Json::object()}};
  sent.publish["feed"] = project::TargetState{.state = "published", .remote_id = "1", .url = "https://example.com/1", .at = "2026-11-24T09:00:01+01:00"};
  sent.approval =
      project::Approval{"alice", "2026-11-20T10:00:00+01:00", "sha256:00", project::Json::object()};
  posts.push_back(sent);
  return posts;
}

plan::ImportPlan import_text(const project::Project& proj, std::string_view text) {
  auto table = smm::csv::parse_table(text);
  REQUIRE(table.has_value());
  auto result = plan::plan_import(proj, *table, "in.csv", k_now);
  REQUIRE(result.has_value());
  return *result;
}

std::string export_all(const project::Project& proj) {
  std::vector<const project::Post*> ptrs;
  for (const auto& p : proj.posts) {
    ptrs.push_back(&p);
  }
  return plan::export_csv(ptrs);
}

std::vector<std::string> messages(const plan::RowOutcome& row) {
  std::vector<std::string> out;
  for (const auto& p : row.problems) {
    out.push_back(p.what());
  }
  return out;
}

const std::string k_header =
    "id,at,zone,status,targets,text,media,alt,tags,campaign,thread,first_comment\n";

}  // namespace

TEST_CASE("export_csv writes the documented columns", "[plan][csv]") {
  auto post = rich_post();
  CHECK(plan::export_csv({&post}) == k_header +
                                         "2026-11-24-launch,2026-11-24T09:00:00+01:00,,scheduled,"
                                         "\"feed,masto\",\"Launch day, \"\"finally\"\"!\n"
                                         "Café ☕ 🚀 日本語\",\"media/a cat.jpg\nmedia/b.png\",\"A "
                                         "cat, \"\"asleep\"\"\",\"launch,q4\",\"Winter, 2026\","
                                         "off,\"Link: https://example.com/?a=1,b=2\"\n");
  SECTION("alt lines keep their media line; trailing empty alt lines are dropped") {
    post.media = {{"x.jpg", "", {}}, {"y.jpg", "Y", {}}, {"z.jpg", "", {}}};
    std::vector<std::string> cells;
    plan::export_cells(post, cells);
    CHECK(cells[6] == "x.jpg\ny.jpg\nz.jpg");
    CHECK(cells[7] == "\nY");
  }
  SECTION("no posts: the header alone") { CHECK(plan::export_csv({}) == k_header); }
}

TEST_CASE("plan_import of an export changes nothing", "[plan][csv]") {
  auto proj = make_project();
  proj.posts = sample_posts();
  std::sort(proj.posts.begin(), proj.posts.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::string text = export_all(proj);
  std::string variant = GENERATE(as<std::string>{}, "plain", "crlf", "bom", "bom+crlf");
  if (variant.find("crlf") != std::string::npos) {
    text = crlf(text);
  }
  if (variant.starts_with("bom")) {
    text = "\xEF\xBB\xBF" + text;
  }
  CAPTURE(variant);
  auto result = import_text(proj, text);
  CHECK(result.unknown_columns.empty());
  REQUIRE(result.rows.size() == 3);
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    CHECK(messages(result.rows[i]).empty());
    CHECK(result.rows[i].action == RowAction::unchanged);
    CHECK(result.rows[i].row == i + 2);
    CHECK(result.rows[i].id == proj.posts[i].id);
    CHECK(project::to_json(result.rows[i].post) == project::to_json(proj.posts[i]));
  }
}

TEST_CASE("plan_import creates posts from new rows", "[plan][csv]") {
  auto proj = make_project();
  SECTION("times in the row's zone, the first target's zone, the project's zone") {
    auto result = import_text(proj, k_header +
                                        ",2026-11-24 09:00,Asia/Tokyo,,feed,Tokyo,,,,,,\n"
                                        ",2026-11-24 09:00,,,\"masto, feed\",New York,,,,,,\n"
                                        ",2026-11-24 09:00,,,feed,Paris!,,,,,,\n"
                                        ",+2h,,draft,feed,Soon,,,,,,\n"
                                        ",,,,feed,Whenever,,,,,,\n");
    REQUIRE(result.rows.size() == 5);
    for (const auto& row : result.rows) {
      CHECK(messages(row).empty());
      CHECK(row.action == RowAction::created);
    }
    CHECK(result.rows[0].post.at_text == "2026-11-24T09:00:00+09:00");
    CHECK(result.rows[0].post.zone == "Asia/Tokyo");
    CHECK(result.rows[1].post.at_text == "2026-11-24T09:00:00-05:00");
    CHECK(result.rows[1].post.targets == std::vector<std::string>{"masto", "feed"});
    CHECK(result.rows[2].post.at_text == "2026-11-24T09:00:00+01:00");
    CHECK(result.rows[2].id == "2026-11-24-paris");
    CHECK(result.rows[2].post.status == "scheduled");
    // New rows get strictly increasing stamps, so the queue keeps the file's order.
    CHECK(result.rows[0].post.created == "2026-11-23T19:00:00+09:00");
    CHECK(result.rows[2].post.created == "2026-11-23T11:00:02+01:00");
    CHECK(result.rows[3].post.at_text == "2026-11-23T13:00:00+01:00");
    CHECK(result.rows[3].post.status == "draft");
    CHECK(result.rows[4].post.status == "queued");
    CHECK_FALSE(result.rows[4].post.at.has_value());
    CHECK(result.rows[4].id == "2026-11-23-whenever");
  }
  SECTION("generated ids avoid each other and ids named in the file") {
    auto result = import_text(proj, k_header +
                                        ",2026-11-24 09:00,,,feed,Hello,,,,,,\n"
                                        ",2026-11-24 10:00,,,feed,Hello,,,,,,\n"
                                        "2026-11-24-hello-3,2026-11-24 11:00,,,feed,Named,,,,,,\n"
                                        ",2026-11-24 12:00,,,feed,Hello,,,,,,\n");
    std::vector<std::string> ids;
    for (const auto& row : result.rows) {
      ids.push_back(row.id);
    }
    CHECK(ids == std::vector<std::string>{"2026-11-24-hello", "2026-11-24-hello-2",
                                          "2026-11-24-hello-3", "2026-11-24-hello-4"});
  }
  SECTION("media, alt, tags and the rest") {
    auto result = import_text(
        proj,
        "text,targets,media,alt,tags,campaign,thread,first_comment\n"
        "Pics,feed,\"media/a.jpg\nmedia/b.jpg\n\",\"\nB alt\",\" x , y,,x \",C,auto,First!\n");
    REQUIRE(result.rows.size() == 1);
    const auto& post = result.rows[0].post;
    REQUIRE(post.media.size() == 2);
    CHECK(post.media[0].path == "media/a.jpg");
    CHECK(post.media[0].alt.empty());
    CHECK(post.media[1].alt == "B alt");
    CHECK(post.tags == std::vector<std::string>{"x", "y"});
    CHECK(post.campaign == "C");
    CHECK(post.thread == "auto");
    CHECK(post.first_comment == "First!");
  }
}

TEST_CASE("plan_import updates existing posts and keeps what CSV does not hold", "[plan][csv]") {
  auto proj = make_project();
  proj.posts = {rich_post()};
  auto result = import_text(
      proj,
      k_header +
          "2026-11-24-launch,2026-11-25 10:00,,,\"masto,feed\",New text,media/b.png,B now,,,,\n");
  REQUIRE(result.rows.size() == 1);
  CHECK(messages(result.rows[0]).empty());
  CHECK(result.rows[0].action == RowAction::updated);
  const auto& post = result.rows[0].post;
  CHECK(post.at_text == "2026-11-25T10:00:00-05:00");  // in the first target's zone
  CHECK(post.status == "scheduled");
  CHECK(post.targets == std::vector<std::string>{"masto", "feed"});
  CHECK(post.text == "New text");
  REQUIRE(post.media.size() == 1);
  CHECK(post.media[0].alt == "B now");
  CHECK(post.tags.empty());
  CHECK(post.campaign.empty());
  CHECK(post.thread.empty());
  CHECK(post.first_comment.empty());
  CHECK(post.created == "2026-11-01T08:00:00+01:00");
  CHECK(post.variants == rich_post().variants);
  CHECK(post.extra == project::Json{{"custom", 1}});
  SECTION("the same instant written another way keeps the stored text") {
    auto same = import_text(
        proj, "id,at,targets,text\n2026-11-24-launch,2026-11-24 09:00,\"feed,masto\",\"" +
                  std::string("Launch day, \"\"finally\"\"!\nCafé ☕ 🚀 日本語\"\n"));
    CHECK(messages(same.rows[0]).empty());
    CHECK(same.rows[0].action == RowAction::unchanged);
    CHECK(same.rows[0].post.at_text == "2026-11-24T09:00:00+01:00");
  }
  SECTION("dropping a target that has a variant is an error") {
    auto dropped = import_text(proj, "id,targets,text\n2026-11-24-launch,feed,x\n");
    CHECK(messages(dropped.rows[0]) ==
          std::vector<std::string>{
              "in.csv:2: targets: variant for \"masto\", which is not a target"});
  }
}

TEST_CASE("plan_import leaves fields of missing columns alone", "[plan][csv]") {
  auto proj = make_project();
  proj.posts = {rich_post()};
  auto result = import_text(
      proj, "id,targets,text,alt\n2026-11-24-launch,\"feed,masto\",Shorter,\"Cat\nBee\"\n");
  REQUIRE(result.rows.size() == 1);
  CHECK(messages(result.rows[0]).empty());
  const auto& post = result.rows[0].post;
  CHECK(post.text == "Shorter");
  CHECK(post.at_text == rich_post().at_text);
  CHECK(post.tags == rich_post().tags);
  REQUIRE(post.media.size() == 2);
  CHECK(post.media[0].path == "media/a cat.jpg");
  CHECK(post.media[0].alt == "Cat");
  CHECK(post.media[0].extra == project::Json{{"width", 800}});
  CHECK(post.media[1].alt == "Bee");
}

TEST_CASE("plan_import reports bad rows with row and column", "[plan][csv]") {
  auto proj = make_project();
  auto sent = rich_post();
  sent.publish["feed"] = project::TargetState{.state = "published", .remote_id = "1"};
  proj.posts = {sent};
  auto result = import_text(proj, k_header +
                                      ",2026-11-24 09:00,,,mastp,Typo,,,,,,\n"
                                      ",tomorow 09:00,,,feed,Bad time,,,,,,\n"
                                      ",,,,feed,Ragged,,,,,,,extra\n"
                                      "Bad_Id,,,,feed,x,,,,,,\n"
                                      "dup,,,,feed,first,,,,,,\n"
                                      "dup,,,,feed,second,,,,,,\n"
                                      ",,,,feed,,,,,,,\n"
                                      ",,Mars/Base,later,feed,x,/etc/passwd,\"a\nb\",,,sideways,\n"
                                      "2026-11-24-launch,2026-11-26 09:00,,,feed,x,,,,,,\n");
  REQUIRE(result.rows.size() == 9);
  CHECK(messages(result.rows[0]) ==
        std::vector<std::string>{
            "in.csv:2: targets: unknown account \"mastp\" (did you mean \"masto\"?)"});
  CHECK(result.rows[0].problems[0].hint == "see `smm account list`");
  REQUIRE(result.rows[1].problems.size() == 1);
  CHECK(result.rows[1].problems[0].what().starts_with(
      "in.csv:3: at: invalid time \"tomorow 09:00\""));
  CHECK(messages(result.rows[2]) ==
        std::vector<std::string>{"in.csv:4: the row has 13 cells but the header names 12 columns"});
  CHECK(messages(result.rows[3]) ==
        std::vector<std::string>{"in.csv:5: id: invalid id \"Bad_Id\""});
  CHECK(result.rows[4].action == RowAction::created);
  CHECK(messages(result.rows[5]) ==
        std::vector<std::string>{"in.csv:7: id: \"dup\" appears again (first in row 6)"});
  CHECK(messages(result.rows[6]) == std::vector<std::string>{"in.csv:8: text: the post is empty"});
  CHECK(messages(result.rows[7]) == std::vector<std::string>{
                                        "in.csv:9: alt: 2 lines of alt text for 1 media files",
                                    });
  CHECK(messages(result.rows[8]) ==
        std::vector<std::string>{
            "in.csv:10: at: cannot change the time of a post that has been sent",
            "in.csv:10: targets: cannot change the targets of a post that has been sent",
        });
  for (const auto& row : result.rows) {
    CHECK((row.action == RowAction::error) == !row.problems.empty());
  }
  SECTION("validate_post problems map to their columns") {
    auto more = import_text(proj, k_header + ",,Mars/Base,later,feed,x,/etc/passwd,,,,sideways,\n");
    auto got = messages(more.rows[0]);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == "in.csv:2: media: line 1: \"/etc/passwd\" is outside the project");
    auto valid = import_text(proj, k_header + ",,Mars/Base,later,feed,x,,,,,sideways,\n");
    auto problems = messages(valid.rows[0]);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "in.csv:2: status: unknown status \"later\"");
    CHECK(problems[1].starts_with("in.csv:2: zone: unknown time zone \"Mars/Base\""));
    CHECK(problems[2] == "in.csv:2: thread: unknown thread mode \"sideways\"");
  }
}

TEST_CASE("plan_import checks the header", "[plan][csv]") {
  auto proj = make_project();
  SECTION("missing required columns fail the whole file") {
    auto table = smm::csv::parse_table("id,at,TEXT\n,,x\n");
    REQUIRE(table.has_value());
    auto result = plan::plan_import(proj, *table, "in.csv", k_now);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().what() == "in.csv: missing column \"targets\"");
    auto none = smm::csv::parse_table("id\n1\n");
    auto both = plan::plan_import(proj, *none, "in.csv", k_now);
    REQUIRE_FALSE(both.has_value());
    CHECK(both.error().message == "missing columns \"targets\" and \"text\"");
  }
  SECTION("unknown columns are named; blank ones are not; names are case-insensitive") {
    auto result = import_text(proj, "Targets, Text ,Notes,,likes\nfeed,hi,n,,3\n");
    CHECK(result.unknown_columns == std::vector<std::string>{"Notes", "likes"});
    REQUIRE(result.rows.size() == 1);
    CHECK(result.rows[0].action == RowAction::created);
  }
}
