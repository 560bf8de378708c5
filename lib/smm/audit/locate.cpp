// SPDX-License-Identifier: MIT
// JSON pointer -> line number, for SARIF regions and editors.
//
// Neither parser we use keeps source positions, so the line is found in the text itself. smm
// writes every file canonically (project::dump_json: one member or array item per line, each
// level indented deeper than its parent), and hand-edited files almost always keep that shape.
// The walk follows the pointer one token at a time: the children of the current line are the
// following lines indented like its first child, up to the first line indented less; an object
// member is the child line starting with the key's JSON string and a colon, an array item is the
// N-th child line that does not start with a closing bracket. When a token cannot be followed
// (minified JSON, a scalar, a missing key) the deepest line reached is the answer.
#include <nlohmann/json.hpp>

#include "smm/audit/families.hpp"

namespace smm::audit {
namespace {

struct Line {
  std::size_t indent = 0;
  std::string_view body;  ///< without the indentation and trailing whitespace
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    std::string_view raw = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    auto first = raw.find_first_not_of(" \t");
    auto last = raw.find_last_not_of(" \t\r");
    Line line;
    if (first != std::string_view::npos) {
      line.indent = first;
      line.body = raw.substr(first, last - first + 1);
    }
    lines.push_back(line);
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> tokens_of(std::string_view pointer) {
  std::vector<std::string> tokens;
  std::size_t pos = 0;
  while (pos < pointer.size() && pointer[pos] == '/') {
    auto next = pointer.find('/', pos + 1);
    std::string_view raw = pointer.substr(pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    pos = next == std::string_view::npos ? pointer.size() : next;
  }
  return tokens;
}

/// '{' or '[' when the line opens a container, else 0.
char opener(std::string_view body) {
  if (body.ends_with(',')) {
    body.remove_suffix(1);
  }
  return !body.empty() && (body.back() == '{' || body.back() == '[') ? body.back() : 0;
}

std::optional<std::size_t> index_of(const std::string& token) {
  if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(std::stoul(token));
}

/// The child line of container line `parent` that `token` names.
std::optional<std::size_t> child(const std::vector<Line>& lines, std::size_t parent, const std::string& token) {
  char kind = opener(lines[parent].body);
  std::size_t i = parent + 1;
  while (i < lines.size() && lines[i].body.empty()) {
    ++i;
  }
  if (kind == 0 || i >= lines.size() || lines[i].indent <= lines[parent].indent) {
    return std::nullopt;
  }
  std::size_t indent = lines[i].indent;
  std::string key = nlohmann::json(token).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ":";
  auto wanted = index_of(token);
  std::size_t item = 0;
  for (; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.body.empty() || line.indent > indent) {
      continue;
    }
    if (line.indent < indent) {
      break;
    }
    if (kind == '{' && line.body.starts_with(key)) {
      return i;
    }
    if (kind == '[' && line.body.front() != '}' && line.body.front() != ']') {
      if (wanted && item == *wanted) {
        return i;
      }
      ++item;
    }
  }
  return std::nullopt;
}

}  // namespace

int pointer_line(std::string_view text, std::string_view pointer) {
  auto lines = split_lines(text);
  std::size_t cur = 0;
  while (cur < lines.size() && lines[cur].body.empty()) {
    ++cur;
  }
  if (cur >= lines.size()) {
    return 1;
  }
  for (const auto& token : tokens_of(pointer)) {
    auto next = child(lines, cur, token);
    if (!next) {
      break;
    }
    cur = *next;
  }
  return static_cast<int>(cur) + 1;
}

}  // namespace smm::audit
