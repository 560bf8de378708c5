// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>

namespace smm {

/// A read-only snapshot of the environment. The real one is taken from `environ` once in main;
/// tests build their own, so nothing in lib/ calls getenv().
class Env {
 public:
  Env() = default;
  explicit Env(std::map<std::string, std::string> vars) : m_vars(std::move(vars)) {}

  /// The process environment.
  static Env from_process();

  /// The value of `name`, or nullopt when unset. An empty value is returned as empty.
  [[nodiscard]] std::optional<std::string> get(const std::string& name) const;
  /// True when `name` is set to a non-empty value.
  [[nodiscard]] bool has(const std::string& name) const;
  void set(const std::string& name, std::string value) { m_vars[name] = std::move(value); }

 private:
  std::map<std::string, std::string> m_vars;
};

}  // namespace smm
