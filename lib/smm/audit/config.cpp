// SPDX-License-Identifier: MIT
// smm.json's "audit" object: per-rule severities and settings.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "smm/audit/audit.hpp"
#include "smm/project/decode.hpp"
#include "smm/text/suggest.hpp"

namespace smm::audit {
namespace {

const RuleInfo* find_rule(const std::string& id) {
  auto it = std::find_if(rules().begin(), rules().end(), [&](const RuleInfo& r) { return id == r.id; });
  return it == rules().end() ? nullptr : &*it;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& r : rules()) {
    ids.emplace_back(r.id);
  }
  return ids;
}

/// JSON pointer token escaping (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string escape_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Config Config::from_json(const nlohmann::ordered_json& audit, project::Problems& problems) {
  Config config;
  if (audit.is_null() || (audit.is_object() && !audit.contains("rules"))) {
    return config;
  }
  if (!audit.is_object()) {
    problems.push_back(project::located("smm.json", "/audit", "expected an object", R"(e.g. {"rules": {"collision": "off"}})"));
    return config;
  }
  const auto& table = audit["rules"];
  if (!table.is_object()) {
    problems.push_back(project::located("smm.json", "/audit/rules", "expected an object of rule ids",
                                        R"(e.g. {"collision": "off", "banned-word": {"words": ["cheap"]}})"));
    return config;
  }
  const std::string bad_severity_hint = "use \"error\", \"warning\", \"note\" or \"off\"";
  for (const auto& [id, value] : table.items()) {
    std::string pointer = "/audit/rules/" + escape_token(id);
    if (find_rule(id) == nullptr) {
      std::string hint = text::did_you_mean(id, rule_ids());
      problems.push_back(project::located("smm.json", pointer, "unknown audit rule \"" + id + "\"",
                                          hint.empty() ? "see `smm audit --rules`" : hint));
      continue;
    }
    const nlohmann::ordered_json* severity = nullptr;
    std::string severity_pointer = pointer;
    if (value.is_string()) {
      severity = &value;
    } else if (value.is_object()) {
      for (const auto& [key, setting] : value.items()) {
        if (key == "severity") {
          severity = &setting;
          severity_pointer = pointer + "/severity";
        } else {
          config.m_settings[id][key] = setting;
        }
      }
    } else {
      problems.push_back(project::located("smm.json", pointer, "expected a severity or an object",
                                          R"(e.g. "warning" or {"severity": "error", "max": 3})"));
      continue;
    }
    if (severity == nullptr) {
      continue;
    }
    auto parsed = severity->is_string() ? parse_severity(severity->get<std::string>()) : std::nullopt;
    if (!parsed) {
      problems.push_back(project::located("smm.json", severity_pointer, "invalid severity " + severity->dump(), bad_severity_hint));
      continue;
    }
    config.m_severity[id] = *parsed;
  }
  return config;
}

Severity Config::severity(const std::string& rule) const {
  if (auto it = m_severity.find(rule); it != m_severity.end()) {
    return it->second;
  }
  const RuleInfo* info = find_rule(rule);
  return info == nullptr ? Severity::error : info->default_severity;
}

long long Config::number(const std::string& rule, const std::string& key, long long fallback) const {
  auto r = m_settings.find(rule);
  if (r == m_settings.end()) {
    return fallback;
  }
  auto k = r->second.find(key);
  if (k == r->second.end() || !k->second.is_number_integer()) {
    return fallback;
  }
  return k->second.get<long long>();
}

std::vector<std::string> Config::strings(const std::string& rule, const std::string& key) const {
  std::vector<std::string> out;
  auto r = m_settings.find(rule);
  if (r == m_settings.end()) {
    return out;
  }
  auto k = r->second.find(key);
  if (k == r->second.end()) {
    return out;
  }
  if (k->second.is_string()) {
    out.push_back(k->second.get<std::string>());
  } else if (k->second.is_array()) {
    for (const auto& item : k->second) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      }
    }
  }
  return out;
}

bool Config::has(const std::string& rule, const std::string& key) const {
  auto r = m_settings.find(rule);
  return r != m_settings.end() && r->second.contains(key);
}

}  // namespace smm::audit
