// SPDX-License-Identifier: MIT
#include "smm/post/gate.hpp"

namespace smm::post {

std::size_t platform_concurrency(std::string_view platform) {
  // Mastodon and Bluesky throttle per account (300 posts per 3 h, 5,000 points per hour) and
  // dislike bursts; a webhook receiver (Slack, Discord) takes a steady stream. The feed is local.
  if (platform == "mastodon" || platform == "bluesky") {
    return 8;
  }
  if (platform == "webhook") {
    return 16;
  }
  return 0;
}

Slots* Gates::platform(const std::string& name) {
  std::size_t cap = platform_concurrency(name);
  if (cap == 0) {
    return nullptr;
  }
  std::lock_guard lock(m_mutex);
  auto& slots = m_platforms[name];
  if (!slots) {
    slots = std::make_unique<Slots>(static_cast<std::ptrdiff_t>(cap));
  }
  return slots.get();
}

template <typename F>
auto GatedClient::gated(F&& f) {
  if (m_platform != nullptr) {
    m_platform->acquire();
  }
  m_all.acquire();
  auto result = f();
  m_all.release();
  if (m_platform != nullptr) {
    m_platform->release();
  }
  return result;
}

Result<platform::Remote> GatedClient::publish(const platform::Part& part) {
  return gated([&] { return m_inner->publish(part); });
}

Result<std::optional<platform::Remote>> GatedClient::find(const platform::Part& part) {
  return gated([&] { return m_inner->find(part); });
}

Result<void> GatedClient::remove(const platform::Remote& remote) {
  return gated([&] { return m_inner->remove(remote); });
}

Result<platform::Identity> GatedClient::check() {
  return gated([&] { return m_inner->check(); });
}

}  // namespace smm::post
