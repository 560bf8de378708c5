// SPDX-License-Identifier: MIT
#pragma once

// `smm report html`: one self-contained HTML5 page for a client: inline CSS and inline SVG, no
// scripts, no external assets (the only URLs are the links to the published posts), readable on
// a phone and in print. Sections: a summary (project, period, totals), followers over time per
// account (daily points from account snapshots), interactions per post (latest snapshot), the
// top posts, and response times (report::summarize per week). A section without data says so.
// The bytes depend only on the stored data and the request (no clock of its own): the same
// inputs give the same page.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "smm/error.hpp"
#include "smm/time/period.hpp"

namespace smm::report {

/// What the page shows of one of our posts (from posts/<id>.json).
struct HtmlPost {
  std::string text;
  struct Target {
    std::string url;                  ///< the platform link, when published
    std::optional<time::Instant> at;  ///< when it was published
  };
  std::map<std::string, Target> targets;  ///< account -> its publish record
};

struct HtmlRequest {
  std::string title;        ///< the page's heading; empty: "<project> report"
  std::string project;      ///< the project's name
  std::string period_text;  ///< the period as the user gave it ("" : all stored data)
  time::Period period;
  time::Zone zone;                        ///< dates are local to it
  std::string account;                    ///< empty: every account
  time::Instant now{};                    ///< "generated at", and the 24 h share's clock
  std::map<std::string, HtmlPost> posts;  ///< post id -> text and links
};

/// The page. Bad snapshot or inbox lines go to `warn`; fails only when a file cannot be read or
/// an inbox state file is invalid.
Result<std::string> build_html(const std::filesystem::path& root, const HtmlRequest& request,
                               const std::function<void(const std::string&)>& warn);

/// `text` with &, <, >, " and ' replaced by entities (safe in element text and quoted attributes).
std::string html_escape(std::string_view text);

}  // namespace smm::report
