// SPDX-License-Identifier: MIT
#include <unistd.h>

#include <ostream>

#include "cmd/plan/plan.hpp"
#include "smm/plan/queue.hpp"
#include "smm/plan/render.hpp"
#include "smm/text/suggest.hpp"
#include "smm/time/slots.hpp"

namespace smm::cmd {

Result<int> run_plan_slots(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  if (!opts.account.empty() && proj->account(opts.account) == nullptr) {
    return fail(ErrorKind::not_found, "no account \"" + opts.account + "\"", text::did_you_mean(opts.account, proj->account_names()));
  }
  if (opts.set_slots) {
    auto slots = time::parse_slots(*opts.set_slots);
    if (!slots) {
      Error e = slots.error();
      e.location = "--set";
      return std::unexpected(e);
    }
    std::string canonical = time::format_slots(*slots);
    if (opts.account.empty()) {
      proj->settings.slots = canonical;
      if (auto ok = project::save_settings(proj->root, proj->settings); !ok) {
        return std::unexpected(ok.error());
      }
    } else {
      project::Account account = *proj->account(opts.account);
      account.slots = canonical;
      if (auto ok = project::save_account(proj->root, account); !ok) {
        return std::unexpected(ok.error());
      }
    }
    rt.note("Slots of " + (opts.account.empty() ? std::string("the project") : opts.account) + ": " +
            (canonical.empty() ? "none" : canonical) + ". Run `smm plan queue` to re-place queued posts.");
    return 0;
  }
  output::Table table{{{"account"}, {"zone"}, {"slots", false, true}, {"source"}, {"next"}}, {}};
  for (const auto& [name, a] : proj->accounts) {
    std::string spec = a.slots.empty() ? proj->settings.slots : a.slots;
    if (!opts.account.empty() && name != opts.account) {
      continue;
    }
    auto zone = proj->zone_for(name);
    output::Cell next;
    if (auto parsed = time::parse_slots(spec); parsed && !parsed->empty()) {
      auto upcoming = time::next_slots(*parsed, zone, rt.now() + std::chrono::seconds(1), 1);
      if (!upcoming.empty()) {
        next = output::InstantCell{upcoming.front(), zone};
      }
    }
    table.rows.push_back({name, zone.name(), spec, a.slots.empty() ? "project" : "account", next});
  }
  std::size_t problems = rt.report(proj->problems);
  if (auto ok = rt.emit(table); !ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

Result<int> run_plan_queue(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto result = plan::queue(*proj, rt.now());
  std::size_t problems = rt.report(proj->problems) + rt.report(result.problems);
  output::Table table{{{"id"}, {"account"}, {"from"}, {"to"}, {"change"}}, {}};
  auto add_rows = [&](const std::vector<plan::Placement>& list, const char* change) {
    for (const auto& m : list) {
      auto zone = proj->zone_for(m.account);
      output::Cell from = m.from ? output::Cell(output::InstantCell{*m.from, zone}) : output::Cell();
      table.rows.push_back({m.id, m.account, from, output::InstantCell{m.to, zone}, change});
    }
  };
  add_rows(result.moved, opts.dry_run ? "would move" : "moved");
  if (!opts.dry_run) {
    std::vector<const project::Post*> changed;
    for (const auto& m : result.moved) {
      changed.push_back(proj->post(m.id));
    }
    if (auto ok = save_posts(*proj, changed); !ok) {
      return std::unexpected(ok.error());
    }
  }
  if (auto ok = rt.emit(table); !ok) {
    return std::unexpected(ok.error());
  }
  rt.note(std::to_string(result.moved.size()) + " placed, " + std::to_string(result.unchanged.size()) + " already in place");
  return rt.done(problems);
}

namespace {

std::string approver(Runtime& rt, const PlanOptions& opts) {
  if (!opts.by.empty()) {
    return opts.by;
  }
  if (auto name = rt.ctx.env.get("SMM_APPROVER"); name && !name->empty()) {
    return *name;
  }
  if (FILE* pipe = ::popen("git config user.name 2>/dev/null", "r")) {
    char buf[256] = {};
    std::string name = std::fgets(buf, sizeof buf, pipe) != nullptr ? buf : "";
    ::pclose(pipe);
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) {
      name.pop_back();
    }
    if (!name.empty()) {
      return name;
    }
  }
  return rt.ctx.env.get("USER").value_or("unknown");
}

}  // namespace

Result<int> run_plan_approve(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  std::string by = approver(rt, opts);
  std::vector<const project::Post*> changed;
  for (const auto& id : opts.ids) {
    if (proj->post(id) == nullptr) {
      return std::unexpected(load_with_post(rt, id).error());
    }
    project::Post* p = proj->post(id);
    std::string hash = plan::payload_hash(*proj, *p);
    p->approval = project::Approval{by, time::format_rfc3339(rt.now(), proj->zone()), hash, project::Json::object()};
    changed.push_back(p);
    rt.ctx.io.out() << id << "\t" << hash << "\n";
  }
  if (auto ok = save_posts(*proj, changed); !ok) {
    return std::unexpected(ok.error());
  }
  rt.note("Approved by " + by);
  return 0;
}

namespace {

Result<int> set_paused(Runtime& rt, const PlanOptions& opts, bool paused) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  if (opts.account.empty()) {
    proj->settings.paused = paused;
    if (!paused) {
      for (auto& [name, account] : proj->accounts) {
        if (account.paused) {
          rt.note("account " + name + " stays paused; resume it with `smm plan resume --account " + name + "`");
        }
      }
    }
    if (auto ok = project::save_settings(proj->root, proj->settings); !ok) {
      return std::unexpected(ok.error());
    }
  } else {
    const project::Account* found = proj->account(opts.account);
    if (found == nullptr) {
      return fail(ErrorKind::not_found, "no account \"" + opts.account + "\"", text::did_you_mean(opts.account, proj->account_names()));
    }
    project::Account account = *found;
    account.paused = paused;
    if (auto ok = project::save_account(proj->root, account); !ok) {
      return std::unexpected(ok.error());
    }
  }
  std::string what = opts.account.empty() ? "the project" : "account " + opts.account;
  rt.note(paused ? "Paused " + what + ": `smm post` publishes nothing there until `smm plan resume`." : "Resumed " + what + ".");
  return 0;
}

}  // namespace

Result<int> run_plan_pause(Runtime& rt, const PlanOptions& opts) { return set_paused(rt, opts, true); }
Result<int> run_plan_resume(Runtime& rt, const PlanOptions& opts) { return set_paused(rt, opts, false); }

}  // namespace smm::cmd
