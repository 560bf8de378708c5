// SPDX-License-Identifier: MIT
#include <simdjson.h>

#include "smm/project/decode.hpp"
#include "smm/project/files.hpp"

namespace smm::project {
namespace {

namespace od = simdjson::ondemand;

const char* type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "something else";
}

// Walks one post document, collecting typed fields and located problems.
class PostReader {
 public:
  PostReader(const std::string& path, Problems& problems) : m_path(path), m_problems(problems) {}

  bool string(od::value v, const std::string& ptr, std::string& out) {
    od::json_type t{};
    if (v.type().get(t) != simdjson::SUCCESS) {
      return broken(ptr);
    }
    if (t != od::json_type::string) {
      return wrong(ptr, "a string", t);
    }
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS) {
      return broken(ptr);
    }
    out.assign(s);
    return true;
  }

  bool strings(od::value v, const std::string& ptr, std::vector<std::string>& out) {
    od::array arr;
    if (!array(v, ptr, arr)) {
      return false;
    }
    std::size_t i = 0;
    for (auto item : arr) {
      od::value iv;
      if (item.get(iv) != simdjson::SUCCESS) {
        return broken(ptr);
      }
      std::string s;
      if (string(iv, ptr + "/" + std::to_string(i++), s)) {
        out.push_back(std::move(s));
      }
    }
    return true;
  }

  bool array(od::value v, const std::string& ptr, od::array& out) {
    od::json_type t{};
    if (v.type().get(t) != simdjson::SUCCESS) {
      return broken(ptr);
    }
    if (t != od::json_type::array) {
      return wrong(ptr, "an array", t);
    }
    return v.get_array().get(out) == simdjson::SUCCESS || broken(ptr);
  }

  bool object(od::value v, const std::string& ptr, od::object& out) {
    od::json_type t{};
    if (v.type().get(t) != simdjson::SUCCESS) {
      return broken(ptr);
    }
    if (t != od::json_type::object) {
      return wrong(ptr, "an object", t);
    }
    return v.get_object().get(out) == simdjson::SUCCESS || broken(ptr);
  }

  /// Keeps an unknown field's value as JSON.
  void extra(od::value v, std::string_view key, Json& into) {
    std::string_view raw;
    if (simdjson::to_json_string(v).get(raw) != simdjson::SUCCESS) {
      broken("/" + std::string(key));
      return;
    }
    into[std::string(key)] = Json::parse(raw);
  }

  bool wrong(const std::string& ptr, const char* expected, od::json_type found) {
    m_problems.push_back(located(m_path, ptr, std::string("expected ") + expected + ", found " + type_name(found)));
    return false;
  }

  bool broken(const std::string& ptr) {
    m_problems.push_back(located(m_path, ptr, "malformed JSON value"));
    m_broken = true;
    return false;
  }

  /// True when the document itself was malformed (not just a field of the wrong type).
  [[nodiscard]] bool was_broken() const { return m_broken; }

 private:
  const std::string& m_path;
  Problems& m_problems;
  bool m_broken = false;
};

void read_media(PostReader& r, od::value v, Post& post) {
  od::array arr;
  if (!r.array(v, "/media", arr)) {
    return;
  }
  std::size_t i = 0;
  for (auto item : arr) {
    std::string ptr = "/media/" + std::to_string(i++);
    od::value iv;
    od::object obj;
    if (item.get(iv) != simdjson::SUCCESS || !r.object(iv, ptr, obj)) {
      continue;
    }
    Media m;
    for (auto field : obj) {
      std::string_view key;
      od::value fv;
      if (field.unescaped_key().get(key) != simdjson::SUCCESS || field.value().get(fv) != simdjson::SUCCESS) {
        r.broken(ptr);
        break;
      }
      if (key == "path") {
        r.string(fv, ptr + "/path", m.path);
      } else if (key == "alt") {
        r.string(fv, ptr + "/alt", m.alt);
      } else {
        r.extra(fv, key, m.extra);
      }
    }
    post.media.push_back(std::move(m));
  }
}

void read_string_map(PostReader& r, od::value v, const std::string& ptr, std::map<std::string, std::string>& out) {
  od::object obj;
  if (!r.object(v, ptr, obj)) {
    return;
  }
  for (auto field : obj) {
    std::string_view key;
    od::value fv;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS || field.value().get(fv) != simdjson::SUCCESS) {
      r.broken(ptr);
      return;
    }
    std::string s;
    if (r.string(fv, ptr + "/" + std::string(key), s)) {
      out[std::string(key)] = std::move(s);
    }
  }
}

