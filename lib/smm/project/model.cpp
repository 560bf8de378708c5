// SPDX-License-Identifier: MIT
#include "smm/project/model.hpp"

namespace smm::project {
namespace {

void put_if(Json& doc, const char* key, const std::string& value) {
  if (!value.empty()) {
    doc[key] = value;
  }
}

void append_extra(Json& doc, const Json& extra) {
  for (const auto& [key, value] : extra.items()) {
    if (!doc.contains(key)) {
      doc[key] = value;
    }
  }
}

Json strings(const std::vector<std::string>& values) {
  Json arr = Json::array();
  for (const auto& v : values) {
    arr.push_back(v);
  }
  return arr;
}

Json state_json(const TargetState& s) {
  Json doc = Json::object();
  doc["state"] = s.state;
  put_if(doc, "remote_id", s.remote_id);
  put_if(doc, "url", s.url);
  put_if(doc, "at", s.at);
  put_if(doc, "error", s.error);
  if (s.retryable) {
    doc["retryable"] = true;
  }
  if (s.attempts > 0) {
    doc["attempts"] = s.attempts;
  }
  if (!s.parts.empty()) {
    doc["parts"] = Json::array();
    for (const auto& part : s.parts) {
      Json item = Json::object();
      put_if(item, "key", part.key);
      put_if(item, "remote_id", part.remote_id);
      put_if(item, "url", part.url);
      append_extra(item, part.extra);
      doc["parts"].push_back(item);
    }
  }
  append_extra(doc, s.extra);
  return doc;
}

}  // namespace

Json to_json(const Settings& s) {
  Json doc = Json::object();
  doc["schema_version"] = s.schema_version;
  doc["name"] = s.name;
  doc["zone"] = s.zone;
  put_if(doc, "slots", s.slots);
  doc["thread"] = s.thread;
  doc["thread_markers"] = s.thread_markers;
  if (s.approval_required) {
    doc["approval_required"] = true;
  }
  if (s.paused) {
    doc["paused"] = true;
  }
  if (!s.feed.empty()) {
    doc["feed"] = s.feed;
  }
  if (!s.audit.empty()) {
    doc["audit"] = s.audit;
  }
  append_extra(doc, s.extra);
  return doc;
}

Json to_json(const Account& a) {
  Json doc = Json::object();
  doc["platform"] = a.platform;
  put_if(doc, "server", a.server);
  put_if(doc, "handle", a.handle);
  put_if(doc, "zone", a.zone);
  put_if(doc, "slots", a.slots);
  if (a.char_limit) {
    doc["limits"] = Json{{"chars", *a.char_limit}};
  }
  if (a.paused) {
    doc["paused"] = true;
  }
  append_extra(doc, a.extra);
  return doc;
}

Json to_json(const Post& p) {
  Json doc = Json::object();
  doc["status"] = p.status;
  put_if(doc, "at", p.at_text);
  put_if(doc, "zone", p.zone);
  doc["targets"] = strings(p.targets);
  doc["text"] = p.text;
  if (!p.variants.empty()) {
    doc["variants"] = Json::object();
    for (const auto& [account, text] : p.variants) {
      doc["variants"][account] = text;
    }
  }
  put_if(doc, "thread", p.thread);
  put_if(doc, "first_comment", p.first_comment);
  if (!p.media.empty()) {
    doc["media"] = Json::array();
    for (const auto& m : p.media) {
      Json item = Json::object();
      item["path"] = m.path;
      put_if(item, "alt", m.alt);
      append_extra(item, m.extra);
      doc["media"].push_back(item);
    }
  }
  if (!p.tags.empty()) {
    doc["tags"] = strings(p.tags);
  }
  put_if(doc, "campaign", p.campaign);
  put_if(doc, "created", p.created);
  if (p.approval) {
    Json ap = Json::object();
    ap["by"] = p.approval->by;
    ap["at"] = p.approval->at;
    ap["hash"] = p.approval->hash;
    append_extra(ap, p.approval->extra);
    doc["approval"] = ap;
  }
  if (!p.publish.empty()) {
    doc["publish"] = Json::object();
    for (const auto& [account, state] : p.publish) {
      doc["publish"][account] = state_json(state);
    }
  }
  append_extra(doc, p.extra);
  return doc;
}

void Post::set_at(time::Instant instant, const time::Zone& in_zone) {
  at = instant;
  at_text = time::format_rfc3339(instant, in_zone);
}

const std::string& Post::text_for(const std::string& account) const {
  auto it = variants.find(account);
  return it == variants.end() ? text : it->second;
}

bool Post::any_published() const {
  for (const auto& [account, state] : publish) {
    if (state.state == "published") {
      return true;
    }
  }
  return false;
}

std::string Post::effective_status() const {
  if (publish.empty()) {
    return status;
  }
  std::size_t published = 0;
  bool failed = false;
  bool missed = false;
  bool sending = false;
  for (const auto& target : targets) {
    auto it = publish.find(target);
    if (it == publish.end()) {
      continue;
    }
    const auto& s = it->second.state;
    published += s == "published" ? 1 : 0;
    failed = failed || s == "failed";
    missed = missed || s == "missed";
    sending = sending || s == "sending";
  }
  if (published == targets.size() && published > 0) {
    return "published";
  }
  if (failed) {
    return "failed";
  }
  if (sending) {
    return "sending";
  }
  if (published > 0) {
    return "partial";
  }
  if (missed) {
    return "missed";
  }
  return status;
}

}  // namespace smm::project
