// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smm::text {

/// Edit distance (optimal string alignment: insertions, deletions, substitutions and adjacent
/// transpositions) between two byte strings, case-insensitive for ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo (distance at
/// most a third of the word's length, at least 1), for "did you mean" hints.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// `hint` text: `did you mean "x"?` or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace smm::text
