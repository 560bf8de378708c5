// SPDX-License-Identifier: MIT
#pragma once

// How many requests a run has in flight: at most `--jobs` in all and at most a platform's own cap
// per platform (servers throttle bursts per account). A GatedClient holds a slot of both while a
// request is out, so the workers (more of them than slots) spend their file writes and fsyncs
// outside the slots and the network stays busy.

#include <map>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>

#include "smm/platform/client.hpp"

namespace smm::post {

using Slots = std::counting_semaphore<1024>;

/// Requests in flight at once per platform, at most (0: only --jobs limits it).
std::size_t platform_concurrency(std::string_view platform);

class Gates {
 public:
  explicit Gates(std::size_t jobs) : m_all(static_cast<std::ptrdiff_t>(std::max<std::size_t>(jobs, 1))) {}
  [[nodiscard]] Slots& all() { return m_all; }
  /// The platform's slots, or nullptr when only --jobs limits it.
  Slots* platform(const std::string& name);

 private:
  Slots m_all;
  std::mutex m_mutex;
  std::map<std::string, std::unique_ptr<Slots>> m_platforms;
};

/// A client whose requests wait for a slot of every gate.
class GatedClient final : public platform::Client {
 public:
  GatedClient(std::unique_ptr<platform::Client> inner, Slots& all, Slots* platform)
      : m_inner(std::move(inner)), m_all(all), m_platform(platform) {}

  [[nodiscard]] platform::Capabilities capabilities() const override { return m_inner->capabilities(); }
  [[nodiscard]] std::string new_key(const platform::Part& part) const override { return m_inner->new_key(part); }
  Result<platform::Remote> publish(const platform::Part& part) override;
  Result<std::optional<platform::Remote>> find(const platform::Part& part) override;
  [[nodiscard]] std::vector<http::Request> preview(const platform::Part& part) const override {
    return m_inner->preview(part);
  }
  Result<void> remove(const platform::Remote& remote) override;
  Result<platform::Identity> check() override;

 private:
  template <typename F>
  auto gated(F&& f);

  std::unique_ptr<platform::Client> m_inner;
  Slots& m_all;
  Slots* m_platform;
};

}  // namespace smm::post
