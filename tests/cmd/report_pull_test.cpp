// SPDX-License-Identifier: MIT
// smm report pull in process: a Mastodon and a Bluesky account behind a FakeTransport, the
// credential store in a temp file (SMM_CREDENTIALS); snapshots written, then read back by
// `report posts` and `report accounts`; partial failure, the lock and usage errors.
#include <nlohmann/json.hpp>

#include "smm/creds/session.hpp"
#include "smm/post/lock.hpp"
#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/helpers.hpp"
#include "support/temp_project.hpp"

namespace smm::test {
namespace {

constexpr const char* k_did = "did:plc:alice123";
const std::string k_uri = std::string("at://") + k_did + "/app.bsky.feed.post/3kabcdefghij2";

project::TargetState published(const std::string& id, const std::string& at, project::Json extra = project::Json::object()) {
  project::TargetState st;
  st.state = "published";
  st.remote_id = id;
  st.url = "https://example/" + id;
  st.at = at;
  st.attempts = 1;
  project::PartState part;
  part.key = "k";
  part.remote_id = id;
  part.url = st.url;
  part.extra = std::move(extra);
  st.parts.push_back(part);
  return st;
}

struct Setup {
  TempProject dir;
  FakeTransport http;
  std::string creds;

  Setup() : creds((dir.dir() / "creds.json").string()) {
    dir.write("accounts/masto.json", R"({"platform": "mastodon", "server": "https://social.example", "handle": "acme"})" "\n");
    dir.write("accounts/sky.json", R"({"platform": "bluesky", "server": "https://pds.example", "handle": "alice.test"})" "\n");
    std::filesystem::create_directories(dir.dir() / ".smm" / "cache");
    dir.write(".smm/cache/mastodon-social.example.json", R"({"fetched_at": "2026-11-23T09:30:00Z", "max_characters": 500})");
    creds::Session session{creds::CredentialStore(creds)};
    creds::Credential m;
    m.platform = "mastodon";
    m.handle = "acme";
    m.server = "https://social.example";
    m.set_access_token("tok-SECRET");
    REQUIRE(session.update("mastodon:acme@social.example", m).has_value());
    creds::Credential b;
    b.platform = "bluesky";
    b.handle = "alice.test";
    b.server = "https://pds.example";
    b.set_access_token("jwt-SECRET");
    b.extra()["did"] = k_did;
    REQUIRE(session.update("bluesky:alice.test", b).has_value());

    project::Post launch;
    launch.id = "2026-11-20-launch";
    launch.targets = {"masto", "sky"};
    launch.text = "Launch";
    launch.set_at(at("2026-11-20T08:00:00Z"), zone("Europe/Paris"));
    launch.publish["masto"] = published("1134", "2026-11-20T09:00:05+01:00");
    launch.publish["sky"] = published(k_uri, "2026-11-20T09:00:06+01:00", {{"uri", k_uri}, {"cid", "bafycid"}});
    dir.save(launch);
    project::Post old;  // published before the default 90 days
    old.id = "2026-01-10-old";
    old.targets = {"masto"};
    old.text = "Old";
    old.set_at(at("2026-01-10T08:00:00Z"), zone("Europe/Paris"));
    old.publish["masto"] = published("900", "2026-01-10T09:00:00+01:00");
    dir.save(old);
  }

  Ran run(const std::vector<std::string>& args) {
    io::TestStreams io(false);
    Context ctx{io, [] { return fixed_now(); }, dir.dir(),
                Env({{"SMM_NOW", "2026-11-23T10:00:00Z"}, {"SMM_CREDENTIALS", creds}})};
    ctx.make_transport = [this] { return std::make_unique<BorrowedTransport>(http); };
    int code = cmd::run(args, ctx);
    return {code, io.out_text(), io.err_text()};
  }

  void stub_masto() {
    http.stub({"GET", "/api/v1/accounts/verify_credentials"},
              FakeTransport::reply(200, R"({"id":"7","acct":"acme","followers_count":1204,"following_count":310,"statuses_count":452})"));
    http.stub({"GET", "/api/v1/statuses"},
              FakeTransport::reply(200, R"([{"id":"1134","favourites_count":12,"reblogs_count":3,"replies_count":1,"quotes_count":null}])"));
  }
  void stub_sky_posts() {
    http.stub({"GET", "/xrpc/app.bsky.feed.getPosts"},
              FakeTransport::reply(200, R"({"posts":[{"uri":")" + k_uri +
                                            R"(","cid":"bafycid","likeCount":5,"repostCount":1,"replyCount":2,"quoteCount":1}]})"));
  }
};

}  // namespace

