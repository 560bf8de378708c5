// SPDX-License-Identifier: MIT
#pragma once

// The write-ahead state machine of one (post, account) (ARCHITECTURE §8). Before each request the
// part's idempotency key is written with state `sending`; after the platform confirms, its remote
// id; after the last part, `published`. A definite failure records `failed` (and whether a later
// run may retry). A timeout or a connection lost after sending leaves the part unconfirmed, and
// the next run reconciles it (find() where the platform can look it up, else a resend with the
// same key where that cannot duplicate) before anything else is sent; where neither is possible
// the target fails for a person to check, never resending blindly. Threads resume at the first
// unconfirmed part.

#include <functional>
#include <string>
#include <vector>

#include "smm/platform/client.hpp"
#include "smm/project/project.hpp"

namespace smm::post {

/// What happened to one target, for the result line.
struct Outcome {
  std::string post;
  std::string account;
  std::string state;  ///< published, failed, missed, held, unconfirmed
  std::string url;
  std::string message;  ///< the error, or why held or missed, or a note
  ErrorKind kind = ErrorKind::runtime;
};

/// Writes the post file (atomically); the state machine calls it at every step. `ahead` is true
/// for the write-ahead step before a request, which must be durable before anything is sent;
/// the others record what a later run could reconcile anyway.
using SavePost = std::function<Result<void>(const project::Post&, bool ahead)>;

struct Publishing {
  const project::Project* project = nullptr;
  platform::Client* client = nullptr;
  SavePost save;
  time::Instant now{};
};

/// The media of a post, probed (type, size, dimensions); not_found when a file is missing.
Result<std::vector<platform::Media>> load_media(const project::Project& project, const project::Post& post);

/// The parts a target sends: the thread parts of plan::render, then the first comment when the
/// post has one and the platform takes it. Keys and parents are filled in as it goes.
Result<std::vector<platform::Part>> parts_for(const project::Project& project, const project::Post& post,
                                              const std::string& account, const platform::Capabilities& caps);

/// Runs the state machine for `account` of `post` (changing post.publish and saving it).
Outcome publish_target(const Publishing& with, project::Post& post, const std::string& account);

/// Records `missed` for a target that is too late.
Outcome miss_target(const Publishing& with, project::Post& post, const std::string& account,
                    const std::string& reason);

}  // namespace smm::post
