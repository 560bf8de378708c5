// SPDX-License-Identifier: MIT
// Opt-in (`ctest -L live`): the inbox and metrics cycle against a real Bluesky network with two
// accounts. Ours publishes a post; the second account replies to it, mentions us and likes it;
// ours syncs the inbox (the reply answers our post, the mention is there), replies to the reply
// through the write-ahead receipts (a rerun sends nothing), and pulls metrics (likes and replies
// counted, account figures). Everything it made is deleted at the end. Needs, beside the
// variables of bluesky_live_test.cpp, SMM_LIVE_BLUESKY_HANDLE2 and SMM_LIVE_BLUESKY_PASSWORD2
// (scripts/peers-bluesky.sh sets them for the local network).
#include <cstdlib>
#include <iostream>
#include <thread>

#include "lib/platform/bluesky_fixture.hpp"
#include "smm/http/curl_transport.hpp"
#include "smm/inbox/reply.hpp"
#include "smm/platform/login.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string{} : std::string(v);
}

time::Instant wall_now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

/// A logged-in account of the live network.
struct LiveAccount {
  BlueskyFixture f{false};
  http::CurlTransport curl;
  std::unique_ptr<platform::Client> client;

  LiveAccount(const std::string& url, const std::string& handle, const std::string& password) {
    f.account().server = url;
    f.account().handle = handle;
    if (std::string plc = env_or_empty("SMM_LIVE_BLUESKY_PLC"); !plc.empty()) {
      f.account().extra["plc"] = plc;
    }
    platform::LoginIo io{[](const std::string&) {}, [password](const std::string&) { return password; }};
    REQUIRE(platform::login(env(), {}, io).has_value());
    auto made = platform::make_client(env());
    REQUIRE(made.has_value());
    client = std::move(*made);
  }

  platform::Env env() { return platform::Env{&f.proj, &f.account(), wall_now, &curl, f.session, {}}; }

  platform::Remote publish(const std::string& text, const std::optional<platform::Remote>& parent = std::nullopt) {
    platform::Part part = f.part(text);
    part.parent = parent;
    part.root = parent;
    part.key = client->new_key(part);
    auto remote = client->publish(part);
    REQUIRE(remote.has_value());
    return *remote;
  }

  /// A like of `subject` (com.atproto.repo.createRecord of app.bsky.feed.like, as an app does).
  void like(const platform::Remote& subject) {
    auto cred = f.session->get("bluesky:" + f.account().handle);
    REQUIRE(cred.has_value());
    http::Request r;
    r.method = "POST";
    r.url = cred->server + "/xrpc/com.atproto.repo.createRecord";
    r.headers = {{"Authorization", "Bearer " + cred->access_token()}, {"Content-Type", "application/json"}};
    r.body = nlohmann::json{{"repo", cred->extra().value("did", "")},
                            {"collection", "app.bsky.feed.like"},
                            {"record",
                             {{"$type", "app.bsky.feed.like"},
                              {"subject", {{"uri", subject.extra.value("uri", subject.id)}, {"cid", subject.extra.value("cid", "")}}},
                              {"createdAt", time::format_rfc3339(wall_now(), time::utc())}}}}
                 .dump();
    auto sent = curl.send(r);
    REQUIRE(sent.has_value());
    CHECK(sent->status == 200);
  }
};

