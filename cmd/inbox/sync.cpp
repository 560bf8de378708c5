// SPDX-License-Identifier: MIT
// smm inbox sync: pulls new items. (Placeholder: registers nothing yet.)
#include "cmd/runtime.hpp"

namespace smm::cmd {

void add_inbox_sync(CLI::App* /*parent*/, Runtime& /*rt*/) {}

}  // namespace smm::cmd
