// SPDX-License-Identifier: MIT
// Inbox files: item lines, de-duplicated appends, cursors per source, torn lines; state.json.
#include <fstream>

#include "smm/inbox/item.hpp"
#include "smm/inbox/reply.hpp"
#include "smm/inbox/state.hpp"
#include "smm/project/files.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::inbox {
namespace {

namespace fs = std::filesystem;

Item make(const char* remote_id, const char* at, const char* source = "notifications", const char* cursor = "") {
  Item item;
  item.account = "masto";
  item.platform = "mastodon";
  item.kind = Kind::reply;
  item.remote_id = remote_id;
  item.url = std::string("https://example.social/@bob/") + remote_id;
  item.author = Author{"bob@example.social", "Bob", "42", "https://example.social/@bob"};
  item.text = "Is it out yet?";
  item.created_at = *time::parse_rfc3339(at);
  item.post = "2026-11-20-launch";
  item.in_reply_to = "1130";
  item.thread_root = "1130";
  item.source = source;
  item.cursor = cursor;
  return item;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("smm-inbox-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::vector<Item> read_all(const fs::path& root, std::vector<std::string>& warnings) {
  std::vector<Item> out;
  auto ok = scan_items(
      root, "", [&](Item&& item) { out.push_back(std::move(item)); }, [&](const std::string& w) { warnings.push_back(w); });
  REQUIRE(ok.has_value());
  return out;
}

TEST_CASE("inbox item lines have fixed keys, UTC times, no empty fields, and read back", "[inbox]") {
  Item item = make("1134", "2026-11-23T10:12:00+01:00", "notifications", "5543");
  CHECK(to_line(item) ==
        "{\"id\":\"" + item_id("masto", "1134") +
            "\",\"account\":\"masto\",\"platform\":\"mastodon\",\"kind\":\"reply\",\"remote_id\":\"1134\","
            "\"url\":\"https://example.social/@bob/1134\",\"author\":{\"handle\":\"bob@example.social\",\"name\":\"Bob\","
            "\"id\":\"42\",\"url\":\"https://example.social/@bob\"},\"text\":\"Is it out yet?\","
            "\"created_at\":\"2026-11-23T09:12:00+00:00\",\"post\":\"2026-11-20-launch\",\"in_reply_to\":\"1130\","
            "\"thread_root\":\"1130\",\"source\":\"notifications\",\"cursor\":\"5543\"}\n");
  CHECK(item_id("masto", "1134").size() == 10);
  CHECK(item_id("masto", "1134") != item_id("bsky", "1134"));
  auto back = from_json(Json::parse(to_line(item)));
  REQUIRE(back.has_value());
  CHECK(to_line(*back) == to_line(item));
  CHECK_FALSE(from_json(Json::parse(R"({"account":"a","remote_id":"1","kind":"shout","created_at":"2026-11-23T10:00:00Z"})")));
  CHECK_FALSE(from_json(Json::parse(R"({"account":"a","remote_id":"1","kind":"dm"})")));
}

TEST_CASE("append_items de-duplicates by remote id, files by month, and stored() finds each source's newest", "[inbox]") {
  TempDir dir;
  std::unordered_set<std::string> seen;
  std::vector<Item> batch = {make("1", "2026-10-31T23:00:00Z", "notifications", "10"),
                             make("2", "2026-11-01T01:00:00Z", "notifications", "11"),
                             make("2", "2026-11-01T01:00:00Z", "notifications", "11"),
                             make("w1", "2026-11-02T01:00:00Z", "watch:brand", "w1")};
  auto added = append_items(dir.path, batch, seen);
  REQUIRE(added.has_value());
  CHECK(*added == 3);
  CHECK(fs::exists(dir.path / "inbox/masto/2026-10.jsonl"));
  CHECK(fs::exists(dir.path / "inbox/masto/2026-11.jsonl"));
  std::vector<std::string> warnings;
  auto s = stored(dir.path, "masto", [&](const std::string& w) { warnings.push_back(w); });
  REQUIRE(s.has_value());
  CHECK(s->remote_ids.size() == 3);
  CHECK(s->newest["notifications"].cursor == "11");
  CHECK(s->newest["watch:brand"].cursor == "w1");
  // A second sync of the same items adds nothing.
  auto again = append_items(dir.path, batch, s->remote_ids);
  REQUIRE(again.has_value());
  CHECK(*again == 0);
  CHECK(read_all(dir.path, warnings).size() == 3);
  CHECK(warnings.empty());
  CHECK(inbox_accounts(dir.path) == std::vector<std::string>{"masto"});
}

TEST_CASE("a torn last line is skipped with its file and line, and the next append stays whole", "[inbox]") {
  TempDir dir;
  std::unordered_set<std::string> seen;
  REQUIRE(append_items(dir.path, {make("1", "2026-11-01T01:00:00Z")}, seen).has_value());
  {
    std::ofstream torn(dir.path / "inbox/masto/2026-11.jsonl", std::ios::app);
    torn << "{\"id\":\"x\",\"acc";
  }
  REQUIRE(append_items(dir.path, {make("2", "2026-11-02T01:00:00Z")}, seen).has_value());
  std::vector<std::string> warnings;
  auto items = read_all(dir.path, warnings);
  CHECK(items.size() == 2);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("inbox/masto/2026-11.jsonl:2: "));
}

TEST_CASE("state.json round-trips triage and reply receipts and keeps unknown fields", "[inbox]") {
  TempDir dir;
  auto empty = load_state(dir.path, "masto");
  REQUIRE(empty.has_value());
  CHECK(empty->items.empty());
  State state;
  Entry& e = state.items["3f9a1c2b7e"];
  e.status = "done";
  e.assignee = "sam";
  e.tags = {"billing"};
  e.done_at = *time::parse_rfc3339("2026-11-23T10:05:00Z");
  Reply sending;
  sending.state = "sending";
  sending.key = "k1";
  sending.text = "Thanks!";
  Reply published = sending;
  published.state = "published";
  published.key = "k2";
  published.at = *time::parse_rfc3339("2026-11-23T10:04:59Z");
  published.remote_id = "1140";
  e.replies = {sending, published};
  e.rest["note"] = "kept";
  REQUIRE(save_state(dir.path, "masto", state).has_value());
  auto bytes = project::read_file(dir.path / "inbox/masto/state.json");
  REQUIRE(bytes.has_value());
  auto back = load_state(dir.path, "masto");
  REQUIRE(back.has_value());
  CHECK(back->items.at("3f9a1c2b7e").first_reply_at() == published.at);
  CHECK(back->items.at("3f9a1c2b7e").rest["note"] == "kept");
  REQUIRE(save_state(dir.path, "masto", *back).has_value());
  CHECK(*project::read_file(dir.path / "inbox/masto/state.json") == *bytes);

  std::ofstream(dir.path / "inbox/masto/state.json") << R"({"items": {"abc": {"status": "closed"}}})";
  auto bad = load_state(dir.path, "masto");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message == "inbox/masto/state.json: /items/abc/status: \"closed\" is not open or done");
}

}  // namespace
}  // namespace smm::inbox

