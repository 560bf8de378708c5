// SPDX-License-Identifier: MIT
// `smm inbox` triage and replies in process: items written as sync writes them, a Mastodon
// account behind a FakeTransport, the credential store in a temp file.
#include "smm/inbox/item.hpp"
#include "smm/inbox/state.hpp"
#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

inbox::Item item(const char* remote_id, const char* at, inbox::Kind kind, const char* text, const char* handle = "bob@other.example") {
  inbox::Item i;
  i.account = "masto";
  i.platform = "mastodon";
  i.kind = kind;
  i.remote_id = remote_id;
  i.url = std::string("https://other.example/@bob/") + remote_id;
  i.author = inbox::Author{handle, "Bob Builder", "42", ""};
  i.text = text;
  i.created_at = *time::parse_rfc3339(at);
  i.source = "notifications";
  i.cursor = remote_id;
  return i;
}

struct Setup {
  TempProject dir;
  FakeTransport http;
  std::string creds;
  std::string reply_id = inbox::item_id("masto", "201");
  std::string dm_id = inbox::item_id("masto", "301");

  Setup() : creds((dir.dir() / "creds.json").string()) {
    dir.write("accounts/masto.json",
              R"({"platform": "mastodon", "server": "https://social.example", "handle": "acme"})" "\n");
    std::filesystem::create_directories(dir.dir() / ".smm" / "cache");
    dir.write(".smm/cache/mastodon-social.example.json", R"({"fetched_at": "2026-11-23T09:30:00Z", "max_characters": 500})");
    std::unordered_set<std::string> seen;
    auto dm = item("301", "2026-11-23T08:00:00Z", inbox::Kind::dm, "Can I get an invoice?", "carol@other.example");
    dm.conversation = "c9";
    dm.extra = {{"visibility", "direct"}, {"mentions", {"carol@other.example"}}};
    auto reply = item("201", "2026-11-22T09:00:00Z", inbox::Kind::reply, "Is it out yet?");
    reply.post = "2026-11-20-launch";
    reply.in_reply_to = "100";
    reply.thread_root = "100";
    auto follow_up = item("202", "2026-11-22T09:30:00Z", inbox::Kind::reply, "Found it, thanks");
    follow_up.in_reply_to = "201";
    follow_up.thread_root = "100";
    REQUIRE(inbox::append_items(dir.dir(), {reply, follow_up, dm}, seen).has_value());
    http.stub({"GET", "/api/v1/accounts/verify_credentials"}, FakeTransport::reply(200, R"({"id":"7","acct":"acme"})"));
    REQUIRE(run({"account", "login", "masto", "--token", "-"}, "tok\n").code == 0);
  }

  Ran run(const std::vector<std::string>& args, const std::string& input = "") {
    io::TestStreams io(false);
    io.set_input(input);
    Context ctx{io, [] { return fixed_now(); }, dir.dir(), Env({{"SMM_NOW", "2026-11-23T10:00:00Z"}, {"SMM_CREDENTIALS", creds}})};
    ctx.make_transport = [this] { return std::make_unique<BorrowedTransport>(http); };
    int code = cmd::run(args, ctx);
    return {code, io.out_text(), io.err_text()};
  }

  std::size_t posts_sent() const {
    std::size_t n = 0;
    for (const auto& r : http.requests()) {
      n += r.method == "POST" && r.url.ends_with("/api/v1/statuses") ? 1 : 0;
    }
    return n;
  }
};

}  // namespace

TEST_CASE("inbox lists open items oldest first; done, reopen, assign and tag change state.json", "[inbox][cmd]") {
  Setup s;
  Ran r = s.run({"inbox", "--format", "tsv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.starts_with("id\taccount\tkind\tauthor\tcreated_at\tstatus\tassignee\ttags\treplies\ttext\tpost\turl\n"));
  CHECK(r.out.find(s.reply_id + "\tmasto\treply\t@bob@other.example\t2026-11-22T10:00:00+01:00\topen\t\t\t0\tIs it out yet?\t2026-11-20-launch") !=
        std::string::npos);
  CHECK(r.out.find(s.reply_id) < r.out.find(s.dm_id));

  CHECK(s.run({"inbox", "done", s.reply_id.substr(0, 6)}).code == 0);
  CHECK(s.run({"inbox", "assign", s.dm_id, "--to", "sam"}).code == 0);
  CHECK(s.run({"inbox", "tag", s.dm_id, "--add", "billing", "--add", "vip"}).code == 0);
  CHECK(s.run({"inbox", "tag", s.dm_id, "--remove", "vip"}).code == 0);
  r = s.run({"inbox", "list", "--format", "tsv"});
  CHECK(r.out.find(s.reply_id) == std::string::npos);
  CHECK(r.out.find(s.dm_id + "\tmasto\tdm\t@carol@other.example\t2026-11-23T09:00:00+01:00\topen\tsam\tbilling\t0") !=
        std::string::npos);
  CHECK(s.run({"inbox", "list", "--assignee", "nobody", "--format", "tsv"}).out.empty());
  CHECK(s.run({"inbox", "list", "--status", "done", "--format", "tsv"}).out.find(s.reply_id) != std::string::npos);
  CHECK(s.run({"inbox", "reopen", s.reply_id}).code == 0);
  CHECK(s.run({"inbox", "list", "--kind", "reply", "--format", "tsv"}).out.find(s.reply_id) != std::string::npos);
  auto state = inbox::load_state(s.dir.dir(), "masto");
  REQUIRE(state.has_value());
  CHECK(state->items.at(s.dm_id).assignee == "sam");
  CHECK(state->items.at(s.dm_id).tags == std::vector<std::string>{"billing"});

  Ran bad = s.run({"inbox", "done", "zzzz"});
  CHECK(bad.code == 1);
  CHECK(bad.err == "smm: error: no inbox item \"zzzz\"\nhint: see the ids with `smm inbox list --status all`\n");
  CHECK(s.run({"inbox", "done", "ab"}).code == 2);
}

TEST_CASE("inbox show gives the thread and the post it answers", "[inbox][cmd]") {
  Setup s;
  s.dir.write("posts/2026-11-20-launch.json",
              R"({"status": "scheduled", "at": "2026-11-20T09:00:00+01:00", "targets": ["masto"], "text": "We launched!"})" "\n");
  Ran r = s.run({"inbox", "show", s.reply_id});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("in answer to our post 2026-11-20-launch:\n    We launched!\n") != std::string::npos);
  CHECK(r.out.find("thread:\n  > 2026-11-22T10:00  @bob@other.example  " + s.reply_id + "\n        Is it out yet?\n") !=
        std::string::npos);
  CHECK(r.out.find("Found it, thanks") != std::string::npos);
  Ran j = s.run({"inbox", "show", s.reply_id, "--json"});
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["thread"].size() == 1);
  CHECK(doc["our_post"]["text"] == "We launched!");
}

