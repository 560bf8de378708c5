// SPDX-License-Identifier: MIT
// Scaffolding while import/export/calendar are being written; removed when they land.
#include "cmd/plan/plan.hpp"

namespace smm::cmd {
Result<int> run_plan_import(Runtime&, const PlanOptions&) { return fail(ErrorKind::runtime, "not built yet"); }
Result<int> run_plan_export(Runtime&, const PlanOptions&) { return fail(ErrorKind::runtime, "not built yet"); }
Result<int> run_plan_calendar(Runtime&, const PlanOptions&) { return fail(ErrorKind::runtime, "not built yet"); }
}  // namespace smm::cmd
