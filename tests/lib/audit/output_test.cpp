// SPDX-License-Identifier: MIT
// Findings as text, JSON and SARIF 2.1.0, exactly for a small project, and SARIF's shape as
// GitHub code scanning requires it.
#include <set>

#include "lib/audit/fixture.hpp"

namespace smm::test {
namespace {

using Json = nlohmann::ordered_json;

audit::Findings small_project_findings(TempProject& tp) {
  tp.save(make_post("launch", "Launch! #a #b #c #d #e #f"));
  tp.save(make_post("empty", "", {"feed"}, "2026-11-25T09:00:00+01:00"));
  return audit_all(tp);
}

TEST_CASE("audit text output: one line per finding, nothing when clean", "[audit]") {
  TempProject tp;
  CHECK(audit::to_text(audit_all(tp)).empty());
  auto findings = small_project_findings(tp);
  CHECK(audit::to_text(findings) ==
        "posts/empty.json: /text: empty-post: no text and no media\n"
        "posts/launch.json: /text: too-many-hashtags: 6 hashtags, more than 5\n");
  audit::Finding whole{"invalid-file", audit::Severity::error, "posts/x.json", "", "invalid JSON", "", 1};
  CHECK(audit::to_text({whole}) == "posts/x.json: /: invalid-file: invalid JSON\n");
}

TEST_CASE("audit JSON output: findings and a summary", "[audit]") {
  TempProject tp;
  CHECK(audit::to_json({}) == "{\n  \"findings\": [],\n  \"summary\": {\n    \"errors\": 0,\n    \"warnings\": 0,\n    \"notes\": 0\n  }\n}\n");
  CHECK(audit::to_json(small_project_findings(tp)) == R"({
  "findings": [
    {
      "file": "posts/empty.json",
      "pointer": "/text",
      "line": 7,
      "rule": "empty-post",
      "severity": "error",
      "message": "no text and no media",
      "hint": "add text or media, or remove it with `smm plan rm empty`"
    },
    {
      "file": "posts/launch.json",
      "pointer": "/text",
      "line": 7,
      "rule": "too-many-hashtags",
      "severity": "warning",
      "message": "6 hashtags, more than 5",
      "hint": "keep the 5 that matter most"
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 1,
    "notes": 0
  }
}
)");
}

TEST_CASE("audit SARIF output: results exactly", "[audit]") {
  TempProject tp;
  auto sarif = Json::parse(audit::to_sarif(small_project_findings(tp), "0.1.0", "social/"));
  CHECK(sarif["runs"][0]["results"].dump(2) == R"([
  {
    "ruleId": "empty-post",
    "ruleIndex": 17,
    "level": "error",
    "message": {
      "text": "no text and no media\nhint: add text or media, or remove it with `smm plan rm empty`"
    },
    "locations": [
      {
        "physicalLocation": {
          "artifactLocation": {
            "uri": "social/posts/empty.json",
            "uriBaseId": "%SRCROOT%"
          },
          "region": {
            "startLine": 7
          }
        }
      }
    ],
    "properties": {
      "pointer": "/text"
    }
  },
  {
    "ruleId": "too-many-hashtags",
    "ruleIndex": 14,
    "level": "warning",
    "message": {
      "text": "6 hashtags, more than 5\nhint: keep the 5 that matter most"
    },
    "locations": [
      {
        "physicalLocation": {
          "artifactLocation": {
            "uri": "social/posts/launch.json",
            "uriBaseId": "%SRCROOT%"
          },
          "region": {
            "startLine": 7
          }
        }
      }
    ],
    "properties": {
      "pointer": "/text"
    }
  }
])");
}

TEST_CASE("audit SARIF output has the shape code scanning accepts", "[audit]") {
  audit::Findings findings = {
      {"past-due", audit::Severity::error, "posts/a.json", "/at", "due", "", 3},
      {"collision", audit::Severity::warning, "posts/b.json", "/at", "close", "space them", 0},
      {"link-redirect", audit::Severity::note, "posts/c.json", "/text", "moved", "", 5},
  };
  auto sarif = Json::parse(audit::to_sarif(findings, "1.2.3"));
  CHECK(sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(sarif["version"] == "2.1.0");
  REQUIRE(sarif["runs"].size() == 1);
  const auto& run = sarif["runs"][0];
  const auto& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "smm");
  CHECK(driver["version"] == "1.2.3");
  const auto& rules = driver["rules"];
  REQUIRE(rules.size() == audit::rules().size());
  std::set<std::string> ids;
  for (const auto& rule : rules) {
    CHECK(rule["id"].is_string());
    ids.insert(rule["id"].get<std::string>());
    CHECK(rule["name"].is_string());
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(std::set<std::string>{"error", "warning", "note"}.contains(rule["defaultConfiguration"]["level"].get<std::string>()));
    CHECK(rule["properties"]["tags"].size() == 1);
  }
  CHECK(ids.size() == rules.size());
  const auto& results = run["results"];
  REQUIRE(results.size() == 3);
  std::vector<std::string> levels;
  for (const auto& result : results) {
    auto index = result["ruleIndex"].get<std::size_t>();
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == result["ruleId"]);
    levels.push_back(result["level"].get<std::string>());
    CHECK(!result["message"]["text"].get<std::string>().empty());
    const auto& physical = result["locations"][0]["physicalLocation"];
    CHECK(physical["artifactLocation"]["uri"].get<std::string>().starts_with("posts/"));
    CHECK(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(physical["region"]["startLine"].get<int>() >= 1);
  }
  CHECK(levels == std::vector<std::string>{"error", "warning", "note"});
  CHECK(Json::parse(audit::to_sarif({}, "1.2.3"))["runs"][0]["results"] == Json::array());
}

}  // namespace
}  // namespace smm::test
