// SPDX-License-Identifier: MIT
// smm audit driven in process: exit codes, formats, -o, --rules, post selection, TTY summary.
#include <nlohmann/json.hpp>

#include "smm/audit/audit.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

void add(const TempProject& tp, const std::string& id, const std::string& text) {
  REQUIRE(tp.run({"plan", "add", text, "--to", "feed", "--at", "2026-11-24 09:00", "--id", id}).code == 0);
}

TEST_CASE("audit: clean is silent with exit 0", "[cmd][audit]") {
  TempProject tp;
  add(tp, "hello", "Hello world");
  auto r = tp.run({"audit"});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  auto tty = tp.run({"audit"}, {.tty = true});
  CHECK(tty.out.empty());
  CHECK(tty.err == "audit: no problems in 1 post and 1 account\n");
}

TEST_CASE("audit: exit 3 with an error, 0 with only warnings", "[cmd][audit]") {
  TempProject tp;
  add(tp, "tags", "#a #b #c #d #e #f");
  auto warned = tp.run({"audit"});
  CHECK(warned.code == 0);
  CHECK(warned.out == "posts/tags.json: /text: too-many-hashtags: 6 hashtags, more than 5\n");
  CHECK(warned.err.empty());

  tp.write("posts/broken.json", "{\n");
  auto failed = tp.run({"audit"});
  CHECK(failed.code == 3);
  CHECK(failed.out.starts_with("posts/broken.json: /: invalid-file: invalid JSON at line "));
  CHECK(failed.out.ends_with("posts/tags.json: /text: too-many-hashtags: 6 hashtags, more than 5\n"));
  CHECK(failed.err.empty());
  auto tty = tp.run({"audit", "--no-color"}, {.tty = true});
  CHECK(tty.code == 3);
  CHECK(tty.err == "audit: 1 error, 1 warning, 0 notes in 1 post and 1 account\n");

  SECTION("naming posts by id or file restricts the post rules") {
    auto one = tp.run({"audit", "tags"});
    CHECK(one.code == 0);
    CHECK(one.out == warned.out);
    auto path = tp.run({"audit", (tp.dir() / "posts/tags.json").string(), "accounts/feed.json", "smm.json"});
    CHECK(path.code == 0);
    CHECK(path.out == warned.out);
    auto missing = tp.run({"audit", "nope"});
    CHECK(missing.code == 1);
    CHECK(missing.err == "smm: error: no post \"nope\"\nhint: see `smm plan list --all` for post ids\n");
  }
}

TEST_CASE("audit: json, sarif, -o FILE and format errors", "[cmd][audit]") {
  TempProject tp;
  add(tp, "tags", "#a #b #c #d #e #f");
  auto json = tp.run({"audit", "--format", "json"});
  CHECK(json.code == 0);
  auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["findings"][0]["rule"] == "too-many-hashtags");
  CHECK(doc["findings"][0]["line"] == 7);
  CHECK(doc["summary"]["warnings"] == 1);
  CHECK(tp.run({"audit", "--json"}).out == json.out);
  CHECK(tp.run({"--format", "json", "audit"}).out == json.out);

  auto sarif = tp.run({"audit", "-o", "audit.sarif"});
  CHECK(sarif.code == 0);
  CHECK(sarif.out.empty());
  auto written = nlohmann::json::parse(tp.read("audit.sarif"));
  CHECK(written["version"] == "2.1.0");
  CHECK(written["runs"][0]["results"][0]["ruleId"] == "too-many-hashtags");
  CHECK(written["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "posts/tags.json");
  CHECK(tp.run({"audit", "--format", "sarif"}).out == tp.read("audit.sarif"));

  auto bad = tp.run({"audit", "--format", "tsv"});
  CHECK(bad.code == 2);
  CHECK(bad.err == "smm: error: --format: audit writes text, json or sarif, not \"tsv\"\n"
                   "hint: e.g. `smm audit --format sarif -o audit.sarif`\n");
}

TEST_CASE("audit --rules lists the rules with their configured severity", "[cmd][audit]") {
  TempProject tp;
  tp.write("smm.json", R"({"schema_version": 1, "name": "demo", "zone": "Europe/Paris", "audit": {"rules": {"collision": "off"}}})");
  auto r = tp.run({"audit", "--rules"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("id\tfamily\tseverity\tsummary\n"
                          "text-too-long\tlimits\terror\ta thread part is longer than the platform counts as allowed\n"));
  CHECK(r.out.find("\ncollision\tschedule\toff\t") != std::string::npos);
  CHECK(r.out.find("\ndst-ambiguous\tschedule\twarning\t") != std::string::npos);
  auto json = nlohmann::json::parse(tp.run({"audit", "--rules", "--format", "json"}).out);
  CHECK(json.size() == audit::rules().size());
  CHECK(json[0]["id"] == "text-too-long");
}

}  // namespace
}  // namespace smm::test
