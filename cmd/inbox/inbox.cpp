// SPDX-License-Identifier: MIT
// smm inbox: the conversation queue. `smm inbox` lists open items; list, show, reply, done,
// reopen, assign and tag work on the synced items (inbox/<account>/*.jsonl, lib/smm/inbox) and
// their triage state (state.json). `inbox sync` is in sync.cpp.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "cmd/report/period_options.hpp"
#include "cmd/runtime.hpp"
#include "smm/creds/session.hpp"
#include "smm/http/http.hpp"
#include "smm/inbox/item.hpp"
#include "smm/inbox/reply.hpp"
#include "smm/inbox/state.hpp"
#include "smm/platform/client.hpp"

namespace smm::cmd {
namespace {

namespace fs = std::filesystem;

struct ListOptions : PeriodOptions {
  std::string status = "open";
  std::string assignee;
  std::string kind;
  std::string tag;
};

/// Every stored item with its triage entry.
struct Loaded {
  std::vector<inbox::Item> items;
  std::map<std::string, inbox::State> states;  ///< account -> state

  [[nodiscard]] inbox::Entry entry(const inbox::Item& item) const {
    auto s = states.find(item.account);
    if (s == states.end()) {
      return {};
    }
    auto e = s->second.items.find(item.id);
    return e == s->second.items.end() ? inbox::Entry{} : e->second;
  }
};

Result<Loaded> load_inbox(Runtime& rt, const fs::path& root, const std::string& account) {
  Loaded l;
  auto ok = inbox::scan_items(
      root, account, [&l](inbox::Item&& item) { l.items.push_back(std::move(item)); },
      [&rt](const std::string& w) { rt.warn(w); });
  if (!ok) {
    return std::unexpected(ok.error());
  }
  std::vector<std::string> accounts = account.empty() ? inbox::inbox_accounts(root) : std::vector<std::string>{account};
  for (const auto& name : accounts) {
    auto state = inbox::load_state(root, name);
    if (!state) {
      return std::unexpected(state.error());
    }
    l.states.emplace(name, std::move(*state));
  }
  std::stable_sort(l.items.begin(), l.items.end(),
                   [](const inbox::Item& a, const inbox::Item& b) { return a.created_at < b.created_at; });
  return l;
}

/// The items whose id starts with `prefix` (at least 4 characters).
Result<const inbox::Item*> find_item(const Loaded& l, const std::string& prefix) {
  if (prefix.size() < 4) {
    return fail(ErrorKind::usage, "item id \"" + prefix + "\" is too short: give at least 4 characters",
                "see the ids with `smm inbox list`");
  }
  const inbox::Item* found = nullptr;
  std::size_t matches = 0;
  for (const auto& item : l.items) {
    if (item.id.starts_with(prefix)) {
      if (found == nullptr || found->id != item.id) {
        ++matches;
      }
      found = &item;
    }
  }
  if (matches == 0) {
    return fail(ErrorKind::not_found, "no inbox item \"" + prefix + "\"", "see the ids with `smm inbox list --status all`");
  }
  if (matches > 1) {
    return fail(ErrorKind::usage, "item id \"" + prefix + "\" is ambiguous (" + std::to_string(matches) + " items)",
                "give more characters of the id");
  }
  return found;
}

std::string one_line(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

std::string author_label(const inbox::Item& item) {
  return item.author.handle.empty() ? item.author.name : "@" + item.author.handle;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : sep) + p;
  }
  return out;
}

output::Table item_table(const Loaded& l, const std::vector<const inbox::Item*>& items, const time::Zone& zone) {
  output::Table t{{{"id"},
                   {"account"},
                   {"kind"},
                   {"author"},
                   {"created_at"},
                   {"status"},
                   {"assignee"},
                   {"tags"},
                   {"replies", true},
                   {"text", false, true},
                   {"post"},
                   {"url", false, true}},
                  {}};
  for (const auto* item : items) {
    inbox::Entry e = l.entry(*item);
    std::int64_t replies = 0;
    for (const auto& r : e.replies) {
      replies += r.state == "published" ? 1 : 0;
    }
    t.rows.push_back({item->id, item->account, std::string(inbox::to_string(item->kind)), author_label(*item),
                      output::InstantCell{item->created_at, zone}, e.status, e.assignee, join(e.tags, ","), replies,
                      one_line(item->text), item->post, item->url});
  }
  return t;
}

Result<int> run_list(Runtime& rt, const ListOptions& o) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  if (o.status != "open" && o.status != "done" && o.status != "all") {
    return fail(ErrorKind::usage, "--status: \"" + o.status + "\" is not one of open, done, all");
  }
  if (!o.kind.empty() && !inbox::parse_kind(o.kind)) {
    return fail(ErrorKind::usage, "--kind: \"" + o.kind + "\" is not one of mention, reply, quote, dm, watch");
  }
  auto account = check_account(*proj, o.account);
  auto period = account ? selected_period(rt, o, proj->zone()) : std::unexpected(account.error());
  auto l = period ? load_inbox(rt, proj->root, o.account) : std::unexpected(period.error());
  if (!l) {
    return std::unexpected(l.error());
  }
  std::vector<const inbox::Item*> shown;
  for (const auto& item : l->items) {
    inbox::Entry e = l->entry(item);
    bool keep = (o.status == "all" || e.status == o.status) && (o.assignee.empty() || e.assignee == o.assignee) &&
                (o.kind.empty() || inbox::to_string(item.kind) == o.kind) &&
                (o.tag.empty() || std::find(e.tags.begin(), e.tags.end(), o.tag) != e.tags.end()) &&
                (!period->begin || item.created_at >= *period->begin) && (!period->end || item.created_at < *period->end);
    if (keep) {
      shown.push_back(&item);
    }
  }
  if (shown.empty()) {
    rt.note(o.status == "open" ? "Inbox zero: nothing open." : "No items.");
  }
  auto ok = rt.emit(item_table(*l, shown, proj->zone()));
  if (!ok) {
    return std::unexpected(ok.error());
  }
  return 0;
}

