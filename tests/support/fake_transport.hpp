// SPDX-License-Identifier: MIT
#pragma once

// The Transport for unit tests: answers from stubs matched by method and URL path (and host
// when a stub names one), fails the test on a request no stub matches, and records every
// request so a test can assert what was sent. verify() fails the test when a stub was never
// used. It follows no redirects itself: a stub that stands for a followed redirect sets the
// response's effective_url and redirect_count.

#include <string>
#include <vector>

#include "smm/http/http.hpp"

namespace smm::test {

class FakeTransport final : public http::Transport {
 public:
  /// What a stub matches. `path` is the URL path without the query ("/api/v1/statuses");
  /// an empty `host` matches any host.
  struct Match {
    std::string method;
    std::string path;
    std::string host;
  };

  /// Answers requests matching `match` with `reply`. `times` 0 answers every matching request;
  /// N answers the next N, after which later stubs for the same request answer (so a test can
  /// script "500, then 200"). Stubs are tried in the order they were added.
  FakeTransport& stub(Match match, Result<http::Response> reply, int times = 0);

  /// A response with `status`, `body` and `headers`.
  static http::Response reply(int status, std::string body = {}, http::Headers headers = {});
  /// A failure as CurlTransport reports it: "<host>: <reason>: <detail>".
  static Error failure(const std::string& host, const std::string& reason,
                       const std::string& detail = "detail");

  Result<http::Response> send(const http::Request& request) override;
  /// Records the batch size, then answers each request as send() does, in order.
  std::vector<Result<http::Response>> send_all(const std::vector<http::Request>& requests,
                                               std::size_t parallel) override;

  /// Every request sent, in order.
  [[nodiscard]] const std::vector<http::Request>& requests() const { return m_requests; }
  /// The size of each send_all() batch, in order (a decorator must keep batching).
  [[nodiscard]] const std::vector<std::size_t>& batches() const { return m_batches; }
  /// Fails the test (Catch CHECK) for each stub that answered nothing.
  void verify() const;

  /// The host and path (without query) of an absolute URL.
  static std::string host_of(const std::string& url);
  static std::string path_of(const std::string& url);

 private:
  struct Stub {
    Match match;
    Result<http::Response> reply;
    int times = 0;
    int used = 0;
  };
  std::vector<Stub> m_stubs;
  std::vector<http::Request> m_requests;
  std::vector<std::size_t> m_batches;
};

/// Hands a test's FakeTransport to a command that wants to own its transport
/// (Context::make_transport returns a new one per call).
class BorrowedTransport final : public http::Transport {
 public:
  explicit BorrowedTransport(FakeTransport& fake) : m_fake(fake) {}
  Result<http::Response> send(const http::Request& r) override { return m_fake.send(r); }

 private:
  FakeTransport& m_fake;
};

}  // namespace smm::test
