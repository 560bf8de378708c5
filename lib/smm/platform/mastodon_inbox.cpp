// SPDX-License-Identifier: MIT
// MastodonClient::fetch_inbox (reference: platform-apis-a.md §1.6). Three kinds of source:
// - "notifications": GET /api/v1/notifications?types[]=mention&types[]=quote. A mention whose
//   status answers one of our published statuses (in_reply_to_id in query.our_posts) is a
//   "reply"; a direct-visibility mention is a "dm"; a quote notification is a "quote" (Item::post
//   = the quoted status when it is ours). Cursor: the notification id.
// - "conversations": GET /api/v1/conversations, each conversation's last_status as a "dm"
//   (conversation = its id). Walked newest first until a last_status no newer than the newest
//   stored one. Cursor: the status id.
// - "watch:<name>": GET /api/v1/timelines/tag/:hashtag. Cursor: the status id.
// Paging: the newest page first with since_id = the source's newest stored cursor, then older
// pages with max_id = the oldest id of the page before (what the Link rel="next" header says),
// while the server announces a next page, until the cursor (the server stops there) or, on a
// first sync, until items older than query.since. A source that fails is reported in
// InboxBatch::failures; the others still count.
// thread_root: Mastodon statuses do not name their thread's first status, so a reply's root is
// recorded as the status it answers (in_reply_to_id) and a status that answers nothing is its
// own root. `inbox show` fetches the real context when it needs it.
#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>

#include "smm/creds/session.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/mastodon.hpp"

