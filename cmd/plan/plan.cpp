// SPDX-License-Identifier: MIT
#include "cmd/plan/plan.hpp"

#include <CLI/CLI.hpp>

namespace smm::cmd {
namespace {

using Run = Result<int> (*)(Runtime&, const PlanOptions&);

CLI::App* sub(CLI::App* plan, Runtime& rt, const std::shared_ptr<PlanOptions>& opts, const char* name,
              const char* help, Run run, const char* examples) {
  auto* cmd = plan->add_subcommand(name, help);
  cmd->footer(std::string("examples:\n") + examples);
  cmd->callback([&rt, opts, run] { rt.action = [&rt, opts, run] { return run(rt, *opts); }; });
  return cmd;
}

void add_filters(CLI::App* cmd, PlanOptions& o) {
  cmd->add_option("-p,--period", o.period, "Period: 2026-11, 2026q4, this week, from 2026-11-01 to 2026-12-01")->type_name("PERIOD");
  cmd->add_option("-b,--begin", o.begin, "Start date (inclusive)")->type_name("DATE");
  cmd->add_option("-e,--end", o.end, "End date (exclusive)")->type_name("DATE");
  cmd->add_option("--account", o.account, "Only posts to this account")->type_name("A");
}

void add_content(CLI::App* cmd, PlanOptions& o) {
  cmd->add_option("--to", o.to, "Target accounts (repeat or comma-separate)")->delimiter(',')->type_name("A[,B]");
  cmd->add_option("--at", o.at, "When: 2026-11-24 09:00, RFC 3339, +2h, tomorrow 09:00, next monday 10:00")->type_name("WHEN");
  cmd->add_option("--media", o.media, "Attach a file inside the project, e.g. media/cat.jpg (repeatable)")->type_name("FILE");
  cmd->add_option("--alt", o.alt, "Alt text for the --media before it (repeatable)")->type_name("TEXT");
  cmd->add_option("--tag", o.tags, "Tag (repeatable)")->type_name("T");
  cmd->add_option("--campaign", o.campaign, "Campaign name")->type_name("C");
  cmd->add_option("--thread", o.thread, "Thread splitting: auto or off")->check(CLI::IsMember({"auto", "off"}))->type_name("MODE");
  cmd->add_option("--first-comment", o.first_comment, "A first comment/reply posted under the post")->type_name("TEXT");
}

}  // namespace

void register_plan(CLI::App& app, Runtime& rt) {
  auto opts = std::make_shared<PlanOptions>();
  PlanOptions& o = *opts;
  auto* plan = app.add_subcommand("plan", "The content calendar: posts, slots, queue, CSV, calendar, approvals");
  plan->footer(R"(examples:
  smm plan                      # what is upcoming
  smm plan add "Hello" --to feed --at "tomorrow 09:00"
  smm plan show 2026-11-24-hello
  smm plan calendar --month)");
  add_filters(plan, o);
  plan->add_option("--status", o.status, "draft, queued, scheduled, sending, partial, published, failed, missed")->type_name("S");
  plan->add_option("--tag", o.tag, "Only posts with this tag")->type_name("T");
  plan->add_option("--campaign", o.campaign, "Only posts in this campaign")->type_name("C");
  plan->add_flag("--all", o.all, "Include published posts");
  plan->callback([&rt, opts, plan] {
    if (plan->get_subcommands().empty()) {
      rt.action = [&rt, opts] { return run_plan_list(rt, *opts); };
    }
  });

  auto* add = sub(plan, rt, opts, "add", "Add a post (text from the argument, - for stdin, or $EDITOR)", run_plan_add,
                  "  smm plan add \"Launch day!\" --to feed,masto --at \"2026-11-24 09:00\"\n"
                  "  echo \"From a pipe\" | smm plan add - --to feed --queue\n"
                  "  smm plan add \"Photo\" --to feed --media media/cat.jpg --alt \"A cat asleep\" --draft");
  add->add_option("text", o.text, "The post's text, or - to read stdin")->type_name("TEXT|-");
  add_content(add, o);
  add->add_flag("--queue", o.queue, "Place it in the next free slot instead of a fixed time");
  add->add_flag("--draft", o.draft, "Save as a draft (never published)");
  add->add_option("--id", o.id, "Post id (default: yyyy-mm-dd-slug)")->type_name("ID");

  auto* list = sub(plan, rt, opts, "list", "List posts (default: everything not yet published)", run_plan_list,
                   "  smm plan list -p 2026-11\n  smm plan list --account feed --status queued --json\n"
                   "  smm plan list --all --format csv -o posts.csv");
  add_filters(list, o);
  list->add_option("--status", o.status, "draft, queued, scheduled, sending, partial, published, failed, missed")->type_name("S");
  list->add_option("--tag", o.tag, "Only posts with this tag")->type_name("T");
  list->add_option("--campaign", o.campaign, "Only posts in this campaign")->type_name("C");
  list->add_flag("--all", o.all, "Include published posts");

  auto* show = sub(plan, rt, opts, "show", "What each target will receive: parts, lengths, time, state (--json for a record)", run_plan_show,
                   "  smm plan show 2026-11-24-launch\n  smm plan show 2026-11-24-launch --json");
  show->add_option("id", o.id, "Post id")->required();

  auto* edit = sub(plan, rt, opts, "edit", "Edit a post's JSON in $EDITOR (validated before saving)", run_plan_edit,
                   "  smm plan edit 2026-11-24-launch\n  EDITOR=nano smm plan edit welcome");
  edit->add_option("id", o.id, "Post id")->required();

  auto* set = sub(plan, rt, opts, "set", "Change a post's time, targets, status or content fields", run_plan_set,
                  "  smm plan set 2026-11-24-launch --at \"2026-11-25 10:00\"\n"
                  "  smm plan set 2026-11-24-launch --to feed,masto --status scheduled\n"
                  "  smm plan set welcome --queue");
  set->add_option("id", o.id, "Post id")->required();
  add_content(set, o);
  set->add_option("--text", o.text, "Replace the text (- reads stdin)")->type_name("TEXT|-");
  set->add_option("--status", o.status, "draft, queued or scheduled")->check(CLI::IsMember({"draft", "queued", "scheduled"}))->type_name("S");
  set->add_flag("--queue", o.queue, "Make it queued (placed by `plan queue`)");

  auto* rm = sub(plan, rt, opts, "rm", "Delete posts", run_plan_rm, "  smm plan rm 2026-11-24-launch --yes");
  rm->add_option("ids", o.ids, "Post ids")->required();
  rm->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");

  auto* slots = sub(plan, rt, opts, "slots", "Show or set weekly posting slots", run_plan_slots,
                    "  smm plan slots\n  smm plan slots feed --set \"mon-fri 09:00,13:00; sat 10:00\"\n"
                    "  smm plan slots --set \"daily 08:30\"   # the project default");
  slots->add_option("account", o.account, "Account (default: all; with --set: the project default)")->type_name("ACCOUNT");
  slots->add_option("--set", o.set_slots, "Slots, e.g. \"mon-fri 09:00,13:00; sat 10:00\" (\"\" clears)")->type_name("SPEC");

  auto* queue = sub(plan, rt, opts, "queue", "Place queued posts into the next free slots", run_plan_queue,
                    "  smm plan queue\n  smm plan queue --dry-run");
  queue->add_flag("-n,--dry-run", o.dry_run, "Show the placements without saving them");

  auto* imp = sub(plan, rt, opts, "import", "Import posts from CSV (valid rows land, bad rows are reported)", run_plan_import,
                  "  smm plan import posts.csv --dry-run\n  smm plan import posts.csv");
  imp->add_option("file", o.file, "CSV file (- for stdin)")->required()->type_name("FILE.csv");
  imp->add_flag("-n,--dry-run", o.dry_run, "Validate and report without writing");

  auto* exp = sub(plan, rt, opts, "export", "Export posts as CSV (the import columns)", run_plan_export,
                  "  smm plan export > posts.csv\n  smm plan export -p 2026-12 -o december.csv");
  add_filters(exp, o);
  exp->add_option("--status", o.status, "Only posts with this status")->type_name("S");
  exp->add_option("--tag", o.tag, "Only posts with this tag")->type_name("T");
  exp->add_option("--campaign", o.campaign, "Only posts in this campaign")->type_name("C");

  auto* cal = sub(plan, rt, opts, "calendar", "A week or month grid, or iCalendar", run_plan_calendar,
                  "  smm plan calendar --week\n  smm plan calendar --month -p 2026-12\n  smm plan calendar --ics calendar.ics");
  cal->add_flag("--week", o.week, "One week (default)");
  cal->add_flag("--month", o.month, "One month");
  cal->add_option("--ics", o.ics, "Write iCalendar to FILE (- for stdout)")->type_name("FILE");
  add_filters(cal, o);

  auto* diff = sub(plan, rt, opts, "diff", "Everything that will go out in a window, per target, with final texts", run_plan_diff,
                   "  smm plan diff\n  smm plan diff -p tomorrow\n  smm plan diff -p \"this week\" --json");
  add_filters(diff, o);

  auto* approve = sub(plan, rt, opts, "approve", "Approve posts: records who and the payload hash", run_plan_approve,
                      "  smm plan approve 2026-11-24-launch\n  smm plan approve 2026-11-24-launch --by alice");
  approve->add_option("ids", o.ids, "Post ids")->required();
  approve->add_option("--by", o.by, "Approver (default: $SMM_APPROVER, git user.name, else $USER)")->type_name("NAME");

  auto* pause = sub(plan, rt, opts, "pause", "The crisis switch: nothing publishes until resume", run_plan_pause,
                    "  smm plan pause\n  smm plan pause --account masto");
  pause->add_option("--account", o.account, "Pause only this account")->type_name("A");
  auto* resume = sub(plan, rt, opts, "resume", "Undo pause", run_plan_resume, "  smm plan resume\n  smm plan resume --account masto");
  resume->add_option("--account", o.account, "Resume only this account")->type_name("A");
}

}  // namespace smm::cmd
