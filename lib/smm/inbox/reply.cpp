// SPDX-License-Identifier: MIT
#include "smm/inbox/reply.hpp"

#include "smm/http/http.hpp"
#include "smm/project/files.hpp"

namespace smm::inbox {
namespace {

namespace fs = std::filesystem;

/// The display name without surrounding blanks, else the handle.
std::string display_name(const Item& item) {
  const std::string& name = item.author.name;
  std::size_t start = name.find_first_not_of(" \t");
  if (start == std::string::npos) {
    return item.author.handle;
  }
  return name.substr(start, name.find_last_not_of(" \t") - start + 1);
}

std::string first_name(const Item& item) {
  std::string name = item.author.name;
  std::size_t start = name.find_first_not_of(" \t");
  if (start == std::string::npos) {
    std::string handle = item.author.handle;
    return handle.substr(0, handle.find_first_of("@."));
  }
  name = name.substr(start);
  return name.substr(0, name.find_first_of(" \t"));
}

platform::Remote remote_of(const std::string& id, const Json& ref) {
  platform::Remote r{id, "", Json::object()};
  if (ref.is_object()) {
    if (auto uri = ref.find("uri"); uri != ref.end() && uri->is_string()) {
      r.extra["uri"] = *uri;
    }
    if (auto cid = ref.find("cid"); cid != ref.end() && cid->is_string()) {
      r.extra["cid"] = *cid;
    }
  }
  return r;
}

Reply* unconfirmed(Entry& entry) {
  for (auto& r : entry.replies) {
    if (r.state == "sending") {
      return &r;
    }
  }
  return nullptr;
}

void confirm(Reply& r, const platform::Remote& remote, time::Instant now) {
  r.state = "published";
  r.remote_id = remote.id;
  r.url = remote.url;
  r.at = now;
  r.error.clear();
  r.extra = remote.extra.is_object() ? remote.extra : Json::object();
}

void mark_done(Entry& entry, const ReplyOptions& options) {
  if (!options.keep_open && entry.status != "done") {
    entry.status = "done";
    entry.done_at = options.now;
  }
}

}  // namespace

Result<std::string> fill_template(const std::string& text, const Item& item, const std::string& display_path) {
  std::string handle = item.author.handle;
  std::map<std::string, std::string> vars = {
      {"author", handle.empty() ? std::string{} : "@" + handle},
      {"handle", handle},
      {"name", display_name(item)},
      {"first_name", first_name(item)},
      {"account", item.account},
      {"post", item.post},
      {"url", item.url},
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out.append(text, i);
      break;
    }
    std::size_t close = text.find('}', open);
    out.append(text, i, open - i);
    if (close == std::string::npos) {
      out.append(text, open);
      break;
    }
    std::string name = text.substr(open + 1, close - open - 1);
    auto it = vars.find(name);
    if (it == vars.end()) {
      return fail(ErrorKind::usage, display_path + ": unknown variable {" + name + "}",
                  "known: {author}, {handle}, {name}, {first_name}, {account}, {post}, {url}");
    }
    out += it->second;
    i = close + 1;
  }
  return out;
}

Result<std::string> reply_template(const fs::path& root, const std::string& name, const Item& item) {
  std::string display = "templates/" + name + ".json";
  fs::path path = root / display;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return fail(ErrorKind::usage, "no template \"" + name + "\" (" + display + " does not exist)",
                "create it: {\"text\": \"Thanks {first_name}! ...\"}");
  }
  auto bytes = project::read_file(path);
  auto doc = bytes ? project::parse_json(*bytes, display) : std::unexpected(bytes.error());
  if (!doc) {
    return std::unexpected(doc.error());
  }
  if (!doc->is_object() || !doc->contains("text") || !(*doc)["text"].is_string()) {
    return fail(ErrorKind::usage, display + ": /text: expected the reply's text as a string",
                "e.g. {\"text\": \"Thanks {first_name}!\"}");
  }
  return fill_template((*doc)["text"].get<std::string>(), item, display);
}

platform::Part reply_part(const Item& item, const std::string& text) {
  platform::Part part;
  part.account = item.account;
  part.text = text;
  part.at = item.created_at;
  part.answering = &item;
  Json extra = item.extra.is_object() ? item.extra : Json::object();
  Json self = Json::object();
  if (item.remote_id.starts_with("at://")) {
    self["uri"] = item.remote_id;
  }
  if (extra.contains("cid")) {
    self["cid"] = extra["cid"];
  }
  part.parent = remote_of(item.remote_id, self);
  if (extra.contains("root") && extra["root"].is_object()) {
    std::string root_id = extra["root"].value("uri", item.thread_root);
    part.root = remote_of(root_id, extra["root"]);
  } else if (!item.thread_root.empty() && item.thread_root != item.remote_id) {
    part.root = remote_of(item.thread_root, Json::object());
  }
  return part;
}

