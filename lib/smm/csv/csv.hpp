// SPDX-License-Identifier: MIT
#pragma once

// RFC 4180 CSV reading and writing, used by post import/export and `--format csv` listings.
// The reader is strict about quoting (it reports the line and column of the problem) but lenient
// about line endings, a leading UTF-8 byte order mark and blank lines, which spreadsheets produce.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/error.hpp"

namespace smm::csv {

/// One record of a CSV text.
struct Row {
  /// 1-based physical line on which the record starts (blank lines and newlines inside quoted
  /// fields are counted).
  std::size_t line = 0;
  /// 1-based record number, counting the header (if any) as 1; blank lines are not counted.
  std::size_t number = 0;
  /// The record's fields, unquoted. CRLF and lone CR inside quoted fields become LF.
  std::vector<std::string> fields;

  friend bool operator==(const Row&, const Row&) = default;
};

/// Parses RFC 4180 CSV: fields separated by commas, optionally enclosed in double quotes with
/// `""` standing for one quote; quoted fields may span lines. Records end with CRLF, LF or CR;
/// the final newline is optional. A UTF-8 BOM at the very start is skipped and completely empty
/// lines are skipped (but counted in `Row::line`). Empty text gives no rows.
/// Fails (ErrorKind::runtime) with a message starting "line L, column C: " (column counted in
/// code points) on an unterminated quoted field, a quote inside an unquoted field, or text after
/// a closing quote. `Error::location` is left empty for the caller to fill with the file name.
Result<std::vector<Row>> parse(std::string_view text);

/// A CSV text whose first record names the columns.
struct Table {
  /// Column names from the first record, trimmed of surrounding spaces and tabs.
  std::vector<std::string> header;
  /// The records after the header. Rows with fewer fields than the header are padded with empty
  /// fields; rows with more are left as they are, so callers can report them
  /// (`row.fields.size() > header.size()`).
  std::vector<Row> rows;

  /// The index of the column called `name` (trimmed, ASCII case-insensitive), or nullopt when
  /// there is no such column or `name` is blank.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
};

/// Parses `text` like parse() and splits off the header. Fails (ErrorKind::runtime) as parse()
/// does, when there is no header record, or when two non-empty column names are equal ignoring
/// case.
Result<Table> parse_table(std::string_view text);

/// `field` as it should appear in CSV: unchanged, or enclosed in double quotes (with inner quotes
/// doubled) when it contains a comma, quote, CR or LF, or starts or ends with a space or tab.
std::string quote(std::string_view field);

/// Appends one record to `out`, each field passed through quote(), ending with "\n" or, when
/// `crlf` is set, "\r\n". A record of one empty field is written as `""` so that it is not read
/// back as a blank line. An empty `fields` writes only the line ending (which reads back as
/// nothing).
void write_row(std::string& out, const std::vector<std::string>& fields, bool crlf = false);

}  // namespace smm::csv
