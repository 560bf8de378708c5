// SPDX-License-Identifier: MIT
#pragma once

// The rule families the engine runs, one file each. Each appends findings with the rule's
// default severity; the engine applies the configured one.

#include "smm/audit/audit.hpp"

namespace smm::audit {

void check_text(const Input& input, Findings& out);         ///< rules_text.cpp: limits, brand, empty-post
void check_duplicates(const Input& input, Findings& out);   ///< rules_text.cpp: duplicate-text
void check_schedule(const Input& input, Findings& out);     ///< rules_schedule.cpp
void check_media(const Input& input, Findings& out);        ///< rules_media.cpp
void check_credentials(const Input& input, Findings& out);  ///< rules_credentials.cpp
void check_links(const Input& input, Findings& out);        ///< rules_links.cpp (only with a transport)

/// A finding of `rule` at its default severity, located in a post file.
Finding post_finding(const std::string& rule, const project::Post& post, std::string pointer, std::string message,
                     std::string hint = {});

/// True when `post` is selected by Input::only.
bool selected(const Input& input, const project::Post& post);

/// Calls `check` for each selected post on every core: threads take chunks of posts as they
/// become free, and the chunks' findings are appended to `out` in post order, so the result
/// depends neither on the number of threads nor on their timing. An exception thrown by `check`
/// is rethrown here once every thread has stopped.
void for_each_post(const Input& input, const std::function<void(const project::Post&, Findings&)>& check, Findings& out);

/// Where the text `account` receives lives: "/variants/<account>" or "/text".
std::string text_pointer(const project::Post& post, const std::string& account);

/// True when `post` has been published to `account` (nothing left to check there).
bool target_published(const project::Post& post, const std::string& account);

/// The 1-based line of JSON pointer `pointer` in `text`, a JSON document as smm writes it (one
/// member or array item per line, children indented deeper than their parent); locate.cpp. The
/// deepest line found when the pointer cannot be followed to its end; 1 for "" or no match.
int pointer_line(std::string_view text, std::string_view pointer);

}  // namespace smm::audit
