// SPDX-License-Identifier: MIT
// The loopback suite: the real CurlTransport against cpp-httplib on 127.0.0.1 and a port the
// kernel picks. Nothing here reaches another machine: every URL comes from LoopbackServer::url,
// SilentListener::url or closed_port(), all on 127.0.0.1.

#include "smm/http/curl_transport.hpp"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/catch.hpp"
#include "support/loopback_server.hpp"

using smm::http::CurlTransport;
using smm::http::Request;
using smm::test::LoopbackServer;

namespace {

using Clock = std::chrono::steady_clock;

Request get(std::string url) {
  Request request;
  request.url = std::move(url);
  return request;
}

/// "/r/N" redirects to "/r/N-1"; "/r/0" answers "landed".
void serve_redirects(httplib::Server& server) {
  server.Get(R"(/r/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    int n = std::stoi(req.matches[1]);
    if (n == 0) {
      res.set_content("landed", "text/plain");
      return;
    }
    res.set_redirect("/r/" + std::to_string(n - 1), 302);
  });
}

bool is_loopback_url(const std::string& url) { return url.starts_with("http://127.0.0.1:"); }

}  // namespace

TEST_CASE("CurlTransport sends GET and POST with headers and bodies", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Seen", req.get_header_value("X-Test"));
    res.set_content("agent=" + req.get_header_value("User-Agent"), "text/plain");
  });
  loopback.server().Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 201;
    res.set_content(req.get_header_value("Content-Type") + "|" + req.body, "text/plain");
  });
  loopback.server().Patch("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.method + "|" + req.body, "text/plain");
  });
  loopback.start();
  CurlTransport transport;

  SECTION("GET") {
    Request request = get(loopback.url("/echo"));
    request.headers = {{"X-Test", "hello"}};
    auto response = transport.send(request);
    REQUIRE(response.has_value());
    CHECK(response->status == 200);
    CHECK(response->body == "agent=" + smm::http::user_agent());
    CHECK(smm::http::user_agent() == std::string("smm/") + SMM_VERSION);
    CHECK(response->header("x-seen") == "hello");
    CHECK(response->header("CONTENT-TYPE") == "text/plain");
    CHECK_FALSE(response->header("X-Missing").has_value());
    CHECK(response->effective_url == loopback.url("/echo"));
    CHECK(response->redirect_count == 0);
  }
  SECTION("POST") {
    Request request = get(loopback.url("/echo"));
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"status":"hi"})";
    auto response = transport.send(request);
    REQUIRE(response.has_value());
    CHECK(response->status == 201);
    CHECK(response->body == R"(application/json|{"status":"hi"})");
  }
  SECTION("PATCH keeps its method and body") {
    Request request = get(loopback.url("/echo"));
    request.method = "PATCH";
    request.body = "x=1";
    auto response = transport.send(request);
    REQUIRE(response.has_value());
    CHECK(response->body == "PATCH|x=1");
  }
  SECTION("a header with a line break is refused before anything is sent") {
    Request request = get(loopback.url("/echo"));
    request.headers = {{"X-Test", "a\r\nInjected: yes"}};
    auto response = transport.send(request);
    REQUIRE_FALSE(response.has_value());
    CHECK(response.error().message.find("X-Test") != std::string::npos);
    CHECK(response.error().message.find("Injected") == std::string::npos);
    CHECK(loopback.hits() == 0);
  }
}

TEST_CASE("CurlTransport sends HEAD without a body", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/page", [](const httplib::Request&, httplib::Response& res) {
    // Not text/*: cpp-httplib would compress it and Content-Length would count gzip bytes.
    res.set_content("a body that HEAD must not return", "application/octet-stream");
  });
  loopback.start();
  CurlTransport transport;
  Request request = get(loopback.url("/page"));
  request.method = "HEAD";
  auto response = transport.send(request);
  REQUIRE(response.has_value());
  CHECK(response->status == 200);
  CHECK(response->body.empty());
  CHECK(response->header("Content-Length") == "32");
}

TEST_CASE("CurlTransport follows redirects only when asked, up to the cap", "[http][loopback]") {
  LoopbackServer loopback;
  serve_redirects(loopback.server());
  loopback.start();
  CurlTransport transport;
  Request request = get(loopback.url("/r/3"));

  SECTION("not followed: the 302 is the response") {
    auto response = transport.send(request);
    REQUIRE(response.has_value());
    CHECK(response->status == 302);
    CHECK(response->header("Location") == "/r/2");
    CHECK(response->effective_url == loopback.url("/r/3"));
    CHECK(response->redirect_count == 0);
  }
  SECTION("followed") {
    request.follow_redirects = true;
    auto response = transport.send(request);
    REQUIRE(response.has_value());
    CHECK(response->status == 200);
    CHECK(response->body == "landed");
    CHECK(response->redirect_count == 3);
    CHECK(response->effective_url == loopback.url("/r/0"));
    CHECK_FALSE(response->header("Location").has_value());  // the final response's fields only
  }
  SECTION("more redirects than the cap fail") {
    request.follow_redirects = true;
    request.max_redirects = 2;
    auto response = transport.send(request);
    REQUIRE_FALSE(response.has_value());
    CHECK(response.error().kind == smm::ErrorKind::runtime);
    CHECK(response.error().message.starts_with("127.0.0.1: too many redirects: "));
    CHECK_FALSE(response.error().hint.empty());
  }
}