namespace smm::platform {
namespace {

constexpr std::size_t k_max_pages = 50;
constexpr const char* k_page_limit = "40";

std::string str(const Json& doc, const char* key) {
  if (!doc.is_object()) {
    return {};
  }
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = 0xFFFD;
  }
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Decodes the entity starting at html[i] ('&') into out; returns the characters consumed
/// (0 when it is not an entity smm knows, so the '&' is kept as it is).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  std::size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    return 0;
  }
  std::string_view name = html.substr(i + 1, semi - i - 1);
  static const std::pair<std::string_view, std::string_view> k_named[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  for (const auto& [n, text] : k_named) {
    if (name == n) {
      out += text;
      return semi - i + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) {
      return 0;
    }
    append_utf8(out, std::stoul(digits, nullptr, hex ? 16 : 10));
    return semi - i + 1;
  }
  return 0;
}

/// The lower-case tag name of "<p class=...>", "</p>", "<br/>": "p", "/p", "br".
std::string tag_name(std::string_view tag) {
  std::string name;
  for (char c : tag) {
    if (c == ' ' || (c == '/' && !name.empty()) || c == '>' || c == '\t' || c == '\n') {
      break;
    }
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

bool link_next(const http::Response& response) {
  auto link = response.header("Link");
  return link && link->find("rel=\"next\"") != std::string_view::npos;
}

/// The URL of the Link rel="next" entry, "" when there is none.
std::string link_next_url(const http::Response& response) {
  auto link = response.header("Link");
  if (!link) {
    return {};
  }
  std::string_view l = *link;
  std::size_t rel = l.find("rel=\"next\"");
  if (rel == std::string_view::npos) {
    return {};
  }
  std::size_t close = l.rfind('>', rel);
  std::size_t open = close == std::string_view::npos ? close : l.rfind('<', close);
  return open == std::string_view::npos ? std::string() : std::string(l.substr(open + 1, close - open - 1));
}

}  // namespace

std::string mastodon_plain_text(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) {
        break;
      }
      std::string name = tag_name(html.substr(i + 1, end - i - 1));
      if (name == "br") {
        out += '\n';
      } else if (name == "p" && !out.empty()) {
        out += "\n\n";
      }
      i = end + 1;
    } else if (c == '&') {
      std::size_t used = decode_entity(html, i, out);
      if (used == 0) {
        out += '&';
        used = 1;
      }
      i += used;
    } else {
      out += c;
      ++i;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

namespace {

/// What one fetch_inbox() run shares.
struct Fetch {
  const MastodonApi& api;
  const InboxQuery& query;
  std::string token;
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

  [[nodiscard]] time::Instant instant(const Json& doc) const {
    auto t = time::parse_rfc3339(str(doc, "created_at"));
    return t ? *t : now;
  }

  [[nodiscard]] std::string our_post(const std::string& remote_id) const {
    auto it = query.our_posts.find(remote_id);
    return remote_id.empty() || it == query.our_posts.end() ? std::string() : it->second;
  }

  /// The item for a Status document (kind, source and cursor filled by the caller).
  [[nodiscard]] inbox::Item item(const Json& status) const {
    inbox::Item it;
    it.account = api.account;
    it.platform = "mastodon";
    it.remote_id = str(status, "id");
    it.url = str(status, "url").empty() ? str(status, "uri") : str(status, "url");
    const Json& who = status.contains("account") ? status["account"] : Json::object();
    std::string acct = str(who, "acct");
    it.author = inbox::Author{acct.empty() || acct.find('@') != std::string::npos ? acct : acct + "@" + api.host,
                              str(who, "display_name"), str(who, "id"), str(who, "url")};
    std::string cw = str(status, "spoiler_text");
    it.text = (cw.empty() ? "" : "CW: " + cw + "\n\n") + mastodon_plain_text(str(status, "content"));
    it.created_at = instant(status);
    it.in_reply_to = str(status, "in_reply_to_id");
    it.thread_root = it.in_reply_to.empty() ? it.remote_id : it.in_reply_to;
    it.post = our_post(it.in_reply_to);
    if (str(status, "visibility") == "direct") {
      Json mentions = Json::array();
      if (auto m = status.find("mentions"); m != status.end() && m->is_array()) {
        for (const Json& one : *m) {
          if (std::string a = str(one, "acct"); !a.empty()) {
            mentions.push_back(a);
          }
        }
      }
      it.extra = Json{{"visibility", "direct"}, {"mentions", mentions}};
    }
    return it;
  }

  /// The remote id of the status `status` quotes ("" when none): Quote or ShallowQuote.
  static std::string quoted_id(const Json& status) {
    auto q = status.find("quote");
    if (q == status.end() || !q->is_object()) {
      return {};
    }
    if (auto qs = q->find("quoted_status"); qs != q->end() && qs->is_object()) {
      return str(*qs, "id");
    }
    return str(*q, "quoted_status_id");
  }
};

/// One page: the answer and whether to go on.
struct Page {
  Json items = Json::array();
  bool more = false;
};

Result<Page> get_page(const Fetch& f, const std::string& path, const std::string& what) {
  auto response = f.api.send(f.api.request("GET", path, f.token), what);
  if (!response) {
    return std::unexpected(response.error());
  }
  auto doc = answer_json(*response, f.api.host, what);
  if (!doc) {
    return std::unexpected(doc.error());
  }
  if (!doc->is_array()) {
    return fail(ErrorKind::runtime, f.api.host + ": " + what + ": the answer is not a list");
  }
  return Page{std::move(*doc), link_next(*response)};
}

/// Pages through a since_id/max_id list (notifications, tag timelines), newest first; `each`
/// turns an element into an item (or none) and says when it is older than the horizon.
using Each = std::function<void(const Json&, bool& stop)>;
Result<void> walk(Fetch& f, const std::string& path, std::vector<std::pair<std::string, std::string>> params,
                  const std::string& source, const std::string& what, const Each& each) {
  params.emplace_back("limit", k_page_limit);
  if (std::string cursor = f.newest(source); !cursor.empty()) {
    params.emplace_back("since_id", cursor);
  }
  std::string max_id;
  for (std::size_t page = 0; page < k_max_pages; ++page) {
    auto query = params;
    if (!max_id.empty()) {
      query.emplace_back("max_id", max_id);
    }
    auto got = get_page(f, path + "?" + http::form_urlencoded(query), what);
    if (!got) {
      return std::unexpected(got.error());
    }
    bool stop = false;
    for (const Json& one : got->items) {
      each(one, stop);
      if (stop) {
        break;
      }
    }
    f.tick();
    std::string oldest = got->items.empty() ? "" : str(got->items.back(), "id");
    // A server that ignores max_id (or a mock) would answer the same page forever.
    if (stop || !got->more || oldest.empty() || oldest == max_id) {
      break;
    }
    max_id = oldest;
  }
  return {};
}

Result<void> notifications(Fetch& f) {
  std::string cursor = f.newest("notifications");
  return walk(f, "/api/v1/notifications", {{"types[]", "mention"}, {"types[]", "quote"}}, "notifications",
              "reading notifications", [&](const Json& n, bool& stop) {
                if (cursor.empty() && f.instant(n) < f.query.since) {
                  stop = true;
                  return;
                }
                std::string type = str(n, "type");
                auto status = n.find("status");
                if ((type != "mention" && type != "quote") || status == n.end() || !status->is_object()) {
                  return;  // types smm does not know are ignored, as the API asks
                }
                inbox::Item it = f.item(*status);
                if (type == "quote") {
                  it.kind = inbox::Kind::quote;
                  it.post = f.our_post(Fetch::quoted_id(*status));
                } else if (str(*status, "visibility") == "direct") {
                  it.kind = inbox::Kind::dm;
                } else {
                  it.kind = it.post.empty() ? inbox::Kind::mention : inbox::Kind::reply;
                }
                it.source = "notifications";
                it.cursor = str(n, "id");
                f.batch.items.push_back(std::move(it));
              });
}

Result<void> conversations(Fetch& f) {
  auto newest = f.query.newest.find("conversations");
  std::optional<time::Instant> after;
  if (newest != f.query.newest.end()) {
    after = newest->second.created_at;
  }
  std::string path = "/api/v1/conversations?limit=40";
  for (std::size_t page = 0; page < k_max_pages && !path.empty(); ++page) {
    auto response = f.api.send(f.api.request("GET", path, f.token), "reading conversations");
    if (!response) {
      return std::unexpected(response.error());
    }
    auto doc = answer_json(*response, f.api.host, "reading conversations");
    if (!doc || !doc->is_array()) {
      return doc ? fail(ErrorKind::runtime, f.api.host + ": reading conversations: the answer is not a list")
                 : std::unexpected(doc.error());
    }
    bool stop = false;
    for (const Json& c : *doc) {
      auto last = c.find("last_status");
      if (last == c.end() || !last->is_object()) {
        continue;
      }
      time::Instant at = f.instant(*last);
      // Conversations come most recently active first: one no newer than what is stored (or than
      // the first-sync horizon) ends the walk.
      if (after ? at < *after : at < f.query.since) {
        stop = true;
        break;
      }
      inbox::Item it = f.item(*last);
      it.kind = inbox::Kind::dm;
      it.conversation = str(c, "id");
      it.source = "conversations";
      it.cursor = it.remote_id;
      if (!it.extra.contains("visibility")) {
        it.extra = Json{{"visibility", "direct"}, {"mentions", Json::array()}};
      }
      f.batch.items.push_back(std::move(it));
    }
    f.tick();
    std::string next = link_next_url(*response);
    std::string prefix = f.api.base_url;
    path = stop || doc->empty() || !next.starts_with(prefix) || next.substr(prefix.size()) == path
               ? std::string()
               : next.substr(prefix.size());
  }
  return {};
}

Result<void> tag_watch(Fetch& f, const Watch& w) {
  std::string tag = w.hashtag.starts_with('#') ? w.hashtag.substr(1) : w.hashtag;
  std::string source = "watch:" + w.name;
  std::string cursor = f.newest(source);
  return walk(f, "/api/v1/timelines/tag/" + http::percent_encode(tag), {}, source, "reading #" + tag,
              [&](const Json& status, bool& stop) {
                if (cursor.empty() && f.instant(status) < f.query.since) {
                  stop = true;
                  return;
                }
                std::string id = str(status, "id");
                if (id.empty() || f.query.our_posts.contains(id)) {
                  return;  // our own posts are not news
                }
                inbox::Item it = f.item(status);
                it.kind = inbox::Kind::watch;
                it.watch = w.name;
                it.source = source;
                it.cursor = id;
                f.batch.items.push_back(std::move(it));
              });
}

}  // namespace

Result<InboxBatch> MastodonClient::fetch_inbox(const InboxQuery& query) {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  Fetch f{m_config.api, query, *tok, m_now(), {}};
  // Conversations first: a DM also arrives as a mention notification, and the first copy of a
  // remote id is the one kept, so DMs keep their conversation id.
  std::vector<std::pair<std::string, std::function<Result<void>()>>> sources;
  sources.emplace_back("conversations", [&] { return conversations(f); });
  sources.emplace_back("notifications", [&] { return notifications(f); });
  for (const Watch& w : query.watches) {
    if (!w.hashtag.empty()) {
      sources.emplace_back("watch:" + w.name, [&f, &w] { return tag_watch(f, w); });
    }
  }
  for (auto& [name, run] : sources) {
    if (auto ok = run(); !ok) {
      Error e = ok.error();
      e.message = name + ": " + e.message;
      f.batch.failures.push_back(std::move(e));
    }
  }
  // Every source failing with the same refused credentials is one auth failure, not a batch.
  if (f.batch.items.empty() && f.batch.failures.size() == sources.size() &&
      std::all_of(f.batch.failures.begin(), f.batch.failures.end(),
                  [](const Error& e) { return e.kind == ErrorKind::auth; })) {
    Error e = f.batch.failures.front();
    return std::unexpected(e);
  }
  return std::move(f.batch);
}

}  // namespace smm::platform