// Small nested records (approval, publish states): decoded through nlohmann, they are rare.
void read_nested(PostReader& r, od::value v, std::string_view key, Post& post) {
  Json holder = Json::object();
  r.extra(v, key, holder);
  const Json& doc = holder[std::string(key)];
  auto text = [](const Json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto rest = [](const Json& o, std::initializer_list<const char*> known) {
    Json e = Json::object();
    for (const auto& [k, val] : o.items()) {
      if (std::find_if(known.begin(), known.end(), [&](const char* n) { return k == n; }) == known.end()) {
        e[k] = val;
      }
    }
    return e;
  };
  if (!doc.is_object()) {
    r.wrong("/" + std::string(key), "an object", od::json_type::null);
    return;
  }
  if (key == "approval") {
    post.approval = Approval{text(doc, "by"), text(doc, "at"), text(doc, "hash"), rest(doc, {"by", "at", "hash"})};
    return;
  }
  for (const auto& [account, s] : doc.items()) {
    if (!s.is_object()) {
      continue;
    }
    TargetState state;
    state.state = text(s, "state");
    state.remote_id = text(s, "remote_id");
    state.url = text(s, "url");
    state.at = text(s, "at");
    state.error = text(s, "error");
    state.retryable = s.contains("retryable") && s["retryable"].is_boolean() && s["retryable"].get<bool>();
    state.attempts = s.contains("attempts") && s["attempts"].is_number_integer() ? s["attempts"].get<int>() : 0;
    if (auto parts = s.find("parts"); parts != s.end() && parts->is_array()) {
      for (const auto& p : *parts) {
        if (p.is_object()) {
          state.parts.push_back({text(p, "key"), text(p, "remote_id"), text(p, "url"), rest(p, {"key", "remote_id", "url"})});
        }
      }
    }
    state.extra = rest(s, {"state", "remote_id", "url", "at", "error", "retryable", "attempts", "parts"});
    post.publish[account] = std::move(state);
  }
}

void read_field(PostReader& r, std::string_view key, od::value v, Post& post) {
  std::string ptr = "/" + std::string(key);
  if (key == "status") {
    r.string(v, ptr, post.status);
  } else if (key == "at") {
    r.string(v, ptr, post.at_text);
  } else if (key == "zone") {
    r.string(v, ptr, post.zone);
  } else if (key == "targets") {
    r.strings(v, ptr, post.targets);
  } else if (key == "text") {
    r.string(v, ptr, post.text);
  } else if (key == "variants") {
    read_string_map(r, v, ptr, post.variants);
  } else if (key == "thread") {
    r.string(v, ptr, post.thread);
  } else if (key == "first_comment") {
    r.string(v, ptr, post.first_comment);
  } else if (key == "media") {
    read_media(r, v, post);
  } else if (key == "tags") {
    r.strings(v, ptr, post.tags);
  } else if (key == "campaign") {
    r.string(v, ptr, post.campaign);
  } else if (key == "created") {
    r.string(v, ptr, post.created);
  } else if (key == "approval" || key == "publish") {
    read_nested(r, v, key, post);
  } else {
    r.extra(v, key, post.extra);
  }
}

Problems syntax_problem(std::string_view bytes, const std::string& path, simdjson::error_code code) {
  auto parsed = parse_json(bytes, path);
  if (!parsed) {
    return {parsed.error()};
  }
  return {Error{ErrorKind::runtime, std::string("invalid JSON: ") + simdjson::error_message(code),
                "check the file's syntax", path}};
}

// On-Demand reads only what it is asked for; text after the object is caught here.
bool ends_with_brace(std::string_view bytes) {
  auto last = bytes.find_last_not_of(" \t\r\n");
  return last != std::string_view::npos && bytes[last] == '}';
}

}  // namespace

Error located(const std::string& display_path, const std::string& pointer, std::string message, std::string hint) {
  return Error{ErrorKind::runtime, std::move(message), std::move(hint),
               display_path + ": " + (pointer.empty() ? std::string("/") : pointer)};
}

std::expected<Post, Problems> decode_post(std::string_view bytes, const std::string& id,
                                          const std::string& display_path) {
  thread_local od::parser parser;
  // One reused padded buffer per thread instead of an allocation per post.
  thread_local std::string buffer;
  buffer.assign(bytes);
  buffer.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::padded_string_view padded(buffer.data(), bytes.size(), buffer.size());
  od::document doc;
  if (auto code = parser.iterate(padded).get(doc); code != simdjson::SUCCESS) {
    return std::unexpected(syntax_problem(bytes, display_path, code));
  }
  Problems problems;
  PostReader reader(display_path, problems);
  Post post;
  post.id = id;
  od::object obj;
  od::value root;
  if (doc.get_value().get(root) != simdjson::SUCCESS) {
    return std::unexpected(syntax_problem(bytes, display_path, simdjson::TAPE_ERROR));
  }
  if (!reader.object(root, "", obj)) {
    return std::unexpected(problems);
  }
  for (auto field : obj) {
    std::string_view key;
    od::value v;
    if (auto code = field.unescaped_key().get(key); code != simdjson::SUCCESS) {
      return std::unexpected(syntax_problem(bytes, display_path, code));
    }
    if (auto code = field.value().get(v); code != simdjson::SUCCESS) {
      return std::unexpected(syntax_problem(bytes, display_path, code));
    }
    read_field(reader, key, v, post);
  }
  if (reader.was_broken() || !ends_with_brace(bytes)) {
    return std::unexpected(syntax_problem(bytes, display_path, simdjson::TAPE_ERROR));
  }
  if (!post.at_text.empty()) {
    if (auto at = time::parse_rfc3339(post.at_text)) {
      post.at = *at;
    } else {
      problems.push_back(located(display_path, "/at", "invalid time \"" + post.at_text + "\"",
                                 "write RFC 3339 with an offset, e.g. 2026-11-24T09:00:00+01:00"));
    }
  }
  if (!problems.empty()) {
    return std::unexpected(problems);
  }
  return post;
}

}  // namespace smm::project
