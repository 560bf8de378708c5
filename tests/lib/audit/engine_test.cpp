// SPDX-License-Identifier: MIT
// The audit engine: smm.json's audit config, severities, load problems as findings, JSON
// pointer -> line, and the stable order.
#include "lib/audit/fixture.hpp"
#include "smm/audit/families.hpp"

namespace smm::test {
namespace {

TEST_CASE("audit config: severities, settings and located problems", "[audit]") {
  project::Problems problems;
  auto config = audit::Config::from_json(project::Json::parse(R"({"rules": {
      "collision": "off",
      "too-many-hashtags": {"severity": "error", "max": 3},
      "banned-word": {"words": ["cheap", "act now"]},
      "utm-missing": {"domains": "acme.com", "params": []},
      "colision": "warning",
      "empty-post": "fatal",
      "past-due": {"severity": 1},
      "dst-ambiguous": 3}})"),
                                         problems);
  CHECK(config.severity("collision") == audit::Severity::off);
  CHECK(config.severity("too-many-hashtags") == audit::Severity::error);
  CHECK(config.severity("banned-word") == audit::Severity::error);  // its default
  CHECK(config.severity("duplicate-text") == audit::Severity::warning);
  CHECK(config.number("too-many-hashtags", "max", 5) == 3);
  CHECK(config.number("too-many-hashtags", "min", 5) == 5);
  CHECK(config.number("banned-word", "words", 7) == 7);  // wrong type: the fallback
  CHECK(config.strings("banned-word", "words") == std::vector<std::string>{"cheap", "act now"});
  CHECK(config.strings("utm-missing", "domains") == std::vector<std::string>{"acme.com"});
  CHECK(config.has("utm-missing", "params"));
  CHECK(config.strings("utm-missing", "params").empty());
  CHECK_FALSE(config.has("collision", "minutes"));
  std::vector<std::string> seen;
  for (const auto& p : problems) {
    seen.push_back(p.what() + " | " + p.hint);
  }
  CHECK(seen == std::vector<std::string>{
                    "smm.json: /audit/rules/colision: unknown audit rule \"colision\" | did you mean \"collision\"?",
                    "smm.json: /audit/rules/empty-post: invalid severity \"fatal\" | use \"error\", \"warning\", \"note\" or \"off\"",
                    "smm.json: /audit/rules/past-due/severity: invalid severity 1 | use \"error\", \"warning\", \"note\" or \"off\"",
                    "smm.json: /audit/rules/dst-ambiguous: expected a severity or an object | e.g. \"warning\" or {\"severity\": \"error\", \"max\": 3}",
                });
  SECTION("an absent or empty object is the defaults") {
    project::Problems none;
    CHECK(audit::Config::from_json(project::Json::object(), none).severity("collision") == audit::Severity::warning);
    CHECK(audit::Config::from_json(project::Json(), none).severity("past-due") == audit::Severity::error);
    CHECK(none.empty());
  }
}

TEST_CASE("pointer_line walks canonical JSON by indentation and order", "[audit]") {
  std::string doc =
      "{\n"                                 // 1
      "  \"status\": \"scheduled\",\n"      // 2
      "  \"targets\": [\n"                  // 3
      "    \"feed\",\n"                     // 4
      "    \"masto\"\n"                     // 5
      "  ],\n"                              // 6
      "  \"variants\": {\n"                 // 7
      "    \"a/b\": \"x\",\n"               // 8
      "    \"masto\": \"y\"\n"              // 9
      "  },\n"                              // 10
      "  \"media\": [\n"                    // 11
      "    {\n"                             // 12
      "      \"path\": \"a.jpg\"\n"         // 13
      "    },\n"                            // 14
      "    {\n"                             // 15
      "      \"path\": \"b.jpg\",\n"        // 16
      "      \"alt\": \"\\\"quoted\\\"\"\n" // 17
      "    }\n"                             // 18
      "  ],\n"                              // 19
      "  \"empty\": [],\n"                  // 20
      "  \"text\": \"targets\"\n"           // 21
      "}\n";
  CHECK(audit::pointer_line(doc, "") == 1);
  CHECK(audit::pointer_line(doc, "/status") == 2);
  CHECK(audit::pointer_line(doc, "/targets/1") == 5);
  CHECK(audit::pointer_line(doc, "/variants/masto") == 9);
  CHECK(audit::pointer_line(doc, "/variants/a~1b") == 8);
  CHECK(audit::pointer_line(doc, "/media/1/alt") == 17);
  CHECK(audit::pointer_line(doc, "/media/0/path") == 13);
  CHECK(audit::pointer_line(doc, "/text") == 21);
  SECTION("what cannot be followed ends at the deepest line reached") {
    CHECK(audit::pointer_line(doc, "/media/5/path") == 11);
    CHECK(audit::pointer_line(doc, "/empty/0") == 20);
    CHECK(audit::pointer_line(doc, "/status/x") == 2);
    CHECK(audit::pointer_line(doc, "/nope") == 1);
    CHECK(audit::pointer_line("{\"a\": 1}", "/a") == 1);
    CHECK(audit::pointer_line("", "/a") == 1);
  }
}

