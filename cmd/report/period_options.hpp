// SPDX-License-Identifier: MIT
#pragma once

// The period flags shared by the report verbs (and `inbox list -p`): -p/-b/-e and -D..-Y, as
// hledger spells them, and --account checked against the project.

#include <string>

#include "cmd/runtime.hpp"
#include "smm/time/period.hpp"

namespace CLI {
class App;
}

namespace smm::cmd {

struct PeriodOptions {
  std::string period;
  std::string begin;
  std::string end;
  std::string account;
  bool daily = false;
  bool weekly = false;
  bool monthly = false;
  bool quarterly = false;
  bool yearly = false;
};

/// Adds -p/-b/-e, the interval flags when `intervals`, and --account.
void add_period_flags(CLI::App* cmd, PeriodOptions& o, bool intervals);
/// The interval flag given (none without one); a usage error for two.
Result<time::Interval> selected_interval(const PeriodOptions& o);
/// The period of -p/-b/-e in `zone` (open sides when not given).
Result<time::Period> selected_period(const Runtime& rt, const PeriodOptions& o, const time::Zone& zone);
/// --account must name a configured account or one with stored reports or inbox items.
Result<void> check_account(const project::Project& proj, const std::string& account);

}  // namespace smm::cmd
