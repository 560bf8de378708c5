// SPDX-License-Identifier: MIT
// The schedule rules, a good and a bad fixture each: past-due, collision, dst-ambiguous,
// platform-window. The clock is 2026-11-23T10:00:00Z (11:00 in Paris).
#include <cstdio>

#include "lib/audit/fixture.hpp"

namespace smm::test {
namespace {

/// "2026-11-24T<hh:mm>:00+01:00" for minute `m` of the day.
std::string paris_time(int m) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2026-11-24T%02d:%02d:00+01:00", m / 60, m % 60);
  return buf;
}

TEST_CASE("past-due: a time that has passed, not a draft, not published everywhere", "[audit]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  SECTION("good: future, draft, published") {
    tp.save(make_post("future", "x"));
    auto draft = make_post("draft", "x", {"feed"}, "2026-11-20T09:00:00+01:00");
    draft.status = "draft";
    tp.save(draft);
    auto done = make_post("done", "x", {"feed"}, "2026-11-20T09:00:00+01:00");
    done.publish["feed"] = project::TargetState{.state = "published"};
    tp.save(done);
    CHECK(findings_of(tp, "past-due").empty());
  }
  SECTION("bad: names the targets still to publish") {
    tp.save(make_post("old", "x", {"feed"}, "2026-11-20T09:00:00+01:00"));
    auto partial = make_post("partial", "x", {"feed", "masto"}, "2026-11-23T09:00:00+01:00");
    partial.publish["feed"] = project::TargetState{.state = "published"};
    partial.publish["masto"] = project::TargetState{.state = "failed"};
    tp.save(partial);
    CHECK(findings_of(tp, "past-due") == Lines{"posts/old.json: /at: due 2026-11-20 09:00 (3d ago) and not published to feed",
                                               "posts/partial.json: /at: due 2026-11-23 09:00 (2h ago) and not published to masto"});
    CHECK(audit_all(tp).front().hint == "move it with `smm plan set old --at WHEN`, or `smm plan set old --queue`");
  }
}

TEST_CASE("collision: two posts to one account within N minutes, reported on the later", "[audit]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  SECTION("good: 30 minutes apart, other accounts, drafts") {
    tp.save(make_post("a", "x", {"feed"}, paris_time(9 * 60)));
    tp.save(make_post("b", "y", {"feed"}, paris_time(9 * 60 + 30)));
    tp.save(make_post("c", "z", {"masto"}, paris_time(9 * 60 + 10)));
    auto d = make_post("d", "w", {"feed"}, paris_time(9 * 60 + 5));
    d.status = "draft";
    tp.save(d);
    CHECK(findings_of(tp, "collision").empty());
  }
  SECTION("bad") {
    tp.save(make_post("a", "x", {"feed", "masto"}, paris_time(9 * 60)));
    tp.save(make_post("b", "y", {"masto"}, paris_time(9 * 60 + 10)));
    CHECK(findings_of(tp, "collision") == Lines{"posts/b.json: /at: 10m after a on masto (less than 30m apart)"});
  }
  SECTION("minutes setting") {
    set_audit(tp, R"({"rules": {"collision": {"minutes": 60}}})");
    tp.save(make_post("a", "x", {"feed"}, paris_time(9 * 60)));
    tp.save(make_post("b", "y", {"feed"}, paris_time(9 * 60 + 45)));
    CHECK(findings_of(tp, "collision") == Lines{"posts/b.json: /at: 45m after a on feed (less than 60m apart)"});
  }
}

TEST_CASE("dst-ambiguous: overlaps, gaps and offsets from the other side of a DST change", "[audit]") {
  TempProject tp;
  SECTION("good: the zone's own offset, UTC, another zone") {
    tp.save(make_post("summer", "x", {"feed"}, "2027-07-01T09:00:00+02:00"));
    tp.save(make_post("utc", "x", {"feed"}, "2027-07-01T07:00:00Z"));
    auto ny = make_post("ny", "x", {"feed"}, "2027-07-01T09:00:00-04:00");
    ny.zone = "America/New_York";
    tp.save(ny);
    CHECK(findings_of(tp, "dst-ambiguous").empty());
  }
  SECTION("bad: overlap") {
    tp.save(make_post("overlap", "x", {"feed"}, "2027-10-31T02:30:00+02:00"));
    CHECK(findings_of(tp, "dst-ambiguous") ==
          Lines{"posts/overlap.json: /at: 2027-10-31 02:30 happens twice in Europe/Paris (clocks go back); this post is the one at +02:00"});
  }
  SECTION("bad: gap") {
    tp.save(make_post("gap", "x", {"feed"}, "2027-03-28T02:30:00+01:00"));
    CHECK(findings_of(tp, "dst-ambiguous") ==
          Lines{"posts/gap.json: /at: 2027-03-28 02:30 does not exist in Europe/Paris (clocks go forward); it goes out at 2027-03-28 03:30"});
  }
  SECTION("bad: a winter offset on a summer date") {
    tp.save(make_post("stale", "x", {"feed"}, "2027-07-01T09:00:00+01:00"));
    CHECK(findings_of(tp, "dst-ambiguous") ==
          Lines{"posts/stale.json: /at: written with offset +01:00 but Europe/Paris is at +02:00 then; it goes out at 2027-07-01 10:00 local time"});
  }
}

TEST_CASE("platform-window: Mastodon's 50 a day, or the per_day setting", "[audit]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  SECTION("good: 50 to Mastodon, 51 to the feed") {
    for (int i = 0; i < 51; ++i) {
      std::string n = std::to_string(100 + i);
      tp.save(make_post("f" + n, "feed " + n, {"feed"}, paris_time(i * 20)));
      if (i < 50) {
        tp.save(make_post("m" + n, "masto " + n, {"masto"}, paris_time(i * 20)));
      }
    }
    CHECK(findings_of(tp, "platform-window").empty());
  }
  SECTION("bad: the 51st on one local day") {
    for (int i = 0; i < 51; ++i) {
      std::string n = std::to_string(100 + i);
      tp.save(make_post("m" + n, "masto " + n, {"masto"}, paris_time(i * 20)));
    }
    CHECK(findings_of(tp, "platform-window") == Lines{"posts/m150.json: /at: post 51 to masto on 2026-11-24, over mastodon's 50 a day"});
  }
  SECTION("per_day setting") {
    set_audit(tp, R"({"rules": {"platform-window": {"per_day": 2}}})");
    for (int i = 0; i < 3; ++i) {
      tp.save(make_post("f" + std::to_string(i), "feed " + std::to_string(i), {"feed"}, paris_time(8 * 60 + i * 60)));
    }
    CHECK(findings_of(tp, "platform-window") == Lines{"posts/f2.json: /at: post 3 to feed on 2026-11-24, over feed's 2 a day"});
  }
}

}  // namespace
}  // namespace smm::test
