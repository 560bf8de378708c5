// SPDX-License-Identifier: MIT
// Which targets `smm post` acts on: due, late, missed, held, failed and retried, named.
#include "smm/post/due.hpp"

#include "smm/plan/render.hpp"
#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

project::Post at(const std::string& id, const std::string& when, const std::string& status = "scheduled") {
  project::Post p;
  p.id = id;
  p.text = "Hello from " + id;
  p.targets = {"feed"};
  p.status = status;
  if (!when.empty()) {
    p.at_text = when;
    p.at = time::parse_rfc3339(when).value();
  }
  return p;
}

std::vector<std::string> lines(const project::Project& proj, post::Selection s = {}) {
  if (s.now == time::Instant{}) {
    s.now = fixed_now();  // 2026-11-23T10:00Z
  }
  std::vector<std::string> out;
  auto tasks = post::select(proj, s);
  REQUIRE(tasks.has_value());
  for (const auto& t : *tasks) {
    const char* what = t.action == post::Action::publish ? "publish" : t.action == post::Action::miss ? "miss" : "hold";
    out.push_back(t.post + " " + t.account + " " + what);
  }
  return out;
}

project::Project loaded(const TempProject& tp) { return project::load(tp.dir()).value(); }

}  // namespace

TEST_CASE("due: scheduled posts whose time has come, oldest first; future, drafts and queued wait") {
  TempProject tp;
  tp.save(at("b-now", "2026-11-23T10:00:00Z"));
  tp.save(at("a-earlier", "2026-11-23T09:30:00Z"));
  tp.save(at("c-later", "2026-11-23T10:01:00Z"));
  tp.save(at("d-draft", "2026-11-23T09:00:00Z", "draft"));
  tp.save(at("e-queued", "", "queued"));
  CHECK(lines(loaded(tp)) == std::vector<std::string>{"a-earlier feed publish", "b-now feed publish"});
}

TEST_CASE("due: later than max_late is missed unless --catch-up; missed stays missed") {
  TempProject tp;
  tp.save(at("old", "2026-11-23T07:00:00Z"));
  tp.save(at("fresh", "2026-11-23T08:30:00Z"));
  CHECK(lines(loaded(tp)) == std::vector<std::string>{"old feed miss", "fresh feed publish"});
  post::Selection catch_up;
  catch_up.catch_up = true;
  CHECK(lines(loaded(tp), catch_up) == std::vector<std::string>{"old feed publish", "fresh feed publish"});
  auto missed = at("old", "2026-11-23T07:00:00Z");
  missed.publish["feed"].state = "missed";
  tp.save(missed);
  CHECK(lines(loaded(tp)) == std::vector<std::string>{"fresh feed publish"});
}

TEST_CASE("due: published targets are done; sending ones resume even when late") {
  TempProject tp;
  auto done = at("done", "2026-11-23T09:00:00Z");
  done.publish["feed"].state = "published";
  tp.save(done);
  auto sending = at("sending", "2026-11-22T09:00:00Z");
  sending.publish["feed"].state = "sending";
  tp.save(sending);
  CHECK(lines(loaded(tp)) == std::vector<std::string>{"sending feed publish"});
}

TEST_CASE("due: retryable failures retry up to the cap; others need --retry-failed") {
  TempProject tp;
  auto flaky = at("flaky", "2026-11-23T09:00:00Z");
  flaky.publish["feed"] = {"failed", "", "", "", "503", true, 2, {}, {}};
  tp.save(flaky);
  auto rejected = at("rejected", "2026-11-23T09:00:00Z");
  rejected.publish["feed"] = {"failed", "", "", "", "422", false, 1, {}, {}};
  tp.save(rejected);
  auto tired = at("tired", "2026-11-23T09:00:00Z");
  tired.publish["feed"] = {"failed", "", "", "", "503", true, post::k_max_attempts, {}, {}};
  tp.save(tired);
  CHECK(lines(loaded(tp)) == std::vector<std::string>{"flaky feed publish"});
  post::Selection retry;
  retry.retry_failed = true;
  CHECK(lines(loaded(tp), retry).size() == 3);
}

TEST_CASE("due: paused project or account, and approvals, hold a due target") {
  TempProject tp;
  tp.save(at("p", "2026-11-23T09:00:00Z"));
  auto proj = loaded(tp);
  proj.settings.paused = true;
  CHECK(lines(proj) == std::vector<std::string>{"p feed hold"});
  proj.settings.paused = false;
  proj.accounts["feed"].paused = true;
  CHECK(lines(proj) == std::vector<std::string>{"p feed hold"});
  proj.accounts["feed"].paused = false;
  proj.settings.approval_required = true;
  CHECK(lines(proj) == std::vector<std::string>{"p feed hold"});
  proj.posts[0].approval = project::Approval{"ann", "2026-11-22T10:00:00Z", plan::payload_hash(proj, proj.posts[0]), {}};
  CHECK(lines(proj) == std::vector<std::string>{"p feed publish"});
  proj.posts[0].text = "Changed after approval";
  auto tasks = post::select(proj, post::Selection{fixed_now()});
  REQUIRE(tasks->size() == 1);
  CHECK(tasks->front().action == post::Action::hold);
  CHECK(tasks->front().reason.find("changed since it was approved") != std::string::npos);
}

TEST_CASE("due: named posts are due now, whatever their time; drafts and unknown ids are errors") {
  TempProject tp;
  tp.save(at("future", "2026-12-01T10:00:00Z"));
  tp.save(at("queued", "", "queued"));
  tp.save(at("draft", "", "draft"));
  tp.save(at("other", "2026-11-23T09:00:00Z"));
  post::Selection s;
  s.now = fixed_now();
  s.ids = {"future", "queued"};
  CHECK(lines(loaded(tp), s) == std::vector<std::string>{"queued feed publish", "future feed publish"});
  s.ids = {"draft"};
  CHECK(post::select(loaded(tp), s).error().kind == ErrorKind::usage);
  s.ids = {"nope"};
  CHECK(post::select(loaded(tp), s).error().kind == ErrorKind::not_found);
}

TEST_CASE("due: --account keeps one account's targets") {
  TempProject tp;
  tp.add_account("other", "feed");
  auto p = at("p", "2026-11-23T09:00:00Z");
  p.targets = {"feed", "other"};
  tp.save(p);
  post::Selection s;
  s.account = "other";
  CHECK(lines(loaded(tp), s) == std::vector<std::string>{"p other publish"});
}

}  // namespace smm::test
