// SPDX-License-Identifier: MIT
#include "smm/error.hpp"

namespace smm {

std::string Error::what() const {
  if (location.empty()) {
    return message;
  }
  return location + ": " + message;
}

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return 2;
    case ErrorKind::audit_failed:
      return 3;
    case ErrorKind::auth:
      return 4;
    case ErrorKind::partial:
      return 5;
    case ErrorKind::locked:
      return 75;
    case ErrorKind::interrupted:
      return 130;
    case ErrorKind::runtime:
    case ErrorKind::not_found:
    case ErrorKind::conflict:
      return 1;
  }
  return 1;
}

}  // namespace smm
