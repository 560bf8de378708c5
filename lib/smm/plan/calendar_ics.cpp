// SPDX-License-Identifier: MIT
// iCalendar (RFC 5545) output of the content calendar; declared in calendar.hpp.
#include <fmt/format.h>

#include "smm/plan/calendar.hpp"
#include "smm/text/width.hpp"

namespace smm::plan {
namespace {

constexpr std::size_t k_line_octets = 75;  // RFC 5545 §3.1, excluding the CRLF
constexpr std::size_t k_summary_columns = 60;

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : sep) + item;
  }
  return out;
}

void property(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  out += ics_fold(line);
  out += "\r\n";
}

// The first line of the text, cut to about 60 columns, then the targets in brackets.
std::string summary(const project::Post& post, const std::string& text) {
  std::string first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') {
    first.pop_back();
  }
  first = text::truncate_to_width(first, k_summary_columns);
  if (first.empty()) {
    first = "(no text)";
  }
  if (!post.targets.empty()) {
    first += " [" + join(post.targets, ", ") + "]";
  }
  return first;
}

void event(std::string& out, const project::Post& post, const IcsOptions& options) {
  const std::string& text = options.account.empty() ? post.text : post.text_for(options.account);
  std::string description =
      text + "\n\nTargets: " + join(post.targets, ", ") + "\nStatus: " + post.effective_status();
  std::vector<std::string> categories;
  for (const auto& tag : post.tags) {
    categories.push_back(ics_escape(tag));
  }
  bool tentative = post.status == "draft" || post.status == "queued";
  out += "BEGIN:VEVENT\r\n";
  property(out, "UID", ics_escape(post.id) + "@smm");
  property(out, "DTSTAMP", ics_utc(options.stamp));
  property(out, "DTSTART", ics_utc(*post.at));
  property(out, "DURATION", "PT15M");
  property(out, "SUMMARY", ics_escape(summary(post, text)));
  property(out, "DESCRIPTION", ics_escape(description));
  if (!categories.empty()) {
    property(out, "CATEGORIES", join(categories, ","));
  }
  property(out, "STATUS", tentative ? "TENTATIVE" : "CONFIRMED");
  out += "END:VEVENT\r\n";
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') {
        out += "\\n";  // a lone CR is a line break too; CRLF becomes one "\n" at its LF
      }
    } else if (c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != '\x7f')) {
      out += c;
    }
    // Other control characters are not allowed in TEXT (RFC 5545 §3.3.11): dropped.
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t start = 0;
  std::size_t room = k_line_octets;
  while (line.size() - start > room) {
    std::size_t cut = start + room;
    // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
      --cut;
    }
    if (cut == start) {
      cut = start + room;  // not UTF-8 at all: octets are all the format asks about
    }
    out.append(line.substr(start, cut - start));
    out += "\r\n ";
    start = cut;
    room = k_line_octets - 1;  // the continuation's leading space counts
  }
  out.append(line.substr(start));
  return out;
}

std::string ics_utc(time::Instant t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day date{day};
  std::chrono::hh_mm_ss clock{t - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

std::string to_ics(const std::vector<const project::Post*>& posts, const IcsOptions& options) {
  std::string out = "BEGIN:VCALENDAR\r\n";
  property(out, "VERSION", "2.0");
  property(out, "PRODID", "-//smm//smm " SMM_VERSION "//EN");
  property(out, "CALSCALE", "GREGORIAN");
  property(out, "X-WR-CALNAME", ics_escape(options.name));
  for (const auto* post : posts) {
    if (post->at) {
      event(out, *post, options);
    }
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

}  // namespace smm::plan