/// The thread around an item: the stored items of its thread or conversation, oldest first.
std::vector<const inbox::Item*> thread_of(const Loaded& l, const inbox::Item& item) {
  std::vector<const inbox::Item*> out;
  for (const auto& other : l.items) {
    if (other.account != item.account) {
      continue;
    }
    bool same_conversation = !item.conversation.empty() && other.conversation == item.conversation;
    bool same_thread = !item.thread_root.empty() &&
                       (other.thread_root == item.thread_root || other.remote_id == item.thread_root);
    bool parent = !item.in_reply_to.empty() && other.remote_id == item.in_reply_to;
    if (&other == &item || same_conversation || same_thread || parent) {
      out.push_back(&other);
    }
  }
  return out;
}

std::string indent(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') {
      out += "    ";
    }
  }
  return out;
}

Result<int> run_show(Runtime& rt, const std::string& id) {
  auto proj = rt.load_project();
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  auto l = load_inbox(rt, proj->root, "");
  auto item = l ? find_item(*l, id) : std::unexpected(l.error());
  if (!item) {
    return std::unexpected(item.error());
  }
  const inbox::Item& it = **item;
  inbox::Entry e = l->entry(it);
  auto thread = thread_of(*l, it);
  const project::Post* ours = it.post.empty() ? nullptr : proj->post(it.post);
  time::Zone zone = proj->zone();
  auto fmt = rt.format();
  if (!fmt) {
    return std::unexpected(fmt.error());
  }
  if (*fmt == output::Format::json || *fmt == output::Format::jsonl) {
    auto parse = [](const inbox::Item& i) { return nlohmann::ordered_json::parse(inbox::to_line(i)); };
    nlohmann::ordered_json doc = parse(it);
    doc["status"] = e.status;
    doc["assignee"] = e.assignee;
    doc["tags"] = e.tags;
    nlohmann::ordered_json replies = nlohmann::ordered_json::array();
    for (const auto& r : e.replies) {
      nlohmann::ordered_json rd{{"state", r.state}, {"text", r.text}, {"url", r.url}};
      if (r.at) {
        rd["at"] = time::format_rfc3339(*r.at, time::utc());
      }
      replies.push_back(rd);
    }
    doc["replies"] = replies;
    nlohmann::ordered_json ctx = nlohmann::ordered_json::array();
    for (const auto* t : thread) {
      if (t != &it) {
        ctx.push_back(parse(*t));
      }
    }
    doc["thread"] = ctx;
    if (ours != nullptr) {
      doc["our_post"] = {{"id", ours->id}, {"text", ours->text_for(it.account)}};
    }
    auto ok = rt.write_out(doc.dump(2) + "\n");
    return ok ? Result<int>(0) : std::unexpected(ok.error());
  }
  std::string out;
  out += it.id + "  " + std::string(inbox::to_string(it.kind)) + " on " + it.account + " (" + it.platform + ")  " +
         e.status + (e.assignee.empty() ? "" : ", assigned to " + e.assignee) +
         (e.tags.empty() ? "" : ", tags " + join(e.tags, ", ")) + "\n";
  out += "from:  " + author_label(it) + (it.author.name.empty() ? "" : " (" + it.author.name + ")") + "\n";
  out += "at:    " + time::format_rfc3339(it.created_at, zone) + " (" + time::relative(it.created_at, rt.now()) + ")\n";
  if (!it.url.empty()) {
    out += "url:   " + it.url + "\n";
  }
  if (!it.watch.empty()) {
    out += "watch: " + it.watch + "\n";
  }
  if (ours != nullptr) {
    out += "\nin answer to our post " + ours->id + ":\n" + indent(ours->text_for(it.account)) + "\n";
  } else if (!it.post.empty()) {
    out += "\nin answer to our post " + it.post + "\n";
  }
  if (thread.size() > 1) {
    out += "\nthread:\n";
    for (const auto* t : thread) {
      out += std::string(t == &it ? "  > " : "    ") + time::format_rfc3339(t->created_at, zone).substr(0, 16) + "  " +
             author_label(*t) + "  " + t->id + "\n";
      out += indent(indent(t->text)) + "\n";
    }
  } else {
    out += "\n" + indent(it.text) + "\n";
  }
  for (const auto& r : e.replies) {
    out += "\nour reply (" + r.state + (r.at ? ", " + time::format_rfc3339(*r.at, zone) : "") + "):\n" + indent(r.text) +
           "\n";
    if (!r.url.empty()) {
      out += "    " + r.url + "\n";
    }
  }
  auto ok = rt.write_out(out);
  return ok ? Result<int>(0) : std::unexpected(ok.error());
}

