// SPDX-License-Identifier: MIT
#pragma once

// The project directory as data: smm.json (Settings), accounts/<name>.json (Account) and
// posts/<id>.json (Post). Each struct keeps the fields smm knows plus `extra`, the fields it
// does not, so a rewrite preserves what users and newer versions added. Names are file stems.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "smm/time/time.hpp"

namespace smm::project {

using Json = nlohmann::ordered_json;

inline constexpr int k_schema_version = 1;

struct Settings {
  int schema_version = k_schema_version;
  std::string name;
  std::string zone = "UTC";         ///< the project's zone, for times given without one
  std::string slots;                ///< default weekly slots for accounts without their own
  std::string thread = "auto";      ///< default thread splitting: auto | off
  bool thread_markers = true;       ///< append " 1/3" to thread parts
  bool approval_required = false;   ///< posts need `plan approve` before they publish
  bool paused = false;              ///< the crisis switch: nothing publishes
  Json feed = Json::object();       ///< feed platform settings (title, home_page_url, ...)
  Json audit = Json::object();      ///< audit rule settings
  Json extra = Json::object();
};

struct Account {
  std::string name;      ///< from the file name
  std::string platform;  ///< feed, mastodon, bluesky, x, threads, linkedin, ...
  std::string server;
  std::string handle;
  std::string zone;      ///< empty: the project zone
  std::string slots;     ///< empty: the project's default slots
  std::optional<int> char_limit;  ///< "limits": {"chars": N}; overrides the platform default
  bool paused = false;
  Json extra = Json::object();
};

struct Media {
  std::string path;  ///< relative to the project root
  std::string alt;
  Json extra = Json::object();
};

struct Approval {
  std::string by;
  std::string at;    ///< RFC 3339
  std::string hash;  ///< "sha256:<hex>" of the rendered payloads
  Json extra = Json::object();
};

/// One sent piece of a target: a thread part, or the first comment (after the parts). `key` is
/// the idempotency key written before the request; `remote_id` is set once the platform
/// confirmed it. A part with a key and no remote id is unconfirmed: it may or may not exist.
struct PartState {
  std::string key;
  std::string remote_id;
  std::string url;
  Json extra = Json::object();  ///< platform handles beside the id (Bluesky "uri", "cid")

  [[nodiscard]] bool confirmed() const { return !remote_id.empty(); }
};

/// One target's publishing record (written by `post`; `plan` only reads it).
struct TargetState {
  std::string state;  ///< sending | published | failed | missed
  std::string remote_id;  ///< of the first part
  std::string url;        ///< of the first part
  std::string at;
  std::string error;
  bool retryable = false;  ///< failed: a later run may try again (network, 5xx, 429)
  int attempts = 0;        ///< runs that tried to send it
  std::vector<PartState> parts;
  Json extra = Json::object();
};

/// A post's stored status: what the user intends. Publishing outcomes live in `publish`.
inline constexpr const char* k_statuses[] = {"draft", "queued", "scheduled"};

struct Post {
  std::string id;  ///< from the file name: yyyy-mm-dd-slug
  std::string status = "scheduled";
  std::optional<time::Instant> at;  ///< when it goes out; queued posts may have none yet
  std::string at_text;              ///< `at` as written, kept so an unchanged post keeps its bytes
  std::string zone;                 ///< IANA zone of the wall-clock intent; empty: account/project
  std::vector<std::string> targets;
  std::string text;
  std::map<std::string, std::string> variants;  ///< account -> text that replaces `text`
  std::string thread;                           ///< "" (project default), auto, off
  std::string first_comment;
  std::vector<Media> media;
  std::vector<std::string> tags;
  std::string campaign;
  std::string created;  ///< RFC 3339; the queue's order
  std::optional<Approval> approval;
  std::map<std::string, TargetState> publish;  ///< account -> state
  Json extra = Json::object();

  /// Sets `at` and its text (in `zone`).
  void set_at(time::Instant instant, const time::Zone& zone);
  /// The text `account` receives: its variant or the main text.
  [[nodiscard]] const std::string& text_for(const std::string& account) const;
  /// What a person wants to know: draft, queued, scheduled, partial, published, failed, missed.
  [[nodiscard]] std::string effective_status() const;
  /// True when any target was published (the post must not be moved or re-queued).
  [[nodiscard]] bool any_published() const;
};

/// JSON documents in canonical key order, unknown fields after the known ones.
Json to_json(const Settings& settings);
Json to_json(const Account& account);
Json to_json(const Post& post);

}  // namespace smm::project
