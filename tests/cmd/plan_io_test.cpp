// SPDX-License-Identifier: MIT
// `smm plan import` / `smm plan export`, driven in process against a temporary project.
#include <map>
#include <string>
#include <vector>

#include "support/helpers.hpp"
#include "support/temp_project.hpp"

namespace fs = std::filesystem;
namespace project = smm::project;
using smm::test::Ran;
using smm::test::RunOptions;

using smm::test::crlf;

namespace {

const std::string k_header =
    "id,at,zone,status,targets,text,media,alt,tags,campaign,thread,first_comment\n";

/// The shared temp project plus the masto account (America/New_York) these tests target.
class TempProject : public smm::test::TempProject {
 public:
  TempProject() { add_account("masto", "mastodon", "America/New_York"); }
};

RunOptions tty() {
  RunOptions options;
  options.tty = true;
  options.env = {{"NO_COLOR", "1"}};
  return options;
}

RunOptions stdin_text(const std::string& text) {
  RunOptions options;
  options.input = text;
  return options;
}

project::Post rich_post(const std::string& id) {
  project::Post p;
  p.id = id;
  p.at_text = "2026-11-24T09:00:00+01:00";
  p.at = *smm::time::parse_rfc3339(p.at_text);
  p.targets = {"feed", "masto"};
  p.text = "Launch day, \"finally\"!\nSecond line; café ☕ 🚀 日本語\n\n  indented, \"quoted\"";
  p.variants = {{"masto", "Hi, fediverse 👋"}};
  p.thread = "off";
  p.first_comment = "Link: https://example.com/?a=1,b=2";
  p.media = {{"media/a cat.jpg", "A cat, \"asleep\"", project::Json{{"width", 800}}},
             {"media/b.png", "", project::Json::object()},
             {"media/c.png", "Chart: 50% up", project::Json::object()}};
  p.tags = {"launch", "q4"};
  p.campaign = "Winter, 2026";
  p.created = "2026-11-01T08:00:00+01:00";
  p.extra = project::Json{{"notes", {{"owner", "ana"}}}};
  return p;
}

}  // namespace

TEST_CASE("plan export writes one documented row per post", "[plan][csv]") {
  TempProject proj;
  REQUIRE(proj.run({"plan", "add", "Hello, world", "--to", "feed", "--at", "2026-11-24 09:00",
                    "--tag", "a", "--tag", "b"})
              .code == 0);
  REQUIRE(proj.run({"plan", "add", "Later", "--to", "masto", "--draft"}).code == 0);
  auto ran = proj.run({"plan", "export"});
  CHECK(ran.code == 0);
  CHECK(ran.err.empty());
  CHECK(ran.out == k_header +
                       "2026-11-24-hello-world,2026-11-24T09:00:00+01:00,,scheduled,feed,\"Hello, "
                       "world\",,,\"a,b\",,,\n"
                       "2026-11-23-later,,,draft,masto,Later,,,,,,\n");
  SECTION("filters choose the posts; -o writes the file") {
    auto tagged = proj.run({"plan", "export", "--tag", "a", "-o", "out.csv"});
    CHECK(tagged.code == 0);
    CHECK(tagged.out.empty());
    CHECK(proj.read("out.csv") == k_header +
                                      "2026-11-24-hello-world,2026-11-24T09:00:00+01:00,,scheduled,"
                                      "feed,\"Hello, world\",,,\"a,b\",,,\n");
    CHECK(proj.run({"plan", "export", "--account", "masto"}).out ==
          k_header + "2026-11-23-later,,,draft,masto,Later,,,,,,\n");
    CHECK(proj.run({"plan", "export", "-p", "2026-12"}).out == k_header);
  }
}

