// SPDX-License-Identifier: MIT
#pragma once

// The process's real stdin, stdout and stderr behind io::Streams. It lives in cmd/ because it is
// the one place that touches the terminal; everything in lib/ writes through io::Streams.

#include <optional>

#include "smm/io/streams.hpp"

namespace smm::cmd {

/// The process's real streams.
class SystemStreams final : public io::Streams {
 public:
  SystemStreams();
  std::ostream& out() override;
  std::ostream& err() override;
  std::istream& in() override;
  [[nodiscard]] bool out_is_tty() const override { return m_out_tty; }
  [[nodiscard]] bool err_is_tty() const override { return m_err_tty; }
  [[nodiscard]] bool in_is_tty() const override { return m_in_tty; }
  [[nodiscard]] int width() const override;
  void set_columns_hint(std::optional<int> columns) { m_columns = columns; }

 private:
  bool m_out_tty;
  bool m_err_tty;
  bool m_in_tty;
  std::optional<int> m_columns;
};

}  // namespace smm::cmd