TEST_CASE("inbox reply sends once, records the receipt, and a rerun sends nothing", "[inbox][cmd]") {
  Setup s;
  s.http.stub({"POST", "/api/v1/statuses"},
              FakeTransport::reply(200, R"({"id":"900","url":"https://social.example/@acme/900","in_reply_to_id":"201"})"));
  Ran r = s.run({"inbox", "reply", s.reply_id, "Yes, since Friday!"});
  REQUIRE(r.code == 0);
  CHECK(r.out == s.reply_id + "\treplied\thttps://social.example/@acme/900\n");
  REQUIRE(s.posts_sent() == 1);
  const auto& sent = s.http.requests().back();
  CHECK(sent.body.find("status=%40bob%40other.example%20Yes%2C%20since%20Friday%21") != std::string::npos);
  CHECK(sent.body.find("in_reply_to_id=201") != std::string::npos);
  auto state = inbox::load_state(s.dir.dir(), "masto");
  REQUIRE(state.has_value());
  const auto& e = state->items.at(s.reply_id);
  CHECK(e.status == "done");
  REQUIRE(e.replies.size() == 1);
  CHECK(e.replies[0].state == "published");
  CHECK(e.replies[0].remote_id == "900");

  Ran again = s.run({"inbox", "reply", s.reply_id, "Yes, since Friday!"});
  CHECK(again.code == 0);
  CHECK(again.err.find("already replied") != std::string::npos);
  CHECK(s.posts_sent() == 1);
}

TEST_CASE("inbox reply reconciles an unconfirmed reply before sending (same key, no duplicate)", "[inbox][cmd]") {
  Setup s;
  inbox::State crashed;
  inbox::Reply pending;
  pending.state = "sending";
  pending.key = "smm-1795427400-abc";
  pending.text = "@bob@other.example Yes!";
  crashed.items[s.reply_id].replies.push_back(pending);
  REQUIRE(inbox::save_state(s.dir.dir(), "masto", crashed).has_value());
  s.http.stub({"POST", "/api/v1/statuses"},
              FakeTransport::reply(200, R"({"id":"901","url":"https://social.example/@acme/901","in_reply_to_id":"201"})"));
  Ran r = s.run({"inbox", "reply", s.reply_id, "Yes!"});
  REQUIRE(r.code == 0);
  REQUIRE(s.posts_sent() == 1);
  CHECK(http::find_header(s.http.requests().back().headers, "Idempotency-Key").value_or("") == "smm-1795427400-abc");
  auto state = inbox::load_state(s.dir.dir(), "masto");
  REQUIRE(state->items.at(s.reply_id).replies.size() == 1);
  CHECK(state->items.at(s.reply_id).replies[0].state == "published");
}

TEST_CASE("inbox reply: templates, stdin, DMs stay direct, bad input", "[inbox][cmd]") {
  Setup s;
  s.dir.write("templates/invoice.json", R"({"text": "Hi {first_name}, the invoice is on its way."})");
  s.dir.write("templates/bad.json", R"({"text": "Hi {nick}"})");
  s.http.stub({"POST", "/api/v1/statuses"},
              FakeTransport::reply(200, R"({"id":"902","url":"https://social.example/@acme/902"})"));
  Ran r = s.run({"inbox", "reply", s.dm_id, "--template", "invoice"});
  REQUIRE(r.code == 0);
  const auto& sent = s.http.requests().back();
  CHECK(sent.body.find("status=%40carol%40other.example%20Hi%20Bob%2C%20the%20invoice") != std::string::npos);
  CHECK(sent.body.find("visibility=direct") != std::string::npos);

  Ran bad = s.run({"inbox", "reply", s.dm_id, "--template", "bad"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("templates/bad.json: unknown variable {nick}") != std::string::npos);
  CHECK(s.run({"inbox", "reply", s.dm_id, "--template", "nope"}).code == 2);
  CHECK(s.run({"inbox", "reply", s.dm_id, ""}).code == 2);

  Ran piped = s.run({"inbox", "reply", s.reply_id, "-"}, "Thanks\nfor asking\n");
  REQUIRE(piped.code == 0);
  CHECK(s.http.requests().back().body.find("Thanks%0Afor%20asking") != std::string::npos);
}

}  // namespace smm::test
