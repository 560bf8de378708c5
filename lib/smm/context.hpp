// SPDX-License-Identifier: MIT
#pragma once

// The seams every command runs against. main() builds the real one (cmd::SystemStreams, the system
// clock, the process environment); tests build one with TestStreams, a pinned clock and a
// temporary project directory. Nothing in lib/ reaches the terminal, the clock or the
// environment any other way.
// TODO(#5): the lazy transport factory (make_transport) joins when publishing lands.

#include <filesystem>
#include <functional>

#include "smm/env.hpp"
#include "smm/io/streams.hpp"
#include "smm/time/time.hpp"

namespace smm {

struct Context {
  io::Streams& io;
  std::function<time::Instant()> now;  ///< --now / SMM_NOW pin it
  std::filesystem::path cwd;           ///< where relative paths and the project search start
  Env env;
};

}  // namespace smm
