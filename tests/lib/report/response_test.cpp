// SPDX-License-Identifier: MIT
// Time to first reply: nearest-rank percentiles, the 24 h share and its denominator, watch items
// left out, intervals in the zone.
#include "smm/report/response.hpp"

#include <sstream>

#include "support/catch.hpp"

namespace smm::report {
namespace {

time::Instant at(const char* text) { return *time::parse_rfc3339(text); }

ResponseItem item(const char* created, std::optional<const char*> reply,
                  inbox::Kind kind = inbox::Kind::mention, const char* account = "masto") {
  ResponseItem r;
  r.account = account;
  r.kind = kind;
  r.created_at = at(created);
  if (reply) {
    r.first_reply = at(*reply);
    r.open = false;
  }
  return r;
}

ResponseRequest request(const char* now = "2026-11-30T12:00:00Z") {
  ResponseRequest r;
  r.zone = *time::find_zone("Europe/Paris");
  r.now = at(now);
  return r;
}

using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("nearest_rank: the value at rank ceil(p/100 * n)", "[report][response]") {
  std::vector<time::Duration> none;
  CHECK_FALSE(nearest_rank(none, 50));
  std::vector<time::Duration> one{time::Duration{7}};
  CHECK(nearest_rank(one, 50) == time::Duration{7});
  CHECK(nearest_rank(one, 90) == time::Duration{7});
  std::vector<time::Duration> ten;
  for (int i = 10; i >= 1; --i) {
    ten.emplace_back(i);
  }
  CHECK(nearest_rank(ten, 50) == time::Duration{5});  // lower middle
  CHECK(nearest_rank(ten, 90) == time::Duration{9});
  CHECK(nearest_rank(ten, 100) == time::Duration{10});
  std::vector<time::Duration> three{time::Duration{30}, time::Duration{10}, time::Duration{20}};
  CHECK(nearest_rank(three, 50) == time::Duration{20});
  CHECK(nearest_rank(three, 90) == time::Duration{30});
}

TEST_CASE("summarize: response figures per account and interval", "[report][response]") {
  SECTION("no items, no rows") { CHECK(summarize({}, request()).empty()); }

  SECTION("one answered item") {
    auto rows = summarize({item("2026-11-10T09:00:00Z", "2026-11-10T10:05:00Z")}, request());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].interval.empty());
    CHECK(rows[0].account == "masto");
    CHECK(rows[0].items == 1);
    CHECK(rows[0].answered == 1);
    CHECK(rows[0].answered_within_24h == 1);
    CHECK(rows[0].share_within_24h == 1.0);
    CHECK(rows[0].median_response == hours(1) + minutes(5));
    CHECK(rows[0].p90_response == hours(1) + minutes(5));
    CHECK(rows[0].open == 0);
  }

  SECTION("an unanswered item counts against the share once it is older than 24 h") {
    std::vector<ResponseItem> items{item("2026-11-28T09:00:00Z", std::nullopt),
                                    item("2026-11-28T10:00:00Z", "2026-11-30T10:00:00Z")};
    auto old = summarize(items, request("2026-11-30T12:00:00Z"));
    REQUIRE(old.size() == 1);
    CHECK(old[0].items == 2);
    CHECK(old[0].answered == 1);
    CHECK(old[0].answered_within_24h == 0);
    CHECK(old[0].decided == 2);
    CHECK(old[0].share_within_24h == 0.0);
    CHECK(old[0].median_response == hours(48));
    CHECK(old[0].open == 1);

    std::vector<ResponseItem> fresh{item("2026-11-30T09:00:00Z", std::nullopt)};
    auto young = summarize(fresh, request("2026-11-30T12:00:00Z"));
    REQUIRE(young.size() == 1);
    CHECK(young[0].decided == 0);
    CHECK_FALSE(young[0].share_within_24h);
    CHECK_FALSE(young[0].median_response);
    CHECK_FALSE(young[0].p90_response);
  }

  SECTION("exactly 24 h is within 24 h; a reply stamped before the item counts as 0") {
    auto rows = summarize({item("2026-11-10T09:00:00Z", "2026-11-11T09:00:00Z"),
                           item("2026-11-10T09:00:00Z", "2026-11-10T08:59:00Z")},
                          request());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].answered_within_24h == 2);
    CHECK(rows[0].median_response == time::Duration{0});
    CHECK(rows[0].p90_response == hours(24));
  }

  SECTION("watch items are left out; DMs count") {
    auto rows = summarize({item("2026-11-10T09:00:00Z", std::nullopt, inbox::Kind::watch),
                           item("2026-11-10T09:00:00Z", "2026-11-10T09:30:00Z", inbox::Kind::dm)},
                          request());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].items == 1);
    CHECK(rows[0].median_response == minutes(30));
  }

  SECTION("monthly intervals in the project zone, then accounts in order; the period cuts") {
    auto req = request();
    req.interval = time::Interval::month;
    req.period = *time::parse_period("2026-10..2026-12", req.now, req.zone);
    std::vector<ResponseItem> items{
        item("2026-10-31T23:30:00Z", "2026-11-01T00:30:00Z", inbox::Kind::reply,
             "masto"),  // Nov in Paris
        item("2026-10-15T10:00:00Z", "2026-10-15T12:00:00Z", inbox::Kind::reply, "masto"),
        item("2026-10-20T10:00:00Z", "2026-10-20T10:10:00Z", inbox::Kind::mention, "bsky"),
        item("2026-09-20T10:00:00Z", "2026-09-20T10:10:00Z", inbox::Kind::mention,
             "bsky"),                                                              // before
        item("2026-12-02T10:00:00Z", std::nullopt, inbox::Kind::mention, "bsky"),  // after
    };
    auto rows = summarize(items, req);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].interval == "2026-10-01");
    CHECK(rows[0].account == "bsky");
    CHECK(rows[0].median_response == minutes(10));
    CHECK(rows[1].interval == "2026-10-01");
    CHECK(rows[1].account == "masto");
    CHECK(rows[1].median_response == hours(2));
    CHECK(rows[2].interval == "2026-11-01");
    CHECK(rows[2].account == "masto");
    CHECK(rows[2].median_response == hours(1));

    SECTION("--account keeps one") {
      req.account = "bsky";
      auto only = summarize(items, req);
      REQUIRE(only.size() == 1);
      CHECK(only[0].account == "bsky");
    }
  }
}

TEST_CASE("response_table: seconds in tsv, durations in tables", "[report][response]") {
  auto rows = summarize({item("2026-11-10T09:00:00Z", "2026-11-10T10:05:00Z"),
                         item("2026-11-10T09:00:00Z", std::nullopt)},
                        request());
  auto table = response_table(rows);
  REQUIRE(table.rows.size() == 1);
  std::ostringstream tsv;
  output::render(tsv, table, output::RenderOptions{});
  CHECK(tsv.str() ==
        "interval\taccount\titems\tanswered\tanswered_within_24h\tshare_within_24h\tmedian_"
        "response_s\tp90_response_s\topen\n"
        "\tmasto\t2\t1\t1\t0.5000\t3900\t3900\t1\n");
  std::ostringstream text;
  output::RenderOptions table_options;
  table_options.format = output::Format::table;
  table_options.width = 200;
  output::render(text, table, table_options);
  CHECK(text.str().find("1h5m") != std::string::npos);
}

}  // namespace
}  // namespace smm::report
