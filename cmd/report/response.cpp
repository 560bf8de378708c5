// SPDX-License-Identifier: MIT
// smm report response: time to first reply. (Placeholder: registers nothing yet.)
#include "cmd/runtime.hpp"

namespace smm::cmd {

void add_report_response(CLI::App* /*parent*/, Runtime& /*rt*/) {}

}  // namespace smm::cmd
