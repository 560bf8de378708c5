// SPDX-License-Identifier: MIT
#pragma once

// Which targets `smm post` acts on now, and how (ARCHITECTURE §8). Pure: reads the project,
// decides, writes nothing.
//
// A target of a scheduled post whose time has come is due unless it is published. A target left
// `sending` by an earlier run is resumed (reconciled before anything is resent). A failed target
// is due again when its error was retryable and it has had fewer than k_max_attempts runs, or
// with --retry-failed. A target never tried whose time is more than max_late ago is marked
// missed instead of being published late, unless --catch-up. Posts named on the command line
// are due now, whatever their time (not drafts). Paused projects and accounts and posts that
// need an approval they lack (or whose payload changed since) are held and reported.

#include <optional>
#include <string>
#include <vector>

#include "smm/project/project.hpp"

namespace smm::post {

/// Runs a retryable failure gets before it needs --retry-failed.
inline constexpr int k_max_attempts = 5;
/// How late a post may go out when neither --max-late nor smm.json "max_late" says.
inline constexpr time::Duration k_default_max_late = std::chrono::hours(2);

struct Selection {
  time::Instant now{};
  time::Duration max_late = k_default_max_late;
  bool catch_up = false;
  bool retry_failed = false;
  std::string account;           ///< only this account ("" = all)
  std::vector<std::string> ids;  ///< only these posts, due now whatever their time
};

enum class Action {
  publish,  ///< send (resuming at the first unconfirmed part)
  miss,     ///< too late: record `missed`
  hold,     ///< paused, unapproved or changed since approval: report, write nothing
};

struct Task {
  std::string post;
  std::string account;
  Action action = Action::publish;
  std::string reason;  ///< why held or missed
};

/// The tasks in (time, post id, target order) order. Fails (usage, not_found) when a named post
/// does not exist or is a draft.
Result<std::vector<Task>> select(const project::Project& project, const Selection& selection);

/// max_late from smm.json ("max_late": "2h"), else k_default_max_late.
Result<time::Duration> configured_max_late(const project::Project& project);

}  // namespace smm::post
