// SPDX-License-Identifier: MIT
#include "support/loopback_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "support/catch.hpp"

namespace smm::test {

namespace {

/// Loopback requests must never go through a proxy from the environment (it would see them,
/// and a test would then depend on a machine outside this one).
void bypass_proxies() {
  ::setenv("no_proxy", k_loopback, 1);
  ::setenv("NO_PROXY", k_loopback, 1);
}

/// A TCP socket bound to 127.0.0.1 on an ephemeral port; returns the fd and sets `port`.
int bind_loopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  REQUIRE(::inet_pton(AF_INET, k_loopback, &address.sin_addr) == 1);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  port = ntohs(address.sin_port);
  return fd;
}

/// cpp-httplib 0.11 listens with a backlog of 5: a burst of more connections than that loses
/// SYNs, which the kernel retries a second later, and a concurrency test would measure that.
/// Listening again on the same socket raises the backlog (Linux); the socket is found by its port.
void raise_backlog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    int accepting = 0;
    socklen_t size = sizeof accepting;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0 &&
        address.sin_family == AF_INET && ntohs(address.sin_port) == port &&
        ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0 && accepting != 0) {
      ::listen(fd, 128);
      return;
    }
  }
}

}  // namespace

LoopbackServer::LoopbackServer() {
  bypass_proxies();
  m_server.new_task_queue = [] { return new httplib::ThreadPool(16); };
  m_server.set_keep_alive_timeout(1);
  // Counted before routing, so a client that has its response sees the count include it.
  m_server.set_pre_routing_handler([this](const httplib::Request&, httplib::Response&) {
    ++m_hits;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  m_port = m_server.bind_to_any_port(k_loopback);
  REQUIRE(m_port > 0);
  raise_backlog(m_port);
}

LoopbackServer::~LoopbackServer() {
  if (m_thread.joinable()) {
    m_server.stop();
    m_thread.join();
  }
}

void LoopbackServer::start() {
  m_thread = std::thread([this] { m_server.listen_after_bind(); });
  // stop() before the thread is running would be lost and join() would hang.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!m_server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(m_server.is_running());
}

std::string LoopbackServer::url(std::string_view path) const {
  return "http://" + std::string(k_loopback) + ":" + std::to_string(m_port) + std::string(path);
}

SilentListener::SilentListener() {
  bypass_proxies();
  m_fd = bind_loopback(m_port);
  REQUIRE(::listen(m_fd, 16) == 0);
}

SilentListener::~SilentListener() { ::close(m_fd); }

std::string SilentListener::url(std::string_view path) const {
  return "http://" + std::string(k_loopback) + ":" + std::to_string(m_port) + std::string(path);
}

HangUpListener::HangUpListener() {
  bypass_proxies();
  m_fd = bind_loopback(m_port);
  REQUIRE(::listen(m_fd, 16) == 0);
  m_thread = std::thread([this] {
    for (;;) {
      int client = ::accept(m_fd, nullptr, nullptr);
      if (client < 0) {
        return;  // shut down by the destructor
      }
      ++m_accepted;
      ::close(client);
    }
  });
}

HangUpListener::~HangUpListener() {
  // shutdown() wakes the blocked accept() on Linux; close() alone would not.
  ::shutdown(m_fd, SHUT_RDWR);
  m_thread.join();
  ::close(m_fd);
}

std::string HangUpListener::url(std::string_view path) const {
  return "http://" + std::string(k_loopback) + ":" + std::to_string(m_port) + std::string(path);
}

int closed_port() {
  int port = 0;
  int fd = bind_loopback(port);
  ::close(fd);
  return port;
}

}  // namespace smm::test