TEST_CASE("plan export | plan import changes no byte", "[plan][csv]") {
  TempProject proj;
  proj.save(rich_post("2026-11-24-launch"));
  auto sent = rich_post("sent");
  sent.zone = "Asia/Tokyo";
  sent.status = "scheduled";
  sent.publish["feed"] = project::TargetState{.state = "published", .remote_id = "42", .url = "https://example.com/42", .at = "2026-11-24T09:00:02+01:00"};
  sent.approval =
      project::Approval{"ana", "2026-11-20T10:00:00+01:00", "sha256:abc", project::Json::object()};
  proj.save(sent);
  project::Post queued;
  queued.id = "evergreen";
  queued.status = "queued";
  queued.targets = {"masto"};
  queued.text = " leading and trailing spaces \r\nand a CRLF ";
  queued.created = "2026-11-02T08:00:00+01:00";
  proj.save(queued);
  REQUIRE(proj.run({"plan", "add", "Plain one", "--to", "feed,masto", "--at", "2026-11-30 18:30",
                    "--campaign", "c"})
              .code == 0);
  const auto before = proj.posts();
  auto exported = proj.run({"plan", "export"});
  REQUIRE(exported.code == 0);
  const std::string expected_out =
      "row\tid\taction\n2\t2026-11-24-launch\tunchanged\n3\tsent\tunchanged\n4\t2026-11-30-plain-"
      "one\tunchanged\n"
      "5\tevergreen\tunchanged\n";
  std::string variant = GENERATE(as<std::string>{}, "as exported", "CRLF", "BOM", "BOM and CRLF");
  CAPTURE(variant);
  std::string csv = exported.out;
  if (variant.find("CRLF") != std::string::npos) {
    csv = crlf(csv);
  }
  if (variant.starts_with("BOM")) {
    csv = "\xEF\xBB\xBF" + csv;
  }
  proj.write("a.csv", csv);
  auto imported = proj.run({"plan", "import", "a.csv"});
  CHECK(imported.code == 0);
  CHECK(imported.err.empty());
  CHECK(imported.out == expected_out);
  CHECK(proj.posts() == before);
  CHECK(proj.run({"plan", "export"}).out == exported.out);
}

TEST_CASE("plan import lands valid rows and reports bad ones by row", "[plan][csv]") {
  TempProject proj;
  proj.write("in.csv", k_header +
                           ",2026-11-24 09:00,,,feed,Launch day,,,launch,,,\n"
                           ",2026-11-24 09:00,,,mastp,Typo,,,,,,\n"
                           ",tomorow 09:00,,,feed,Bad time,,,,,,\n"
                           ",,,,feed,Ragged,,,,,,,extra\n"
                           "dup,,,,feed,First,,,,,,\n"
                           "dup,,,,feed,Second,,,,,,\n");
  auto ran = proj.run({"plan", "import", "in.csv"});
  CHECK(ran.code == 1);
  CHECK(ran.out ==
        "row\tid\taction\n2\t2026-11-24-launch-"
        "day\tnew\n3\t\terror\n4\t\terror\n5\t\terror\n6\tdup\tnew\n7\tdup\terror\n");
  CHECK(ran.err ==
        "smm: error: in.csv:3: targets: unknown account \"mastp\" (did you mean \"masto\"?)\n"
        "hint: see `smm account list`\n"
        "smm: error: in.csv:4: at: invalid time \"tomorow 09:00\"\n"
        "hint: use one of \"2026-11-24T09:00:00+01:00\", \"2026-11-24 09:00\", \"2026-11-24\", "
        "\"now\", \"+2h\", "
        "\"+1h30m\", \"today 17:00\", \"tomorrow 09:00\", \"monday 10:00\", \"next monday 10:00\"\n"
        "smm: error: in.csv:5: the row has 13 cells but the header names 12 columns\n"
        "hint: enclose cells that contain commas in double quotes\n"
        "smm: error: in.csv:7: id: \"dup\" appears again (first in row 6)\n"
        "hint: give each post one row\n");
  CHECK(
      proj.posts() ==
      std::map<std::string, std::string>{
          {"2026-11-24-launch-day.json",
           "{\n  \"status\": \"scheduled\",\n  \"at\": \"2026-11-24T09:00:00+01:00\",\n  "
           "\"targets\": [\n"
           "    \"feed\"\n  ],\n  \"text\": \"Launch day\",\n  \"tags\": [\n    \"launch\"\n  ],\n"
           "  \"created\": \"2026-11-23T11:00:00+01:00\"\n}\n"},
          // queued: placed in the next free slot (mon-fri 09:00,13:00) by the queue
          {"dup.json",
           "{\n  \"status\": \"queued\",\n  \"at\": \"2026-11-23T13:00:00+01:00\",\n  \"targets\": "
           "[\n"
           "    \"feed\"\n  ],\n  \"text\": \"First\",\n  \"created\": "
           "\"2026-11-23T11:00:02+01:00\"\n}\n"},  // stamps 0 and 1 went to rows 2 and 3
      });
}

