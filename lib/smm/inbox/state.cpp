// SPDX-License-Identifier: MIT
#include "smm/inbox/state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "smm/project/files.hpp"

namespace smm::inbox {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string utc(time::Instant t) { return time::format_rfc3339(t, time::utc()); }

/// Reads the known keys of `doc` (removing them), leaving the unknown ones.
struct Reader {
  Json& doc;
  std::string where;
  std::optional<Error> error;

  std::string text(const char* key) {
    auto it = doc.find(key);
    if (it == doc.end()) {
      return {};
    }
    std::string value;
    if (it->is_string()) {
      value = it->get<std::string>();
    } else if (!it->is_null() && !error) {
      error = Error{ErrorKind::runtime, where + "/" + key + ": expected a string", {}, {}};
    }
    doc.erase(it);
    return value;
  }
  std::optional<time::Instant> instant(const char* key) {
    std::string s = text(key);
    if (s.empty()) {
      return std::nullopt;
    }
    auto t = time::parse_rfc3339(s);
    if (!t && !error) {
      error = Error{ErrorKind::runtime, where + "/" + key + ": " + t.error().message, {}, {}};
    }
    return t ? std::optional<time::Instant>(*t) : std::nullopt;
  }
};

Result<Reply> read_reply(Json doc, const std::string& where) {
  Reader r{doc, where, std::nullopt};
  Reply reply;
  reply.state = r.text("state");
  reply.key = r.text("key");
  reply.text = r.text("text");
  reply.at = r.instant("at");
  reply.remote_id = r.text("remote_id");
  reply.url = r.text("url");
  reply.error = r.text("error");
  if (auto e = doc.find("extra"); e != doc.end()) {
    if (e->is_object()) {
      reply.extra = *e;
    }
    doc.erase(e);
  }
  if (r.error) {
    return std::unexpected(*r.error);
  }
  if (reply.state != "sending" && reply.state != "published" && reply.state != "failed") {
    return fail(ErrorKind::runtime, where + "/state: \"" + reply.state + "\" is not one of sending, published, failed");
  }
  reply.rest = std::move(doc);
  return reply;
}

Result<Entry> read_entry(Json doc, const std::string& where) {
  if (!doc.is_object()) {
    return fail(ErrorKind::runtime, where + ": expected an object");
  }
  Reader r{doc, where, std::nullopt};
  Entry entry;
  std::string status = r.text("status");
  entry.status = status.empty() ? "open" : status;
  entry.assignee = r.text("assignee");
  entry.done_at = r.instant("done_at");
  if (r.error) {
    return std::unexpected(*r.error);
  }
  if (entry.status != "open" && entry.status != "done") {
    return fail(ErrorKind::runtime, where + "/status: \"" + entry.status + "\" is not open or done");
  }
  if (auto t = doc.find("tags"); t != doc.end()) {
    if (!t->is_array()) {
      return fail(ErrorKind::runtime, where + "/tags: expected an array of strings");
    }
    for (const auto& tag : *t) {
      if (!tag.is_string()) {
        return fail(ErrorKind::runtime, where + "/tags: expected an array of strings");
      }
      entry.tags.push_back(tag.get<std::string>());
    }
    doc.erase(t);
  }
  if (auto rs = doc.find("replies"); rs != doc.end()) {
    if (!rs->is_array()) {
      return fail(ErrorKind::runtime, where + "/replies: expected an array");
    }
    for (std::size_t i = 0; i < rs->size(); ++i) {
      if (!(*rs)[i].is_object()) {
        return fail(ErrorKind::runtime, where + "/replies/" + std::to_string(i) + ": expected an object");
      }
      auto reply = read_reply((*rs)[i], where + "/replies/" + std::to_string(i));
      if (!reply) {
        return std::unexpected(reply.error());
      }
      entry.replies.push_back(std::move(*reply));
    }
    doc.erase(rs);
  }
  entry.rest = std::move(doc);
  return entry;
}

Json write_entry(const Entry& entry) {
  Json doc = Json::object();
  doc["status"] = entry.status;
  if (!entry.assignee.empty()) {
    doc["assignee"] = entry.assignee;
  }
  if (!entry.tags.empty()) {
    doc["tags"] = entry.tags;
  }
  if (entry.done_at) {
    doc["done_at"] = utc(*entry.done_at);
  }
  if (!entry.replies.empty()) {
    Json replies = Json::array();
    for (const auto& r : entry.replies) {
      Json rd = Json::object();
      rd["state"] = r.state;
      rd["key"] = r.key;
      rd["text"] = r.text;
      if (r.at) {
        rd["at"] = utc(*r.at);
      }
      if (!r.remote_id.empty()) {
        rd["remote_id"] = r.remote_id;
      }
      if (!r.url.empty()) {
        rd["url"] = r.url;
      }
      if (!r.error.empty()) {
        rd["error"] = r.error;
      }
      if (r.extra.is_object() && !r.extra.empty()) {
        rd["extra"] = r.extra;
      }
      for (const auto& [k, v] : r.rest.items()) {
        rd[k] = v;
      }
      replies.push_back(std::move(rd));
    }
    doc["replies"] = std::move(replies);
  }
  for (const auto& [k, v] : entry.rest.items()) {
    doc[k] = v;
  }
  return doc;
}

}  // namespace

