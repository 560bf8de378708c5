// SPDX-License-Identifier: MIT
#include "smm/http/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <span>
#include <string>

namespace smm::http {

namespace {

/// curl_global_init exactly once per process; a function-local static is initialised
/// thread-safely, and libcurl is never torn down (it would race other static destructors).
CURLcode global_init() {
  static const CURLcode k_code = curl_global_init(CURL_GLOBAL_DEFAULT);
  return k_code;
}

/// One request in flight: its easy handle, what curl must keep alive, and what comes back.
struct Transfer {
  const Request* request = nullptr;
  std::size_t index = 0;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  Response response;
  bool body_too_large = false;
  char error[CURL_ERROR_SIZE] = {};

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() { curl_slist_free_all(headers); }
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t bytes = size * count;
  if (transfer->response.body.size() + bytes > k_max_body) {
    transfer->body_too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  transfer->response.body.append(data, bytes);
  return bytes;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    // A new response (after a redirect or a 1xx): only the final one's fields are kept.
    transfer->response.headers.clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    transfer->response.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                            std::string(trim(line.substr(colon + 1))));
  }
  return size * count;
}

/// The host of `url` for messages (never the path or query, which may carry tokens).
std::string host_of(const char* url) {
  std::string host = "(invalid URL)";
  CURLU* parsed = curl_url();
  char* part = nullptr;
  if (parsed != nullptr && url != nullptr &&
      curl_url_set(parsed, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
    host = part;
  }
  curl_free(part);
  curl_url_cleanup(parsed);
  return host;
}

struct Failure {
  const char* reason;
  const char* hint;
};

Failure classify(CURLcode code, bool body_too_large) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return {"timed out", "the server did not answer in time; try again later"};
    case CURLE_COULDNT_CONNECT:
      return {"could not connect", "check the address and your network; the server may be down"};
    case CURLE_COULDNT_RESOLVE_HOST:
      return {"could not resolve host", "check the host name and your network connection"};
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {"could not resolve proxy",
              "check the https_proxy, http_proxy and no_proxy variables"};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return {"TLS failed",
              "the server's certificate could not be verified; smm never skips verification "
              "(a private CA can be added with CURL_CA_BUNDLE or the system store)"};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {"connection lost",
              "the connection broke before the whole response arrived; try again later"};
    case CURLE_TOO_MANY_REDIRECTS:
      return {"too many redirects",
              "the URL redirects too often, maybe in a loop; link to the final address"};
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {"unsupported protocol", "only http:// and https:// URLs are used"};
    case CURLE_URL_MALFORMAT:
      return {"malformed URL", "check the URL"};
    case CURLE_WRITE_ERROR:
      if (body_too_large) {
        return {"response too large", "the server sent more than 64 MiB"};
      }
      break;
    default:
      break;
  }
  return {"request failed", "try again later; if it persists, check the server and your network"};
}

Error failure(const Transfer& transfer, CURLcode code) {
  char* effective = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
  std::string host = host_of(effective != nullptr ? effective : transfer.request->url.c_str());
  Failure what = classify(code, transfer.body_too_large);
  std::string detail =
      transfer.error[0] != '\0' ? std::string(transfer.error) : curl_easy_strerror(code);
  std::string_view reason = what.reason;
  bool retryable = reason == "timed out" || reason == "could not connect" || reason == "request failed" || reason == "connection lost" ||
                   reason.starts_with("could not resolve");
  return Error{ErrorKind::runtime, host + ": " + what.reason + ": " + detail, what.hint, {}, retryable};
}

Result<Response> finish(Transfer& transfer, CURLcode code) {
  if (code != CURLE_OK) {
    return std::unexpected(failure(transfer, code));
  }
  long status = 0;
  long redirects = 0;
  char* effective = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(transfer.easy, CURLINFO_REDIRECT_COUNT, &redirects);
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective);
  transfer.response.status = static_cast<int>(status);
  transfer.response.redirect_count = static_cast<int>(redirects);
  transfer.response.effective_url = effective != nullptr ? effective : transfer.request->url;
  return std::move(transfer.response);
}

/// Builds the header list; fails on a line break in a field (header injection), naming only
/// the field's name.
Result<void> set_headers(Transfer& transfer) {
  bool has_expect = false;
  for (const auto& [name, value] : transfer.request->headers) {
    if (name.find_first_of("\r\n:") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      return fail(ErrorKind::runtime, "header \"" + name + "\" contains a line break or colon",
                  "this is a bug in smm; please report it");
    }
    has_expect = has_expect || iequals(name, "Expect");
    // curl drops "Name:" with an empty value; "Name;" sends it empty.
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    transfer.headers = curl_slist_append(transfer.headers, line.c_str());
  }
  if (!has_expect) {
    // No "Expect: 100-continue" round trip before bodies: servers answer at once.
    transfer.headers = curl_slist_append(transfer.headers, "Expect:");
  }
  curl_easy_setopt(transfer.easy, CURLOPT_HTTPHEADER, transfer.headers);
  return {};
}

