// SPDX-License-Identifier: MIT
// Runs the rule families, turns load problems into findings, applies the configured severities
// and puts every finding on a line of its file.
#include <algorithm>
#include <map>
#include <tuple>

#include "smm/audit/families.hpp"
#include "smm/project/files.hpp"

namespace smm::audit {
namespace {

/// A load problem as an "invalid-file" finding. Error::location is "file", "file: /pointer" or
/// "file:line:col"-style text; a syntax error's message carries "at line L, column C".
Finding problem_finding(const Error& problem) {
  Finding f{"invalid-file", Severity::error, problem.location, "", problem.message, problem.hint, 0};
  if (auto sep = problem.location.find(": "); sep != std::string::npos) {
    f.file = problem.location.substr(0, sep);
    f.pointer = problem.location.substr(sep + 2);
    if (f.pointer == "/") {
      f.pointer.clear();  // located() writes "/" for the whole document
    }
  }
  if (auto at = problem.message.find("at line "); at != std::string::npos) {
    f.line = std::max(1, std::atoi(problem.message.c_str() + at + 8));
  }
  return f;
}

/// Reads each file once, however many findings it has.
class LineFinder {
 public:
  explicit LineFinder(const std::filesystem::path& root) : m_root(root) {}

  int line(const Finding& f) {
    if (f.line > 0) {
      return f.line;
    }
    auto it = m_files.find(f.file);
    if (it == m_files.end()) {
      it = m_files.emplace(f.file, project::read_file(m_root / f.file).value_or("")).first;
    }
    return pointer_line(it->second, f.pointer);
  }

 private:
  std::filesystem::path m_root;
  std::map<std::string, std::string> m_files;
};

/// False for the file of a post left out by Input::only.
bool selected_file(const Input& input, const std::string& file) {
  if (input.only.empty() || !file.starts_with("posts/") || !file.ends_with(".json")) {
    return true;
  }
  std::string id = file.substr(6, file.size() - 11);
  return std::find(input.only.begin(), input.only.end(), id) != input.only.end();
}

}  // namespace

Findings run(const Input& input) {
  Findings found;
  for (const auto& problem : input.project.problems) {
    Finding f = problem_finding(problem);
    if (selected_file(input, f.file)) {
      found.push_back(std::move(f));
    }
  }
  check_text(input, found);
  check_schedule(input, found);
  check_media(input, found);
  check_credentials(input, found);
  if (input.transport != nullptr) {
    check_links(input, found);
  }
  Findings out;
  out.reserve(found.size());
  LineFinder lines(input.project.root);
  for (auto& f : found) {
    f.severity = input.config.severity(f.rule);
    if (f.severity == Severity::off) {
      continue;
    }
    f.line = lines.line(f);
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.pointer, a.rule, a.message) < std::tie(b.file, b.pointer, b.rule, b.message);
  });
  return out;
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace smm::audit
