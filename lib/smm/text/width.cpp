// SPDX-License-Identifier: MIT
#include "smm/text/width.hpp"

#include <utf8proc.h>

#include <vector>

namespace smm::text {
namespace {

struct Cluster {
  std::size_t begin;
  std::size_t end;
  std::size_t width;
};

std::vector<Cluster> clusters(std::string_view text) {
  std::vector<Cluster> out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t pos = 0;
  utf8proc_int32_t prev = -1;
  utf8proc_int32_t state = 0;
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (n <= 0) {  // invalid byte: a cluster of its own, one column
      out.push_back({static_cast<std::size_t>(pos), static_cast<std::size_t>(pos) + 1, 1});
      ++pos;
      prev = -1;
      continue;
    }
    bool brk = prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state);
    auto w = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    if (brk || out.empty()) {
      out.push_back({static_cast<std::size_t>(pos), static_cast<std::size_t>(pos + n), w});
    } else {
      out.back().end = static_cast<std::size_t>(pos + n);
      // An emoji presentation selector widens the cluster it belongs to.
      if (cp == 0xFE0F && out.back().width < 2) {
        out.back().width = 2;
      }
    }
    prev = cp;
    pos += n;
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const auto& c : clusters(text)) {
    width += c.width;
  }
  return width;
}

std::string_view fit_prefix(std::string_view text, std::size_t columns) {
  std::size_t used = 0;
  std::size_t end = 0;
  for (const auto& c : clusters(text)) {
    if (used + c.width > columns) {
      break;
    }
    used += c.width;
    end = c.end;
  }
  return text.substr(0, end);
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  return std::string(fit_prefix(text, columns - 1)) + "…";
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch == '\t' || ch == '\n' || ch == '\r') {
      ch = ' ';
    }
  }
  return out;
}

}  // namespace smm::text