struct TriageOptions {
  std::vector<std::string> ids;
  std::string to;           ///< assign
  bool unassign = false;    ///< assign --none
  std::vector<std::string> add;     ///< tag
  std::vector<std::string> remove;  ///< tag --remove
};

enum class Triage { done, reopen, assign, tag };

Result<int> run_triage(Runtime& rt, Triage what, const TriageOptions& o) {
  auto root = rt.project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  if (what == Triage::assign && o.to.empty() == !o.unassign) {
    return fail(ErrorKind::usage, "give --to NAME or --none", "e.g. `smm inbox assign 3f9a --to sam`");
  }
  if (what == Triage::tag && o.add.empty() && o.remove.empty()) {
    return fail(ErrorKind::usage, "give --add TAG or --remove TAG", "e.g. `smm inbox tag 3f9a --add billing`");
  }
  auto l = load_inbox(rt, *root, "");
  if (!l) {
    return std::unexpected(l.error());
  }
  std::map<std::string, std::vector<const inbox::Item*>> by_account;
  for (const auto& id : o.ids) {
    auto item = find_item(*l, id);
    if (!item) {
      return std::unexpected(item.error());
    }
    by_account[(*item)->account].push_back(*item);
  }
  for (const auto& [account, items] : by_account) {
    auto ok = inbox::update_state(*root, account, [&](inbox::State& state) -> Result<void> {
      for (const auto* item : items) {
        inbox::Entry& e = state.items[item->id];
        switch (what) {
          case Triage::done:
            if (e.status != "done") {
              e.status = "done";
              e.done_at = rt.now();
            }
            break;
          case Triage::reopen:
            e.status = "open";
            e.done_at.reset();
            break;
          case Triage::assign:
            e.assignee = o.to;
            break;
          case Triage::tag:
            for (const auto& t : o.add) {
              if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) {
                e.tags.push_back(t);
              }
            }
            std::erase_if(e.tags, [&o](const std::string& t) {
              return std::find(o.remove.begin(), o.remove.end(), t) != o.remove.end();
            });
            std::sort(e.tags.begin(), e.tags.end());
            break;
        }
      }
      return {};
    });
    if (!ok) {
      return std::unexpected(ok.error());
    }
  }
  if (!rt.global.quiet) {
    static const char* k_done[] = {"done", "reopened", "assigned", "tagged"};
    rt.ctx.io.err() << o.ids.size() << (o.ids.size() == 1 ? " item " : " items ") << k_done[static_cast<int>(what)]
                    << "\n";
  }
  return 0;
}

