// SPDX-License-Identifier: MIT
#include "smm/plan/csv_io.hpp"

#include <algorithm>

#include "smm/plan/csv_cells.hpp"

namespace smm::plan {
namespace {

void join_into(std::string& out, const std::vector<std::string>& items, char sep) {
  out.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += sep;
    }
    out += items[i];
  }
}

void media_cells(const project::Post& post, std::string& paths, std::string& alts) {
  paths.clear();
  alts.clear();
  for (std::size_t i = 0; i < post.media.size(); ++i) {
    if (i > 0) {
      paths += '\n';
      alts += '\n';
    }
    paths += post.media[i].path;
    alts += post.media[i].alt;
  }
  // Trailing lines without alt text say nothing: "A cat\n\n" is written "A cat".
  while (!alts.empty() && alts.back() == '\n') {
    alts.pop_back();
  }
}

}  // namespace

std::string_view column_name(CsvColumn column) {
  return k_csv_columns[static_cast<std::size_t>(column)];
}

void export_cells(const project::Post& post, std::vector<std::string>& cells) {
  cells.resize(k_csv_columns.size());
  auto at = [&](CsvColumn c) -> std::string& { return cells[static_cast<std::size_t>(c)]; };
  at(CsvColumn::id) = post.id;
  at(CsvColumn::at) = post.at_text;
  at(CsvColumn::zone) = post.zone;
  at(CsvColumn::status) = post.status;
  join_into(at(CsvColumn::targets), post.targets, ',');
  at(CsvColumn::text) = post.text;
  media_cells(post, at(CsvColumn::media), at(CsvColumn::alt));
  join_into(at(CsvColumn::tags), post.tags, ',');
  at(CsvColumn::campaign) = post.campaign;
  at(CsvColumn::thread) = post.thread;
  at(CsvColumn::first_comment) = post.first_comment;
}

std::string export_csv(const std::vector<const project::Post*>& posts) {
  std::string out;
  out.reserve(128 + posts.size() * 256);
  std::vector<std::string> cells(k_csv_columns.begin(), k_csv_columns.end());
  csv::write_row(out, cells);
  for (const auto* post : posts) {
    export_cells(*post, cells);
    csv::write_row(out, cells);
  }
  return out;
}

std::string_view action_name(RowAction action) {
  switch (action) {
    case RowAction::created:
      return "new";
    case RowAction::updated:
      return "updated";
    case RowAction::unchanged:
      return "unchanged";
    case RowAction::error:
      return "error";
  }
  return "error";
}

namespace detail {

std::string_view trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string read_back(const std::string& cell) {
  if (cell.find('\r') == std::string::npos) {
    return cell;
  }
  std::string out;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] != '\r') {
      out += cell[i];
    } else if (i + 1 >= cell.size() || cell[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t pos = 0;
  while (pos <= cell.size()) {
    auto comma = std::min(cell.find(',', pos), cell.size());
    std::string item(trim(cell.substr(pos, comma - pos)));
    if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
      items.push_back(std::move(item));
    }
    pos = comma + 1;
  }
  return items;
}

std::vector<std::string> split_lines(std::string_view cell) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= cell.size()) {
    auto nl = std::min(cell.find('\n', pos), cell.size());
    lines.emplace_back(cell.substr(pos, nl - pos));
    pos = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

}  // namespace detail

}  // namespace smm::plan
