// SPDX-License-Identifier: MIT
#pragma once

// Audit test fixtures: a TempProject (zone Europe/Paris, account feed, clock 2026-11-23T10:00Z),
// posts built in code, and the findings of one rule as "file: pointer: message" lines.

#include <string>
#include <vector>

#include "smm/audit/audit.hpp"
#include "support/temp_project.hpp"

namespace smm::test {

/// A scheduled post to `targets` at `at` (RFC 3339, kept as written).
inline project::Post make_post(const std::string& id, const std::string& text, std::vector<std::string> targets = {"feed"},
                               const std::string& at = "2026-11-24T09:00:00+01:00") {
  project::Post p;
  p.id = id;
  p.text = text;
  p.targets = std::move(targets);
  if (!at.empty()) {
    p.at_text = at;
    p.at = time::parse_rfc3339(at).value();
  }
  return p;
}

/// Sets smm.json's "audit" object.
inline void set_audit(const TempProject& tp, const std::string& audit_json) {
  auto proj = project::load(tp.dir(), project::LoadOptions::without_posts());
  REQUIRE(proj.has_value());
  proj->settings.audit = project::Json::parse(audit_json);
  REQUIRE(project::save_settings(tp.dir(), proj->settings).has_value());
}

/// Loads the project and runs the whole audit as `smm audit` does.
inline audit::Findings audit_all(const TempProject& tp, std::vector<std::string> only = {}) {
  auto proj = project::load(tp.dir());
  REQUIRE(proj.has_value());
  auto config = audit::Config::from_json(proj->settings.audit, proj->problems);
  audit::Input input{*proj, fixed_now(), config, nullptr, nullptr, std::move(only)};
  return audit::run(input);
}

/// The findings of `rule`, one "file: pointer: message" line each.
inline std::vector<std::string> findings_of(const TempProject& tp, const std::string& rule, std::vector<std::string> only = {}) {
  std::vector<std::string> out;
  for (const auto& f : audit_all(tp, std::move(only))) {
    if (f.rule == rule) {
      out.push_back(f.file + ": " + f.pointer + ": " + f.message);
    }
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace smm::test
