// SPDX-License-Identifier: MIT
// smm report html: a page for a client. (Placeholder: registers nothing yet.)
#include "cmd/runtime.hpp"

namespace smm::cmd {

void add_report_html(CLI::App* /*parent*/, Runtime& /*rt*/) {}

}  // namespace smm::cmd
