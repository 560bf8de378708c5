// SPDX-License-Identifier: MIT
#include "smm/project/decode.hpp"

#include "smm/project/project.hpp"
#include "smm/text/suggest.hpp"
#include "smm/time/slots.hpp"

namespace smm::project {
namespace {

// Reads typed fields out of a nlohmann object, collecting located problems.
class Reader {
 public:
  Reader(const Json& doc, const std::string& path, Problems& problems)
      : m_doc(doc), m_path(path), m_problems(problems) {}

  void string(const char* key, std::string& out) {
    if (const Json* v = find(key)) {
      if (v->is_string()) {
        out = v->get<std::string>();
      } else {
        wrong(key, "a string", *v);
      }
    }
  }

  void boolean(const char* key, bool& out) {
    if (const Json* v = find(key)) {
      if (v->is_boolean()) {
        out = v->get<bool>();
      } else {
        wrong(key, "true or false", *v);
      }
    }
  }

  void object(const char* key, Json& out) {
    if (const Json* v = find(key)) {
      if (v->is_object()) {
        out = *v;
      } else {
        wrong(key, "an object", *v);
      }
    }
  }

  const Json* find(const char* key) {
    m_known.emplace_back(key);
    auto it = m_doc.find(key);
    return it == m_doc.end() ? nullptr : &*it;
  }

  void wrong(const std::string& key, const char* expected, const Json& found) {
    m_problems.push_back(located(m_path, "/" + key, std::string("expected ") + expected + ", found " + found.type_name()));
  }

  /// Every field not asked for so far.
  Json rest() const {
    Json extra = Json::object();
    for (const auto& [key, value] : m_doc.items()) {
      if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) {
        extra[key] = value;
      }
    }
    return extra;
  }

 private:
  const Json& m_doc;
  const std::string& m_path;
  Problems& m_problems;
  std::vector<std::string> m_known;
};

// Slots and zone, shared by smm.json and accounts: each must parse.
void check_schedule(const std::string& path, const std::string& slots, const std::string& zone, Problems& problems) {
  if (auto parsed = time::parse_slots(slots); !parsed) {
    problems.push_back(located(path, "/slots", parsed.error().message, parsed.error().hint));
  }
  if (!zone.empty()) {
    if (auto z = time::find_zone(zone); !z) {
      problems.push_back(located(path, "/zone", z.error().message, z.error().hint));
    }
  }
}

}  // namespace

std::expected<Settings, Problems> decode_settings(const Json& doc, const std::string& path) {
  Problems problems;
  if (!doc.is_object()) {
    return std::unexpected(Problems{located(path, "", "expected an object")});
  }
  Reader r(doc, path, problems);
  Settings s;
  if (const Json* v = r.find("schema_version")) {
    if (!v->is_number_integer()) {
      r.wrong("schema_version", "an integer", *v);
    } else if (v->get<int>() > k_schema_version) {
      problems.push_back(located(path, "/schema_version",
                                 "schema version " + std::to_string(v->get<int>()) + " is newer than this smm understands",
                                 "upgrade smm"));
    } else {
      s.schema_version = v->get<int>();
    }
  }
  r.string("name", s.name);
  r.string("zone", s.zone);
  r.string("slots", s.slots);
  r.string("thread", s.thread);
  r.boolean("thread_markers", s.thread_markers);
  r.boolean("approval_required", s.approval_required);
  r.boolean("paused", s.paused);
  r.object("feed", s.feed);
  r.object("audit", s.audit);
  s.extra = r.rest();
  check_schedule(path, s.slots, s.zone, problems);
  if (s.thread != "auto" && s.thread != "off") {
    problems.push_back(located(path, "/thread", "unknown thread mode \"" + s.thread + "\"", "use auto or off"));
  }
  if (!problems.empty()) {
    return std::unexpected(problems);
  }
  return s;
}

std::expected<Account, Problems> decode_account(const Json& doc, const std::string& name, const std::string& path) {
  Problems problems;
  if (!doc.is_object()) {
    return std::unexpected(Problems{located(path, "", "expected an object")});
  }
  Reader r(doc, path, problems);
  Account a;
  a.name = name;
  r.string("platform", a.platform);
  r.string("server", a.server);
  r.string("handle", a.handle);
  r.string("zone", a.zone);
  r.string("slots", a.slots);
  r.boolean("paused", a.paused);
  if (const Json* limits = r.find("limits")) {
    auto chars = limits->find("chars");
    if (!limits->is_object() || (chars != limits->end() && !chars->is_number_integer())) {
      problems.push_back(located(path, "/limits", "expected {\"chars\": <integer>}"));
    } else if (chars != limits->end()) {
      a.char_limit = chars->get<int>();
    }
  }
  if (a.platform.empty() && !doc.contains("platform")) {
    problems.push_back(located(path, "/platform", "missing platform", "set \"platform\", e.g. \"feed\" or \"mastodon\""));
  } else if (!a.platform.empty() && find_platform(a.platform) == nullptr) {
    std::string hint = text::did_you_mean(a.platform, platform_names());
    problems.push_back(located(path, "/platform", "unknown platform \"" + a.platform + "\"",
                               hint.empty() ? "see `man smm-account` for the platforms" : hint));
  }
  check_schedule(path, a.slots, a.zone, problems);
  a.extra = r.rest();
  if (!problems.empty()) {
    return std::unexpected(problems);
  }
  return a;
}

}  // namespace smm::project
