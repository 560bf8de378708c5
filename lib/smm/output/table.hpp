// SPDX-License-Identifier: MIT
#pragma once

// The one decision point for command output: a command builds a Table (or a JSON value) from
// its domain records and render() writes it in the chosen format.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::output {

enum class Format { table, tsv, csv, json, jsonl };

/// "table", "tsv", "csv", "json", "jsonl"; usage error otherwise.
Result<Format> parse_format(std::string_view name);
/// The format an output file's extension implies (.tsv .csv .json .jsonl .ndjson .txt), if any.
std::optional<Format> format_for_path(const std::filesystem::path& path);

/// A point in time shown in a zone: local "2026-11-24 09:00" in tables, RFC 3339 elsewhere.
struct InstantCell {
  time::Instant at;
  time::Zone zone;
};

/// A fractional number shown with a fixed number of decimal places (a JSON number in json).
struct Decimal {
  double value = 0.0;
  int places = 4;
};

using Cell = std::variant<std::monostate, std::string, std::int64_t, InstantCell, time::Duration, bool, Decimal>;

struct Column {
  std::string key;     ///< snake_case; the header in tsv/csv, the key in json
  bool right = false;  ///< right-align in tables (numbers)
  bool flex = false;   ///< this column shrinks first when the table is wider than the terminal
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

struct RenderOptions {
  Format format = Format::tsv;
  bool color = false;
  int width = 80;
  bool relative_times = false;  ///< tables: add "(in 2h)" after instants
  time::Instant now{};
  bool header = true;  ///< tsv/csv: write the header row (false for the later slices of a stream)
};

/// 1204 -> "1,204": counts in sentences and on pages for people.
std::string thousands(std::int64_t n);

/// Writes the table. Empty tables write nothing in table/tsv/csv/jsonl, and "[]" in json.
void render(std::ostream& out, const Table& table, const RenderOptions& options);

/// The row as a JSON object keyed by column keys (instants as RFC 3339 strings, durations as
/// seconds, empty cells as null).
nlohmann::ordered_json row_json(const Table& table, const std::vector<Cell>& row);

}  // namespace smm::output
