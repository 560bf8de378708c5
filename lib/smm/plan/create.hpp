// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "smm/time/time.hpp"

namespace smm::project {
struct Project;
}

namespace smm::plan {

/// Hands out `created` stamps for new posts: `now`, or one second after the newest stamp in the
/// project (or handed out before) when that is not earlier. Posts added within one second so keep
/// the order they were added in, which is the queue's order.
class CreatedClock {
 public:
  CreatedClock(const project::Project& project, time::Instant now);
  /// The next stamp, strictly after every earlier one.
  time::Instant next();

 private:
  time::Instant m_next;
};

/// Up to `max_words` lower-case ASCII words of `text` joined by '-' ("Launch day!" ->
/// "launch-day"); "post" when nothing usable remains.
std::string slugify(std::string_view text, std::size_t max_words = 5);

/// A new post id "yyyy-mm-dd-slug" for the local date of `day` in `zone`, with "-2", "-3", ...
/// appended while `taken` says the id exists.
std::string make_id(time::Instant day, const time::Zone& zone, std::string_view text,
                    const std::function<bool(const std::string&)>& taken);

}  // namespace smm::plan