namespace smm::inbox {
namespace {

TEST_CASE("a reply's part answers the item: Bluesky strong refs for parent and root", "[inbox]") {
  Item item;
  item.account = "bsky";
  item.platform = "bluesky";
  item.kind = Kind::reply;
  item.remote_id = "at://did:plc:bob/app.bsky.feed.post/3kb";
  item.thread_root = "at://did:plc:us/app.bsky.feed.post/3ka";
  item.extra = {{"cid", "bafyreply"}, {"root", {{"uri", "at://did:plc:us/app.bsky.feed.post/3ka"}, {"cid", "bafyroot"}}}};
  auto part = reply_part(item, "Thanks!");
  REQUIRE(part.parent.has_value());
  CHECK(part.parent->extra == Json{{"uri", item.remote_id}, {"cid", "bafyreply"}});
  REQUIRE(part.root.has_value());
  CHECK(part.root->extra == Json{{"uri", "at://did:plc:us/app.bsky.feed.post/3ka"}, {"cid", "bafyroot"}});
  CHECK(part.answering == &item);
  CHECK(part.post == nullptr);

  Item first = item;  // a mention that starts its own thread
  first.thread_root.clear();
  first.extra = {{"cid", "bafymention"}};
  CHECK_FALSE(reply_part(first, "Hi").root.has_value());
}

TEST_CASE("templates fill the item's variables and name unknown ones", "[inbox]") {
  Item item;
  item.account = "masto";
  item.author = Author{"bob@other.example", "  Bob Builder", "", ""};
  item.post = "2026-11-20-launch";
  CHECK(fill_template("{author}: thanks {first_name} ({name}) for {post} {", item, "t").value() ==
        "@bob@other.example: thanks Bob (Bob Builder) for 2026-11-20-launch {");
  item.author.name.clear();
  CHECK(fill_template("Hi {first_name}", item, "t").value() == "Hi bob");
  auto bad = fill_template("Hi {nick}", item, "templates/x.json");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message == "templates/x.json: unknown variable {nick}");
}

}  // namespace
}  // namespace smm::inbox
