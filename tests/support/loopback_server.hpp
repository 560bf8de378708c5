// SPDX-License-Identifier: MIT
#pragma once

// A cpp-httplib server on 127.0.0.1 and an ephemeral port, serving from a thread, for the tests
// that run the real CurlTransport. Every URL comes from url(), so no test can reach anything but
// loopback. Also: a listener that accepts connections and never answers, and a closed port.

#include <httplib.h>

#include <atomic>
#include <string>
#include <string_view>
#include <thread>

namespace smm::test {

/// The only host the loopback tests talk to.
inline constexpr const char* k_loopback = "127.0.0.1";

class LoopbackServer {
 public:
  /// Binds 127.0.0.1 on a port the kernel picks; register handlers on server(), then start().
  LoopbackServer();
  /// Stops the server and joins its thread.
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  [[nodiscard]] httplib::Server& server() { return m_server; }
  /// Serves from a thread; returns once the server accepts requests.
  void start();
  [[nodiscard]] int port() const { return m_port; }
  /// "http://127.0.0.1:<port><path>".
  [[nodiscard]] std::string url(std::string_view path) const;
  /// Requests answered so far.
  [[nodiscard]] int hits() const { return m_hits.load(); }

 private:
  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
  std::atomic<int> m_hits{0};
};

/// A socket listening on 127.0.0.1 that never accepts: connections succeed (the kernel queues
/// them) and requests are never answered, so clients time out.
class SilentListener {
 public:
  SilentListener();
  ~SilentListener();
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  [[nodiscard]] std::string url(std::string_view path) const;

 private:
  int m_fd = -1;
  int m_port = 0;
};

/// A socket listening on 127.0.0.1 that accepts each connection and closes it at once without
/// reading or answering, as a crashed server or a dropped connection looks to a client.
class HangUpListener {
 public:
  HangUpListener();
  /// Stops accepting and joins the thread.
  ~HangUpListener();
  HangUpListener(const HangUpListener&) = delete;
  HangUpListener& operator=(const HangUpListener&) = delete;
  [[nodiscard]] std::string url(std::string_view path) const;
  /// Connections accepted so far.
  [[nodiscard]] int accepted() const { return m_accepted.load(); }

 private:
  int m_fd = -1;
  int m_port = 0;
  std::atomic<int> m_accepted{0};
  std::thread m_thread;
};

/// A 127.0.0.1 port nothing listens on (bound, then closed): connecting is refused.
int closed_port();

}  // namespace smm::test