/// Polls `probe` for up to 60 s (the AppView indexes asynchronously, slowly on a busy machine).
template <typename F>
bool eventually(F probe) {
  for (int i = 0; i < 120; ++i) {
    if (probe()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return false;
}

}  // namespace

TEST_CASE("bluesky live: inbox sync, reply and metrics with a second account", "[.live]") {
  std::string url = env_or_empty("SMM_LIVE_BLUESKY_URL");
  std::string h1 = env_or_empty("SMM_LIVE_BLUESKY_HANDLE");
  std::string p1 = env_or_empty("SMM_LIVE_BLUESKY_PASSWORD");
  std::string h2 = env_or_empty("SMM_LIVE_BLUESKY_HANDLE2");
  std::string p2 = env_or_empty("SMM_LIVE_BLUESKY_PASSWORD2");
  if (url.empty() || h1.empty() || p1.empty() || h2.empty() || p2.empty()) {
    std::cout << "SMM_LIVE_SKIPPED: set SMM_LIVE_BLUESKY_URL, _HANDLE, _PASSWORD, _HANDLE2 and _PASSWORD2\n";
    return;
  }
  LiveAccount ours(url, h1, p1);
  LiveAccount other(url, h2, p2);
  std::string tag = platform::random_token(4);
  time::Instant start = wall_now() - std::chrono::minutes(1);

  platform::Remote post = ours.publish("smm live cycle " + tag + ": what do you think?");
  platform::Remote reply = other.publish("Looks great " + tag, post);
  platform::Remote mention = other.publish("@" + h1 + " hello from the cycle " + tag);
  other.like(post);

  platform::InboxQuery query;
  query.since = start;
  query.our_posts[post.extra.value("uri", post.id)] = "2026-11-23-hello";
  std::vector<inbox::Item> items;
  bool synced = eventually([&] {
    auto batch = ours.client->fetch_inbox(query);
    REQUIRE(batch.has_value());
    CHECK(batch->failures.empty());
    items.clear();
    for (auto& item : batch->items) {
      if (item.text.find(tag) != std::string::npos) {
        items.push_back(item);
      }
    }
    return items.size() >= 2;
  });
  CHECK(synced);
  const inbox::Item* answer = nullptr;
  bool mentioned = false;
  for (const auto& item : items) {
    if (item.kind == inbox::Kind::reply) {
      answer = &item;
    }
    mentioned = mentioned || (item.kind == inbox::Kind::mention && item.remote_id == mention.extra.value("uri", mention.id));
  }
  CHECK(mentioned);
  REQUIRE(answer != nullptr);
  CHECK(answer->post == "2026-11-23-hello");
  CHECK(answer->remote_id == reply.extra.value("uri", reply.id));

  inbox::Item item = *answer;
  item.id = inbox::item_id(item.account, item.remote_id);
  inbox::ReplyOptions options{false, false, wall_now()};
  auto sent = inbox::send_reply(ours.f.dir.dir(), item, "Thank you! " + tag, *ours.client, options);
  REQUIRE(sent.has_value());
  CHECK(sent->state == "published");
  auto rerun = inbox::send_reply(ours.f.dir.dir(), item, "Thank you! " + tag, *ours.client, options);
  REQUIRE(rerun.has_value());
  CHECK(rerun->state == "already");

  std::optional<std::int64_t> likes;
  std::optional<std::int64_t> replies;
  bool counted = eventually([&] {
    auto metrics = ours.client->fetch_metrics({post});
    REQUIRE(metrics.has_value());
    REQUIRE(metrics->size() == 1);
    likes = (*metrics)[0].metrics[static_cast<std::size_t>(report::Metric::likes)];
    replies = (*metrics)[0].metrics[static_cast<std::size_t>(report::Metric::replies)];
    return likes.value_or(0) >= 1 && replies.value_or(0) >= 1;
  });
  CHECK(counted);
  auto account = ours.client->account_metrics();
  REQUIRE(account.has_value());
  CHECK((*account)[static_cast<std::size_t>(report::Metric::posts)].value_or(0) >= 1);
  CHECK((*account)[static_cast<std::size_t>(report::Metric::followers)].has_value());

  CHECK(ours.client->remove(platform::Remote{sent->receipt.remote_id, sent->receipt.url, sent->receipt.extra}).has_value());
  CHECK(other.client->remove(reply).has_value());
  CHECK(other.client->remove(mention).has_value());
  CHECK(ours.client->remove(post).has_value());
}

}  // namespace smm::test