TEST_CASE("the engine: load problems as invalid-file, severities, lines, order", "[audit]") {
  TempProject tp;
  tp.save(make_post("b-empty", "", {"feed"}, "2026-11-25T09:00:00+01:00"));
  tp.save(make_post("a-hashtags", "#a #b #c #d #e #f"));
  tp.write("posts/broken.json", "{\n  \"status\": \"scheduled\",\n  \"targets\": [\n    \"feed\"\n  \n");
  tp.write("posts/unknown.json", "{\n  \"status\": \"draft\",\n  \"targets\": [\n    \"feed\",\n    \"fed\"\n  ],\n  \"text\": \"x\"\n}\n");
  auto findings = audit_all(tp);
  std::vector<std::string> got;
  for (const auto& f : findings) {
    got.push_back(f.file + ":" + std::to_string(f.line) + ": " + f.pointer + ": " + f.rule + ": " + audit::severity_name(f.severity));
  }
  CHECK(got == std::vector<std::string>{
                   "posts/a-hashtags.json:7: /text: too-many-hashtags: warning",
                   "posts/b-empty.json:7: /text: empty-post: error",
                   "posts/broken.json:6: : invalid-file: error",
                   "posts/unknown.json:5: /targets/1: invalid-file: error",
               });
  CHECK(findings[3].message == "unknown account \"fed\" (did you mean \"feed\"?)");
  CHECK(audit::has_errors(findings));
  SECTION("configured severities apply; off drops the rule") {
    set_audit(tp, R"({"rules": {"empty-post": "off", "invalid-file": "note", "too-many-hashtags": "error"}})");
    auto again = audit_all(tp);
    REQUIRE(again.size() == 3);
    CHECK(again[0].severity == audit::Severity::error);
    CHECK(again[1].severity == audit::Severity::note);
    CHECK(again[1].file == "posts/broken.json");
  }
  SECTION("warnings only: no errors") {
    set_audit(tp, R"({"rules": {"empty-post": "warning", "invalid-file": "warning"}})");
    CHECK_FALSE(audit::has_errors(audit_all(tp)));
  }
  SECTION("selecting posts leaves out the other posts' load problems") {
    auto only = audit_all(tp, {"a-hashtags"});
    REQUIRE(only.size() == 1);
    CHECK(only[0].rule == "too-many-hashtags");
  }
  SECTION("without lines (text output) only the load problems that carry one have a line") {
    auto proj = project::load(tp.dir());
    REQUIRE(proj.has_value());
    auto config = audit::Config::from_json(proj->settings.audit, proj->problems);
    audit::Input input{*proj, fixed_now(), config, nullptr, nullptr, {}};
    input.lines = false;
    std::vector<int> lines;
    for (const auto& f : audit::run(input)) {
      lines.push_back(f.line);
    }
    CHECK(lines == std::vector<int>{0, 0, 6, 0});
  }
  SECTION("a bad audit config is reported against smm.json") {
    set_audit(tp, R"({"rules": {"nope": "off"}})");
    auto with_config = audit_all(tp, {"a-hashtags"});
    REQUIRE(with_config.size() == 2);
    CHECK(with_config[1].file == "smm.json");
    CHECK(with_config[1].pointer == "/audit/rules/nope");
    CHECK(with_config[1].line == 14);
  }
}

}  // namespace
}  // namespace smm::test
