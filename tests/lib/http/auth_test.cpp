// SPDX-License-Identifier: MIT
#include "smm/http/auth.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "support/catch.hpp"
#include "support/fake_transport.hpp"

using smm::ErrorKind;
using smm::Result;
using smm::http::AuthTransport;
using smm::http::Request;
using smm::http::Response;
using smm::http::TokenSource;
using smm::test::FakeTransport;

namespace {

/// A credential that rotates "Bearer old" to "Bearer new" on refresh, counting the calls.
struct FakeTokens {
  std::string token = "old";
  int refreshes = 0;
  int lookups = 0;
  Result<bool> refresh_result = true;
  bool logged_in = true;

  TokenSource source() {
    return TokenSource{
        [this]() -> Result<std::string> {
          ++lookups;
          if (!logged_in) {
            return smm::fail(ErrorKind::auth, "not logged in", "run smm account login");
          }
          return "Bearer " + token;
        },
        [this]() -> Result<bool> {
          ++refreshes;
          if (refresh_result && *refresh_result) {
            token = "new";
          }
          return refresh_result;
        },
    };
  }
};

struct Rig {
  FakeTokens tokens;
  FakeTransport* fake = nullptr;
  std::unique_ptr<AuthTransport> auth;

  explicit Rig(smm::http::ExpiredPredicate expired = {}, bool refreshable = true) {
    // The token source points into `tokens`, so a Rig never moves.
    auto owned = std::make_unique<FakeTransport>();
    fake = owned.get();
    TokenSource source = tokens.source();
    if (!refreshable) {
      source.refresh = nullptr;
    }
    auth = std::make_unique<AuthTransport>(std::move(owned), source, std::move(expired));
  }
  Rig(const Rig&) = delete;
  Rig& operator=(const Rig&) = delete;

  [[nodiscard]] std::string sent_auth(std::size_t i) const {
    return std::string(
        smm::http::find_header(fake->requests().at(i).headers, "Authorization").value_or("(none)"));
  }
};

Request make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.url = "https://pds.example.test" + path;
  return request;
}

FakeTransport::Match match(std::string method, std::string path) {
  return {std::move(method), std::move(path), {}};
}

/// Bluesky's expired access token: 400 {"error":"ExpiredToken"} (reference platform-apis-a §2.2).
bool bluesky_expired(const Response& response) {
  if (response.status != 400) {
    return false;
  }
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  return body.is_object() && body.value("error", "") == "ExpiredToken";
}

}  // namespace

TEST_CASE("AuthTransport adds the Authorization header", "[http][auth]") {
  Rig rig;
  rig.fake->stub(match("GET", "/me"), FakeTransport::reply(200, "me"));
  Request request = make("GET", "/me");
  request.headers = {{"Accept", "application/json"}};
  auto result = rig.auth->send(request);
  REQUIRE(result.has_value());
  CHECK(result->body == "me");
  CHECK(rig.sent_auth(0) == "Bearer old");
  CHECK(rig.fake->requests()[0].headers.front().first == "Accept");  // the caller's are kept
  CHECK(rig.tokens.refreshes == 0);
}

TEST_CASE("AuthTransport refreshes an expired token once and resends", "[http][auth]") {
  Rig rig;
  Request post = make("POST", "/statuses");
  post.body = "status=hi";
  rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(401), 1);
  SECTION("the resend succeeds") {
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(200, "posted"));
    auto result = rig.auth->send(post);
    REQUIRE(result.has_value());
    CHECK(result->body == "posted");
    CHECK(rig.tokens.refreshes == 1);
    REQUIRE(rig.fake->requests().size() == 2);
    CHECK(rig.sent_auth(0) == "Bearer old");
    CHECK(rig.sent_auth(1) == "Bearer new");
    CHECK(rig.fake->requests()[1].body == "status=hi");
  }
  SECTION("a second 401 is returned, not refreshed again") {
    rig.fake->stub(match("POST", "/statuses"), FakeTransport::reply(401, "still no"));
    auto result = rig.auth->send(post);
    REQUIRE(result.has_value());
    CHECK(result->status == 401);
    CHECK(result->body == "still no");
    CHECK(rig.tokens.refreshes == 1);
    CHECK(rig.fake->requests().size() == 2);
  }
}

