// SPDX-License-Identifier: MIT
// Opt-in: publishes to a real Mastodon account, looks the status up, and deletes it. Runs only
// with `ctest -L live` and both SMM_LIVE_MASTODON_URL and SMM_LIVE_MASTODON_TOKEN set (use a test
// account: the status is public for a moment); otherwise CTest reports it as skipped.
#include <cstdlib>
#include <iostream>

#include "lib/platform/mastodon_fixture.hpp"
#include "smm/http/curl_transport.hpp"
#include "support/catch.hpp"

namespace smm::test {

TEST_CASE("mastodon live: publish, look up, delete", "[.live]") {
  const char* url = std::getenv("SMM_LIVE_MASTODON_URL");
  const char* token = std::getenv("SMM_LIVE_MASTODON_TOKEN");
  if (url == nullptr || token == nullptr || *url == '\0' || *token == '\0') {
    std::cout << "SMM_LIVE_SKIPPED: set SMM_LIVE_MASTODON_URL and SMM_LIVE_MASTODON_TOKEN\n";
    return;
  }
  MastodonFixture f(false, false);
  f.account().server = url;
  f.account().handle.clear();
  f.account().extra["visibility"] = "unlisted";
  std::string identity = creds::credential_identity(f.account());
  creds::Credential c;
  c.platform = "mastodon";
  c.set_access_token(token);
  REQUIRE(f.session->update(identity, c).has_value());
  http::CurlTransport curl;
  auto now = [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); };
  auto made = platform::MastodonClient::make(platform::Env{&f.proj, &f.account(), now, &curl, f.session});
  REQUIRE(made.has_value());
  auto& client = **made;
  REQUIRE(client.check().has_value());

  auto part = f.part("smm live test " + platform::random_token(6) + ", deleted at once");
  part.key = client.new_key(part);
  auto remote = client.publish(part);
  REQUIRE(remote.has_value());
  // Pretend the key is older than the server remembers, so find() must look the status up.
  part.key = "smm-" + std::to_string((now() - std::chrono::hours(2)).time_since_epoch().count()) + "-live";
  auto found = client.find(part);
  CHECK(client.remove(*remote).has_value());
  REQUIRE(found.has_value());
  REQUIRE(found->has_value());
  CHECK((*found)->id == remote->id);
}

}  // namespace smm::test
