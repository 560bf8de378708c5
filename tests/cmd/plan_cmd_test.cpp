// SPDX-License-Identifier: MIT
// smm plan and smm account driven in process: TTY on and off, colour rules, prompts, exit codes.
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

TEST_CASE("plan list is a table on a terminal and TSV in a pipe", "[cmd][plan]") {
  TempProject tp;
  REQUIRE(tp.run({"plan", "add", "Hello world", "--to", "feed", "--at", "2026-11-24 09:00", "--id", "hello"}).code == 0);
  SECTION("pipe") {
    auto r = tp.run({"plan", "list"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "id\tat\tstatus\ttargets\ttags\tcampaign\ttext\n"
          "hello\t2026-11-24T09:00:00+01:00\tscheduled\tfeed\t\t\tHello world\n");
    CHECK(r.err.empty());
  }
  SECTION("terminal, no colour") {
    auto r = tp.run({"plan"}, {.tty = true, .env = {{"NO_COLOR", "1"}}});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "ID     AT                         STATUS     TARGETS  TAGS  CAMPAIGN  TEXT\n"
          "hello  2026-11-24 09:00 (in 22h)  scheduled  feed                     Hello world\n");
  }
  SECTION("terminal with colour: bold headers; CLICOLOR_FORCE forces it into a pipe") {
    CHECK(tp.run({"plan"}, {.tty = true}).out.starts_with("\x1b[1mID"));
    CHECK(tp.run({"plan", "--format", "table"}, {.env = {{"CLICOLOR_FORCE", "1"}}}).out.starts_with("\x1b[1mID"));
    CHECK(tp.run({"plan", "--no-color"}, {.tty = true}).out.starts_with("ID"));
    CHECK(tp.run({"plan"}, {.tty = true, .env = {{"TERM", "dumb"}}}).out.starts_with("ID"));
  }
  SECTION("an empty result says so only on a terminal") {
    auto piped = tp.run({"plan", "list", "-p", "2030"});
    CHECK(piped.out.empty());
    CHECK(piped.err.empty());
    auto tty = tp.run({"plan", "list", "-p", "2030"}, {.tty = true});
    CHECK(tty.out.empty());
    CHECK(tty.err == "nothing to show\n");
  }
}

TEST_CASE("plan add reads stdin, prints the id, and tells a person what it did", "[cmd][plan]") {
  TempProject tp;
  auto r = tp.run({"plan", "add", "-", "--to", "feed", "--queue"}, {.tty = false, .input = "From a pipe\n"});
  CHECK(r.code == 0);
  CHECK(r.out == "2026-11-23-from-a-pipe\n");
  CHECK(r.err.empty());
  CHECK(tp.read("posts/2026-11-23-from-a-pipe.json") ==
        "{\n  \"status\": \"queued\",\n  \"at\": \"2026-11-23T13:00:00+01:00\",\n  \"targets\": [\n    \"feed\"\n  ],\n"
        "  \"text\": \"From a pipe\",\n  \"created\": \"2026-11-23T11:00:00+01:00\"\n}\n");
  auto tty = tp.run({"plan", "add", "Second", "--to", "feed", "--queue"}, {.tty = true});
  CHECK(tty.out == "2026-11-23-second\n");
  CHECK(tty.err == "Planned 2026-11-23-second (queued) for 2026-11-24T09:00:00+01:00\n");
}

TEST_CASE("plan add without text on a pipe is a usage error; nothing is written", "[cmd][plan]") {
  TempProject tp;
  auto before = tp.posts();
  auto r = tp.run({"plan", "add", "--to", "feed"});
  CHECK(r.code == 2);
  CHECK(r.err == "smm: error: no text given\nhint: pass the text as an argument, or - to read it from stdin\n");
  CHECK(tp.posts() == before);
}

TEST_CASE("destructive commands confirm on a terminal and need --yes otherwise", "[cmd][plan]") {
  TempProject tp(true, true);
  SECTION("no terminal") {
    auto r = tp.run({"plan", "rm", "welcome"});
    CHECK(r.code == 2);
    CHECK(r.err == "smm: error: removing posts needs confirmation\nhint: pass --yes\n");
  }
  SECTION("terminal, answered no") {
    auto r = tp.run({"plan", "rm", "welcome"}, {.tty = true, .input = "n\n", .env = {{"NO_COLOR", "1"}}});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("Remove 1 post(s)? [y/N] smm: error: nothing was removed"));
    CHECK(tp.posts().count("welcome.json") == 1);
  }
  SECTION("terminal, answered yes") {
    auto r = tp.run({"plan", "rm", "welcome"}, {.tty = true, .input = "y\n", .env = {{"NO_COLOR", "1"}}});
    CHECK(r.code == 0);
    CHECK(tp.posts().empty());
  }
  SECTION("--no-input never prompts") {
    auto r = tp.run({"plan", "rm", "welcome", "--no-input"}, {.tty = true, .input = "y\n"});
    CHECK(r.code == 2);
    CHECK(tp.posts().count("welcome.json") == 1);
  }
}

