// SPDX-License-Identifier: MIT
#include "support/fake_transport.hpp"

#include "support/catch.hpp"

namespace smm::test {

namespace {

/// The "host[:port]" part of an absolute URL and the offset where its path starts.
std::pair<std::string, std::size_t> authority(const std::string& url) {
  auto scheme = url.find("://");
  std::size_t begin = scheme == std::string::npos ? 0 : scheme + 3;
  std::size_t end = url.find_first_of("/?#", begin);
  if (end == std::string::npos) {
    end = url.size();
  }
  return {url.substr(begin, end - begin), end};
}

}  // namespace

FakeTransport& FakeTransport::stub(Match match, Result<http::Response> reply, int times) {
  m_stubs.push_back(Stub{std::move(match), std::move(reply), times, 0});
  return *this;
}

http::Response FakeTransport::reply(int status, std::string body, http::Headers headers) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

Error FakeTransport::failure(const std::string& host, const std::string& reason,
                             const std::string& detail) {
  bool retryable = reason == "timed out" || reason == "could not connect" || reason == "request failed" || reason == "connection lost" ||
                   reason.starts_with("could not resolve");
  return Error{ErrorKind::runtime, host + ": " + reason + ": " + detail, "a hint", {}, retryable};
}

std::string FakeTransport::host_of(const std::string& url) {
  std::string host = authority(url).first;
  if (auto at = host.rfind('@'); at != std::string::npos) {
    host.erase(0, at + 1);
  }
  if (auto colon = host.rfind(':');
      colon != std::string::npos && host.find(']', colon) == std::string::npos) {
    host.erase(colon);
  }
  return host;
}

std::string FakeTransport::path_of(const std::string& url) {
  std::size_t begin = authority(url).second;
  std::size_t end = url.find_first_of("?#", begin);
  std::string path = url.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  return path.empty() ? "/" : path;
}

Result<http::Response> FakeTransport::send(const http::Request& request) {
  m_requests.push_back(request);
  std::string host = host_of(request.url);
  std::string path = path_of(request.url);
  for (auto& stub : m_stubs) {
    const Match& m = stub.match;
    bool exhausted = stub.times > 0 && stub.used >= stub.times;
    if (exhausted || m.method != request.method || m.path != path ||
        (!m.host.empty() && m.host != host)) {
      continue;
    }
    ++stub.used;
    if (!stub.reply) {
      return std::unexpected(stub.reply.error());
    }
    http::Response response = *stub.reply;
    if (response.effective_url.empty()) {
      response.effective_url = request.url;
    }
    return response;
  }
  FAIL("FakeTransport: no stub for " << request.method << " " << request.url);
  return fail(ErrorKind::runtime, "no stub");
}

std::vector<Result<http::Response>> FakeTransport::send_all(
    const std::vector<http::Request>& requests, std::size_t parallel) {
  m_batches.push_back(requests.size());
  return Transport::send_all(requests, parallel);
}

void FakeTransport::verify() const {
  for (const auto& stub : m_stubs) {
    INFO("FakeTransport: stub " << stub.match.method << " " << stub.match.host << stub.match.path);
    CHECK(stub.used > 0);
  }
}

}  // namespace smm::test
