// SPDX-License-Identifier: MIT
#include "smm/project/project.hpp"

#include "smm/project/files.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::project {
namespace {

// Every field smm knows, in canonical order, plus fields it does not (kept as they are).
const char* k_full_post = R"({
  "status": "scheduled",
  "at": "2026-11-24T09:00:00+01:00",
  "zone": "Europe/Paris",
  "targets": [
    "feed",
    "masto"
  ],
  "text": "Launch day! \"Quotes\", commas, é, 🎉 and\nnewlines.",
  "variants": {
    "masto": "Launch day on the fediverse!"
  },
  "thread": "off",
  "first_comment": "Link in the first comment",
  "media": [
    {
      "path": "media/cake.jpg",
      "alt": "A cake with candles",
      "focus": [
        0.5,
        0.25
      ]
    }
  ],
  "tags": [
    "launch",
    "q4"
  ],
  "campaign": "winter",
  "created": "2026-11-20T10:00:00+01:00",
  "approval": {
    "by": "alice",
    "at": "2026-11-21T10:00:00+01:00",
    "hash": "sha256:00",
    "note": "fine"
  },
  "publish": {
    "feed": {
      "state": "published",
      "remote_id": "1234567890123456789",
      "url": "https://example.com/feed#1",
      "at": "2026-11-24T09:00:02+01:00",
      "attempts": 1
    }
  },
  "x_custom": {
    "nested": [
      1,
      2,
      3
    ],
    "big": 12345678901234567890
  },
  "another": null
}
)";

TEST_CASE("a post round-trips byte for byte, unknown fields included", "[project]") {
  auto decoded = decode_post(k_full_post, "launch", "posts/launch.json");
  REQUIRE(decoded.has_value());
  const Post& p = *decoded;
  CHECK(p.status == "scheduled");
  CHECK(p.targets == std::vector<std::string>{"feed", "masto"});
  CHECK(p.text_for("masto") == "Launch day on the fediverse!");
  CHECK(p.text_for("feed") == p.text);
  CHECK(p.media.at(0).alt == "A cake with candles");
  CHECK(p.publish.at("feed").remote_id == "1234567890123456789");
  CHECK(p.at == time::parse_rfc3339("2026-11-24T08:00:00Z").value());
  CHECK(dump_json(to_json(p)) == k_full_post);
}

TEST_CASE("a hand-written post is saved in canonical order, nothing lost", "[project]") {
  const char* hand = R"({"text":"hi","mine":true,"targets":["feed"],"status":"draft"})";
  auto p = decode_post(hand, "x", "posts/x.json");
  REQUIRE(p.has_value());
  CHECK(dump_json(to_json(*p)) == "{\n  \"status\": \"draft\",\n  \"targets\": [\n    \"feed\"\n  ],\n  \"text\": \"hi\",\n  \"mine\": true\n}\n");
}

TEST_CASE("decode_post locates every problem", "[project]") {
  SECTION("syntax errors give line and column") {
    auto p = decode_post("{\n  \"text\": \"a\"\n  \"targets\": []\n}\n", "b", "posts/b.json");
    REQUIRE_FALSE(p.has_value());
    REQUIRE(p.error().size() == 1);
    CHECK(p.error()[0].location == "posts/b.json");
    CHECK(p.error()[0].message.starts_with("invalid JSON at line 3, column "));
    CHECK_FALSE(p.error()[0].hint.empty());
  }
  SECTION("truncated and trailing content") {
    CHECK_FALSE(decode_post("{\"text\": \"a\"", "t", "posts/t.json").has_value());
    CHECK_FALSE(decode_post("{\"text\": \"a\"} x", "t", "posts/t.json").has_value());
    CHECK_FALSE(decode_post("", "t", "posts/t.json").has_value());
    CHECK_FALSE(decode_post("[]", "t", "posts/t.json").has_value());
  }
  SECTION("wrong types are each reported with a JSON pointer") {
    auto p = decode_post(R"({"text": 5, "targets": ["a", 3], "tags": "x", "media": [{"path": 1}], "at": "soon"})", "w",
                         "posts/w.json");
    REQUIRE_FALSE(p.has_value());
    std::vector<std::string> where;
    for (const auto& e : p.error()) {
      where.push_back(e.location + ": " + e.message);
    }
    CHECK(where == std::vector<std::string>{
                       "posts/w.json: /text: expected a string, found a number",
                       "posts/w.json: /targets/1: expected a string, found a number",
                       "posts/w.json: /tags: expected an array, found a string",
                       "posts/w.json: /media/0/path: expected a string, found a number",
                       "posts/w.json: /at: invalid time \"soon\"",
                   });
  }
}

