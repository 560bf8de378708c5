// SPDX-License-Identifier: MIT
// The Mastodon client under the write-ahead state machine: a thread and its first comment reply to
// the right ids, and an unconfirmed part is reconciled with its saved key instead of a new one.
#include "lib/platform/mastodon_fixture.hpp"
#include "smm/post/publish.hpp"
#include "support/catch.hpp"

namespace smm::test {
namespace {

using platform::Json;

std::string reply_to(const http::Request& r) {
  Json body = Json::parse(form_json(r.body));
  return body.value("in_reply_to_id", "");
}

std::string key_of(const http::Request& r) {
  return std::string(http::find_header(r.headers, "Idempotency-Key").value_or(""));
}

}  // namespace

TEST_CASE("mastodon under the state machine: thread, first comment, resume", "[mastodon]") {
  MastodonFixture f;
  f.account().char_limit = 40;
  f.post.text = "The first sentence goes here. The second sentence follows it.";
  f.post.first_comment = "Links in the comment";
  auto client = f.client();
  post::Publishing with{&f.proj, client.get(), [](const project::Post&, bool) { return Result<void>(); }, fixed_now()};

  SECTION("all parts in one go") {
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("1"), 1);
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("2"), 1);
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("3"), 1);
    auto out = post::publish_target(with, f.post, "masto");
    CHECK(out.state == "published");
    CHECK(out.url == "https://social.example/@acme/1");
    const auto& reqs = f.http.requests();
    REQUIRE(reqs.size() == 3);
    CHECK(reply_to(reqs[0]).empty());
    CHECK(reply_to(reqs[1]) == "1");
    CHECK(reply_to(reqs[2]) == "1");  // the first comment answers the first part
    CHECK(Json::parse(form_json(reqs[2].body))["status"] == "Links in the comment");
    const auto& parts = f.post.publish["masto"].parts;
    REQUIRE(parts.size() == 3);
    CHECK(key_of(reqs[1]) == parts[1].key);
    CHECK(parts[1].remote_id == "2");
  }
  SECTION("a timeout on part 2, then the next run replays its key") {
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("1"), 1);
    f.http.stub({"POST", "/api/v1/statuses"}, std::unexpected(FakeTransport::failure("social.example", "timed out")), 1);
    auto out = post::publish_target(with, f.post, "masto");
    CHECK(out.state == "unconfirmed");
    std::string saved = f.post.publish["masto"].parts[1].key;
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("2"), 1);
    f.http.stub({"POST", "/api/v1/statuses"}, MastodonFixture::status("3"), 1);
    out = post::publish_target(with, f.post, "masto");
    CHECK(out.state == "published");
    const auto& reqs = f.http.requests();
    REQUIRE(reqs.size() == 4);
    CHECK(key_of(reqs[2]) == saved);
    CHECK(reply_to(reqs[2]) == "1");
    CHECK(f.post.publish["masto"].parts[1].remote_id == "2");
  }
}

}  // namespace smm::test
