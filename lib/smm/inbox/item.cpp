// SPDX-License-Identifier: MIT
#include "smm/inbox/item.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "smm/project/files.hpp"

namespace smm::inbox {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 5> k_kinds = {"mention", "reply", "quote", "dm", "watch"};

std::string utc(time::Instant t) { return time::format_rfc3339(t, time::utc()); }

/// A string member, "" when absent; an error when present and not a string.
Result<std::string> text_field(const Json& doc, const char* key, const std::string& where = {}) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) {
    return std::string{};
  }
  if (!it->is_string()) {
    return fail(ErrorKind::runtime, where + "/" + key + ": expected a string");
  }
  return it->get<std::string>();
}

Result<time::Instant> instant_field(const Json& doc, const char* key) {
  auto s = text_field(doc, key);
  if (!s) {
    return std::unexpected(s.error());
  }
  if (s->empty()) {
    return fail(ErrorKind::runtime, std::string("/") + key + ": missing");
  }
  auto t = time::parse_rfc3339(*s);
  if (!t) {
    return fail(ErrorKind::runtime, std::string("/") + key + ": " + t.error().message);
  }
  return *t;
}

void put(Json& doc, const char* key, const std::string& value) {
  if (!value.empty()) {
    doc[key] = value;
  }
}

}  // namespace

std::string_view to_string(Kind kind) { return k_kinds[static_cast<std::size_t>(kind)]; }

std::optional<Kind> parse_kind(std::string_view text) {
  auto it = std::find(k_kinds.begin(), k_kinds.end(), text);
  if (it == k_kinds.end()) {
    return std::nullopt;
  }
  return static_cast<Kind>(it - k_kinds.begin());
}

std::string item_id(std::string_view account, std::string_view remote_id) {
  std::string key;
  key.reserve(account.size() + remote_id.size() + 1);
  key.append(account).append("\n").append(remote_id);
  return project::sha256_hex(key).substr(0, 10);
}

std::string to_line(const Item& item) {
  Json doc = Json::object();
  doc["id"] = item.id.empty() ? item_id(item.account, item.remote_id) : item.id;
  doc["account"] = item.account;
  doc["platform"] = item.platform;
  doc["kind"] = to_string(item.kind);
  doc["remote_id"] = item.remote_id;
  put(doc, "url", item.url);
  Json author = Json::object();
  put(author, "handle", item.author.handle);
  put(author, "name", item.author.name);
  put(author, "id", item.author.id);
  put(author, "url", item.author.url);
  doc["author"] = std::move(author);
  doc["text"] = item.text;
  doc["created_at"] = utc(item.created_at);
  put(doc, "post", item.post);
  put(doc, "in_reply_to", item.in_reply_to);
  put(doc, "thread_root", item.thread_root);
  put(doc, "conversation", item.conversation);
  put(doc, "watch", item.watch);
  put(doc, "source", item.source);
  put(doc, "cursor", item.cursor);
  if (item.synced_at != time::Instant{}) {
    doc["synced_at"] = utc(item.synced_at);
  }
  if (item.extra.is_object() && !item.extra.empty()) {
    doc["extra"] = item.extra;
  }
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Item> from_json(const Json& line) {
  if (!line.is_object()) {
    return fail(ErrorKind::runtime, "not a JSON object");
  }
  Item item;
  std::string kind;
  for (auto [key, field] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"id", &item.id},
           {"account", &item.account},
           {"platform", &item.platform},
           {"kind", &kind},
           {"remote_id", &item.remote_id},
           {"url", &item.url},
           {"text", &item.text},
           {"post", &item.post},
           {"in_reply_to", &item.in_reply_to},
           {"thread_root", &item.thread_root},
           {"conversation", &item.conversation},
           {"watch", &item.watch},
           {"source", &item.source},
           {"cursor", &item.cursor}}) {
    auto v = text_field(line, key);
    if (!v) {
      return std::unexpected(v.error());
    }
    *field = std::move(*v);
  }
  if (item.account.empty() || item.remote_id.empty()) {
    return fail(ErrorKind::runtime, item.account.empty() ? "/account: missing" : "/remote_id: missing");
  }
  auto k = parse_kind(kind);
  if (!k) {
    return fail(ErrorKind::runtime, "/kind: \"" + kind + "\" is not one of mention, reply, quote, dm, watch");
  }
  item.kind = *k;
  if (item.id.empty()) {
    item.id = item_id(item.account, item.remote_id);
  }
  if (auto a = line.find("author"); a != line.end() && a->is_object()) {
    for (auto [key, field] : std::initializer_list<std::pair<const char*, std::string*>>{
             {"handle", &item.author.handle}, {"name", &item.author.name}, {"id", &item.author.id}, {"url", &item.author.url}}) {
      auto v = text_field(*a, key, "/author");
      if (!v) {
        return std::unexpected(v.error());
      }
      *field = std::move(*v);
    }
  }
  auto created = instant_field(line, "created_at");
  if (!created) {
    return std::unexpected(created.error());
  }
  item.created_at = *created;
  if (line.contains("synced_at")) {
    auto synced = instant_field(line, "synced_at");
    if (!synced) {
      return std::unexpected(synced.error());
    }
    item.synced_at = *synced;
  }
  if (auto e = line.find("extra"); e != line.end() && e->is_object()) {
    item.extra = *e;
  }
  return item;
}