TEST_CASE("report pull: snapshots of posts published in the last 90 days and of each account", "[cmd][report][pull]") {
  Setup s;
  s.stub_masto();
  s.stub_sky_posts();
  s.http.stub({"GET", "/xrpc/app.bsky.actor.getProfile"},
              FakeTransport::reply(200, R"({"did":"did:plc:alice123","followersCount":52,"followsCount":9,"postsCount":31})"));
  auto r = s.run({"report", "pull"});
  CHECK(r.err.empty());
  CHECK(r.code == 0);
  CHECK(r.out == "masto  1 post, 1,204 followers\nsky    1 post, 52 followers\n");
  s.http.verify();
  // The old post (January) is outside the default period: only 1134 was asked for.
  CHECK(s.http.requests()[1].url == "https://social.example/api/v1/statuses?id%5B%5D=1134");
  CHECK(s.dir.read("reports/masto/2026-11.jsonl") ==
        R"({"fetched_at":"2026-11-23T10:00:00+00:00","account":"masto","post":"2026-11-20-launch","remote_id":"1134","likes":12,"reposts":3,"replies":1})"
        "\n"
        R"({"fetched_at":"2026-11-23T10:00:00+00:00","account":"masto","followers":1204,"following":310,"posts":452})"
        "\n");

  auto posts = s.run({"report", "posts", "--format", "csv"});
  CHECK(posts.code == 0);
  CHECK(posts.out ==
        "interval,account,post,likes,reposts,replies,quotes,interactions,followers,engagement_rate,likes_delta,"
        "reposts_delta,replies_delta,quotes_delta,interactions_delta\n"
        ",masto,2026-11-20-launch,12,3,1,,16,1204,0.0133,12,3,1,,16\n"
        ",sky,2026-11-20-launch,5,1,2,1,9,52,0.1731,5,1,2,1,9\n");
  auto accounts = s.run({"report", "accounts", "--format", "csv"});
  CHECK(accounts.out ==
        "interval,account,followers,following,posts,followers_delta,following_delta,posts_delta\n"
        ",masto,1204,310,452,,,\n"
        ",sky,52,9,31,,,\n");
}

TEST_CASE("report pull: -p selects posts by the time they were published", "[cmd][report][pull]") {
  Setup s;
  s.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
              FakeTransport::reply(200, R"({"id":"7","followers_count":1204,"following_count":310,"statuses_count":452})"));
  s.http.stub({"GET", "/api/v1/statuses"},
              FakeTransport::reply(200, R"([{"id":"900","favourites_count":40,"reblogs_count":0,"replies_count":0}])"));
  auto r = s.run({"report", "pull", "--account", "masto", "-p", "2026-01"});
  CHECK(r.err.empty());
  CHECK(r.code == 0);
  CHECK(r.out == "masto  1 post, 1,204 followers\n");
  CHECK(s.http.requests().at(1).url == "https://social.example/api/v1/statuses?id%5B%5D=900");
  CHECK(s.dir.read("reports/masto/2026-11.jsonl").find(R"("post":"2026-01-10-old","remote_id":"900","likes":40,"reposts":0,"replies":0})") !=
        std::string::npos);
}

TEST_CASE("report pull: one account failing is reported, the others are written (exit 5)", "[cmd][report][pull]") {
  Setup s;
  s.stub_masto();
  s.http.stub({"GET", "/xrpc/app.bsky.actor.getProfile"},
              FakeTransport::reply(401, R"({"error":"AuthenticationRequired","message":"Invalid token"})"));
  auto r = s.run({"report", "pull"});
  CHECK(r.code == 5);
  CHECK(r.out == "masto  1 post, 1,204 followers\n");
  CHECK(r.err ==
        "smm: error: sky: pds.example: reading the account's figures: the server refused the credentials (401 "
        "Unauthorized: AuthenticationRequired: Invalid token)\nhint: run `smm account login sky`\n");
  CHECK(std::filesystem::exists(s.dir.dir() / "reports/masto/2026-11.jsonl"));
  CHECK_FALSE(std::filesystem::exists(s.dir.dir() / "reports/sky"));
  CHECK(r.err.find("SECRET") == std::string::npos);

  SECTION("auth as the only failure is exit 4") {
    auto sky = s.run({"report", "pull", "--account", "sky"});
    CHECK(sky.code == 4);
    CHECK(sky.out.empty());
  }
}

TEST_CASE("report pull: a rate-limited account says until when and exits 1 alone", "[cmd][report][pull]") {
  Setup s;
  s.http.stub({"GET", "/api/v1/accounts/verify_credentials"},
              FakeTransport::reply(429, R"({"error":"Too many requests"})", {{"X-RateLimit-Reset", "2100-01-01T00:00:00.000000Z"}}));
  auto r = s.run({"report", "pull", "--account", "masto"});
  CHECK(r.code == 1);
  CHECK(r.err ==
        "smm: error: masto: social.example: reading the account's figures: rate limited until 2100-01-01T00:00:00+00:00\n"
        "hint: try again later: `smm report pull --account masto`\n");
}

TEST_CASE("report pull: the lock, accounts without metrics and usage errors", "[cmd][report][pull]") {
  Setup s;
  SECTION("another pull holds .smm/report.lock: exit 75") {
    auto held = post::ProjectLock::acquire(s.dir.dir(), post::LockUse{"report.lock", "x", "y", "z"});
    REQUIRE(held.has_value());
    auto r = s.run({"report", "pull"});
    CHECK(r.code == 75);
    CHECK(r.err.find("smm: error: another smm report pull (pid ") == 0);
    CHECK(s.http.requests().empty());
  }
  SECTION("naming the feed account is a usage error") {
    auto r = s.run({"report", "pull", "--account", "feed"});
    CHECK(r.code == 2);
    CHECK(r.err == "smm: error: --account: smm cannot pull metrics from feed (feed)\n"
                   "hint: report pull reads Mastodon and Bluesky accounts\n");
  }
  SECTION("an unknown account") {
    auto r = s.run({"report", "pull", "--account", "mastp"});
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean \"masto\"") != std::string::npos);
  }
  SECTION("a project with only the feed has nothing to pull") {
    TempProject tp;
    auto r = tp.run({"report", "pull"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
  }
}

}  // namespace smm::test
