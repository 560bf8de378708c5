// SPDX-License-Identifier: MIT
#include <nlohmann/json.hpp>

#include <ostream>

#include "cmd/plan/plan.hpp"
#include "smm/plan/render.hpp"
#include "smm/text/width.hpp"

namespace smm::cmd {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep = ",") {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : sep) + item;
  }
  return out;
}

}  // namespace

/// Posts matching the list filters, sorted by time (unscheduled last), then id.
Result<std::vector<const project::Post*>> select_posts(Runtime& rt, const PlanOptions& opts, const project::Project& proj,
                                                       bool default_upcoming) {
  auto period = selected_period(rt, opts, proj.zone());
  if (!period) {
    return std::unexpected(period.error());
  }
  bool windowed = period->begin || period->end;
  if (!opts.account.empty() && proj.account(opts.account) == nullptr) {
    return fail(ErrorKind::usage, "unknown account \"" + opts.account + "\"", "see `smm account list`", "--account");
  }
  std::vector<const project::Post*> out;
  for (const auto& p : proj.posts) {
    std::string status = p.effective_status();
    if (windowed && (!p.at || !period->contains(*p.at))) {
      continue;
    }
    if (!opts.status.empty() ? status != opts.status : (default_upcoming && !opts.all && !windowed && status == "published")) {
      continue;
    }
    if (!opts.account.empty() && std::find(p.targets.begin(), p.targets.end(), opts.account) == p.targets.end()) {
      continue;
    }
    if (!opts.tag.empty() && std::find(p.tags.begin(), p.tags.end(), opts.tag) == p.tags.end()) {
      continue;
    }
    if (!opts.campaign.empty() && p.campaign != opts.campaign) {
      continue;
    }
    out.push_back(&p);
  }
  std::stable_sort(out.begin(), out.end(), [](const project::Post* a, const project::Post* b) {
    if (a->at.has_value() != b->at.has_value()) {
      return a->at.has_value();
    }
    return a->at != b->at ? a->at < b->at : a->id < b->id;
  });
  return out;
}