TEST_CASE("exit codes: usage 2, runtime 1, success 0", "[cmd]") {
  TempProject tp;
  CHECK(tp.run({"plan", "list", "--format", "xml"}).code == 2);
  CHECK(tp.run({"plna"}).code == 2);
  CHECK(tp.run({"plan", "show", "nope"}).code == 1);
  CHECK(tp.run({"plan", "list", "-p", "someday"}).code == 2);
  CHECK(tp.run({"--now", "bogus", "plan"}).code == 2);
  CHECK(tp.run({"--version"}).out == std::string("smm ") + SMM_VERSION + "\n");
  auto help = tp.run({"plan", "add", "--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("--queue") != std::string::npos);
  auto unknown = tp.run({"plan", "lsit"});
  CHECK(unknown.err == "smm: error: unknown command or argument \"lsit\"\nhint: did you mean \"list\"?\n");
}

TEST_CASE("global flags work before or after the verb, and -o picks the format from the extension", "[cmd]") {
  TempProject tp;
  REQUIRE(tp.run({"plan", "add", "Hi", "--to", "feed", "--at", "2026-11-24 09:00", "--id", "hi"}).code == 0);
  CHECK(tp.run({"--json", "plan", "list"}).out == tp.run({"plan", "list", "--json"}).out);
  REQUIRE(tp.run({"plan", "list", "-o", "out.csv"}).code == 0);
  CHECK(tp.read("out.csv") == "id,at,status,targets,tags,campaign,text\nhi,2026-11-24T09:00:00+01:00,scheduled,feed,,,Hi\n");
  auto elsewhere = tp.dir() / "posts";
  CHECK(tp.run({"-C", tp.dir().string(), "plan", "list", "--format", "jsonl"}).out.starts_with("{\"id\":\"hi\""));
  (void)elsewhere;
}

TEST_CASE("a broken post is reported and the others still listed, exit 1", "[cmd][plan]") {
  TempProject tp;
  REQUIRE(tp.run({"plan", "add", "Fine", "--to", "feed", "--at", "2026-11-24 09:00", "--id", "fine"}).code == 0);
  tp.write("posts/broken.json", "{\"status\": \"scheduled\",\n\"targets\": [\"fed\"], \"text\": \"x\", \"at\": \"2026-11-24T09:00:00Z\"}\n");
  auto r = tp.run({"plan", "list"});
  CHECK(r.code == 1);
  CHECK(r.out.find("fine\t") != std::string::npos);
  CHECK(r.err ==
        "smm: error: posts/broken.json: /targets/0: unknown account \"fed\" (did you mean \"feed\"?)\n"
        "hint: see `smm account list`\n");
}

TEST_CASE("plan set and edit validate before saving", "[cmd][plan]") {
  TempProject tp(true, true);
  std::string before = tp.read("posts/welcome.json");
  CHECK(tp.run({"plan", "set", "welcome", "--at", "yesterday-ish"}).code == 2);
  CHECK(tp.read("posts/welcome.json") == before);
  auto bad_editor = tp.run({"plan", "edit", "welcome"}, {.env = {{"EDITOR", "sed -i s/feed/fed/"}}});
  CHECK(bad_editor.code == 1);
  CHECK(bad_editor.err.find("unknown account \"fed\"") != std::string::npos);
  CHECK(tp.read("posts/welcome.json") == before);
  auto good_editor = tp.run({"plan", "edit", "welcome"}, {.env = {{"EDITOR", "sed -i s/draft/scheduled/"}}});
  CHECK(good_editor.code == 1);  // scheduled without a time is invalid
  CHECK(tp.read("posts/welcome.json") == before);
  REQUIRE(tp.run({"plan", "set", "welcome", "--at", "2026-12-01 10:00", "--tag", "hello"}).code == 0);
  CHECK(tp.read("posts/welcome.json").find("\"at\": \"2026-12-01T10:00:00+01:00\"") != std::string::npos);
}

}  // namespace
}  // namespace smm::test

namespace smm::test {
namespace {

TEST_CASE("posts queued within one second keep the order they were added in", "[cmd][plan]") {
  TempProject tp;
  for (const char* text : {"Zebra first", "Apple second", "Mango third"}) {
    REQUIRE(tp.run({"plan", "add", text, "--to", "feed", "--queue"}).code == 0);
  }
  CHECK(tp.run({"plan", "list", "--format", "csv"}).out ==
        "id,at,status,targets,tags,campaign,text\n"
        "2026-11-23-zebra-first,2026-11-23T13:00:00+01:00,queued,feed,,,Zebra first\n"
        "2026-11-23-apple-second,2026-11-24T09:00:00+01:00,queued,feed,,,Apple second\n"
        "2026-11-23-mango-third,2026-11-24T13:00:00+01:00,queued,feed,,,Mango third\n");
  CHECK(tp.read("posts/2026-11-23-mango-third.json").find("\"created\": \"2026-11-23T11:00:02+01:00\"") != std::string::npos);
}

}  // namespace
}  // namespace smm::test
