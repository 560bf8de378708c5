// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace smm::text {

/// Columns a UTF-8 string takes in a terminal (East Asian wide = 2, combining = 0), per
/// extended grapheme cluster. Invalid bytes count as one column each.
std::size_t display_width(std::string_view text);

/// The longest prefix of `text` at most `columns` wide, ending on a grapheme cluster boundary.
std::string_view fit_prefix(std::string_view text, std::size_t columns);

/// `text` cut to at most `columns` display columns, ending in "…" when it was cut. Never splits
/// a grapheme cluster.
std::string truncate_to_width(std::string_view text, std::size_t columns);

/// Replaces tabs, newlines and carriage returns with single spaces (for one-line cells).
std::string one_line(std::string_view text);

}  // namespace smm::text