Result<int> run_plan_list(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  auto posts = select_posts(rt, opts, *proj, true);
  if (!posts) {
    return std::unexpected(posts.error());
  }
  output::Table table{{{"id"}, {"at"}, {"status"}, {"targets"}, {"tags"}, {"campaign"}, {"text", false, true}}, {}};
  table.rows.reserve(posts->size());
  for (const auto* p : *posts) {
    output::Cell at = p->at ? output::Cell(output::InstantCell{*p->at, proj->zone_for(*p)}) : output::Cell();
    table.rows.push_back({p->id, at, p->effective_status(), join(p->targets), join(p->tags), p->campaign, p->text});
  }
  std::size_t problems = rt.report(proj->problems);
  if (auto ok = rt.emit(table); !ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

/// The JSON record of a post as each target will receive it.
project::Json rendered_json(const project::Project& proj, const project::Post& p) {
  project::Json targets = project::Json::array();
  for (const auto& t : plan::render(proj, p)) {
    project::Json parts = project::Json::array();
    for (const auto& part : t.parts) {
      parts.push_back({{"text", part.text}, {"length", part.length}});
    }
    project::Json rec = {{"account", t.account}, {"platform", t.platform}, {"zone", t.zone.name()}};
    rec["at"] = p.at ? project::Json(time::format_rfc3339(*p.at, t.zone)) : project::Json(nullptr);
    rec["limit"] = t.limit;
    rec["unit"] = *t.unit != '\0' ? t.unit : "characters";
    rec["over_limit"] = t.over;
    rec["parts"] = parts;
    rec["state"] = t.state.empty() ? project::Json(nullptr) : project::Json(t.state);
    rec["paused"] = t.paused;
    if (!t.url.empty()) {
      rec["url"] = t.url;
    }
    targets.push_back(rec);
  }
  project::Json doc = {{"id", p.id}, {"status", p.effective_status()}};
  doc["at"] = p.at_text.empty() ? project::Json(nullptr) : project::Json(p.at_text);
  doc["targets"] = targets;
  project::Json media = project::Json::array();
  for (const auto& m : p.media) {
    media.push_back({{"path", m.path}, {"alt", m.alt}});
  }
  doc["media"] = media;
  doc["first_comment"] = p.first_comment;
  doc["tags"] = p.tags;
  doc["campaign"] = p.campaign;
  doc["approved"] = p.approval ? project::Json(p.approval->hash == plan::payload_hash(proj, p)) : project::Json(nullptr);
  return doc;
}

/// Human rendering of one post, target by target.
std::string rendered_text(Runtime& rt, const project::Project& proj, const project::Post& p) {
  std::string out = rt.ctx.io.paint(p.id, "1") + "  " + p.effective_status();
  out += p.at ? "  " + p.at_text + " (" + time::relative(*p.at, rt.now()) + ")\n" : "  (no time yet)\n";
  if (!p.tags.empty() || !p.campaign.empty()) {
    out += "tags: " + join(p.tags, ", ") + (p.campaign.empty() ? "" : "  campaign: " + p.campaign) + "\n";
  }
  for (const auto& m : p.media) {
    out += "media: " + m.path + (m.alt.empty() ? "  (no alt text)" : "  alt: " + m.alt) + "\n";
  }
  if (p.approval) {
    bool valid = p.approval->hash == plan::payload_hash(proj, p);
    out += "approved by " + p.approval->by + " at " + p.approval->at + (valid ? "" : "  (CHANGED since approval)") + "\n";
  }
  for (const auto& t : plan::render(proj, p)) {
    std::string when = p.at ? time::format_rfc3339(*p.at, t.zone).substr(0, 16) + " " + t.zone.name() : "unscheduled";
    out += "\n" + rt.ctx.io.paint("→ " + t.account, "1;36") + " (" + t.platform + ")  " + when;
    out += t.state.empty() ? "" : "  [" + t.state + (t.url.empty() ? "" : " " + t.url) + "]";
    out += t.paused ? "  " + rt.ctx.io.paint("[paused]", "1;33") : "";
    out += "\n";
    for (std::size_t i = 0; i < t.parts.size(); ++i) {
      const auto& part = t.parts[i];
      std::string count = std::to_string(part.length) + (t.limit > 0 ? "/" + std::to_string(t.limit) : "");
      count += *t.unit != '\0' ? std::string(" ") + t.unit : "";
      if (t.byte_limit > 0 && part.bytes > t.byte_limit) {
        count += " (" + std::to_string(part.bytes) + "/" + std::to_string(t.byte_limit) + " bytes)";
      }
      bool over = part.over;
      out += "  [" + std::to_string(i + 1) + "/" + std::to_string(t.parts.size()) + "] " +
             (over ? rt.ctx.io.paint(count + " OVER LIMIT", "1;31") : count) + "\n";
      std::string body = t.parts[i].text;
      std::size_t pos = 0;
      while (pos <= body.size()) {
        auto nl = body.find('\n', pos);
        out += "    " + body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) + "\n";
        if (nl == std::string::npos) {
          break;
        }
        pos = nl + 1;
      }
    }
    if (!p.first_comment.empty()) {
      out += "  first comment: " + p.first_comment + "\n";
    }
  }
  return out;
}

Result<int> run_plan_show(Runtime& rt, const PlanOptions& opts) {
  auto proj = load_with_post(rt, opts.id);
  if (!proj) {
    return std::unexpected(proj.error());
  }
  const project::Post& p = *proj->post(opts.id);
  auto fmt = rt.format();
  if (!fmt) {
    return std::unexpected(fmt.error());
  }
  bool json = *fmt == output::Format::json || *fmt == output::Format::jsonl;
  if (json) {
    auto ok = rt.write_out(rendered_json(*proj, p).dump(*fmt == output::Format::json ? 2 : -1) + "\n");
    return ok ? Result<int>(0) : std::unexpected(ok.error());
  }
  auto ok = rt.write_out(rendered_text(rt, *proj, p));
  return ok ? Result<int>(0) : std::unexpected(ok.error());
}

Result<int> run_plan_diff(Runtime& rt, const PlanOptions& opts) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  PlanOptions window = opts;
  if (window.period.empty() && window.begin.empty() && window.end.empty()) {
    window.period = "from today";  // everything from now on
  }
  auto posts = select_posts(rt, window, *proj, true);
  if (!posts) {
    return std::unexpected(posts.error());
  }
  std::size_t problems = rt.report(proj->problems);
  auto fmt = rt.format();
  if (!fmt) {
    return std::unexpected(fmt.error());
  }
  if (proj->settings.paused) {
    rt.warn("the project is paused: `smm post` publishes none of this until `smm plan resume`");
  }
  std::string out;
  project::Json all = project::Json::array();
  for (const auto* p : *posts) {
    std::string status = p->effective_status();
    if (status == "draft" || status == "published" || !p->at || *p->at < rt.now()) {
      continue;
    }
    if (*fmt == output::Format::json || *fmt == output::Format::jsonl) {
      all.push_back(rendered_json(*proj, *p));
    } else {
      out += (out.empty() ? "" : "\n") + rendered_text(rt, *proj, *p);
    }
  }
  if (*fmt == output::Format::json) {
    out = all.dump(2) + "\n";
  } else if (*fmt == output::Format::jsonl) {
    for (const auto& rec : all) {
      out += rec.dump() + "\n";
    }
  }
  if (auto ok = rt.write_out(out); !ok) {
    return std::unexpected(ok.error());
  }
  return rt.done(problems);
}

}  // namespace smm::cmd
