// SPDX-License-Identifier: MIT
#pragma once

// Posts <-> CSV records for `plan import` and `plan export`, so a calendar can make a lossless
// round trip through a spreadsheet. The columns are documented and stable (new ones are only
// ever appended). Pure logic: nothing here touches the terminal or writes a file; import only
// looks at posts/ on disk to keep new ids unique.
//
// Cells:
//   id             the post id; empty on import: a new post with a generated id
//   at             RFC 3339 as stored; on import any time::parse_when() form, in the row's zone,
//                  else the first target's zone, else the project's; empty: no time
//   zone           the post's own IANA zone; empty: its first target's (or the project's)
//   status         draft | queued | scheduled; empty on import: scheduled with a time, else queued
//   targets, tags  comma-separated ("feed,masto"); items are trimmed, empty items dropped
//   media, alt     one item per line; alt line i describes media line i (empty line: no alt)
//   text, campaign, thread, first_comment   as stored
//
// On import, a cell of an existing post that reads back exactly as export would write it leaves
// that field untouched (its stored bytes are kept), so `export | import` changes nothing; a column
// missing from the file also leaves the field untouched.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smm/csv/csv.hpp"
#include "smm/project/project.hpp"

namespace smm::plan {

/// The CSV columns in export order.
inline constexpr std::array<std::string_view, 12> k_csv_columns = {
    "id",    "at",  "zone", "status",   "targets", "text",
    "media", "alt", "tags", "campaign", "thread",  "first_comment"};

/// Index of each column in k_csv_columns.
enum class CsvColumn : std::size_t {
  id,
  at,
  zone,
  status,
  targets,
  text,
  media,
  alt,
  tags,
  campaign,
  thread,
  first_comment
};

/// The columns an import file must have.
inline constexpr std::array<CsvColumn, 2> k_required_csv_columns = {CsvColumn::targets,
                                                                    CsvColumn::text};

/// The column's key ("first_comment").
[[nodiscard]] std::string_view column_name(CsvColumn column);

/// Sets `cells` to the 12 cells of `post` in k_csv_columns order (reusing their storage).
void export_cells(const project::Post& post, std::vector<std::string>& cells);

/// A header record and one record per post (csv::write_row, LF line endings, no BOM).
std::string export_csv(const std::vector<const project::Post*>& posts);

/// What importing one row did (or, with a dry run, would do).
enum class RowAction { created, updated, unchanged, error };

/// "new", "updated", "unchanged" or "error".
[[nodiscard]] std::string_view action_name(RowAction action);

/// One CSV record's outcome.
struct RowOutcome {
  std::size_t row = 0;  ///< csv::Row::number: the spreadsheet row (the header is row 1)
  std::string id;       ///< the post's id (generated for new posts; as written for errors)
  RowAction action = RowAction::error;
  project::Post post;          ///< the post to save (created and updated rows)
  project::Problems problems;  ///< error rows: located "FILE:ROW: column"
};

/// Everything an import would do.
struct ImportPlan {
  std::vector<std::string> unknown_columns;  ///< header names that are not columns (ignored)
  std::vector<RowOutcome> rows;              ///< one per record, in file order
};

/// Validates every record of `table` against `project` and builds the posts to save. `file` is
/// the name used in locations; `now` anchors relative times and stamps `created` on new posts.
/// A row fails alone (its problems located "FILE:ROW: column"): more fields than the header,
/// an invalid or repeated id, an id whose file could not be loaded, bad cells, a changed time or
/// target list on a post with publish records, or anything project::validate_post() rejects.
/// Fails as a whole (runtime, located at `file`) when a required column is missing.
Result<ImportPlan> plan_import(const project::Project& project, const csv::Table& table,
                               const std::string& file, time::Instant now);

}  // namespace smm::plan