std::optional<time::Instant> Entry::first_reply_at() const {
  std::optional<time::Instant> first;
  for (const auto& r : replies) {
    if (r.state == "published" && r.at && (!first || *r.at < *first)) {
      first = r.at;
    }
  }
  return first;
}

fs::path state_file(const std::string& account) { return fs::path("inbox") / account / "state.json"; }

Result<State> load_state(const fs::path& root, const std::string& account) {
  fs::path path = root / state_file(account);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return State{};
  }
  auto text = project::read_file(path);
  if (!text) {
    return std::unexpected(text.error());
  }
  std::string display = state_file(account).string();
  auto doc = project::parse_json(*text, display);
  if (!doc) {
    return std::unexpected(doc.error());
  }
  auto located = [&display](Error e) {
    e.message = display + ": " + e.message;
    e.hint = "fix the file by hand or restore it from git (`git checkout " + display + "`)";
    return std::unexpected(e);
  };
  if (!doc->is_object()) {
    return located(Error{ErrorKind::runtime, "expected a JSON object", {}, {}});
  }
  State state;
  if (auto items = doc->find("items"); items != doc->end()) {
    if (!items->is_object()) {
      return located(Error{ErrorKind::runtime, "/items: expected an object", {}, {}});
    }
    for (auto& [id, value] : items->items()) {
      auto entry = read_entry(value, "/items/" + id);
      if (!entry) {
        return located(entry.error());
      }
      state.items.emplace(id, std::move(*entry));
    }
    doc->erase(items);
  }
  state.rest = std::move(*doc);
  return state;
}

Result<void> save_state(const fs::path& root, const std::string& account, const State& state) {
  Json doc = Json::object();
  Json items = Json::object();
  for (const auto& [id, entry] : state.items) {
    items[id] = write_entry(entry);
  }
  doc["items"] = std::move(items);
  for (const auto& [k, v] : state.rest.items()) {
    doc[k] = v;
  }
  fs::path path = root / state_file(account);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  return project::write_file_atomic(path, project::dump_json(doc));
}

Result<void> update_state(const fs::path& root, const std::string& account,
                          const std::function<Result<void>(State&)>& change) {
  fs::path lock = root / ".smm" / ("inbox-" + account + ".lock");
  std::error_code ec;
  fs::create_directories(lock.parent_path(), ec);
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return fail(ErrorKind::runtime, "cannot open " + lock.string() + ": " + std::strerror(errno));
  }
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  auto state = load_state(root, account);
  Result<void> ok = state ? change(*state) : std::unexpected(state.error());
  if (ok) {
    ok = save_state(root, account, *state);
  }
  ::close(fd);  // drops the lock
  return ok;
}

}  // namespace smm::inbox
