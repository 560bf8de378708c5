// SPDX-License-Identifier: MIT
#include "smm/time/detail.hpp"

#include <array>

namespace smm::time::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::array<std::string_view, 7> k_weekday_names = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && is_space(text[pos])) {
      ++pos;
    }
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) {
      ++pos;
    }
    if (pos > start) {
      out.push_back(text.substr(start, pos - start));
    }
  }
  return out;
}

std::optional<int> parse_uint(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) {
    return std::nullopt;
  }
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<std::chrono::year_month_day> parse_ymd(std::string_view text) {
  if (text.size() < 8 || (text[4] != '-' && text[4] != '/')) {
    return std::nullopt;
  }
  const char separator = text[4];
  const std::size_t second = text.find(separator, 5);
  if (second == std::string_view::npos) {
    return std::nullopt;
  }
  const auto year = parse_uint(text.substr(0, 4), 4);
  const auto month = parse_uint(text.substr(5, second - 5), 2);
  const auto day = parse_uint(text.substr(second + 1), 2);
  if (!year || !month || !day) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return ymd;
}

std::optional<std::chrono::seconds> parse_clock(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  const auto hours = parse_uint(text.substr(0, colon), 2);
  std::string_view rest = text.substr(colon + 1);
  std::optional<int> secs = 0;
  if (rest.size() == 5 && rest[2] == ':') {
    secs = parse_uint(rest.substr(3), 2);
    rest = rest.substr(0, 2);
  }
  const auto minutes = rest.size() == 2 ? parse_uint(rest, 2) : std::nullopt;
  if (!hours || !minutes || !secs || *hours > 23 || *minutes > 59 || *secs > 59) {
    return std::nullopt;
  }
  return std::chrono::seconds{*hours * 3600 + *minutes * 60 + *secs};
}

std::optional<int> parse_weekday(std::string_view word) {
  for (std::size_t i = 0; i < k_weekday_names.size(); ++i) {
    if (word == k_weekday_names[i] || word == k_weekday_names[i].substr(0, 3)) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

int weekday_index(std::chrono::local_days day) {
  return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

std::chrono::local_days local_day(Instant t, const Zone& zone) {
  return std::chrono::floor<std::chrono::days>(to_local(t, zone));
}

Instant midnight(std::chrono::local_days day, const Zone& zone) {
  return resolve_local(std::chrono::local_seconds{day}, zone).at;
}

}  // namespace smm::time::detail
