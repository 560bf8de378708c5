// SPDX-License-Identifier: MIT
#pragma once

// The calendar linter. Rules look at the loaded project and report Findings; the engine applies
// each rule's configured severity (smm.json "audit"), sorts the findings into a stable order and
// the output module writes them as text, JSON or SARIF 2.1.0.
//
// Rule families live in one file each: rules_text.cpp (limits, brand, hygiene),
// rules_schedule.cpp, rules_media.cpp, rules_credentials.cpp, rules_links.cpp (--online).

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/project/project.hpp"

namespace smm::http {
class Transport;
}
namespace smm::creds {
class CredentialStore;
}

namespace smm::audit {

enum class Severity { off, note, warning, error };

/// "error", "warning", "note", "off"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);
const char* severity_name(Severity severity);

struct Finding {
  std::string rule;      ///< rule id, e.g. "text-too-long"
  Severity severity = Severity::error;
  std::string file;      ///< relative to the project root, e.g. "posts/x.json"
  std::string pointer;   ///< JSON pointer inside the file, "" for the whole file
  std::string message;
  std::string hint;
  int line = 0;          ///< 1-based line of `pointer` in the file (0 = unknown), for SARIF regions
};

/// One rule's description, for `smm audit --rules`, SARIF's rule table and the man page.
struct RuleInfo {
  const char* id;
  const char* family;  ///< limits, media, schedule, brand, hygiene, credentials, links
  Severity default_severity;
  const char* summary;
};

/// Every rule, in a stable order.
const std::vector<RuleInfo>& rules();

/// The "audit" object of smm.json: per-rule severity and settings.
///   "audit": {"rules": {"<id>": "warning" | {"severity": "off", "<setting>": ...}}, ...}
class Config {
 public:
  Config() = default;
  /// Reads smm.json's "audit" object; unknown rule ids and bad severities are problems located
  /// at smm.json: /audit/rules/<id>.
  static Config from_json(const nlohmann::ordered_json& audit, project::Problems& problems);
  /// The configured severity of a rule (its default when not configured).
  [[nodiscard]] Severity severity(const std::string& rule) const;
  /// A rule's setting, or `fallback` when not set or of the wrong type.
  [[nodiscard]] long long number(const std::string& rule, const std::string& key, long long fallback) const;
  /// A string-list setting (a single string counts as a list of one); empty when not set.
  [[nodiscard]] std::vector<std::string> strings(const std::string& rule, const std::string& key) const;
  /// True when the rule's setting `key` is present in smm.json (even as an empty list).
  [[nodiscard]] bool has(const std::string& rule, const std::string& key) const;

 private:
  std::map<std::string, Severity> m_severity;
  std::map<std::string, std::map<std::string, nlohmann::ordered_json>> m_settings;
};

/// What every rule gets.
struct Input {
  const project::Project& project;
  time::Instant now;
  const Config& config;
  const creds::CredentialStore* credentials = nullptr;  ///< nullptr: credential rules skip
  http::Transport* transport = nullptr;                 ///< set only with --online
  std::vector<std::string> only;  ///< post ids to check (empty: all); accounts are always checked
  bool lines = true;  ///< fill Finding::line (reads each file with findings again; text output has no use for it)
};

using Findings = std::vector<Finding>;
/// A rule family: appends findings (with the rule's default severity; the engine re-applies
/// the configured one and drops "off").
using Family = std::function<void(const Input&, Findings&)>;

/// Runs every family, applies severities, sorts by file, pointer, rule, message and, when
/// Input::lines is set, fills `line` from the files. Load problems of the project become findings of rule "invalid-file".
Findings run(const Input& input);

/// True when some finding is an error (exit 3).
bool has_errors(const Findings& findings);

/// `file: pointer: rule: message` lines (nothing when clean).
std::string to_text(const Findings& findings);
/// {"findings": [...], "summary": {"errors": N, "warnings": N, "notes": N}}.
std::string to_json(const Findings& findings);
/// SARIF 2.1.0 accepted by GitHub code scanning (tool.driver.rules from rules(), results with
/// physicalLocation.artifactLocation.uri relative to the project root and region.startLine).
/// `uri_prefix` is put before each file, e.g. "social/" when the project is that folder of a git
/// repository (code scanning resolves URIs against the repository root).
std::string to_sarif(const Findings& findings, const std::string& version, const std::string& uri_prefix = {});

}  // namespace smm::audit