TEST_CASE("validate_post checks a post against the project", "[project]") {
  test::TempProject tp;
  tp.add_account("bsky", "bluesky");
  auto proj = load(tp.dir());
  REQUIRE(proj.has_value());
  Post p;
  p.id = "x";
  p.status = "scheduled";
  p.targets = {"bksy", "feed"};
  p.zone = "Europe/Pari";
  p.thread = "sometimes";
  p.variants["nobody"] = "v";
  auto problems = validate_post(p, *proj);
  std::vector<std::string> got;
  for (const auto& e : problems) {
    got.push_back(e.what());
  }
  CHECK(got == std::vector<std::string>{
                   "posts/x.json: /at: a scheduled post needs a time",
                   "posts/x.json: /targets/0: unknown account \"bksy\" (did you mean \"bsky\"?)",
                   "posts/x.json: /variants/nobody: variant for \"nobody\", which is not a target",
                   "posts/x.json: /zone: unknown time zone \"Europe/Pari\"",
                   "posts/x.json: /thread: unknown thread mode \"sometimes\"",
               });
  p.status = "bogus";
  CHECK(validate_post(p, *proj).front().message == "unknown status \"bogus\"");
}

TEST_CASE("load keeps going past bad files and a save of an unchanged project changes no byte", "[project]") {
  test::TempProject tp;
  tp.write("posts/good.json", k_full_post);
  tp.add_account("masto", "mastodon");
  tp.write("posts/bad.json", "{ nope");
  tp.write("accounts/broken.json", "{\"platform\": 7}");
  auto before = tp.posts();
  auto proj = load(tp.dir());
  REQUIRE(proj.has_value());
  REQUIRE(proj->posts.size() == 1);
  CHECK(proj->posts[0].id == "good");
  REQUIRE(proj->problems.size() == 2);
  CHECK(proj->problems[0].location == "accounts/broken.json: /platform");
  CHECK(proj->problems[1].location == "posts/bad.json");
  for (const auto& p : proj->posts) {
    REQUIRE(save_post(tp.dir(), p).has_value());
  }
  REQUIRE(save_settings(tp.dir(), proj->settings).has_value());
  CHECK(tp.posts() == before);
}

TEST_CASE("find_root walks up, and -C and SMM_PROJECT take precedence", "[project]") {
  test::TempProject tp;
  std::filesystem::create_directories(tp.dir() / "media" / "deep");
  io::TestStreams io;
  Context ctx{io, [] { return test::fixed_now(); }, tp.dir() / "media" / "deep", Env()};
  CHECK(find_root(ctx, std::nullopt).value() == tp.dir());
  ctx.cwd = "/";
  CHECK_FALSE(find_root(ctx, std::nullopt).has_value());
  CHECK(find_root(ctx, tp.dir().string()).value() == tp.dir());
  ctx.env.set("SMM_PROJECT", tp.dir().string());
  CHECK(find_root(ctx, std::nullopt).value() == tp.dir());
  auto missing = find_root(ctx, std::string("/nonexistent-smm"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().hint.find("smm init") != std::string::npos);
}

TEST_CASE("atomic writes leave no temporary files and replace whole", "[project][files]") {
  test::TempProject tp(false);
  auto path = tp.dir() / "f.json";
  REQUIRE(write_file_atomic(path, "one\n").has_value());
  REQUIRE(write_file_atomic(path, "two\n").has_value());
  CHECK(read_file(path).value() == "two\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(tp.dir())) {
    ++files;
  }
  CHECK(files == 1);
  CHECK_FALSE(write_file_atomic(tp.dir() / "missing-dir" / "x", "y").has_value());
  CHECK_FALSE(read_file(tp.dir() / "nope").has_value());
}

TEST_CASE("init creates a working project and refuses to overwrite one", "[project]") {
  test::TempProject tp(false);
  InitOptions options;
  options.zone = "Asia/Kolkata";
  auto created = init(tp.dir() / "p", options, test::fixed_now());
  REQUIRE(created.has_value());
  CHECK(*created == std::vector<std::string>{".gitignore", "smm.json", "accounts/feed.json", "posts/welcome.json"});
  auto proj = load(tp.dir() / "p");
  REQUIRE(proj.has_value());
  CHECK(proj->problems.empty());
  CHECK(proj->settings.name == "p");
  CHECK(proj->zone().name() == "Asia/Kolkata");
  CHECK(proj->posts.at(0).status == "draft");
  auto again = init(tp.dir() / "p", options, test::fixed_now());
  REQUIRE_FALSE(again.has_value());
  CHECK(again.error().kind == ErrorKind::conflict);
  options.zone = "Nowhere/Land";
  CHECK_FALSE(init(tp.dir() / "q", options, test::fixed_now()).has_value());
}

}  // namespace
}  // namespace smm::project
