// SPDX-License-Identifier: MIT
#pragma once

// Internal to lib/smm/report: the inline SVG charts of `report html`. Each returns a complete
// <svg> element sized by its viewBox (CSS makes it as wide as the page), text escaped, numbers
// written with fixed precision so the bytes are stable.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smm/time/time.hpp"

namespace smm::report::svg {

/// The colour of the i-th series (a fixed palette, repeating).
std::string_view colour(std::size_t i);

struct Line {
  std::string name;
  std::string colour;                                          ///< CSS colour
  std::vector<std::pair<time::Instant, std::int64_t>> points;  ///< in time order
};
/// Lines over time on one y axis (from a rounded minimum to a rounded maximum), dates in `zone`.
std::string line_chart(const std::vector<Line>& lines, const time::Zone& zone,
                       std::string_view title);

struct Bar {
  std::string label;
  std::string colour;  ///< CSS colour
  std::int64_t value = 0;
};
/// Horizontal bars from zero, one row each, the value at the bar's end.
std::string bar_chart(const std::vector<Bar>& bars, std::string_view title);

struct PairBar {
  std::string label;
  double first = 0;   ///< e.g. the median, in hours
  double second = 0;  ///< e.g. p90, in hours
};
/// Vertical pairs of bars per label (first dark, second light), values in `unit`.
std::string pair_chart(const std::vector<PairBar>& pairs, std::string_view unit,
                       std::string_view first_name, std::string_view second_name,
                       std::string_view title);


}  // namespace smm::report::svg
