// SPDX-License-Identifier: MIT
// BlueskyClient::fetch_inbox (reference: platform-apis-a.md §2.6). Sources:
// - "notifications": app.bsky.notification.listNotifications with reasons reply, mention and
//   quote (other reasons are ignored). Cursor: the notification's indexedAt.
// - "chat": chat.bsky.convo.listConvos, then getMessages of each conversation with a newer last
//   message, through the PDS with `atproto-proxy: did:web:api.bsky.chat#bsky_chat`. Cursor: the
//   message rev. A server without a chat service (the local devnet) or an app password without
//   the direct-messages permission refuses: chat is then skipped with a note, not a failure.
// - "watch:<name>": app.bsky.feed.searchPosts?q=...&sort=latest. Cursor: the post's indexedAt.
// Every list comes newest first; paging follows `cursor` until an item no newer than the source's
// newest stored cursor, or on a first sync older than query.since.
// Items: remote_id = the post's at:// URI (chat: "<convo>/<message>"), url = the bsky.app page,
// thread_root = record.reply.root.uri (the post itself when it starts a thread), in_reply_to =
// record.reply.parent.uri, extra = {"cid", "root": {"uri", "cid"}} (what a reply needs);
// Item::post = our post when the parent (replies) or the quoted post (quotes) is one of ours.
#include <functional>

#include "smm/creds/session.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/bluesky.hpp"

