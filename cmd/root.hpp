// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "smm/context.hpp"

namespace smm::cmd {

/// Parses the command line, runs the verb, prints errors, returns the process exit code.
int run(int argc, char** argv, Context& ctx);
/// The same, from a list of arguments without the program name (for tests).
int run(const std::vector<std::string>& args, Context& ctx);

}  // namespace smm::cmd
