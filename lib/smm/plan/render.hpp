// SPDX-License-Identifier: MIT
#pragma once

// What each target of a post will receive: the final text (its variant or the main text),
// split into thread parts that fit the target's limit, each part's counted length.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "smm/project/project.hpp"

namespace smm::plan {

struct Part {
  std::string text;
  std::size_t length = 0;  ///< in the target's unit (TargetRender::unit)
  std::size_t bytes = 0;   ///< UTF-8 bytes
  bool over = false;       ///< over the length limit or the byte limit
};

struct TargetRender {
  std::string account;
  std::string platform;
  std::vector<Part> parts;
  int limit = 0;       ///< per-part limit (the caption limit when the post has media), 0 = none
  std::size_t byte_limit = 0;  ///< per-part UTF-8 byte limit (Bluesky), 0 = none
  const char* unit = "";       ///< text::unit_name() of `length`: "" for code points, "weighted", ...
  bool over = false;   ///< some part is over a limit (thread splitting off, or no room)
  std::string state;   ///< publish state: "" (not yet), sending, published, failed, missed
  std::string url;
  bool paused = false; ///< the project or this account is paused: `post` will not publish it
  time::Zone zone;     ///< the target account's zone
};

/// Renders every target of `post`, split and counted the way each target's platform counts
/// (text::limits_for; the account's "limits" override the default; unknown accounts render with
/// no limit, counting code points).
std::vector<TargetRender> render(const project::Project& project, const project::Post& post);

/// "sha256:<hex>" over the rendered payloads (targets, parts, media and alt text, first
/// comment). The time is left out, so re-queueing keeps an approval; any content change breaks it.
std::string payload_hash(const project::Project& project, const project::Post& post);

}  // namespace smm::plan
