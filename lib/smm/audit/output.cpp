// SPDX-License-Identifier: MIT
// Findings as text lines, a JSON document or SARIF 2.1.0.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "smm/audit/audit.hpp"

namespace smm::audit {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& doc) { return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

/// "text-too-long" -> "TextTooLong", SARIF's human-readable rule name.
std::string pascal_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
    case Severity::off:
      break;
  }
  return "note";
}

Json sarif_rules() {
  Json out = Json::array();
  for (const auto& r : rules()) {
    out.push_back({{"id", r.id},
                   {"name", pascal_name(r.id)},
                   {"shortDescription", {{"text", r.summary}}},
                   {"defaultConfiguration", {{"level", sarif_level(r.default_severity)}}},
                   {"properties", {{"tags", Json::array({r.family})}}}});
  }
  return out;
}

Json sarif_result(const Finding& f, const std::string& uri_prefix) {
  Json result = Json::object();
  result["ruleId"] = f.rule;
  auto it = std::find_if(rules().begin(), rules().end(), [&](const RuleInfo& r) { return f.rule == r.id; });
  if (it != rules().end()) {
    result["ruleIndex"] = it - rules().begin();
  }
  result["level"] = sarif_level(f.severity);
  std::string text = f.message + (f.hint.empty() ? "" : "\nhint: " + f.hint);
  result["message"] = {{"text", text}};
  Json physical = {{"artifactLocation", {{"uri", uri_prefix + f.file}, {"uriBaseId", "%SRCROOT%"}}},
                   {"region", {{"startLine", std::max(1, f.line)}}}};
  result["locations"] = Json::array({{{"physicalLocation", physical}}});
  if (!f.pointer.empty()) {
    result["properties"] = {{"pointer", f.pointer}};
  }
  return result;
}

}  // namespace

std::string to_text(const Findings& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.file + ": " + (f.pointer.empty() ? "/" : f.pointer) + ": " + f.rule + ": " + f.message + "\n";
  }
  return out;
}

std::string to_json(const Findings& findings) {
  Json list = Json::array();
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const auto& f : findings) {
    ++counts[static_cast<int>(f.severity)];
    list.push_back({{"file", f.file},
                    {"pointer", f.pointer},
                    {"line", f.line},
                    {"rule", f.rule},
                    {"severity", severity_name(f.severity)},
                    {"message", f.message},
                    {"hint", f.hint}});
  }
  Json summary = {{"errors", counts[static_cast<int>(Severity::error)]},
                  {"warnings", counts[static_cast<int>(Severity::warning)]},
                  {"notes", counts[static_cast<int>(Severity::note)]}};
  return dump(Json{{"findings", list}, {"summary", summary}});
}

std::string to_sarif(const Findings& findings, const std::string& version, const std::string& uri_prefix) {
  Json results = Json::array();
  for (const auto& f : findings) {
    results.push_back(sarif_result(f, uri_prefix));
  }
  Json driver = {{"name", "smm"}, {"version", version}, {"semanticVersion", version}, {"rules", sarif_rules()}};
  Json run = {{"tool", {{"driver", driver}}}, {"results", results}};
  return dump(Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", Json::array({run})}});
}

}  // namespace smm::audit
