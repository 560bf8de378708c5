// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "smm/project/project.hpp"

namespace smm::plan {

struct Placement {
  std::string id;
  std::optional<time::Instant> from;  ///< where it was (none: not placed before)
  time::Instant to;
  std::string account;  ///< whose slots placed it
};

struct QueueResult {
  std::vector<Placement> moved;      ///< posts whose time changed (to be saved)
  std::vector<Placement> unchanged;  ///< queued posts already in their slot
  project::Problems problems;        ///< queued posts that could not be placed
};

/// Places every queued, unpublished post into the next free slot after `now`, in queue order
/// (created, then id). A post takes its first target's slots (else the project's) and a slot is
/// free when no other post to any of its targets is at that instant. Published posts and posts
/// pinned to a time (status scheduled) are never moved, and the result does not depend on the
/// previous placement, so running it twice changes nothing. Updates `project.posts` in place.
QueueResult queue(project::Project& project, time::Instant now);

}  // namespace smm::plan