fs::path file_for(const std::string& account, time::Instant created_at) {
  return fs::path("inbox") / account / (utc(created_at).substr(0, 7) + ".jsonl");
}

Result<void> scan_items(const fs::path& root, const std::string& account, const std::function<void(Item&&)>& each,
                        const std::function<void(const std::string&)>& warn) {
  std::vector<std::string> accounts = account.empty() ? inbox_accounts(root) : std::vector<std::string>{account};
  for (const auto& name : accounts) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(root / "inbox" / name, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".jsonl") {
        files.push_back(it->path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      auto text = project::read_file(file);
      if (!text) {
        return std::unexpected(text.error());
      }
      std::string display = (fs::path("inbox") / name / file.filename()).string();
      std::string_view rest = *text;
      for (std::size_t number = 1; !rest.empty(); ++number) {
        std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
          continue;
        }
        Json doc = Json::parse(line, nullptr, false);
        if (doc.is_discarded()) {
          warn(display + ":" + std::to_string(number) + ": not valid JSON (a torn line?); skipped");
          continue;
        }
        auto item = from_json(doc);
        if (!item) {
          warn(display + ":" + std::to_string(number) + ": " + item.error().message + "; skipped");
          continue;
        }
        each(std::move(*item));
      }
    }
  }
  return {};
}

Result<Stored> stored(const fs::path& root, const std::string& account,
                      const std::function<void(const std::string&)>& warn) {
  Stored s;
  auto ok = scan_items(
      root, account,
      [&s](Item&& item) {
        s.remote_ids.insert(item.remote_id);
        if (item.source.empty()) {
          return;
        }
        auto& newest = s.newest[item.source];
        if (newest.cursor.empty() || item.created_at > newest.created_at ||
            (item.created_at == newest.created_at && item.cursor > newest.cursor)) {
          newest = Stored::Newest{item.cursor, item.created_at};
        }
      },
      warn);
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return s;
}

Result<std::size_t> append_items(const fs::path& root, std::vector<Item> items, std::unordered_set<std::string>& seen) {
  std::map<fs::path, std::string> by_file;
  std::size_t added = 0;
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.created_at < b.created_at; });
  for (auto& item : items) {
    if (!seen.insert(item.remote_id).second) {
      continue;
    }
    if (item.id.empty()) {
      item.id = item_id(item.account, item.remote_id);
    }
    by_file[root / file_for(item.account, item.created_at)] += to_line(item);
    ++added;
  }
  for (auto& [path, lines] : by_file) {
    if (auto ok = project::append_lines(path, std::move(lines)); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return added;
}

std::vector<std::string> inbox_accounts(const fs::path& root) { return project::subdirectories(root / "inbox"); }

}  // namespace smm::inbox
