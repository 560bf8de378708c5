// SPDX-License-Identifier: MIT
// smm inbox: the conversation queue. `inbox sync` is in sync.cpp.
#include <CLI/CLI.hpp>

#include "cmd/runtime.hpp"

namespace smm::cmd {

void register_inbox(CLI::App& app, Runtime& rt) {
  auto* inbox = app.add_subcommand("inbox", "The conversation queue: mentions, replies, quotes, DMs and watches");
  add_inbox_sync(inbox, rt);
}

}  // namespace smm::cmd
