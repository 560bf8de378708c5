// SPDX-License-Identifier: MIT
// Opt-in: logs in to a real Bluesky account with an app password, publishes a post, sends it again
// with the same key (no duplicate), looks it up, deletes it. Runs only with `ctest -L live` and
// SMM_LIVE_BLUESKY_URL (the PDS or entryway), SMM_LIVE_BLUESKY_HANDLE and
// SMM_LIVE_BLUESKY_PASSWORD set (SMM_LIVE_BLUESKY_PLC optionally names the PLC directory, for a
// local network: scripts/peers-bluesky.sh); otherwise CTest reports it as skipped. Use a test
// account: the post is public for a moment.
#include <cstdlib>
#include <iostream>

#include "lib/platform/bluesky_fixture.hpp"
#include "smm/http/curl_transport.hpp"
#include "smm/platform/login.hpp"
#include "support/catch.hpp"

namespace smm::test {

TEST_CASE("bluesky live: log in, publish, resend, look up, delete", "[.live]") {
  const char* url = std::getenv("SMM_LIVE_BLUESKY_URL");
  const char* handle = std::getenv("SMM_LIVE_BLUESKY_HANDLE");
  const char* password = std::getenv("SMM_LIVE_BLUESKY_PASSWORD");
  if (url == nullptr || handle == nullptr || password == nullptr || *url == '\0' || *handle == '\0' ||
      *password == '\0') {
    std::cout << "SMM_LIVE_SKIPPED: set SMM_LIVE_BLUESKY_URL, SMM_LIVE_BLUESKY_HANDLE and SMM_LIVE_BLUESKY_PASSWORD\n";
    return;
  }
  BlueskyFixture f(false);
  f.account().server = url;
  f.account().handle = handle;
  if (const char* plc = std::getenv("SMM_LIVE_BLUESKY_PLC"); plc != nullptr && *plc != '\0') {
    f.account().extra["plc"] = plc;
  }
  http::CurlTransport curl;
  auto now = [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); };
  platform::Env env{&f.proj, &f.account(), now, &curl, f.session, {}};
  platform::LoginIo io{[](const std::string&) {}, [password](const std::string&) { return std::string(password); }};
  auto id = platform::login(env, {}, io);
  REQUIRE(id.has_value());
  auto made = platform::make_client(env);
  REQUIRE(made.has_value());
  auto& client = **made;
  REQUIRE(client.check().has_value());

  auto part = f.part("smm live test " + platform::random_token(6) + " #smmtest, deleted at once");
  part.key = client.new_key(part);
  auto remote = client.publish(part);
  REQUIRE(remote.has_value());
  auto again = client.publish(part);  // the same rkey: the PDS refuses a second record
  auto found = client.find(part);
  CHECK(client.remove(*remote).has_value());
  REQUIRE(again.has_value());
  CHECK(again->id == remote->id);
  REQUIRE(found.has_value());
  REQUIRE(found->has_value());
  CHECK((*found)->id == remote->id);
  CHECK((*found)->extra["cid"] == remote->extra["cid"]);
  auto gone = client.find(part);
  REQUIRE(gone.has_value());
  CHECK_FALSE(gone->has_value());
}

}  // namespace smm::test