TEST_CASE("plan import fails whole files it cannot read", "[plan][csv]") {
  TempProject proj;
  SECTION("unterminated quote: located by line and column, nothing written") {
    proj.write("bad.csv", k_header + ",,,,feed,Fine,,,,,,\n,,,,feed,\"Never closed,,,,,,\n");
    auto ran = proj.run({"plan", "import", "bad.csv"});
    CHECK(ran.code == 1);
    CHECK(ran.out.empty());
    CHECK(ran.err ==
          "smm: error: bad.csv: line 3, column 10: unterminated quoted field\n"
          "hint: enclose fields that contain commas, quotes or line breaks in double quotes, and "
          "write a quote inside "
          "such a field as two quotes (\"\"); nothing was imported\n");
  }
  SECTION("missing required column") {
    proj.write("bad.csv", "id,at,text\n,,Hello\n");
    auto ran = proj.run({"plan", "import", "bad.csv"});
    CHECK(ran.code == 1);
    CHECK(ran.out.empty());
    CHECK(ran.err ==
          "smm: error: bad.csv: missing column \"targets\"\n"
          "hint: the first row names the columns: id, at, zone, status, targets, text, media, alt, "
          "tags, campaign, "
          "thread, first_comment (see `smm plan export`); nothing was imported\n");
  }
  SECTION("no such file") {
    auto ran = proj.run({"plan", "import", "nope.csv"});
    CHECK(ran.code == 1);
    CHECK(ran.out.empty());
    CHECK(ran.err.starts_with("smm: error: "));
    CHECK(ran.err.find("nope.csv") != std::string::npos);
  }
  CHECK(proj.posts().empty());
}

TEST_CASE("plan import --dry-run writes nothing; unknown columns are named", "[plan][csv]") {
  TempProject proj;
  proj.write("in.csv", "text,targets,notes,likes\nHello,feed,n,3\n,masto,,\n");
  auto ran = proj.run({"plan", "import", "in.csv", "--dry-run"});
  CHECK(ran.code == 1);
  CHECK(ran.out == "row\tid\taction\n2\t2026-11-23-hello\tnew\n3\t\terror\n");
  CHECK(ran.err ==
        "smm: warning: in.csv: ignoring unknown columns \"notes\", \"likes\"\n"
        "smm: error: in.csv:3: text: the post is empty\n"
        "hint: give it some text or media\n");
  CHECK(proj.posts().empty());
  SECTION("on a terminal, a summary line") {
    proj.write("in.csv", "text,targets\nHello,feed\n");
    auto dry = proj.run({"plan", "import", "in.csv", "-n"}, tty());
    CHECK(dry.code == 0);
    CHECK(dry.err ==
          "dry run: would import 1 new, 0 updated, 0 unchanged, 0 failed; nothing was written\n");
    CHECK(proj.posts().empty());
    auto real = proj.run({"plan", "import", "in.csv"}, tty());
    CHECK(real.code == 0);
    CHECK(real.err ==
          "moved 2026-11-23-hello to 2026-11-23T13:00:00+01:00\nimported: 1 new, 0 updated, 0 "
          "unchanged, 0 failed\n");
    CHECK(proj.posts().size() == 1);
  }
}

TEST_CASE("plan import updates posts and guards sent ones", "[plan][csv]") {
  TempProject proj;
  auto sent = rich_post("sent");
  sent.publish["feed"] = project::TargetState{.state = "published", .remote_id = "42"};
  proj.save(sent);
  proj.save(rich_post("draft-one"));
  proj.write("in.csv",
             "id,at,targets,text\n"
             "sent,2026-11-25 09:00,\"feed,masto\",Moved\n"
             "sent-2,,feed,Named new post\n"
             "draft-one,2026-11-25 09:00,\"feed,masto\",Edited\n");
  auto ran = proj.run({"plan", "import", "-"}, stdin_text(proj.read("in.csv")));
  CHECK(ran.code == 1);
  CHECK(ran.out == "row\tid\taction\n2\tsent\terror\n3\tsent-2\tnew\n4\tdraft-one\tupdated\n");
  CHECK(ran.err ==
        "smm: error: stdin:2: at: cannot change the time of a post that has been sent\n"
        "hint: the post has publish records; leave the cell as exported, or plan a new post\n");
  auto want = rich_post("draft-one");
  want.text = "Edited";
  want.at_text = "2026-11-25T09:00:00+01:00";
  CHECK(proj.read("posts/draft-one.json") == project::dump_json(project::to_json(want)));
  CHECK(proj.read("posts/sent-2.json") ==
        "{\n  \"status\": \"queued\",\n  \"at\": \"2026-11-23T13:00:00+01:00\",\n  \"targets\": "
        "[\n    \"feed\"\n  ],\n"
        "  \"text\": \"Named new post\",\n  \"created\": \"2026-11-23T11:00:00+01:00\"\n}\n");
  CHECK(proj.read("posts/sent.json") == project::dump_json(project::to_json(sent)));
}
