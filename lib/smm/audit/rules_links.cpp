// SPDX-License-Identifier: MIT
// `audit --online`: every link in a post that is still to be published must resolve.
// Rules: link-broken (connection failures, timeouts, status >= 400), link-redirect (the link
// lands somewhere else; a note, so the user can link to the final address).

#include <map>
#include <set>

#include "smm/audit/families.hpp"
#include "smm/http/http.hpp"
#include "smm/text/extract.hpp"

namespace smm::audit {

namespace {

/// Links checked at once: enough to hide latency, few enough to be polite to one host.
constexpr std::size_t k_parallel = 8;
/// Link checks give up sooner than publishing requests: a link that slow is as good as broken.
constexpr http::Timeouts k_link_timeouts{std::chrono::seconds(10), std::chrono::seconds(15)};

/// One link as written in one field of one post.
struct Place {
  const project::Post* post = nullptr;
  std::string pointer;
  std::string url;  ///< with a scheme
};

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && http::iequals(text.substr(0, prefix.size()), prefix);
}

/// Twitter-text finds "example.com/x" without a scheme; browsers open it as https.
std::string with_scheme(std::string_view written) {
  if (starts_with_nocase(written, "http://") || starts_with_nocase(written, "https://")) {
    return std::string(written);
  }
  return "https://" + std::string(written);
}

void add_places(const project::Post& post, const std::string& pointer, std::string_view text,
                std::vector<Place>& places) {
  std::set<std::string> seen;
  for (const auto& entity : text::extract_urls(text)) {
    std::string url = with_scheme(entity.text);
    if (seen.insert(url).second) {
      places.push_back(Place{&post, pointer, std::move(url)});
    }
  }
}

std::vector<Place> collect(const Input& input) {
  std::vector<Place> places;
  for (const auto& post : input.project.posts) {
    if (!selected(input, post) || post.effective_status() == "published") {
      continue;
    }
    add_places(post, "/text", post.text, places);
    for (const auto& [account, text] : post.variants) {
      if (!target_published(post, account)) {
        add_places(post, text_pointer(post, account), text, places);
      }
    }
    add_places(post, "/first_comment", post.first_comment, places);
  }
  return places;
}

http::Request link_request(const std::string& method, const std::string& url) {
  http::Request request;
  request.method = method;
  request.url = url;
  request.timeout = k_link_timeouts;
  request.follow_redirects = true;
  request.max_redirects = http::k_max_redirects;
  return request;
}

bool head_refused(const Result<http::Response>& result) {
  return result && (result->status == 405 || result->status == 501);
}

/// HEAD every URL at once; those whose server refuses HEAD are asked again with GET.
std::map<std::string, Result<http::Response>> resolve(http::Transport& transport,
                                                      const std::set<std::string>& urls) {
  std::vector<http::Request> heads;
  for (const auto& url : urls) {
    heads.push_back(link_request("HEAD", url));
  }
  std::vector<Result<http::Response>> results = transport.send_all(heads, k_parallel);
  std::vector<http::Request> gets;
  std::vector<std::size_t> again;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (head_refused(results[i])) {
      gets.push_back(link_request("GET", heads[i].url));
      again.push_back(i);
    }
  }
  std::vector<Result<http::Response>> retried = transport.send_all(gets, k_parallel);
  for (std::size_t i = 0; i < again.size(); ++i) {
    results[again[i]] = std::move(retried[i]);
  }
  std::map<std::string, Result<http::Response>> by_url;
  for (std::size_t i = 0; i < heads.size(); ++i) {
    by_url.emplace(heads[i].url, std::move(results[i]));
  }
  return by_url;
}

void report(const Place& place, const Result<http::Response>& result, Findings& out) {
  const project::Post& post = *place.post;
  if (!result) {
    out.push_back(post_finding("link-broken", post, place.pointer,
                               place.url + ": " + std::string(http::failure_reason(result.error())),
                               result.error().hint));
    return;
  }
  const http::Response& response = *result;
  bool moved = response.redirect_count > 0 && response.effective_url != place.url;
  if (response.status >= 400) {
    std::string message = place.url + ": " + http::status_text(response.status);
    if (moved) {
      message += " (at " + response.effective_url + ")";
    }
    out.push_back(post_finding("link-broken", post, place.pointer, std::move(message),
                               "fix the link or remove it"));
    return;
  }
  if (moved) {
    out.push_back(post_finding("link-redirect", post, place.pointer,
                               place.url + " redirects to " + response.effective_url,
                               "link to the final address"));
  }
}

}  // namespace

void check_links(const Input& input, Findings& out) {
  if (input.transport == nullptr) {
    return;
  }
  std::vector<Place> places = collect(input);
  std::set<std::string> urls;
  for (const auto& place : places) {
    urls.insert(place.url);
  }
  if (urls.empty()) {
    return;
  }
  auto results = resolve(*input.transport, urls);
  for (const auto& place : places) {
    report(place, results.at(place.url), out);
  }
}

}  // namespace smm::audit
