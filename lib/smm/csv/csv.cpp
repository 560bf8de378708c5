// SPDX-License-Identifier: MIT
#include "smm/csv/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace smm::csv {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_quote_hint =
    "enclose fields that contain commas, quotes or line breaks in double quotes, and write a "
    "quote inside such a field as two quotes (\"\")";

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_blank(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::ranges::equal(a, b, [&](char x, char y) { return lower(x) == lower(y); });
}

/// A single pass over the text that tracks the physical line for row numbers and errors.
class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {
    if (m_text.starts_with(k_bom)) {
      m_pos = m_line_start = k_bom.size();
    }
  }

  Result<std::vector<Row>> read_all() {
    std::vector<Row> rows;
    while (m_pos < m_text.size()) {
      if (is_line_end(m_text[m_pos])) {
        consume_line_end();  // a completely empty line
        continue;
      }
      Row row{m_line, rows.size() + 1, {}};
      auto fields = read_record();
      if (!fields) {
        return std::unexpected(std::move(fields.error()));
      }
      row.fields = std::move(*fields);
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  Result<std::vector<std::string>> read_record() {
    std::vector<std::string> fields;
    while (true) {
      auto field = (m_pos < m_text.size() && m_text[m_pos] == '"') ? read_quoted() : read_plain();
      if (!field) {
        return std::unexpected(std::move(field.error()));
      }
      fields.push_back(std::move(*field));
      if (m_pos >= m_text.size()) {
        return fields;
      }
      if (m_text[m_pos] == ',') {
        ++m_pos;
        continue;
      }
      consume_line_end();
      return fields;
    }
  }

  Result<std::string> read_plain() {
    std::size_t start = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != ',' && !is_line_end(m_text[m_pos])) {
      if (m_text[m_pos] == '"') {
        return error_at(m_pos, "quote inside unquoted field");
      }
      ++m_pos;
    }
    return std::string(m_text.substr(start, m_pos - start));
  }

  Result<std::string> read_quoted() {
    const std::size_t open = m_pos;
    const std::size_t open_line = m_line;
    const std::size_t open_line_start = m_line_start;
    std::string field;
    ++m_pos;
    while (true) {
      if (m_pos >= m_text.size()) {
        m_line = open_line;
        m_line_start = open_line_start;
        return error_at(open, "unterminated quoted field");
      }
      const char c = m_text[m_pos];
      if (c == '"' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
        field += '"';
        m_pos += 2;
      } else if (c == '"') {
        ++m_pos;
        break;
      } else if (is_line_end(c)) {
        consume_line_end();
        field += '\n';
      } else {
        field += c;
        ++m_pos;
      }
    }
    if (m_pos < m_text.size() && m_text[m_pos] != ',' && !is_line_end(m_text[m_pos])) {
      return error_at(m_pos, "unexpected text after closing quote");
    }
    return field;
  }

  /// Consumes CRLF, LF or CR at m_pos and starts a new physical line.
  void consume_line_end() {
    if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      ++m_pos;
    }
    ++m_pos;
    ++m_line;
    m_line_start = m_pos;
  }

  /// An error for the byte at `pos` on the current line; columns count code points.
  std::unexpected<Error> error_at(std::size_t pos, std::string_view what) const {
    std::size_t column = 1;
    for (std::size_t i = m_line_start; i < pos; ++i) {
      if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) {
        ++column;
      }
    }
    return fail(ErrorKind::runtime, fmt::format("line {}, column {}: {}", m_line, column, what),
                std::string(k_quote_hint));
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  std::size_t m_line_start = 0;
};

bool needs_quotes(std::string_view field) {
  if (field.find_first_of(",\"\r\n") != std::string_view::npos) {
    return true;
  }
  return !field.empty() && (is_blank(field.front()) || is_blank(field.back()));
}

}  // namespace

Result<std::vector<Row>> parse(std::string_view text) { return Reader(text).read_all(); }

std::optional<std::size_t> Table::column(std::string_view name) const {
  name = trim(name);
  if (name.empty()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (iequals(header[i], name)) {
      return i;
    }
  }
  return std::nullopt;
}

Result<Table> parse_table(std::string_view text) {
  auto rows = parse(text);
  if (!rows) {
    return std::unexpected(std::move(rows.error()));
  }
  if (rows->empty()) {
    return fail(ErrorKind::runtime, "no header row", "the first line must name the columns");
  }
  Table table;
  for (const auto& name : rows->front().fields) {
    table.header.emplace_back(trim(name));
  }
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i].empty()) {
      continue;
    }
    for (std::size_t j = i + 1; j < table.header.size(); ++j) {
      if (iequals(table.header[i], table.header[j])) {
        return fail(ErrorKind::runtime,
                    fmt::format("line {}: column \"{}\" appears twice (columns {} and {})",
                                rows->front().line, table.header[j], i + 1, j + 1),
                    "rename or remove one of the columns");
      }
    }
  }
  table.rows.assign(std::make_move_iterator(rows->begin() + 1),
                    std::make_move_iterator(rows->end()));
  for (auto& row : table.rows) {
    if (row.fields.size() < table.header.size()) {
      row.fields.resize(table.header.size());
    }
  }
  return table;
}

std::string quote(std::string_view field) {
  if (!needs_quotes(field)) {
    return std::string(field);
  }
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

void write_row(std::string& out, const std::vector<std::string>& fields, bool crlf) {
  if (fields.size() == 1 && fields.front().empty()) {
    out += "\"\"";
  } else {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      out += quote(fields[i]);
    }
  }
  out += crlf ? "\r\n" : "\n";
}

}  // namespace smm::csv
