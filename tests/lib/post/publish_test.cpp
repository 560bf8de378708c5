// SPDX-License-Identifier: MIT
// The write-ahead state machine: what is written before and after each request, resuming threads,
// reconciling unconfirmed sends, and never resending blindly.
#include "smm/post/publish.hpp"

#include "lib/post/scripted_client.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

project::Post scheduled(const std::string& id, const std::string& text, const std::string& at = "2026-11-23T10:00:00+01:00") {
  project::Post p;
  p.id = id;
  p.text = text;
  p.targets = {"feed"};
  p.at_text = at;
  p.at = time::parse_rfc3339(at).value();
  return p;
}

struct Harness {
  TempProject tp;
  project::Project proj;
  ScriptedClient client;
  std::vector<project::Json> saved;  ///< every state written, in order

  Harness() : proj(project::load(tp.dir()).value()) {}

  post::Outcome publish(project::Post& post, const std::string& account = "feed") {
    post::Publishing with{&proj, &client,
                          [this](const project::Post& p, bool /*ahead*/) -> Result<void> {
                            saved.push_back(project::to_json(p));
                            return {};
                          },
                          fixed_now()};
    return post::publish_target(with, post, account);
  }
  const project::Json& last(const std::string& account = "feed") { return saved.back()["publish"][account]; }
};

std::string long_text(int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) {
    out += "Sentence number " + std::to_string(i) + " is here to fill the thread with words. ";
  }
  return out;
}

}  // namespace

TEST_CASE("publish: the key is on disk before the request, published after") {
  Harness h;
  auto post = scheduled("p", "Hello");
  auto out = h.publish(post);
  CHECK(out.state == "published");
  CHECK(out.url == "https://example.test/r1");
  REQUIRE(h.saved.size() == 2);
  CHECK(h.saved[0]["publish"]["feed"]["state"] == "sending");
  CHECK(h.saved[0]["publish"]["feed"]["parts"][0]["key"] == h.client.published[0].key);
  CHECK_FALSE(h.saved[0]["publish"]["feed"]["parts"][0].contains("remote_id"));
  CHECK(h.last()["state"] == "published");
  CHECK(h.last()["remote_id"] == "r1");
  CHECK(h.last()["attempts"] == 1);
}

TEST_CASE("publish: a thread that fails at part 2 resumes at part 2") {
  Harness h;
  h.tp.add_account("masto", "mastodon");
  h.proj = project::load(h.tp.dir()).value();
  auto post = scheduled("t", long_text(20));
  post.targets = {"masto"};
  h.client.answers.push_back(platform::Remote{"a1", "u1", {}});
  h.client.answers.push_back(std::unexpected(Error{ErrorKind::runtime, "500 Internal Server Error", "", "", true}));
  auto out = h.publish(post, "masto");
  CHECK(out.state == "failed");
  CHECK(h.last("masto")["state"] == "failed");
  CHECK(h.last("masto")["retryable"] == true);
  CHECK(h.last("masto")["parts"].size() == 1);
  std::size_t parts = h.client.published.size();
  REQUIRE(parts == 2);
  auto again = h.publish(post, "masto");
  CHECK(again.state == "published");
  CHECK(h.client.published[2].index == 1);           // resumed at part 2
  CHECK(h.client.published[2].parent->id == "a1");    // replying to part 1
  CHECK(h.client.published[2].root->id == "a1");
  CHECK(h.last("masto")["remote_id"] == "a1");
  CHECK(h.last("masto")["attempts"] == 2);
}

TEST_CASE("publish: a timeout leaves the part unconfirmed; the next run finds it instead of resending") {
  Harness h;
  auto post = scheduled("p", "Hello");
  h.client.answers.push_back(std::unexpected(Error{ErrorKind::runtime, "h: timed out: after 30000 ms", "", "", true}));
  auto out = h.publish(post);
  CHECK(out.state == "unconfirmed");
  CHECK(h.last()["state"] == "sending");
  std::string key = h.last()["parts"][0]["key"];
  h.client.remote[key] = platform::Remote{"landed", "https://example.test/landed", {}};  // it did arrive
  auto again = h.publish(post);
  CHECK(again.state == "published");
  CHECK(again.url == "https://example.test/landed");
  CHECK(h.client.published.size() == 1);  // never resent
  CHECK(h.client.looked_up == std::vector<std::string>{key});
}

TEST_CASE("publish: an unconfirmed send that did not land is resent with the same key") {
  Harness h;
  auto post = scheduled("p", "Hello");
  h.client.answers.push_back(std::unexpected(Error{ErrorKind::runtime, "h: request failed: reset", "", "", true}));
  h.publish(post);
  std::string key = h.last()["parts"][0]["key"];
  auto again = h.publish(post);
  CHECK(again.state == "published");
  REQUIRE(h.client.published.size() == 2);
  CHECK(h.client.published[1].key == key);
}

TEST_CASE("publish: a platform that can neither look up nor dedupe is never resent blindly") {
  Harness h;
  h.client.caps.lookup = false;
  h.client.caps.idempotent = false;
  auto post = scheduled("p", "Hello");
  h.client.answers.push_back(std::unexpected(Error{ErrorKind::runtime, "h: timed out: x", "", "", true}));
  h.publish(post);
  auto again = h.publish(post);
  CHECK(again.state == "failed");
  CHECK(again.message.find("may have been published") != std::string::npos);
  CHECK(h.client.published.size() == 1);
  CHECK_FALSE(h.last().contains("retryable"));
}

TEST_CASE("publish: a definite failure before anything was sent drops the key") {
  Harness h;
  auto post = scheduled("p", "Hello");
  h.client.answers.push_back(std::unexpected(Error{ErrorKind::auth, "401 Unauthorized", "smm account login", "", false}));
  auto out = h.publish(post);
  CHECK(out.state == "failed");
  CHECK(out.kind == ErrorKind::auth);
  CHECK_FALSE(h.last().contains("parts"));
  CHECK(h.last()["error"] == "401 Unauthorized");
}

TEST_CASE("publish: the first comment replies to the first part") {
  Harness h;
  auto post = scheduled("p", "Hello");
  post.first_comment = "Link in here";
  auto out = h.publish(post);
  CHECK(out.state == "published");
  REQUIRE(h.client.published.size() == 2);
  CHECK(h.client.published[1].comment);
  CHECK(h.client.published[1].parent->id == "r1");
  CHECK(h.last()["parts"].size() == 2);
}

TEST_CASE("publish: text that needs a thread fails on a platform without threads") {
  Harness h;
  h.client.caps.threads = false;
  h.tp.add_account("masto", "mastodon");
  h.proj = project::load(h.tp.dir()).value();
  auto post = scheduled("t", long_text(20));
  post.targets = {"masto"};
  auto out = h.publish(post, "masto");
  CHECK(out.state == "failed");
  CHECK(out.message.find("has no threads") != std::string::npos);
  CHECK(h.client.published.empty());
}

TEST_CASE("publish: missing media fails with the post and pointer") {
  Harness h;
  auto post = scheduled("p", "Hello");
  post.media.push_back({"media/none.png", "alt", {}});
  auto out = h.publish(post);
  CHECK(out.state == "failed");
  CHECK(h.client.published.empty());
}

}  // namespace smm::test
