// SPDX-License-Identifier: MIT
#include "smm/post/publish.hpp"

#include <algorithm>

#include "smm/media/probe.hpp"
#include "smm/plan/render.hpp"

namespace smm::post {
namespace {

using platform::Part;
using platform::Remote;
using project::PartState;
using project::TargetState;

Remote remote_of(const PartState& p) { return Remote{p.remote_id, p.url, p.extra}; }

void confirm(PartState& p, const Remote& r) {
  p.remote_id = r.id;
  p.url = r.url;
  p.extra = r.extra.is_object() ? r.extra : platform::Json::object();
}

class Machine {
 public:
  Machine(const Publishing& with, project::Post& post, const std::string& account)
      : m_with(with), m_post(post), m_state(post.publish[account]), m_out{post.id, account, "", "", "", {}} {}

  Outcome run();

 private:
  enum class Step { next, stop };
  Step send_part(Part& part, std::size_t i, const platform::Capabilities& caps);
  Step reconcile(Part& part, std::size_t i, const platform::Capabilities& caps);
  Step fail(const Error& error, bool keep_sending);
  bool save(bool ahead = false);

  const Publishing& m_with;
  project::Post& m_post;
  TargetState& m_state;
  Outcome m_out;
};

bool Machine::save(bool ahead) {
  if (auto ok = m_with.save(m_post, ahead); !ok) {
    m_out.state = "failed";
    m_out.message = ok.error().message;
    return false;
  }
  return true;
}

Machine::Step Machine::fail(const Error& error, bool keep_sending) {
  m_state.error = error.message;
  m_state.retryable = keep_sending || error.retryable;
  if (!keep_sending) {
    m_state.state = "failed";
  }
  m_out.state = keep_sending ? "unconfirmed" : "failed";
  m_out.message = error.message;
  m_out.kind = error.kind;
  m_out.url = m_state.parts.empty() || !m_state.parts.front().confirmed() ? "" : m_state.parts.front().url;
  save();
  return Step::stop;
}

Machine::Step Machine::reconcile(Part& part, std::size_t i, const platform::Capabilities& caps) {
  part.key = m_state.parts[i].key;
  if (caps.lookup) {
    auto found = m_with.client->find(part);
    if (!found) {
      return fail(found.error(), true);
    }
    if (*found) {
      confirm(m_state.parts[i], **found);
      return Step::next;
    }
  } else if (!caps.idempotent) {
    Error e{ErrorKind::runtime,
            "part " + std::to_string(i + 1) + " may have been published: an earlier run lost its answer and " +
                "this platform cannot be asked",
            "look at the account; if it is not there, run `smm post " + m_post.id + " --retry-failed`", "", false};
    m_state.parts.erase(m_state.parts.begin() + static_cast<std::ptrdiff_t>(i));
    return fail(e, false);
  }
  return send_part(part, i, caps);  // surely absent, or a resend with the same key is harmless
}

Machine::Step Machine::send_part(Part& part, std::size_t i, const platform::Capabilities& /*caps*/) {
  if (part.key.empty()) {
    part.key = m_with.client->new_key(part);
    m_state.parts.push_back(PartState{part.key, "", "", platform::Json::object()});
    if (!save(true)) {
      m_state.parts.pop_back();
      return Step::stop;
    }
  }
  auto sent = m_with.client->publish(part);
  if (!sent) {
    if (http::maybe_sent(sent.error())) {
      return fail(sent.error(), true);
    }
    m_state.parts.erase(m_state.parts.begin() + static_cast<std::ptrdiff_t>(i));
    return fail(sent.error(), false);
  }
  confirm(m_state.parts[i], *sent);
  return Step::next;
}

Outcome Machine::run() {
  auto caps = m_with.client->capabilities();
  auto parts = parts_for(*m_with.project, m_post, m_out.account, caps);
  m_state.state = "sending";
  m_state.error.clear();
  m_state.retryable = false;
  m_state.attempts += 1;
  if (!parts) {
    fail(parts.error(), false);
    return m_out;
  }
  // No write yet: the state reaches the disk with the first part's key, before its request.
  for (Part& part : *parts) {
    part.at = m_post.at.value_or(m_with.now);
  }
  std::optional<Remote> root;
  std::optional<Remote> parent;
  for (std::size_t i = 0; i < parts->size(); ++i) {
    Part& part = (*parts)[i];
    part.root = root;
    part.parent = part.comment ? root : parent;
    Step step = Step::next;
    if (i < m_state.parts.size() && !m_state.parts[i].confirmed()) {
      step = reconcile(part, i, caps);
    } else if (i >= m_state.parts.size()) {
      step = send_part(part, i, caps);
    }
    if (step == Step::stop) {
      return m_out;
    }
    parent = remote_of(m_state.parts[i]);
    root = root ? root : parent;
    if (i + 1 < parts->size() && !save()) {
      return m_out;
    }
  }
  m_state.state = "published";
  m_state.remote_id = m_state.parts.front().remote_id;
  m_state.url = m_state.parts.front().url;
  m_state.at = time::format_rfc3339(m_with.now, m_with.project->zone());
  m_out.url = m_state.url;
  m_out.state = save() ? "published" : "failed";
  return m_out;
}

}  // namespace

Result<std::vector<platform::Media>> load_media(const project::Project& project, const project::Post& post) {
  std::vector<platform::Media> out;
  for (std::size_t i = 0; i < post.media.size(); ++i) {
    const auto& m = post.media[i];
    platform::Media item;
    item.path = m.path;
    item.file = project.root / m.path;
    item.alt = m.alt;
    auto info = media::probe_file(item.file);
    if (!info) {
      return std::unexpected(Error{info.error().kind, info.error().message, "fix the path or remove the media",
                                   project::Project::post_path(post.id) + ": /media/" + std::to_string(i) + "/path"});
    }
    item.size = info->size;
    item.mime = media::mime_type(info->info.type);
    item.width = static_cast<int>(info->info.width);
    item.height = static_cast<int>(info->info.height);
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<platform::Part>> parts_for(const project::Project& project, const project::Post& post,
                                              const std::string& account, const platform::Capabilities& caps) {
  std::vector<plan::TargetRender> rendered = plan::render(project, post);
  auto t = std::find_if(rendered.begin(), rendered.end(), [&](const plan::TargetRender& r) { return r.account == account; });
  if (t == rendered.end()) {
    return fail(ErrorKind::runtime, "\"" + account + "\" is not a target of " + post.id);
  }
  std::string where = project::Project::post_path(post.id);
  if (t->parts.size() > 1 && !caps.threads) {
    return fail(ErrorKind::runtime, "the text needs " + std::to_string(t->parts.size()) + " parts and " +
                t->platform + " has no threads", "shorten it, or give " + account + " a variant", where);
  }
  if (t->over) {
    return fail(ErrorKind::runtime, "the text is over " + t->platform + "'s limit",
                "see `smm plan show " + post.id + "` and shorten it", where);
  }
  if (post.media.size() > caps.max_media) {
    return fail(ErrorKind::runtime, std::to_string(post.media.size()) + " media files; " + t->platform + " takes " +
                std::to_string(caps.max_media), "remove some, or post them in a thread part", where + ": /media");
  }
  auto media = load_media(project, post);
  if (!media) {
    return std::unexpected(media.error());
  }
  std::vector<Part> parts;
  for (std::size_t i = 0; i < t->parts.size(); ++i) {
    Part p;
    p.post = &post;
    p.account = account;
    p.index = i;
    p.count = t->parts.size();
    p.text = t->parts[i].text;
    if (i == 0) {
      p.media = *media;
    }
    parts.push_back(std::move(p));
  }
  if (!post.first_comment.empty() && caps.first_comment) {
    Part c = parts.front();
    c.index = parts.size();
    c.comment = true;
    c.text = post.first_comment;
    c.media.clear();
    parts.push_back(std::move(c));
  }
  return parts;
}

Outcome publish_target(const Publishing& with, project::Post& post, const std::string& account) {
  return Machine(with, post, account).run();
}

Outcome miss_target(const Publishing& with, project::Post& post, const std::string& account, const std::string& reason) {
  TargetState& st = post.publish[account];
  st.state = "missed";
  st.error = reason;
  st.at = time::format_rfc3339(with.now, with.project->zone());
  Outcome out{post.id, account, "missed", "", reason, ErrorKind::runtime};
  if (auto ok = with.save(post, false); !ok) {
    out.state = "failed";
    out.message = ok.error().message;
  }
  return out;
}

}  // namespace smm::post