void set_method(CURL* easy, const Request& request) {
  const std::string& method = request.method;
  if (method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    return;
  }
  if (method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    return;
  }
  if (method != "POST") {
    // A custom method is kept on redirects, unlike POST which curl turns into GET on 301-303.
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  if (method == "POST" || method == "PUT" || method == "PATCH" || !request.body.empty()) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
  }
}

void set_policy(CURL* easy, const Request& request) {
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS,
                   static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  // Never turned off, whatever the request says.
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(request.timeout.connect.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.total.count()));
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, request.follow_redirects ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(std::max(request.max_redirects, 0)));
}

}  // namespace

std::string user_agent() { return std::string("smm/") + SMM_VERSION; }

struct CurlTransport::Impl {
  CURLM* multi = nullptr;   // owns the connection cache: connections are reused across requests
  CURLSH* share = nullptr;  // DNS answers and TLS sessions shared by the easy handles
  std::vector<CURL*> idle;  // easy handles kept for reuse
  std::string agent = user_agent();

  Impl() {
    if (global_init() != CURLE_OK) {
      return;
    }
    multi = curl_multi_init();
    share = curl_share_init();
    if (share != nullptr) {
      curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
      curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (CURL* easy : idle) {
      curl_easy_cleanup(easy);
    }
    curl_multi_cleanup(multi);
    curl_share_cleanup(share);
  }

  Result<void> start(Transfer& transfer);
  void collect(std::vector<std::unique_ptr<Transfer>>& transfers,
               std::vector<Result<Response>>& results, std::size_t& in_flight);
  std::vector<Result<Response>> run(std::span<const Request> requests, std::size_t parallel);
};

Result<void> CurlTransport::Impl::start(Transfer& transfer) {
  if (multi == nullptr) {
    return fail(ErrorKind::runtime, "libcurl could not be initialised",
                "check the libcurl installation");
  }
  if (idle.empty()) {
    transfer.easy = curl_easy_init();
  } else {
    transfer.easy = idle.back();
    idle.pop_back();
    curl_easy_reset(transfer.easy);  // keeps the handle's caches, drops every option
  }
  if (transfer.easy == nullptr) {
    return fail(ErrorKind::runtime, "libcurl could not create a transfer",
                "the system may be out of memory");
  }
  CURL* easy = transfer.easy;
  const Request& request = *transfer.request;
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_SHARE, share);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
  set_policy(easy, request);
  set_method(easy, request);
  if (auto headers = set_headers(transfer); !headers) {
    return headers;
  }
  if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
    return fail(ErrorKind::runtime, "libcurl could not start a transfer",
                "the system may be out of memory");
  }
  return {};
}

void CurlTransport::Impl::collect(std::vector<std::unique_ptr<Transfer>>& transfers,
                                  std::vector<Result<Response>>& results, std::size_t& in_flight) {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
    if (message->msg != CURLMSG_DONE) {
      continue;
    }
    CURL* easy = message->easy_handle;
    CURLcode code = message->data.result;  // read before removing: that frees `message`
    auto it = std::find_if(transfers.begin(), transfers.end(),
                           [&](const auto& t) { return t && t->easy == easy; });
    if (it == transfers.end()) {
      continue;
    }
    results[(*it)->index] = finish(**it, code);
    curl_multi_remove_handle(multi, easy);
    idle.push_back(easy);
    it->reset();
    --in_flight;
  }
}

std::vector<Result<Response>> CurlTransport::Impl::run(std::span<const Request> requests,
                                                       std::size_t parallel) {
  std::vector<Result<Response>> results(requests.size());
  std::vector<std::unique_ptr<Transfer>> transfers(requests.size());
  parallel = std::max<std::size_t>(parallel, 1);
  std::size_t next = 0;
  std::size_t in_flight = 0;
  while (next < requests.size() || in_flight > 0) {
    for (; in_flight < parallel && next < requests.size(); ++next) {
      auto transfer = std::make_unique<Transfer>();
      transfer->request = &requests[next];
      transfer->index = next;
      if (auto started = start(*transfer); !started) {
        results[next] = std::unexpected(started.error());
        if (transfer->easy != nullptr) {
          idle.push_back(transfer->easy);
        }
        continue;
      }
      transfers[next] = std::move(transfer);
      ++in_flight;
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    collect(transfers, results, in_flight);
    if (in_flight > 0) {
      // Wakes on socket activity or curl's own next timeout, whichever comes first.
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
  }
  return results;
}

CurlTransport::CurlTransport() : m_impl(std::make_unique<Impl>()) {}

CurlTransport::~CurlTransport() = default;

Result<Response> CurlTransport::send(const Request& request) {
  return std::move(m_impl->run(std::span<const Request>(&request, 1), 1).front());
}

std::vector<Result<Response>> CurlTransport::send_all(const std::vector<Request>& requests,
                                                      std::size_t parallel) {
  return m_impl->run(requests, parallel);
}

}  // namespace smm::http