TEST_CASE("AuthTransport when refreshing is not possible", "[http][auth]") {
  SECTION("the source cannot refresh: the 401 is returned") {
    Rig rig;
    rig.tokens.refresh_result = false;
    rig.fake->stub(match("GET", "/me"), FakeTransport::reply(401, "expired"));
    auto result = rig.auth->send(make("GET", "/me"));
    REQUIRE(result.has_value());
    CHECK(result->body == "expired");
    CHECK(rig.tokens.refreshes == 1);
    CHECK(rig.fake->requests().size() == 1);
  }
  SECTION("the refresh fails: its error is returned") {
    Rig rig;
    rig.tokens.refresh_result =
        smm::fail(ErrorKind::auth, "the session expired", "run smm account login bsky");
    rig.fake->stub(match("GET", "/me"), FakeTransport::reply(401));
    auto result = rig.auth->send(make("GET", "/me"));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == ErrorKind::auth);
    CHECK(result.error().message == "the session expired");
    CHECK(rig.fake->requests().size() == 1);
  }
  SECTION("no refresh function: the 401 is returned") {
    Rig rig({}, false);
    rig.fake->stub(match("GET", "/me"), FakeTransport::reply(401));
    CHECK(rig.auth->send(make("GET", "/me"))->status == 401);
    CHECK(rig.fake->requests().size() == 1);
  }
  SECTION("no credential: nothing is sent") {
    Rig rig;
    rig.tokens.logged_in = false;
    auto result = rig.auth->send(make("GET", "/me"));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == ErrorKind::auth);
    CHECK(result.error().hint == "run smm account login");
    CHECK(rig.fake->requests().empty());
  }
}

TEST_CASE("AuthTransport ignores what is not an expired token", "[http][auth]") {
  Rig rig;
  SECTION("a failure") {
    rig.fake->stub(match("GET", "/me"),
                   std::unexpected(FakeTransport::failure("pds.example.test", "timed out")));
    CHECK_FALSE(rig.auth->send(make("GET", "/me")).has_value());
  }
  SECTION("a 403") {
    rig.fake->stub(match("GET", "/me"), FakeTransport::reply(403));
    CHECK(rig.auth->send(make("GET", "/me"))->status == 403);
  }
  CHECK(rig.tokens.refreshes == 0);
  CHECK(rig.fake->requests().size() == 1);
}

TEST_CASE("AuthTransport passes a request with its own Authorization through", "[http][auth]") {
  Rig rig;
  rig.fake->stub(match("POST", "/xrpc/com.atproto.server.refreshSession"),
                 FakeTransport::reply(401));
  Request refresh = make("POST", "/xrpc/com.atproto.server.refreshSession");
  refresh.headers = {{"authorization", "Bearer refresh-jwt"}};
  CHECK(rig.auth->send(refresh)->status == 401);
  CHECK(rig.sent_auth(0) == "Bearer refresh-jwt");
  CHECK(rig.fake->requests()[0].headers.size() == 1);
  CHECK(rig.tokens.lookups == 0);
  CHECK(rig.tokens.refreshes == 0);
}

