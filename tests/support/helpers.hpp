// SPDX-License-Identifier: MIT
#pragma once

// Small helpers shared by tests: zones and instants from text, and spreadsheet line endings.

#include <string>
#include <string_view>

#include "smm/time/time.hpp"

namespace smm::test {

/// The zone named `name`; the test fails (throws) when it does not exist.
inline time::Zone zone(std::string_view name) { return time::find_zone(name).value(); }

/// The instant of an RFC 3339 text; the test fails (throws) when it does not parse.
inline time::Instant at(std::string_view rfc3339) { return time::parse_rfc3339(rfc3339).value(); }

/// What a spreadsheet saves: every line break as CRLF, also inside cells.
inline std::string crlf(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
      out += '\r';
    }
    out += text[i];
  }
  return out;
}

}  // namespace smm::test
