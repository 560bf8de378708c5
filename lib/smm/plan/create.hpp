// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "smm/time/time.hpp"

namespace smm::plan {

/// Up to `max_words` lower-case ASCII words of `text` joined by '-' ("Launch day!" ->
/// "launch-day"); "post" when nothing usable remains.
std::string slugify(std::string_view text, std::size_t max_words = 5);

/// A new post id "yyyy-mm-dd-slug" for the local date of `day` in `zone`, with "-2", "-3", ...
/// appended while `taken` says the id exists.
std::string make_id(time::Instant day, const time::Zone& zone, std::string_view text,
                    const std::function<bool(const std::string&)>& taken);

}  // namespace smm::plan
