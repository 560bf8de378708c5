// SPDX-License-Identifier: MIT
#include "smm/plan/create.hpp"

#include "smm/project/project.hpp"

namespace smm::plan {

std::string slugify(std::string_view text, std::size_t max_words) {
  std::string slug;
  std::size_t words = 0;
  bool in_word = false;
  for (char raw : text) {
    char c = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (!in_word) {
        if (words == max_words) {
          break;
        }
        slug += slug.empty() ? "" : "-";
        ++words;
      }
      slug += c;
      in_word = true;
    } else if (c != '\'') {
      in_word = false;
    }
    if (slug.size() >= 48) {
      break;
    }
  }
  while (!slug.empty() && slug.back() == '-') {
    slug.pop_back();
  }
  return slug.empty() ? "post" : slug;
}

CreatedClock::CreatedClock(const project::Project& project, time::Instant now) : m_next(now) {
  for (const auto& p : project.posts) {
    if (p.created.empty()) {
      continue;
    }
    if (auto at = time::parse_rfc3339(p.created); at && *at >= m_next) {
      m_next = *at + std::chrono::seconds(1);
    }
  }
}

time::Instant CreatedClock::next() {
  time::Instant out = m_next;
  m_next += std::chrono::seconds(1);
  return out;
}

std::string make_id(time::Instant day, const time::Zone& zone, std::string_view text,
                    const std::function<bool(const std::string&)>& taken) {
  std::string base = time::format_rfc3339(day, zone).substr(0, 10) + "-" + slugify(text);
  std::string id = base;
  for (int n = 2; taken(id); ++n) {
    id = base + "-" + std::to_string(n);
  }
  return id;
}

}  // namespace smm::plan
