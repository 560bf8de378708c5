// SPDX-License-Identifier: MIT
#include "smm/plan/queue.hpp"

#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::plan {
namespace {

time::Instant at(const char* rfc3339) { return time::parse_rfc3339(rfc3339).value(); }

project::Post post(const std::string& id, const std::string& status, std::vector<std::string> targets,
                   const std::string& created, std::optional<time::Instant> when = std::nullopt) {
  project::Post p;
  p.id = id;
  p.status = status;
  p.targets = std::move(targets);
  p.text = id;
  p.created = created;
  if (when) {
    p.set_at(*when, time::utc());
  }
  return p;
}

project::Project make_project(const std::string& slots, const std::string& zone) {
  project::Project proj;
  proj.settings.zone = zone;
  proj.settings.slots = slots;
  for (const char* name : {"feed", "masto"}) {
    project::Account a;
    a.name = name;
    a.platform = "feed";
    proj.accounts[name] = a;
  }
  return proj;
}

std::vector<std::string> times(const project::Project& proj) {
  std::vector<std::string> out;
  for (const auto& p : proj.posts) {
    out.push_back(p.id + " " + (p.at ? time::format_rfc3339(*p.at, proj.zone()) : "-"));
  }
  return out;
}

TEST_CASE("queue fills free slots in created order, around pinned and published posts", "[plan][queue]") {
  auto proj = make_project("mon-fri 09:00,13:00", "Europe/Paris");
  proj.posts = {
      post("a-second", "queued", {"feed"}, "2026-11-20T10:00:00Z"),
      post("b-first", "queued", {"feed"}, "2026-11-19T10:00:00Z"),
      post("c-pinned", "scheduled", {"feed"}, "2026-11-01T00:00:00Z", at("2026-11-23T12:00:00Z")),  // 13:00 Paris
      post("d-draft", "draft", {"feed"}, "2026-11-01T00:00:00Z", at("2026-11-24T08:00:00Z")),       // drafts hold no slot
  };
  auto published = post("e-published", "queued", {"feed"}, "2026-11-01T00:00:00Z", at("2026-11-24T08:00:00Z"));
  published.publish["feed"].state = "published";
  proj.posts.push_back(published);
  auto result = queue(proj, test::fixed_now());  // Monday 11:00 Paris
  CHECK(result.problems.empty());
  CHECK(times(proj) == std::vector<std::string>{
                           "a-second 2026-11-25T09:00:00+01:00",
                           "b-first 2026-11-24T13:00:00+01:00",
                           "c-pinned 2026-11-23T13:00:00+01:00",
                           "d-draft 2026-11-24T09:00:00+01:00",
                           "e-published 2026-11-24T09:00:00+01:00",
                       });
  CHECK(result.moved.size() == 2);
  SECTION("running it again changes nothing") {
    auto again = queue(proj, test::fixed_now());
    CHECK(again.moved.empty());
    CHECK(again.unchanged.size() == 2);
  }
}

TEST_CASE("a multi-target post needs the slot free on every target", "[plan][queue]") {
  auto proj = make_project("daily 09:00", "UTC");
  proj.posts = {
      post("a", "scheduled", {"masto"}, "2026-11-01T00:00:00Z", at("2026-11-24T09:00:00Z")),
      post("b", "queued", {"feed", "masto"}, "2026-11-02T00:00:00Z"),
      post("c", "queued", {"feed"}, "2026-11-03T00:00:00Z"),
  };
  queue(proj, test::fixed_now());
  CHECK(times(proj) == std::vector<std::string>{"a 2026-11-24T09:00:00+00:00", "b 2026-11-25T09:00:00+00:00",
                                                 "c 2026-11-24T09:00:00+00:00"});
}

TEST_CASE("queue follows the account's zone across a DST change", "[plan][queue]") {
  auto proj = make_project("daily 02:30", "Europe/Paris");
  proj.posts = {post("a", "queued", {"feed"}, "2026-01-01T00:00:00Z"), post("b", "queued", {"feed"}, "2026-01-02T00:00:00Z")};
  // 2026-03-29 02:30 does not exist in Paris: the slot moves forward to 03:30 CEST.
  queue(proj, at("2026-03-28T12:00:00Z"));
  CHECK(times(proj) == std::vector<std::string>{"a 2026-03-29T03:30:00+02:00", "b 2026-03-30T02:30:00+02:00"});
}

TEST_CASE("an account without slots is reported, the rest still placed", "[plan][queue]") {
  auto proj = make_project("", "UTC");
  proj.accounts["masto"].slots = "mon 10:00";
  proj.posts = {post("a", "queued", {"feed"}, "1"), post("b", "queued", {"masto"}, "2")};
  auto result = queue(proj, test::fixed_now());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].what() == "posts/a.json: /targets/0: account \"feed\" has no posting slots");
  CHECK(times(proj) == std::vector<std::string>{"a -", "b 2026-11-30T10:00:00+00:00"});
}

}  // namespace
}  // namespace smm::plan
