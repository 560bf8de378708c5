// SPDX-License-Identifier: MIT
#pragma once

#include <expected>
#include <string>

namespace smm {

/// What kind of failure happened; decides the process exit code (see exit_code_for()).
enum class ErrorKind {
  runtime,       ///< I/O, invalid project data, anything else at run time: exit 1
  usage,         ///< bad flags or arguments, --yes needed: exit 2
  audit_failed,  ///< audit found error-level findings: exit 3
  auth,          ///< credentials missing, rejected or expired: exit 4
  partial,       ///< some targets succeeded, some failed: exit 5
  not_found,     ///< a named thing does not exist: exit 1
  conflict,      ///< the thing already exists or changed under us: exit 1
  locked,        ///< another process holds the project lock: exit 75
  interrupted,   ///< SIGINT: exit 130
};

/// An anticipated failure. `location` is "file" or "file: /json/pointer" or "file:row 3";
/// `hint` says what to do about it. Both may be empty.
struct Error {
  ErrorKind kind = ErrorKind::runtime;
  std::string message;
  std::string hint;
  std::string location;
  /// Worth another try later (network failure, timeout, 5xx, 429): `post` keeps such a target
  /// due instead of needing --retry-failed.
  bool retryable = false;

  /// "location: message" or just the message.
  [[nodiscard]] std::string what() const;
};

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for building an unexpected Error.
inline std::unexpected<Error> fail(ErrorKind kind, std::string message, std::string hint = {},
                                   std::string location = {}) {
  return std::unexpected(Error{kind, std::move(message), std::move(hint), std::move(location)});
}

/// The documented process exit code for an error kind (README "Exit codes").
int exit_code_for(ErrorKind kind);

/// Exit codes that are not errors.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_runtime = 1;
inline constexpr int k_exit_usage = 2;

}  // namespace smm
