// SPDX-License-Identifier: MIT
#include "smm/output/table.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

#include "smm/csv/csv.hpp"
#include "smm/text/width.hpp"

namespace smm::output {
namespace {

std::string cell_text(const Cell& cell, const RenderOptions& options) {
  struct Visitor {
    const RenderOptions& options;
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(const Decimal& d) const { return fmt::format("{:.{}f}", d.value, d.places); }
    std::string operator()(bool b) const {
      if (options.format == Format::table) {
        return b ? "yes" : "no";
      }
      return b ? "true" : "false";
    }
    std::string operator()(time::Duration d) const {
      return options.format == Format::table ? time::format_duration(d) : std::to_string(d.count());
    }
    std::string operator()(const InstantCell& c) const {
      if (options.format != Format::table) {
        return time::format_rfc3339(c.at, c.zone);
      }
      std::string local = time::format_rfc3339(c.at, c.zone).substr(0, 16);
      local[10] = ' ';
      if (options.relative_times) {
        local += " (" + time::relative(c.at, options.now) + ")";
      }
      return local;
    }
  };
  return std::visit(Visitor{options}, cell);
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    } else if (c == '_') {
      c = ' ';
    }
  }
  return s;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  std::size_t w = text::display_width(text);
  std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

// Shrinks flex columns (widest first, to no less than 12 columns) until the table fits the
// terminal; other columns keep their width so ids stay whole and copyable.
void fit_widths(std::vector<std::size_t>& widths, const Table& table, int terminal) {
  constexpr std::size_t k_min = 12;
  std::size_t total = 2 * (widths.empty() ? 0 : widths.size() - 1);
  for (auto w : widths) {
    total += w;
  }
  auto limit = static_cast<std::size_t>(std::max(terminal, 20));
  while (total > limit) {
    std::size_t pick = widths.size();
    for (std::size_t i = 0; i < widths.size(); ++i) {
      if (table.columns[i].flex && widths[i] > k_min && (pick == widths.size() || widths[i] > widths[pick])) {
        pick = i;
      }
    }
    if (pick == widths.size()) {
      return;
    }
    std::size_t cut = std::min(widths[pick] - k_min, total - limit);
    widths[pick] -= cut;
    total -= cut;
  }
}

void render_table(std::ostream& out, const Table& table, const RenderOptions& options) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const auto& col : table.columns) {
    widths.push_back(text::display_width(upper(col.key)));
  }
  for (const auto& row : table.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(text::one_line(cell_text(row[i], options)));
      widths[i] = std::max(widths[i], text::display_width(line.back()));
    }
  }
  fit_widths(widths, table, options.width);
  auto write_line = [&](const std::vector<std::string>& line, bool header) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      bool last = i + 1 == line.size();
      std::string cell = text::truncate_to_width(line[i], widths[i]);
      text += last && !table.columns[i].right ? cell : pad(cell, widths[i], table.columns[i].right);
      if (!last) {
        text += "  ";
      }
    }
    if (header && options.color) {
      text = "\x1b[1m" + text + "\x1b[0m";
    }
    out << text << '\n';
  };
  std::vector<std::string> header;
  for (const auto& col : table.columns) {
    header.push_back(upper(col.key));
  }
  write_line(header, true);
  for (const auto& line : cells) {
    write_line(line, false);
  }
}

}  // namespace

Result<Format> parse_format(std::string_view name) {
  if (name == "table") {
    return Format::table;
  }
  if (name == "tsv") {
    return Format::tsv;
  }
  if (name == "csv") {
    return Format::csv;
  }
  if (name == "json") {
    return Format::json;
  }
  if (name == "jsonl") {
    return Format::jsonl;
  }
  return fail(ErrorKind::usage, "unknown format \"" + std::string(name) + "\"",
              "use one of: table, tsv, csv, json, jsonl");
}

std::optional<Format> format_for_path(const std::filesystem::path& path) {
  auto ext = path.extension().string();
  if (ext == ".tsv") {
    return Format::tsv;
  }
  if (ext == ".csv") {
    return Format::csv;
  }
  if (ext == ".json") {
    return Format::json;
  }
  if (ext == ".jsonl" || ext == ".ndjson") {
    return Format::jsonl;
  }
  if (ext == ".txt") {
    return Format::table;
  }
  return std::nullopt;
}

nlohmann::ordered_json row_json(const Table& table, const std::vector<Cell>& row) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  RenderOptions json_options{.format = Format::json};
  for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
    const auto& key = table.columns[i].key;
    const Cell& cell = row[i];
    if (std::holds_alternative<std::monostate>(cell)) {
      obj[key] = nullptr;
    } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
      obj[key] = *n;
    } else if (const auto* b = std::get_if<bool>(&cell)) {
      obj[key] = *b;
    } else if (const auto* d = std::get_if<time::Duration>(&cell)) {
      obj[key] = d->count();
    } else if (std::holds_alternative<Decimal>(cell)) {
      // The number as shown elsewhere, so json and csv agree digit for digit.
      obj[key] = std::stod(cell_text(cell, json_options));
    } else {
      obj[key] = cell_text(cell, json_options);
    }
  }
  return obj;
}

void render(std::ostream& out, const Table& table, const RenderOptions& options) {
  switch (options.format) {
    case Format::table:
      if (!table.rows.empty()) {
        render_table(out, table, options);
      }
      return;
    case Format::json: {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& row : table.rows) {
        arr.push_back(row_json(table, row));
      }
      out << arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return;
    }
    case Format::jsonl:
      for (const auto& row : table.rows) {
        out << row_json(table, row).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
      }
      return;
    case Format::tsv:
    case Format::csv: {
      if (table.rows.empty()) {
        return;
      }
      bool tsv = options.format == Format::tsv;
      // Rows are gathered in one buffer written every 64 KiB: at 100,000 rows, a string per
      // field, line and stream insertion was most of the rendering time.
      std::string chunk;
      auto emit = [&](const std::vector<std::string>& fields) {
        if (tsv) {
          for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) {
              chunk += '\t';
            }
            std::size_t start = chunk.size();
            chunk += fields[i];
            std::replace_if(chunk.begin() + static_cast<std::ptrdiff_t>(start), chunk.end(),
                            [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');  // text::one_line
          }
          chunk += '\n';
        } else {
          csv::write_row(chunk, fields);
        }
        if (chunk.size() >= 65536) {
          out << chunk;
          chunk.clear();
        }
      };
      std::vector<std::string> fields;
      for (const auto& col : table.columns) {
        fields.push_back(col.key);
      }
      if (options.header) {
        emit(fields);
      }
      for (const auto& row : table.rows) {
        fields.resize(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (const auto* s = std::get_if<std::string>(&row[i])) {
            fields[i].assign(*s);  // reuses the field's buffer
          } else {
            fields[i] = cell_text(row[i], options);
          }
        }
        emit(fields);
      }
      out << chunk;
      return;
    }
  }
}

std::string thousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace smm::output
