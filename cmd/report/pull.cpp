// SPDX-License-Identifier: MIT
// smm report pull: fetches metrics. (Placeholder: registers nothing yet.)
#include "cmd/runtime.hpp"

namespace smm::cmd {

void add_report_pull(CLI::App* /*parent*/, Runtime& /*rt*/) {}

}  // namespace smm::cmd
