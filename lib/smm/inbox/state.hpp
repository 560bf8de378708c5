// SPDX-License-Identifier: MIT
#pragma once

// Triage state of an account's inbox: inbox/<account>/state.json, written atomically, keys sorted,
// unknown fields kept. An item without an entry is open.
//
//   {
//     "items": {
//       "3f9a1c2b7e": {
//         "status": "done",
//         "assignee": "sam",
//         "tags": ["billing"],
//         "done_at": "2026-11-23T10:05:00Z",
//         "replies": [
//           {"state": "published", "key": "smm-1795420800-9f2c...", "text": "Thanks, Bob!",
//            "at": "2026-11-23T10:04:59Z", "remote_id": "1140", "url": "https://..."}
//         ]
//       }
//     }
//   }
//
// A reply is a write-ahead receipt (ARCHITECTURE §8): "sending" with a fresh key is saved before
// the request, "published" (remote_id, url, at) after it, "failed" (error) on a definite failure.
// A "sending" receipt left by a crash is reconciled by the platform client's find() before any
// resend, so `inbox reply` never posts the same reply twice.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "smm/error.hpp"
#include "smm/time/time.hpp"

namespace smm::inbox {

struct Reply {
  std::string state;  ///< sending | published | failed
  std::string key;
  std::string text;
  std::optional<time::Instant> at;  ///< published: when the platform confirmed it
  std::string remote_id;
  std::string url;
  std::string error;                            ///< failed: what went wrong
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();  ///< Bluesky uri/cid
  nlohmann::ordered_json rest = nlohmann::ordered_json::object();   ///< unknown fields
};

struct Entry {
  std::string status = "open";  ///< open | done
  std::string assignee;
  std::vector<std::string> tags;
  std::optional<time::Instant> done_at;
  std::vector<Reply> replies;
  nlohmann::ordered_json rest = nlohmann::ordered_json::object();

  /// When the first published reply was confirmed (time to first reply), if any.
  [[nodiscard]] std::optional<time::Instant> first_reply_at() const;
};

struct State {
  std::map<std::string, Entry> items;  ///< item id -> entry
  nlohmann::ordered_json rest = nlohmann::ordered_json::object();
};

/// "inbox/<account>/state.json", relative to the project root.
std::filesystem::path state_file(const std::string& account);

/// The account's state; empty when the file does not exist. Errors name the file and JSON pointer.
Result<State> load_state(const std::filesystem::path& root, const std::string& account);
/// Writes the state atomically (fsynced); an unchanged state rewrites the same bytes.
Result<void> save_state(const std::filesystem::path& root, const std::string& account, const State& state);

/// Read-modify-write under an exclusive flock on .smm/inbox-<account>.lock (waiting for it), so
/// two smm processes triaging or replying at once both keep their changes. `change` may fail;
/// then nothing is written.
Result<void> update_state(const std::filesystem::path& root, const std::string& account,
                          const std::function<Result<void>(State&)>& change);

}  // namespace smm::inbox
