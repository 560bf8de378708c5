// SPDX-License-Identifier: MIT
#pragma once

// Inbox items: what `inbox sync` pulled, appended as JSON Lines to inbox/<account>/<yyyy-mm>.jsonl
// (the UTC month of created_at), one object per line, keys in this order, empty ones left out:
//
//   {"id":"3f9a1c2b7e","account":"masto","platform":"mastodon","kind":"reply","remote_id":"1134",
//    "url":"https://example.social/@bob/1134","author":{"handle":"bob@example.social","name":"Bob",
//    "id":"42","url":"https://example.social/@bob"},"text":"Is it out yet?",
//    "created_at":"2026-11-23T09:12:00+00:00","post":"2026-11-20-launch","in_reply_to":"1130",
//    "thread_root":"1130","source":"notifications","cursor":"5543","synced_at":"2026-11-23T10:00:00+00:00"}
//
// - id: our short stable id, the first 10 hex digits of SHA-256("<account>\n<remote_id>"); the
//   CLI accepts any unique prefix of at least 4 digits.
// - kind: mention | reply | quote | dm | watch.
// - remote_id: the platform's id of the item (Mastodon status id, Bluesky at:// URI, chat message
//   id "<convo>/<message>"). Items are de-duplicated by (account, remote_id).
// - text: plain text (Mastodon HTML reduced to text: <br> and </p><p> become newlines, entities
//   decoded).
// - post: our post id when the item answers (replies to or quotes) one of our published posts.
// - in_reply_to / thread_root: remote ids of the post it replies to and of its thread's first post.
// - conversation: DMs: the platform's conversation id. watch: watches: the watch's name.
// - source + cursor: where sync found it ("notifications", "conversations", "chat",
//   "watch:<name>") and that source's paging position for it (Mastodon notification id, status
//   id; Bluesky indexedAt; chat message rev). Sync resumes each source from its newest cursor
//   (ARCHITECTURE §7: cursors are derived from stored data).
// - extra: platform handles a reply needs (Bluesky: {"cid", "root": {"uri", "cid"}}; Mastodon DMs:
//   {"visibility": "direct", "mentions": [...]}).
// Lines are only appended, whole; readers skip a torn or invalid line with a warning (file:line)
// and ignore unknown keys.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::inbox {

using Json = nlohmann::ordered_json;

enum class Kind { mention, reply, quote, dm, watch };
std::string_view to_string(Kind kind);
std::optional<Kind> parse_kind(std::string_view text);

struct Author {
  std::string handle;  ///< "bob@example.social", "bob.bsky.social"
  std::string name;    ///< display name
  std::string id;      ///< platform account id / DID
  std::string url;
};

struct Item {
  std::string id;  ///< item_id(account, remote_id); filled by append_items() when empty
  std::string account;
  std::string platform;
  Kind kind = Kind::mention;
  std::string remote_id;
  std::string url;
  Author author;
  std::string text;
  time::Instant created_at{};
  std::string post;
  std::string in_reply_to;
  std::string thread_root;
  std::string conversation;
  std::string watch;
  std::string source;
  std::string cursor;
  time::Instant synced_at{};
  Json extra = Json::object();
};

/// The short stable id of an item.
std::string item_id(std::string_view account, std::string_view remote_id);

/// The item as one JSON line (with its '\n').
std::string to_line(const Item& item);
/// The item in a JSON line; fails with a message naming the bad field.
Result<Item> from_json(const Json& line);

/// "inbox/<account>/<yyyy-mm>.jsonl", relative to the project root.
std::filesystem::path file_for(const std::string& account, time::Instant created_at);

/// What is stored for an account: every remote id (for de-duplication) and each source's newest
/// item (its cursor and created_at), for incremental sync.
struct Stored {
  std::unordered_set<std::string> remote_ids;
  struct Newest {
    std::string cursor;
    time::Instant created_at{};
  };
  std::map<std::string, Newest> newest;  ///< source -> newest item
};
Result<Stored> stored(const std::filesystem::path& root, const std::string& account,
                      const std::function<void(const std::string&)>& warn);

/// Appends the items whose remote id is not in `seen` (which gets them), filling id; grouped per
/// month file, one write of whole lines + fsync each (a torn last line first gets its '\n').
/// Returns how many were appended.
Result<std::size_t> append_items(const std::filesystem::path& root, std::vector<Item> items,
                                 std::unordered_set<std::string>& seen);

/// Streams every item of `account` (empty: all accounts under inbox/), files in name order.
/// Bad lines go to `warn` as "inbox/masto/2026-11.jsonl:7: ..." and are skipped.
Result<void> scan_items(const std::filesystem::path& root, const std::string& account,
                        const std::function<void(Item&&)>& each,
                        const std::function<void(const std::string&)>& warn);

/// The account names with an inbox/<name>/ directory, sorted.
std::vector<std::string> inbox_accounts(const std::filesystem::path& root);

}  // namespace smm::inbox
