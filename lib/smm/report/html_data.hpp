// SPDX-License-Identifier: MIT
#pragma once

// Internal to lib/smm/report: what `report html` shows, gathered from the snapshots (report
// build and collect) and the inbox (response) before any HTML is written (html.cpp).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "smm/report/html.hpp"
#include "smm/report/html_svg.hpp"
#include "smm/report/response.hpp"

namespace smm::report::detail {

/// One post on one account, as of its latest snapshot in the period.
struct PostRow {
  std::string account;
  std::string post;
  std::optional<std::int64_t> likes;
  std::optional<std::int64_t> reposts;
  std::optional<std::int64_t> replies;
  std::int64_t interactions = 0;
  std::optional<double> rate;
  std::optional<time::Instant> published;
  std::string url;
  std::string text;
};

/// Everything the page shows, gathered before any HTML is written.
struct Data {
  std::vector<std::string>
      names;  ///< every account with snapshots, sorted: its colour is its index
  std::vector<svg::Line> followers;
  std::vector<PostRow> posts;
  std::vector<ResponseRow> weekly;    ///< all accounts together, per week
  std::vector<ResponseRow> overall;   ///< all accounts together, the whole period (0 or 1 row)
  std::vector<ResponseRow> accounts;  ///< per account, the whole period
};

/// The CSS colour of an account (its index among d.names).
std::string colour_of(const Data& d, const std::string& account);

/// Everything the page shows for the request.
Result<Data> gather(const std::filesystem::path& root, const HtmlRequest& r,
                    const std::function<void(const std::string&)>& warn);

}  // namespace smm::report::detail
