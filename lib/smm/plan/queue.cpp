// SPDX-License-Identifier: MIT
#include "smm/plan/queue.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "smm/time/slots.hpp"

namespace smm::plan {
namespace {

bool movable(const project::Post& p) { return p.status == "queued" && p.publish.empty(); }

// The slot instants of one account, generated lazily in batches.
class SlotStream {
 public:
  SlotStream(time::WeeklySlots slots, time::Zone zone, time::Instant after)
      : m_slots(std::move(slots)), m_zone(std::move(zone)), m_after(after) {}

  /// The i-th slot after the start, or nullopt when the slots run out (none in ten years).
  std::optional<time::Instant> at(std::size_t i) {
    while (i >= m_cache.size() && !m_exhausted) {
      time::Instant from = m_cache.empty() ? m_after + std::chrono::seconds(1) : m_cache.back() + std::chrono::seconds(1);
      auto batch = time::next_slots(m_slots, m_zone, from, 512);
      m_exhausted = batch.empty();
      m_cache.insert(m_cache.end(), batch.begin(), batch.end());
    }
    return i < m_cache.size() ? std::optional(m_cache[i]) : std::nullopt;
  }

 private:
  time::WeeklySlots m_slots;
  time::Zone m_zone;
  time::Instant m_after;
  std::vector<time::Instant> m_cache;
  bool m_exhausted = false;
};

}  // namespace

QueueResult queue(project::Project& project, time::Instant now) {
  QueueResult result;
  std::map<std::string, std::set<time::Instant>> taken;  // account -> instants in use
  std::vector<project::Post*> waiting;
  for (auto& p : project.posts) {
    if (movable(p)) {
      waiting.push_back(&p);
    } else if (p.at && p.status != "draft") {
      for (const auto& t : p.targets) {
        taken[t].insert(*p.at);
      }
    }
  }
  std::stable_sort(waiting.begin(), waiting.end(), [](const project::Post* a, const project::Post* b) {
    return std::tie(a->created, a->id) < std::tie(b->created, b->id);
  });
  std::map<std::string, SlotStream> streams;   // first target -> its slots
  std::map<std::string, std::size_t> cursors;  // target set -> first slot index worth trying
  for (project::Post* p : waiting) {
    const std::string& account = p->targets.front();
    const project::Account* a = project.account(account);
    std::string spec = a != nullptr && !a->slots.empty() ? a->slots : project.settings.slots;
    auto slots = time::parse_slots(spec);
    if (!slots || slots->empty()) {
      result.problems.push_back(project::located(project::Project::post_path(p->id), "/targets/0",
                                                 "account \"" + account + "\" has no posting slots",
                                                 "set some with `smm plan slots " + account + " --set \"mon-fri 09:00\"`"));
      continue;
    }
    auto zone = project.zone_for(account);
    auto stream = streams.try_emplace(account, *slots, zone, now).first;
    std::string key = account + "\n";
    for (const auto& t : p->targets) {
      key += t + ",";
    }
    std::size_t& i = cursors[key];
    std::optional<time::Instant> slot;
    for (; (slot = stream->second.at(i)); ++i) {
      bool free = std::none_of(p->targets.begin(), p->targets.end(), [&](const std::string& t) { return taken[t].count(*slot) > 0; });
      if (free) {
        break;
      }
    }
    if (!slot) {
      result.problems.push_back(project::located(project::Project::post_path(p->id), "/at", "no free slot in the next ten years"));
      continue;
    }
    for (const auto& t : p->targets) {
      taken[t].insert(*slot);
    }
    Placement placed{p->id, p->at, *slot, account};
    if (p->at == slot) {
      result.unchanged.push_back(placed);
    } else {
      p->set_at(*slot, p->zone.empty() ? zone : project.zone_for(*p));
      result.moved.push_back(placed);
    }
  }
  return result;
}

}  // namespace smm::plan
