// SPDX-License-Identifier: MIT
#pragma once

// The top-level domains that make a bare "example.com" a URL (twitter-text's list). Internal to
// lib/smm/text: used by extract.cpp.

#include <cstddef>
#include <string_view>

namespace smm::text {

/// Whether `label` (UTF-8, ASCII letters in any case) is a valid top-level domain.
bool is_tld(std::string_view label);

/// Whether `label` is a country-code top-level domain ("uk", "jp", "рф").
bool is_country_tld(std::string_view label);

}  // namespace smm::text
