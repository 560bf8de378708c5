// SPDX-License-Identifier: MIT
#pragma once

// The real Transport: libcurl. The only code that includes <curl/curl.h> is its .cpp.
//
// Guarantees: TLS peers and host names are always verified (there is no switch to turn that
// off); only http and https are spoken, redirects included; redirects are followed only when a
// request asks, up to its cap; the proxy environment (http_proxy, https_proxy, no_proxy) is
// honoured as curl does; HTTP/2 is used where a TLS server offers it; connections, DNS answers
// and TLS sessions are reused across requests made through one transport; every request says
// "User-Agent: smm/<version>".

#include <memory>

#include "smm/http/http.hpp"

namespace smm::http {

/// The User-Agent every request carries: "smm/<version>".
std::string user_agent();

class CurlTransport final : public Transport {
 public:
  /// Initialises libcurl once per process (thread-safe); never fails (a libcurl that cannot
  /// start makes each request fail with an error instead).
  CurlTransport();
  ~CurlTransport() override;

  /// One request through the transport's connection cache.
  Result<Response> send(const Request& request) override;
  /// Concurrent transfers over one curl multi handle, at most `parallel` at a time.
  std::vector<Result<Response>> send_all(const std::vector<Request>& requests,
                                         std::size_t parallel) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace smm::http