struct ReplyOptions {
  std::string id;
  std::string text;
  std::string templ;
  bool again = false;
  bool keep_open = false;
  bool dry_run = false;
};

/// Mastodon replies address the author (and, in a DM, everyone in it) the way Mastodon's own
/// apps do: "@handle " in front unless the text already mentions them.
std::string addressed(const inbox::Item& item, const std::string& text) {
  if (item.platform != "mastodon") {
    return text;
  }
  std::vector<std::string> handles;
  if (!item.author.handle.empty()) {
    handles.push_back(item.author.handle);
  }
  if (auto m = item.extra.find("mentions"); m != item.extra.end() && m->is_array()) {
    for (const auto& h : *m) {
      if (h.is_string() && std::find(handles.begin(), handles.end(), h.get<std::string>()) == handles.end()) {
        handles.push_back(h.get<std::string>());
      }
    }
  }
  std::string prefix;
  for (const auto& h : handles) {
    if (text.find("@" + h) == std::string::npos) {
      prefix += "@" + h + " ";
    }
  }
  return prefix + text;
}

Result<int> run_reply(Runtime& rt, const ReplyOptions& o) {
  auto proj = rt.load_project(project::LoadOptions::without_posts());
  if (!proj) {
    return std::unexpected(proj.error());
  }
  rt.report_unrelated(proj->problems);
  auto l = load_inbox(rt, proj->root, "");
  auto found = l ? find_item(*l, o.id) : std::unexpected(l.error());
  if (!found) {
    return std::unexpected(found.error());
  }
  const inbox::Item& item = **found;
  if (!o.text.empty() && !o.templ.empty()) {
    return fail(ErrorKind::usage, "give the reply's text or --template, not both");
  }
  std::string text;
  if (!o.templ.empty()) {
    auto filled = inbox::reply_template(proj->root, o.templ, item);
    if (!filled) {
      return std::unexpected(filled.error());
    }
    text = *filled;
  } else if (o.text == "-") {
    std::string line;
    while (std::getline(rt.ctx.io.in(), line)) {
      text += (text.empty() ? "" : "\n") + line;
    }
  } else {
    text = o.text;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  if (text.empty()) {
    return fail(ErrorKind::usage, "the reply is empty",
                "give its text: `smm inbox reply " + item.id + " \"Thanks!\"`, `-` for stdin, or --template NAME");
  }
  text = addressed(item, text);
  const project::Account* account = proj->account(item.account);
  if (account == nullptr) {
    return fail(ErrorKind::usage, "item " + item.id + " belongs to account \"" + item.account + "\", which is not configured",
                "add " + project::Project::account_path(item.account) + " again to reply from it");
  }
  std::shared_ptr<creds::Session> session;
  std::unique_ptr<http::Transport> transport;
  if (!o.dry_run) {
    auto s = creds::Session::open(rt.ctx.env);
    if (!s) {
      return std::unexpected(s.error());
    }
    session = *s;
    transport = rt.ctx.make_transport ? rt.transports()() : nullptr;
  }
  platform::Env env{&*proj, account, [&rt] { return rt.now(); }, transport.get(), session, {}};
  auto client = platform::make_client(env);
  if (!client) {
    return std::unexpected(client.error());
  }
  if (o.dry_run) {
    platform::Part part = inbox::reply_part(item, text);
    part.key = "{key}";
    std::string out;
    for (const auto& r : (*client)->preview(part)) {
      out += r.method + " " + r.url + "\n" + r.body + "\n\n";
    }
    auto ok = rt.write_out(out);
    return ok ? Result<int>(0) : std::unexpected(ok.error());
  }
  inbox::ReplyOptions options{o.again, o.keep_open, rt.now()};
  auto sent = inbox::send_reply(proj->root, item, text, **client, options);
  if (!sent) {
    Error e = sent.error();
    if (e.kind == ErrorKind::auth && e.hint.empty()) {
      e.hint = "run `smm account login " + item.account + "`";
    } else if (e.retryable && !http::maybe_sent(e)) {
      e.hint = "try the same `smm inbox reply` again later";
    }
    return std::unexpected(e);
  }
  if (!sent->note.empty()) {
    rt.note(sent->note);
  }
  if (sent->state == "already") {
    rt.ctx.io.err() << "smm: already replied to " << item.id << " with this text: " << sent->receipt.url << "\n"
                    << "hint: pass --again to send it once more\n";
    return 0;
  }
  rt.ctx.io.out() << item.id << "\treplied\t" << sent->receipt.url << "\n";
  return 0;
}

void add_list(CLI::App* cmd, ListOptions& o) {
  cmd->add_option("--status", o.status, "open (default), done or all")->type_name("S");
  cmd->add_option("--assignee", o.assignee, "Only items assigned to X")->type_name("X");
  cmd->add_option("--kind", o.kind, "Only mention, reply, quote, dm or watch items")->type_name("K");
  cmd->add_option("--tag", o.tag, "Only items with this tag")->type_name("T");
  add_period_flags(cmd, o, false);
}

}  // namespace