Result<ReplyOutcome> send_reply(const fs::path& root, const Item& item, const std::string& text,
                                platform::Client& client, const ReplyOptions& options) {
  ReplyOutcome outcome;
  // 1. Reconcile an unconfirmed earlier reply.
  State snapshot;
  if (auto loaded = load_state(root, item.account); !loaded) {
    return std::unexpected(loaded.error());
  } else {
    snapshot = std::move(*loaded);
  }
  Entry& before = snapshot.items[item.id];
  std::string resend_key;
  if (Reply* pending = unconfirmed(before)) {
    platform::Part part = reply_part(item, pending->text);
    part.key = pending->key;
    auto found = client.find(part);
    if (!found) {
      Error e = found.error();
      e.message = "cannot tell whether an earlier reply to " + item.id + " landed: " + e.message;
      e.hint = "check " + item.url + " and run the reply again";
      return std::unexpected(e);
    }
    std::string key = pending->key;
    if (*found) {
      platform::Remote remote = **found;
      auto saved = update_state(root, item.account, [&](State& state) -> Result<void> {
        Entry& entry = state.items[item.id];
        if (Reply* r = unconfirmed(entry); r != nullptr && r->key == key) {
          confirm(*r, remote, options.now);
          outcome.receipt = *r;
          mark_done(entry, options);
        }
        return {};
      });
      if (!saved) {
        return std::unexpected(saved.error());
      }
      outcome.note = "an earlier reply whose outcome was unknown has landed: " + remote.url;
      if (pending->text == text && !options.again) {
        outcome.state = "published";
        return outcome;
      }
    } else if (pending->text == text) {
      resend_key = key;  // it surely did not land: send it now, with the same key
    } else {
      auto saved = update_state(root, item.account, [&](State& state) -> Result<void> {
        if (Reply* r = unconfirmed(state.items[item.id]); r != nullptr && r->key == key) {
          r->state = "failed";
          r->error = "never reached the platform";
        }
        return {};
      });
      if (!saved) {
        return std::unexpected(saved.error());
      }
    }
  }
  // 2. Refuse an exact repeat.
  if (resend_key.empty() && !options.again) {
    for (const auto& r : before.replies) {
      if (r.state == "published" && r.text == text) {
        outcome.state = "already";
        outcome.receipt = r;
        return outcome;
      }
    }
  }
  // 3. Write ahead, send, record.
  platform::Part part = reply_part(item, text);
  part.key = resend_key.empty() ? client.new_key(part) : resend_key;
  auto ahead = update_state(root, item.account, [&](State& state) -> Result<void> {
    Entry& entry = state.items[item.id];
    if (!resend_key.empty()) {
      return {};
    }
    Reply r;
    r.state = "sending";
    r.key = part.key;
    r.text = text;
    entry.replies.push_back(std::move(r));
    return {};
  });
  if (!ahead) {
    return std::unexpected(ahead.error());
  }
  auto sent = client.publish(part);
  auto recorded = update_state(root, item.account, [&](State& state) -> Result<void> {
    Entry& entry = state.items[item.id];
    Reply* r = nullptr;
    for (auto& each : entry.replies) {
      if (each.key == part.key) {
        r = &each;
      }
    }
    if (r == nullptr) {
      return fail(ErrorKind::runtime, "the reply's receipt vanished from " + state_file(item.account).string());
    }
    if (sent) {
      confirm(*r, *sent, options.now);
      mark_done(entry, options);
    } else if (!http::maybe_sent(sent.error()) || !client.capabilities().lookup) {
      r->state = http::maybe_sent(sent.error()) ? "sending" : "failed";
      r->error = sent.error().message;
    }
    outcome.receipt = *r;
    return {};
  });
  if (!sent) {
    Error e = sent.error();
    if (http::maybe_sent(e)) {
      e.hint = "the reply may have landed; run the same `smm inbox reply` again to check before anything is resent";
    }
    return std::unexpected(e);
  }
  if (!recorded) {
    return std::unexpected(recorded.error());
  }
  outcome.state = "published";
  return outcome;
}

}  // namespace smm::inbox
