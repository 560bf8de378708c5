// SPDX-License-Identifier: MIT
#include "smm/inbox/sync.hpp"

#include <algorithm>
#include <array>

#include "smm/inbox/state.hpp"
#include "smm/project/project.hpp"

namespace smm::inbox {

std::map<std::string, std::string> our_posts(const project::Project& project, const std::string& account) {
  std::map<std::string, std::string> out;
  auto add = [&](const std::string& id, const std::string& post) {
    if (!id.empty()) {
      out.emplace(id, post);
    }
  };
  for (const project::Post& post : project.posts) {
    auto target = post.publish.find(account);
    if (target == post.publish.end()) {
      continue;
    }
    add(target->second.remote_id, post.id);
    for (const project::PartState& part : target->second.parts) {
      add(part.remote_id, post.id);
      if (auto uri = part.extra.find("uri"); uri != part.extra.end() && uri->is_string()) {
        add(uri->get<std::string>(), post.id);
      }
    }
  }
  return out;
}

namespace {

Result<void> mark_done(const std::filesystem::path& root, const std::string& account, const std::vector<Item>& items,
                       time::Instant now) {
  // Under the state lock, so a teammate's `inbox done` or `reply` at the same moment is kept.
  return update_state(root, account, [&](State& state) -> Result<void> {
    for (const Item& item : items) {
      Entry& entry = state.items[item.id];
      if (entry.status == "open") {
        entry.status = "done";
        entry.done_at = now;
      }
    }
    return {};
  });
}

}  // namespace

Result<SyncResult> sync_account(const project::Project& project, const std::string& account,
                                platform::Client& client, const SyncOptions& options) {
  auto warn = options.warn ? options.warn : [](const std::string&) {};
  auto have = stored(project.root, account, warn);
  if (!have) {
    return std::unexpected(have.error());
  }
  platform::InboxQuery query;
  query.newest = have->newest;
  query.since = options.since;
  query.watches = options.watches;
  query.our_posts = our_posts(project, account);
  query.progress = options.progress;
  auto batch = client.fetch_inbox(query);
  if (!batch) {
    return std::unexpected(batch.error());
  }
  SyncResult result;
  result.failures = std::move(batch->failures);
  result.notes = std::move(batch->notes);
  std::unordered_set<std::string> seen = have->remote_ids;
  for (Item& item : batch->items) {
    if (item.remote_id.empty() || !seen.insert(item.remote_id).second) {
      continue;  // stored already, or a second copy (a DM seen as a notification and a conversation)
    }
    item.account = account;
    item.id = item_id(account, item.remote_id);
    item.synced_at = options.now;
    result.added.push_back(std::move(item));
  }
  std::stable_sort(result.added.begin(), result.added.end(),
                   [](const Item& a, const Item& b) { return a.created_at < b.created_at; });
  std::unordered_set<std::string> before = std::move(have->remote_ids);
  auto appended = append_items(project.root, result.added, before);
  if (!appended) {
    return std::unexpected(appended.error());
  }
  if (options.catchup && !result.added.empty()) {
    if (auto ok = mark_done(project.root, account, result.added, options.now); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return result;
}

std::string describe(const std::vector<Item>& added) {
  constexpr std::array<std::pair<Kind, std::array<const char*, 2>>, 5> k_words{{
      {Kind::reply, {"reply", "replies"}},
      {Kind::mention, {"mention", "mentions"}},
      {Kind::quote, {"quote", "quotes"}},
      {Kind::dm, {"DM", "DMs"}},
      {Kind::watch, {"watch hit", "watch hits"}},
  }};
  std::string out = std::to_string(added.size()) + " new";
  std::string parts;
  for (const auto& [kind, words] : k_words) {
    auto n = static_cast<std::size_t>(std::count_if(added.begin(), added.end(), [k = kind](const Item& i) { return i.kind == k; }));
    if (n > 0) {
      parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + words[n == 1 ? 0 : 1];
    }
  }
  return parts.empty() ? out : out + " (" + parts + ")";
}

}  // namespace smm::inbox
