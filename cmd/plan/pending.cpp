// SPDX-License-Identifier: MIT
// Scaffolding while import/export/calendar are being written; removed when they land.
#include "cmd/plan/plan.hpp"

namespace smm::cmd {
}  // namespace smm::cmd
