// SPDX-License-Identifier: MIT
#pragma once

// Private helpers of the CSV import and export (csv_io.cpp, csv_import.cpp): how list and line
// cells are split. Not part of the public API.

#include <string>
#include <string_view>
#include <vector>

namespace smm::plan::detail {

/// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

/// What csv::parse() gives back for a cell that export wrote: CR and CRLF inside fields become LF.
std::string read_back(const std::string& cell);

/// A comma-separated cell: "feed, masto,," -> {"feed", "masto"} (items trimmed, empty and
/// repeated items dropped).
std::vector<std::string> split_list(std::string_view cell);

/// A one-item-per-line cell; inner empty lines are kept, trailing ones dropped ("" -> {}).
std::vector<std::string> split_lines(std::string_view cell);

}  // namespace smm::plan::detail
