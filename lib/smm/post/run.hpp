// SPDX-License-Identifier: MIT
#pragma once

// A `smm post` run over the selected tasks: posts are shared out to up to 2 x `jobs` workers,
// each with its own transport (so requests to one host reuse connections) and its own clients; at
// most `jobs` requests are in flight (and at most a platform's cap, see gate.hpp). The targets of
// one post stay on one worker, in order, so a post file has one writer. Results come back in
// task order.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "smm/creds/session.hpp"
#include "smm/post/due.hpp"
#include "smm/post/publish.hpp"

namespace smm::post {

/// Parallel requests when --jobs is not given.
inline constexpr std::size_t k_default_jobs = 16;

struct RunConfig {
  std::size_t jobs = k_default_jobs;
  http::Timeouts timeouts;
  time::Instant now{};
  /// Builds a transport for a worker; empty: no network (feed only).
  std::function<std::unique_ptr<http::Transport>()> make_transport;
  /// Opens the credential store, once, when some target needs it.
  std::function<Result<std::shared_ptr<creds::Session>>()> open_session;
  /// Writes a post file (default: project::save_post under the project root).
  SavePost save;
  /// Called after each task (done, total), from one worker at a time.
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Carries out the tasks (publish, miss, hold) and returns one outcome per task, in task order.
std::vector<Outcome> run(project::Project& project, const std::vector<Task>& tasks, const RunConfig& config);

/// What the tasks would do, as text: each part's exact requests (secrets masked), nothing sent
/// and nothing written.
Result<std::string> preview(const project::Project& project, const std::vector<Task>& tasks, time::Instant now);

/// The process exit code for a run's outcomes: 0 when nothing failed, 5 when some targets were
/// published and some failed, else 4 when an authentication failure is among them, else 1.
int exit_code(const std::vector<Outcome>& outcomes);

}  // namespace smm::post
