// SPDX-License-Identifier: MIT
#pragma once

#include <sstream>

#include "smm/io/streams.hpp"

namespace smm::io {

/// In-memory streams for tests: stdout/stderr captured, stdin scripted, TTY-ness and width set
/// by the test. Fake counterpart of cmd::SystemStreams.
class TestStreams final : public Streams {
 public:
  explicit TestStreams(bool tty = false, int width = 80) : m_out_tty(tty), m_err_tty(tty), m_in_tty(tty), m_width(width) {}

  std::ostream& out() override { return m_out; }
  std::ostream& err() override { return m_err; }
  std::istream& in() override { return m_in; }
  [[nodiscard]] bool out_is_tty() const override { return m_out_tty; }
  [[nodiscard]] bool err_is_tty() const override { return m_err_tty; }
  [[nodiscard]] bool in_is_tty() const override { return m_in_tty; }
  [[nodiscard]] int width() const override { return m_width; }

  void set_input(const std::string& text) { m_in.str(text); m_in.clear(); }
  [[nodiscard]] std::string out_text() const { return m_out.str(); }
  [[nodiscard]] std::string err_text() const { return m_err.str(); }

 private:
  std::ostringstream m_out;
  std::ostringstream m_err;
  std::istringstream m_in;
  bool m_out_tty;
  bool m_err_tty;
  bool m_in_tty;
  int m_width;
};

}  // namespace smm::io
