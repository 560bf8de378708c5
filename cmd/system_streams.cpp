// SPDX-License-Identifier: MIT
#include "cmd/system_streams.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>

namespace smm::cmd {

SystemStreams::SystemStreams()
    : m_out_tty(::isatty(STDOUT_FILENO) == 1),
      m_err_tty(::isatty(STDERR_FILENO) == 1),
      m_in_tty(::isatty(STDIN_FILENO) == 1) {}

std::ostream& SystemStreams::out() { return std::cout; }
std::ostream& SystemStreams::err() { return std::cerr; }
std::istream& SystemStreams::in() { return std::cin; }

int SystemStreams::width() const {
  if (m_columns && *m_columns > 0) {
    return *m_columns;
  }
  winsize ws{};
  if (m_out_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

}  // namespace smm::cmd