TEST_CASE("AuthTransport takes a predicate for platforms that do not say 401", "[http][auth]") {
  Rig rig(bluesky_expired);
  SECTION("400 ExpiredToken refreshes") {
    rig.fake
        ->stub(
            match("GET", "/xrpc/app.bsky.actor.getProfile"),
            FakeTransport::reply(400, R"({"error":"ExpiredToken","message":"Token has expired"})"),
            1)
        .stub(match("GET", "/xrpc/app.bsky.actor.getProfile"), FakeTransport::reply(200));
    CHECK(rig.auth->send(make("GET", "/xrpc/app.bsky.actor.getProfile"))->status == 200);
    CHECK(rig.tokens.refreshes == 1);
    CHECK(rig.sent_auth(1) == "Bearer new");
  }
  SECTION("another 400 does not") {
    rig.fake->stub(match("GET", "/xrpc/app.bsky.actor.getProfile"),
                   FakeTransport::reply(400, R"({"error":"InvalidRequest"})"));
    CHECK(rig.auth->send(make("GET", "/xrpc/app.bsky.actor.getProfile"))->status == 400);
    CHECK(rig.tokens.refreshes == 0);
  }
  SECTION("with a predicate, 401 alone is not the signal") {
    rig.fake->stub(match("GET", "/xrpc/app.bsky.actor.getProfile"), FakeTransport::reply(401));
    CHECK(rig.auth->send(make("GET", "/xrpc/app.bsky.actor.getProfile"))->status == 401);
    CHECK(rig.tokens.refreshes == 0);
  }
}

TEST_CASE("AuthTransport send_all signs the batch and resends only the expired ones",
          "[http][auth]") {
  Rig rig;
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(200, "a"))
      .stub(match("GET", "/b"), FakeTransport::reply(401), 1)
      .stub(match("GET", "/b"), FakeTransport::reply(200, "b"))
      .stub(match("GET", "/c"), FakeTransport::reply(401), 1)
      .stub(match("GET", "/c"), FakeTransport::reply(200, "c"))
      .stub(match("GET", "/own"), FakeTransport::reply(401, "own"));
  Request own = make("GET", "/own");
  own.headers = {{"Authorization", "Basic abc"}};
  auto results =
      rig.auth->send_all({make("GET", "/a"), make("GET", "/b"), make("GET", "/c"), own}, 4);
  REQUIRE(results.size() == 4);
  CHECK(results[0]->body == "a");
  CHECK(results[1]->body == "b");
  CHECK(results[2]->body == "c");
  CHECK(results[3]->body == "own");  // its own credential: not refreshed, not resent
  CHECK(rig.fake->batches() == std::vector<std::size_t>{4, 2});
  CHECK(rig.tokens.refreshes == 1);
  CHECK(rig.tokens.lookups == 2);  // once per batch
  CHECK(rig.sent_auth(0) == "Bearer old");
  CHECK(rig.sent_auth(4) == "Bearer new");
  CHECK(rig.sent_auth(5) == "Bearer new");
  rig.fake->verify();
}

TEST_CASE("AuthTransport send_all without a credential sends only self-signed requests",
          "[http][auth]") {
  Rig rig;
  rig.tokens.logged_in = false;
  rig.fake->stub(match("GET", "/own"), FakeTransport::reply(200));
  Request own = make("GET", "/own");
  own.headers = {{"Authorization", "Basic abc"}};
  auto results = rig.auth->send_all({make("GET", "/a"), own, make("GET", "/b")}, 4);
  REQUIRE(results.size() == 3);
  CHECK_FALSE(results[0].has_value());
  CHECK(results[0].error().kind == ErrorKind::auth);
  CHECK(results[1]->status == 200);
  CHECK_FALSE(results[2].has_value());
  CHECK(rig.fake->batches() == std::vector<std::size_t>{1});
  CHECK(rig.tokens.lookups == 1);
}

TEST_CASE("AuthTransport send_all returns a failed refresh for the expired ones", "[http][auth]") {
  Rig rig;
  rig.tokens.refresh_result = smm::fail(ErrorKind::auth, "the session expired");
  rig.fake->stub(match("GET", "/a"), FakeTransport::reply(200))
      .stub(match("GET", "/b"), FakeTransport::reply(401));
  auto results = rig.auth->send_all({make("GET", "/a"), make("GET", "/b")}, 2);
  CHECK(results[0]->status == 200);
  REQUIRE_FALSE(results[1].has_value());
  CHECK(results[1].error().message == "the session expired");
  CHECK(rig.fake->batches() == std::vector<std::size_t>{2});
}