void register_inbox(CLI::App& app, Runtime& rt) {
  auto* inbox = app.add_subcommand("inbox", "The conversation queue: mentions, replies, quotes, DMs and watches");
  inbox->footer(R"(examples:
  smm inbox sync                      # pull new mentions, replies, quotes, DMs and watches
  smm inbox                           # the open items, oldest first
  smm inbox show 3f9a                 # one item with its thread
  smm inbox reply 3f9a "Thanks, it ships on Monday!"
  smm inbox reply 3f9a --template thanks
  smm inbox assign 3f9a 7c21 --to sam
  smm inbox done 3f9a)");
  auto bare = std::make_shared<ListOptions>();
  add_list(inbox, *bare);
  inbox->callback([&rt, inbox, bare] {
    if (inbox->get_subcommands().empty()) {
      rt.action = [&rt, bare] { return run_list(rt, *bare); };
    }
  });
  add_inbox_sync(inbox, rt);

  auto lo = std::make_shared<ListOptions>();
  auto* list = inbox->add_subcommand("list", "The items, oldest first (open ones by default)");
  add_list(list, *lo);
  list->callback([&rt, lo] { rt.action = [&rt, lo] { return run_list(rt, *lo); }; });

  auto id = std::make_shared<std::string>();
  auto* show = inbox->add_subcommand("show", "One item with its thread, our post it answers, and our replies");
  show->add_option("id", *id, "Item id (a unique prefix of at least 4 characters)")->required();
  show->callback([&rt, id] { rt.action = [&rt, id] { return run_show(rt, *id); }; });

  auto ro = std::make_shared<ReplyOptions>();
  auto* reply = inbox->add_subcommand("reply", "Reply to an item (never twice: a rerun checks first)");
  reply->add_option("id", ro->id, "Item id")->required();
  reply->add_option("text", ro->text, "The reply, or - to read it from stdin");
  reply->add_option("--template", ro->templ, "Use templates/NAME.json ({author}, {first_name}, ...)")->type_name("NAME");
  reply->add_flag("--again", ro->again, "Send even if this exact text was already sent");
  reply->add_flag("--keep-open", ro->keep_open, "Do not mark the item done");
  reply->add_flag("--dry-run", ro->dry_run, "Show the request, send nothing");
  reply->callback([&rt, ro] { rt.action = [&rt, ro] { return run_reply(rt, *ro); }; });

  struct Verb {
    const char* name;
    const char* help;
    Triage what;
  };
  for (const Verb& v : {Verb{"done", "Mark items done", Triage::done}, Verb{"reopen", "Open items again", Triage::reopen},
                        Verb{"assign", "Assign items to someone (--to NAME, or --none)", Triage::assign},
                        Verb{"tag", "Tag items (--add TAG, --remove TAG)", Triage::tag}}) {
    auto to = std::make_shared<TriageOptions>();
    auto* cmd = inbox->add_subcommand(v.name, v.help);
    cmd->add_option("ids", to->ids, "Item ids (unique prefixes of at least 4 characters)")->required();
    if (v.what == Triage::tag) {
      cmd->add_option("--add", to->add, "Tags to add")->type_name("TAG");
      cmd->add_option("--remove", to->remove, "Tags to remove")->type_name("TAG");
    }
    if (v.what == Triage::assign) {
      cmd->add_option("--to", to->to, "Who handles them")->type_name("NAME");
      cmd->add_flag("--none", to->unassign, "Remove the assignee");
    }
    Triage what = v.what;
    cmd->callback([&rt, to, what] { rt.action = [&rt, to, what] { return run_triage(rt, what, *to); }; });
  }
}

}  // namespace smm::cmd
