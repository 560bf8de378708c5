// SPDX-License-Identifier: MIT
// Runs the rule families, turns load problems into findings, applies the configured severities
// and puts every finding on a line of its file.
#include <algorithm>
#include <exception>
#include <thread>
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

/// Fills Finding::line for findings[begin, end), sorted by file: each file is read once, while its
/// findings are located, and then let go.
void fill_lines(const std::filesystem::path& root, Findings& findings, std::size_t begin, std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end; ++i) {
    Finding& f = findings[i];
    if (i == begin || f.file != findings[i - 1].file) {
      text = project::read_file(root / f.file).value_or("");
    }
    if (f.line <= 0) {
      f.line = pointer_line(text, f.pointer);
    }
  }
}

/// Fills Finding::line for every finding (sorted by file), in parallel slices that end where a
/// file's findings end: on a large project this is one more read of every post file.
void fill_lines(const std::filesystem::path& root, Findings& findings) {
  std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  threads = std::min(threads, std::max<std::size_t>(1, findings.size() / 256));
  std::vector<std::thread> pool;
  std::size_t begin = 0;
  for (std::size_t t = 1; t <= threads && begin < findings.size(); ++t) {
    std::size_t end = t == threads ? findings.size() : std::max(begin, findings.size() * t / threads);
    while (end > begin && end < findings.size() && findings[end].file == findings[end - 1].file) {
      ++end;
    }
    pool.emplace_back([&root, &findings, begin, end] { fill_lines(root, findings, begin, end); });
    begin = end;
  }
  for (auto& th : pool) {
    th.join();
  }
}

/// False for the file of a post left out by Input::only.
bool selected_file(const Input& input, const std::string& file) {
  if (input.only.empty() || !file.starts_with("posts/") || !file.ends_with(".json")) {
    return true;
  }
  std::string id = file.substr(6, file.size() - 11);
  return std::find(input.only.begin(), input.only.end(), id) != input.only.end();
}

/// Runs the rule families into `found`, in a fixed order. The per-post text rules keep every core
/// busy; the other families, much cheaper, run beside them on this thread.
void check_families(const Input& input, Findings& found) {
  Findings texts;
  std::exception_ptr error;
  std::thread beside([&] {
    try {
      check_text(input, texts);
    } catch (...) {
      error = std::current_exception();
    }
  });
  Findings duplicates;
  Findings others;
  try {
    check_duplicates(input, duplicates);  // first: its large index is gone before other findings pile up
    check_schedule(input, others);
    check_media(input, others);
    check_credentials(input, others);
  } catch (...) {
    beside.join();
    throw;
  }
  beside.join();
  if (error) {
    std::rethrow_exception(error);
  }
  for (Findings* part : {&texts, &duplicates, &others}) {
    found.insert(found.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
  }
  if (input.transport != nullptr) {
    check_links(input, found);
  }
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
  check_families(input, found);
  Findings out;
  out.reserve(found.size());
  std::string rule;  // findings come grouped by rule: each group's severity is looked up once
  Severity severity = Severity::off;
  for (auto& f : found) {
    if (rule.empty() || f.rule != rule) {
      rule = f.rule;
      severity = input.config.severity(f.rule);
    }
    f.severity = severity;
    if (f.severity != Severity::off) {
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.pointer, a.rule, a.message) < std::tie(b.file, b.pointer, b.rule, b.message);
  });
  if (input.lines) {
    fill_lines(input.project.root, out);
  }
  return out;
}

bool has_errors(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace smm::audit
