// SPDX-License-Identifier: MIT
#pragma once

// The seams every command runs against. main() builds the real one (cmd::SystemStreams, the system
// clock, the process environment); tests build one with TestStreams, a pinned clock and a
// temporary project directory. Nothing in lib/ reaches the terminal, the clock or the
// environment any other way. The network is reached only through make_transport, which offline
// verbs never call.

#include <filesystem>
#include <functional>
#include <memory>

#include "smm/env.hpp"
#include "smm/io/streams.hpp"
#include "smm/time/time.hpp"

namespace smm {

namespace http {
class Transport;
}

struct Context {
  io::Streams& io;
  std::function<time::Instant()> now;  ///< --now / SMM_NOW pin it
  std::filesystem::path cwd;           ///< where relative paths and the project search start
  Env env;
  /// Builds the transport (main: a CurlTransport; tests: a FakeTransport or none). Called lazily
  /// by the verbs that go online; empty means no network is available. Last, so existing
  /// `Context{io, now, cwd, env}` initialisers keep compiling.
  std::function<std::unique_ptr<http::Transport>()> make_transport;
};

}  // namespace smm
