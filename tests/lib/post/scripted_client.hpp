// SPDX-License-Identifier: MIT
#pragma once

// A platform::Client whose answers a test scripts: publish() pops the next scripted result
// (default: success with id "r<n>"), find() answers from a map of keys that "exist" remotely.
// It records every call so tests can assert what was sent and what was never resent.

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "smm/platform/client.hpp"

namespace smm::test {

class ScriptedClient final : public platform::Client {
 public:
  platform::Capabilities caps;
  std::deque<Result<platform::Remote>> answers;  ///< next publish() results
  std::map<std::string, platform::Remote> remote;  ///< key -> what exists on the "server"
  std::vector<platform::Part> published;           ///< every publish() call
  std::vector<std::string> looked_up;              ///< keys passed to find()
  int created = 0;

  ScriptedClient() {
    caps.threads = true;
    caps.first_comment = true;
    caps.idempotent = true;
    caps.lookup = true;
    caps.max_media = 4;
  }

  [[nodiscard]] platform::Capabilities capabilities() const override { return caps; }
  Result<platform::Remote> publish(const platform::Part& part) override {
    published.push_back(part);
    if (!answers.empty()) {
      auto a = answers.front();
      answers.pop_front();
      if (a) {
        remote[part.key] = *a;
      }
      return a;
    }
    if (auto it = remote.find(part.key); it != remote.end() && caps.idempotent) {
      return it->second;  // the platform returns the original for a known key
    }
    ++created;
    platform::Remote r{"r" + std::to_string(created), "https://example.test/r" + std::to_string(created), {}};
    remote[part.key] = r;
    return r;
  }
  Result<std::optional<platform::Remote>> find(const platform::Part& part) override {
    looked_up.push_back(part.key);
    auto it = remote.find(part.key);
    return it == remote.end() ? std::optional<platform::Remote>() : std::optional<platform::Remote>(it->second);
  }
  [[nodiscard]] std::vector<http::Request> preview(const platform::Part& /*part*/) const override { return {}; }
  Result<void> remove(const platform::Remote& /*remote*/) override { return {}; }
  Result<platform::Identity> check() override { return platform::Identity{}; }
};

}  // namespace smm::test
