// SPDX-License-Identifier: MIT
#include "smm/env.hpp"

extern char** environ;  // NOLINT: POSIX

namespace smm {

Env Env::from_process() {
  std::map<std::string, std::string> vars;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) {
      vars.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
  }
  return Env(std::move(vars));
}

std::optional<std::string> Env::get(const std::string& name) const {
  auto it = m_vars.find(name);
  if (it == m_vars.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool Env::has(const std::string& name) const {
  auto it = m_vars.find(name);
  return it != m_vars.end() && !it->second.empty();
}

}  // namespace smm
