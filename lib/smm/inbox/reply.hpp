// SPDX-License-Identifier: MIT
#pragma once

// `inbox reply`: one reply to an inbox item through the write-ahead receipts of state.json
// (ARCHITECTURE §8, as `post` publishes). Steps, each saved under the state lock:
// 1. An earlier receipt still "sending" (a crash or timeout) is reconciled first: the client's
//    find() with its key; found -> "published"; surely absent -> resent with the same key;
//    cannot tell -> the reply fails, nothing is sent.
// 2. The same text already published (a rerun of the same command) -> nothing is sent, unless
//    `again`.
// 3. A "sending" receipt with a fresh key is saved, the request sent, then "published" (and the
//    item marked done unless keep_open) or "failed"; an unconfirmed send stays "sending" for the
//    next run to reconcile.
// Templates: templates/<name>.json {"text": "Thanks {first_name}!"}; variables {author}
// (@handle), {handle}, {name}, {first_name}, {account}, {post}, {url}.

#include <filesystem>
#include <map>
#include <string>

#include "smm/error.hpp"
#include "smm/inbox/item.hpp"
#include "smm/inbox/state.hpp"
#include "smm/platform/client.hpp"

namespace smm::inbox {

/// The template's text with the item's variables filled in; an unknown variable is an error
/// naming it and the known ones.
Result<std::string> fill_template(const std::string& text, const Item& item, const std::string& display_path);

/// Reads templates/<name>.json and fills it in.
Result<std::string> reply_template(const std::filesystem::path& root, const std::string& name, const Item& item);

/// The part a reply sends (text as given; root and parent from the item).
platform::Part reply_part(const Item& item, const std::string& text);

struct ReplyOptions {
  bool again = false;      ///< send even when the same text was already published
  bool keep_open = false;  ///< do not mark the item done
  time::Instant now{};
};

struct ReplyOutcome {
  std::string state;  ///< published | already (same text published before) | unconfirmed
  Reply receipt;
  std::string note;   ///< e.g. "an earlier reply that was unconfirmed has landed"
};

Result<ReplyOutcome> send_reply(const std::filesystem::path& root, const Item& item, const std::string& text,
                                platform::Client& client, const ReplyOptions& options);

}  // namespace smm::inbox
