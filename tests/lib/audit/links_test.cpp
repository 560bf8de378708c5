// SPDX-License-Identifier: MIT
#include <algorithm>
#include <string>
#include <vector>

#include "smm/audit/families.hpp"
#include "smm/http/curl_transport.hpp"
#include "support/catch.hpp"
#include "support/fake_transport.hpp"
#include "support/loopback_server.hpp"

using smm::audit::Finding;
using smm::audit::Findings;
using smm::audit::Severity;
using smm::test::FakeTransport;

namespace {

smm::project::Post post(std::string id, std::string text) {
  smm::project::Post p;
  p.id = std::move(id);
  p.targets = {"feed", "masto"};
  p.text = std::move(text);
  return p;
}

/// check_links over `posts` with `transport`, findings in the order they came.
Findings check(std::vector<smm::project::Post> posts, smm::http::Transport* transport,
               std::vector<std::string> only = {}) {
  smm::project::Project project;
  project.posts = std::move(posts);
  smm::audit::Config config;
  smm::audit::Input input{
      .project = project, .now = {}, .config = config, .transport = transport, .only = only};
  Findings out;
  smm::audit::check_links(input, out);
  return out;
}

std::vector<std::string> lines(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(f.file + ": " + f.pointer + ": " + f.rule + ": " + f.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

smm::http::Response moved_to(std::string url) {
  auto response = FakeTransport::reply(200);
  response.effective_url = std::move(url);
  response.redirect_count = 1;
  return response;
}

/// Sends "https://<any host>/path" to the loopback server instead, and maps effective URLs
/// back, so real link checks run against 127.0.0.1 whatever host names the extractor accepts.
class ToLoopback final : public smm::http::Transport {
 public:
  ToLoopback(smm::http::Transport& inner, const smm::test::LoopbackServer& server)
      : m_inner(inner), m_base(server.url("")) {}

  smm::Result<smm::http::Response> send(const smm::http::Request& request) override {
    return std::move(send_all({request}, 1).front());
  }
  std::vector<smm::Result<smm::http::Response>> send_all(
      const std::vector<smm::http::Request>& requests, std::size_t parallel) override {
    std::vector<smm::http::Request> local = requests;
    for (auto& request : local) {
      REQUIRE(FakeTransport::host_of(request.url) == "site.example.com");
      request.url = m_base + FakeTransport::path_of(request.url);
    }
    auto results = m_inner.send_all(local, parallel);
    for (auto& result : results) {
      if (result && result->effective_url.starts_with(m_base)) {
        result->effective_url =
            "https://site.example.com" + result->effective_url.substr(m_base.size());
      }
    }
    return results;
  }

 private:
  smm::http::Transport& m_inner;
  std::string m_base;
};

}  // namespace

TEST_CASE("check_links reports broken and redirected links", "[audit][links]") {
  FakeTransport fake;
  fake.stub({"HEAD", "/missing"}, FakeTransport::reply(404))
      .stub({"HEAD", "/old"}, moved_to("https://b.example.com/new"))
      .stub({"HEAD", "/fine"}, FakeTransport::reply(200))
      .stub({"HEAD", "/nohead"}, FakeTransport::reply(405))
      .stub({"GET", "/nohead"}, FakeTransport::reply(200))
      .stub({"HEAD", "/down"}, std::unexpected(FakeTransport::failure(
                                   "e.example.com", "could not connect", "refused")));
  auto p = post("2026-11-24-a",
                "Broken https://a.example.com/missing\nMoved https://b.example.com/old\n"
                "Fine https://c.example.com/fine\nNo HEAD https://d.example.com/nohead\n"
                "Down https://e.example.com/down\n");
  Findings findings = check({p}, &fake);
  fake.verify();

  CHECK(lines(findings) ==
        std::vector<std::string>{
            "posts/2026-11-24-a.json: /text: link-broken: https://a.example.com/missing: 404 Not "
            "Found",
            "posts/2026-11-24-a.json: /text: link-broken: https://e.example.com/down: could not "
            "connect: refused",
            "posts/2026-11-24-a.json: /text: link-redirect: https://b.example.com/old redirects to "
            "https://b.example.com/new",
        });
  for (const Finding& f : findings) {
    CHECK(f.severity == (f.rule == "link-redirect" ? Severity::note : Severity::error));
    CHECK_FALSE(f.hint.empty());
  }
  SECTION("every link is asked with HEAD, following redirects, and GET only after a 405") {
    const auto& requests = fake.requests();
    REQUIRE(requests.size() == 6);
    for (std::size_t i = 0; i < 5; ++i) {
      CHECK(requests[i].method == "HEAD");
      CHECK(requests[i].follow_redirects);
      CHECK(requests[i].max_redirects == 10);
    }
    CHECK(requests[5].method == "GET");
    CHECK(requests[5].url == "https://d.example.com/nohead");
  }
}

TEST_CASE("check_links: where links are looked for, and how often", "[audit][links]") {
  FakeTransport fake;
  fake.stub({"HEAD", "/gone", "example.com"}, FakeTransport::reply(410))
      .stub({"HEAD", "/gone", "other.example.com"}, FakeTransport::reply(200));

  auto a = post("2026-11-24-a", "See example.com/gone and again https://example.com/gone");
  a.variants = {{"masto", "Variant https://example.com/gone"}};
  a.first_comment = "Also https://other.example.com/gone";
  auto b = post("2026-11-25-b", "Same link https://example.com/gone");
  auto published = post("2026-11-20-c", "Old https://example.com/gone");
  published.publish["feed"].state = "published";
  published.publish["masto"].state = "published";
  auto partial = post("2026-11-26-d", "Text https://other.example.com/gone");
  partial.variants = {{"feed", "Sent https://example.com/gone"}};
  partial.publish["feed"].state = "published";

  Findings findings = check({a, b, published, partial}, &fake);
  fake.verify();
  CHECK(lines(findings) ==
        std::vector<std::string>{
            "posts/2026-11-24-a.json: /text: link-broken: https://example.com/gone: 410 Gone",
            "posts/2026-11-24-a.json: /variants/masto: link-broken: https://example.com/gone: 410 "
            "Gone",
            "posts/2026-11-25-b.json: /text: link-broken: https://example.com/gone: 410 Gone",
        });
  // One request per distinct URL, whatever the number of places it is written in; a link
  // without a scheme is checked as https.
  REQUIRE(fake.requests().size() == 2);
  CHECK(fake.requests()[0].url == "https://example.com/gone");
  CHECK(fake.requests()[1].url == "https://other.example.com/gone");

  SECTION("only the selected posts") {
    FakeTransport other;
    other.stub({"HEAD", "/gone"}, FakeTransport::reply(404));
    CHECK(check({a, b}, &other, {"2026-11-25-b"}).size() == 1);
    CHECK(other.requests().size() == 1);
  }
}

TEST_CASE("check_links does nothing without a transport (offline audit)", "[audit][links]") {
  CHECK(check({post("2026-11-24-a", "https://example.com/x")}, nullptr).empty());
  FakeTransport fake;
  CHECK(check({post("2026-11-24-a", "no links here")}, &fake).empty());
  CHECK(fake.requests().empty());
}

TEST_CASE("check_links with the real transport against a loopback server",
          "[audit][links][loopback]") {
  smm::test::LoopbackServer loopback;
  auto& server = loopback.server();
  server.Get("/ok", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  server.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.Get("/moved",
             [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/ok", 301); });
  server.Get("/nohead", [](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "HEAD") {
      res.status = 405;
      return;
    }
    res.set_content("fine", "text/plain");
  });
  loopback.start();
  smm::http::CurlTransport curl;
  ToLoopback transport(curl, loopback);

  auto p = post("2026-11-24-a",
                "https://site.example.com/ok\nhttps://site.example.com/gone\n"
                "https://site.example.com/moved\nhttps://site.example.com/nohead\n");
  CHECK(lines(check({p}, &transport)) == std::vector<std::string>{
                                             "posts/2026-11-24-a.json: /text: link-broken: "
                                             "https://site.example.com/gone: 404 Not Found",
                                             "posts/2026-11-24-a.json: /text: link-redirect: "
                                             "https://site.example.com/moved redirects to "
                                             "https://site.example.com/ok",
                                         });
  CHECK(loopback.hits() == 6);  // 4 HEAD, then GET for /nohead, and the redirect's second hop
}