TEST_CASE("CurlTransport returns 4xx and 5xx as responses", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/missing",
                        [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  loopback.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("oops", "text/plain");
  });
  loopback.start();
  CurlTransport transport;
  auto missing = transport.send(get(loopback.url("/missing")));
  REQUIRE(missing.has_value());
  CHECK(missing->status == 404);
  CHECK(smm::http::status_text(missing->status) == "404 Not Found");
  auto broken = transport.send(get(loopback.url("/broken")));
  REQUIRE(broken.has_value());
  CHECK(broken->status == 500);
  CHECK(broken->body == "oops");
}

TEST_CASE("CurlTransport reports a server that never answers as timed out", "[http][loopback]") {
  smm::test::SilentListener silent;
  CurlTransport transport;
  Request request = get(silent.url("/secret-path?access_token=t0ken"));
  request.headers = {{"Authorization", "Bearer s3cret"}};
  request.timeout.total = std::chrono::milliseconds(300);
  auto started = Clock::now();
  auto response = transport.send(request);
  auto elapsed = Clock::now() - started;
  REQUIRE_FALSE(response.has_value());
  const smm::Error& error = response.error();
  CHECK(error.kind == smm::ErrorKind::runtime);
  CHECK(error.message.starts_with("127.0.0.1: timed out: "));
  CHECK(smm::http::failure_reason(error).starts_with("timed out: "));
  CHECK_FALSE(error.hint.empty());
  CHECK(elapsed < std::chrono::seconds(3));
  // Neither the path, the query nor a header value appears in what a user or log sees.
  for (const char* secret : {"s3cret", "t0ken", "secret-path"}) {
    CHECK(error.message.find(secret) == std::string::npos);
    CHECK(error.hint.find(secret) == std::string::npos);
  }
}

TEST_CASE("CurlTransport reports a refused connection", "[http][loopback]") {
  CurlTransport transport;
  auto response =
      transport.send(get("http://127.0.0.1:" + std::to_string(smm::test::closed_port()) + "/"));
  REQUIRE_FALSE(response.has_value());
  CHECK(response.error().message.starts_with("127.0.0.1: could not connect: "));
  CHECK_FALSE(response.error().hint.empty());
}

TEST_CASE("CurlTransport runs send_all concurrently and keeps the order", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/slow", [](const httplib::Request& req, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    res.set_content(req.get_param_value("i"), "text/plain");
  });
  loopback.start();
  CurlTransport transport;
  std::vector<Request> requests;
  for (int i = 0; i < 8; ++i) {
    requests.push_back(get(loopback.url("/slow?i=" + std::to_string(i))));
  }
  auto started = Clock::now();
  auto results = transport.send_all(requests, 8);
  auto elapsed = Clock::now() - started;
  REQUIRE(results.size() == 8);
  for (int i = 0; i < 8; ++i) {
    REQUIRE(results[i].has_value());
    CHECK(results[i]->body == std::to_string(i));
  }
  // One at a time would take 1.6 s.
  CHECK(elapsed < std::chrono::milliseconds(800));
  CHECK(loopback.hits() == 8);
}

TEST_CASE("CurlTransport reuses its connection across requests", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/port", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(std::to_string(req.remote_port), "text/plain");
  });
  loopback.start();
  CurlTransport transport;
  auto first = transport.send(get(loopback.url("/port")));
  auto second = transport.send(get(loopback.url("/port")));
  auto third = transport.send_all({get(loopback.url("/port"))}, 1);
  REQUIRE(first.has_value());
  REQUIRE(second.has_value());
  REQUIRE(third.front().has_value());
  CHECK(first->body == second->body);  // the same client port: the same TCP connection
  CHECK(first->body == third.front()->body);
}

TEST_CASE("CurlTransport never leaves loopback and speaks only http(s)", "[http][loopback]") {
  LoopbackServer loopback;
  loopback.server().Get("/away", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://192.0.2.1/", 302);  // TEST-NET-1: must not be contacted
  });
  loopback.server().Get("/file", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd", 302);
  });
  loopback.start();
  CurlTransport transport;

  SECTION("a redirect elsewhere is returned, not followed, unless asked") {
    auto response = transport.send(get(loopback.url("/away")));
    REQUIRE(response.has_value());
    CHECK(response->status == 302);
    CHECK(is_loopback_url(response->effective_url));
    CHECK(loopback.hits() == 1);
  }
  SECTION("a redirect to another protocol is refused") {
    Request request = get(loopback.url("/file"));
    request.follow_redirects = true;
    auto response = transport.send(request);
    REQUIRE_FALSE(response.has_value());
    CHECK(response.error().message.find("unsupported protocol") != std::string::npos);
  }
  SECTION("other schemes are refused without a connection") {
    auto response = transport.send(get("ftp://127.0.0.1:" + std::to_string(loopback.port()) + "/"));
    REQUIRE_FALSE(response.has_value());
    CHECK(response.error().message.starts_with("127.0.0.1: unsupported protocol: "));
    CHECK(loopback.hits() == 0);
  }
  SECTION("every URL the suite builds is on 127.0.0.1") {
    CHECK(is_loopback_url(loopback.url("/x")));
    CHECK(is_loopback_url(smm::test::SilentListener().url("/x")));
  }
}