namespace smm::platform {
namespace {

constexpr std::size_t k_max_pages = 50;
constexpr const char* k_chat_proxy = "did:web:api.bsky.chat#bsky_chat";

std::string str(const Json& doc, const char* key) {
  if (!doc.is_object()) {
    return {};
  }
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json& obj(const Json& doc, const char* key) {
  static const Json k_empty = Json::object();
  if (!doc.is_object()) {
    return k_empty;
  }
  auto it = doc.find(key);
  return it != doc.end() && it->is_object() ? *it : k_empty;
}

std::string rkey(const std::string& uri) {
  std::size_t slash = uri.rfind('/');
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

/// The uri of the post a record quotes (app.bsky.embed.record or recordWithMedia), "" if none.
std::string quoted_uri(const Json& record) {
  const Json& embed = obj(record, "embed");
  const Json& inner = obj(embed, "record");
  std::string uri = str(inner, "uri");
  return uri.empty() ? str(obj(inner, "record"), "uri") : uri;
}

struct Fetch {
  BlueskyApi api;
  const InboxQuery& query;
  std::string did;  ///< ours
  time::Instant now;
  InboxBatch batch;

  void tick() const {
    if (query.progress) {
      query.progress(batch.items.size());
    }
  }

  [[nodiscard]] std::string newest(const std::string& source) const {
    auto it = query.newest.find(source);
    return it == query.newest.end() ? std::string() : it->second.cursor;
  }

  [[nodiscard]] time::Instant instant(const std::string& text) const {
    auto t = time::parse_rfc3339(text);
    return t ? *t : now;
  }

  /// True when an item at `cursor` (indexedAt or rev, both sortable as text) is already stored,
  /// or, with nothing stored, older than the first-sync horizon.
  [[nodiscard]] bool seen(const std::string& source, const std::string& cursor, const std::string& at) const {
    std::string stored = newest(source);
    return stored.empty() ? instant(at) < query.since : cursor <= stored;
  }

  [[nodiscard]] std::string our_post(const std::string& uri) const {
    auto it = query.our_posts.find(uri);
    return uri.empty() || it == query.our_posts.end() ? std::string() : it->second;
  }

  /// The item for a post (notification or postView: uri, cid, author, record, indexedAt).
  [[nodiscard]] inbox::Item item(const Json& post) const {
    inbox::Item it;
    it.account = api.account;
    it.platform = "bluesky";
    it.remote_id = str(post, "uri");
    const Json& author = obj(post, "author");
    std::string handle = str(author, "handle");
    std::string profile = "https://bsky.app/profile/" + (handle.empty() ? str(author, "did") : handle);
    it.url = profile + "/post/" + rkey(it.remote_id);
    it.author = inbox::Author{handle, str(author, "displayName"), str(author, "did"), profile};
    const Json& record = obj(post, "record");
    it.text = str(record, "text");
    std::string created = str(record, "createdAt");
    it.created_at = instant(created.empty() ? str(post, "indexedAt") : created);
    const Json& reply = obj(record, "reply");
    Json self{{"uri", it.remote_id}, {"cid", str(post, "cid")}};
    Json root = obj(reply, "root").empty() ? self : Json{{"uri", str(obj(reply, "root"), "uri")}, {"cid", str(obj(reply, "root"), "cid")}};
    it.thread_root = root["uri"].get<std::string>();
    it.in_reply_to = str(obj(reply, "parent"), "uri");
    it.post = our_post(it.in_reply_to);
    it.extra = Json{{"cid", str(post, "cid")}, {"root", root}};
    it.cursor = str(post, "indexedAt");
    return it;
  }

  Result<Json> get(const std::string& nsid, const std::vector<std::pair<std::string, std::string>>& params,
                   const std::string& what, const std::string& proxy = {}) const {
    http::Request r = api.request("GET", nsid, http::form_urlencoded(params));
    if (!proxy.empty()) {
      r.headers.emplace_back("atproto-proxy", proxy);
    }
    return api.send_json(r, what);
  }
};

Result<void> notifications(Fetch& f) {
  std::string cursor;
  for (std::size_t page = 0; page < k_max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params{
        {"limit", "50"}, {"reasons", "reply"}, {"reasons", "mention"}, {"reasons", "quote"}};
    if (!cursor.empty()) {
      params.emplace_back("cursor", cursor);
    }
    auto doc = f.get("app.bsky.notification.listNotifications", params, "reading notifications");
    if (!doc) {
      return std::unexpected(doc.error());
    }
    bool stop = false;
    const Json& list = doc->contains("notifications") ? (*doc)["notifications"] : Json::array();
    for (const Json& n : list) {
      std::string at = str(n, "indexedAt");
      if (f.seen("notifications", at, at)) {
        stop = true;
        break;
      }
      std::string reason = str(n, "reason");
      if (reason != "reply" && reason != "mention" && reason != "quote") {
        continue;  // older servers ignore `reasons`; unknown reasons are skipped, as the API asks
      }
      inbox::Item it = f.item(n);
      it.kind = reason == "reply" ? inbox::Kind::reply : reason == "quote" ? inbox::Kind::quote : inbox::Kind::mention;
      if (it.kind == inbox::Kind::quote) {
        it.post = f.our_post(quoted_uri(obj(n, "record")));
      }
      it.source = "notifications";
      f.batch.items.push_back(std::move(it));
    }
    f.tick();
    std::string next = str(*doc, "cursor");
    if (stop || list.empty() || next.empty() || next == cursor) {
      break;
    }
    cursor = next;
  }
  return {};
}

Result<void> search_watch(Fetch& f, const Watch& w) {
  std::string source = "watch:" + w.name;
  std::string cursor;
  for (std::size_t page = 0; page < k_max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params{{"q", w.query}, {"sort", "latest"}, {"limit", "50"}};
    if (!cursor.empty()) {
      params.emplace_back("cursor", cursor);
    }
    auto doc = f.get("app.bsky.feed.searchPosts", params, "searching \"" + w.query + "\"");
    if (!doc) {
      return std::unexpected(doc.error());
    }
    bool stop = false;
    const Json& posts = doc->contains("posts") ? (*doc)["posts"] : Json::array();
    for (const Json& p : posts) {
      std::string at = str(p, "indexedAt");
      if (f.seen(source, at, at)) {
        stop = true;
        break;
      }
      if (str(obj(p, "author"), "did") == f.did) {
        continue;  // our own posts are not news
      }
      inbox::Item it = f.item(p);
      it.kind = inbox::Kind::watch;
      it.watch = w.name;
      it.source = source;
      f.batch.items.push_back(std::move(it));
    }
    f.tick();
    std::string next = str(*doc, "cursor");
    if (stop || posts.empty() || next.empty() || next == cursor) {
      break;
    }
    cursor = next;
  }
  return {};
}

/// The messages of one conversation newer than the stored chat cursor.
Result<void> convo_messages(Fetch& f, const Json& convo) {
  std::string id = str(convo, "id");
  std::map<std::string, const Json*> members;
  if (auto m = convo.find("members"); m != convo.end() && m->is_array()) {
    for (const Json& one : *m) {
      members[str(one, "did")] = &one;
    }
  }
  std::string cursor;
  for (std::size_t page = 0; page < k_max_pages; ++page) {
    std::vector<std::pair<std::string, std::string>> params{{"convoId", id}, {"limit", "50"}};
    if (!cursor.empty()) {
      params.emplace_back("cursor", cursor);
    }
    auto doc = f.get("chat.bsky.convo.getMessages", params, "reading chat messages", k_chat_proxy);
    if (!doc) {
      return std::unexpected(doc.error());
    }
    bool stop = false;
    const Json& list = doc->contains("messages") ? (*doc)["messages"] : Json::array();
    for (const Json& m : list) {
      if (f.seen("chat", str(m, "rev"), str(m, "sentAt"))) {
        stop = true;
        break;
      }
      std::string sender = str(obj(m, "sender"), "did");
      if (!m.contains("text") || sender == f.did) {
        continue;  // deleted messages and our own
      }
      const Json& who = members.contains(sender) ? *members[sender] : Json::object();
      inbox::Item it;
      it.account = f.api.account;
      it.platform = "bluesky";
      it.kind = inbox::Kind::dm;
      it.remote_id = id + "/" + str(m, "id");
      it.url = "https://bsky.app/messages/" + id;
      std::string handle = str(who, "handle");
      it.author = inbox::Author{handle, str(who, "displayName"), sender,
                                "https://bsky.app/profile/" + (handle.empty() ? sender : handle)};
      it.text = str(m, "text");
      it.created_at = f.instant(str(m, "sentAt"));
      it.conversation = id;
      it.source = "chat";
      it.cursor = str(m, "rev");
      f.batch.items.push_back(std::move(it));
    }
    std::string next = str(*doc, "cursor");
    if (stop || list.empty() || next.empty() || next == cursor) {
      break;
    }
    cursor = next;
  }
  return {};
}

/// Chat, or a note saying why it was skipped.
Result<void> chat(Fetch& f) {
  auto doc = f.get("chat.bsky.convo.listConvos", {{"limit", "50"}}, "reading chat", k_chat_proxy);
  if (!doc) {
    // Any refusal skips chat: a PDS that cannot reach a chat service answers 500 (the local
    // devnet), an app password without direct messages 401 "Bad token scope". Nothing is lost:
    // the next sync resumes from the stored chat cursor.
    f.batch.notes.push_back(f.api.account + ": chat skipped: " + doc.error().message +
                            " (a server without chat, or an app password without direct messages)");
    return {};
  }
  const Json& convos = doc->contains("convos") ? (*doc)["convos"] : Json::array();
  for (const Json& c : convos) {
    const Json& last = obj(c, "lastMessage");
    if (last.empty() || f.seen("chat", str(last, "rev"), str(last, "sentAt"))) {
      continue;
    }
    if (auto ok = convo_messages(f, c); !ok) {
      return ok;
    }
    f.tick();
  }
  return {};
}

}  // namespace

Result<InboxBatch> BlueskyClient::fetch_inbox(const InboxQuery& query) {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  Fetch f{api(), query, repo(), m_now(), {}};
  std::vector<std::pair<std::string, std::function<Result<void>()>>> sources;
  sources.emplace_back("notifications", [&] { return notifications(f); });
  sources.emplace_back("chat", [&] { return chat(f); });
  for (const Watch& w : query.watches) {
    if (!w.query.empty()) {
      sources.emplace_back("watch:" + w.name, [&f, &w] { return search_watch(f, w); });
    }
  }
  std::size_t auth_failures = 0;
  for (auto& [name, run] : sources) {
    if (auto ok = run(); !ok) {
      Error e = ok.error();
      e.message = name + ": " + e.message;
      auth_failures += e.kind == ErrorKind::auth ? 1 : 0;
      f.batch.failures.push_back(std::move(e));
    }
  }
  // Refused credentials everywhere: one auth failure for the account, not a batch.
  if (f.batch.items.empty() && !f.batch.failures.empty() && auth_failures == f.batch.failures.size() &&
      f.batch.failures.size() + f.batch.notes.size() == sources.size()) {
    return std::unexpected(f.batch.failures.front());
  }
  return std::move(f.batch);
}

}  // namespace smm::platform
