// SPDX-License-Identifier: MIT
#pragma once

// Why this seam exists: commands decide colour, tables, prompts and progress from whether each
// stream is a terminal. The real implementation (cmd/system_streams.hpp) wraps the process's stdin,
// stdout and stderr; TestStreams (test_streams.hpp) captures them in memory with TTY-ness set by
// the test, so every command is testable with TTY on and off.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace smm {
class Env;
}

namespace smm::io {

class Streams {
 public:
  virtual ~Streams() = default;

  virtual std::ostream& out() = 0;
  virtual std::ostream& err() = 0;
  virtual std::istream& in() = 0;

  [[nodiscard]] virtual bool out_is_tty() const = 0;
  [[nodiscard]] virtual bool err_is_tty() const = 0;
  [[nodiscard]] virtual bool in_is_tty() const = 0;
  /// Terminal width of stdout in columns ($COLUMNS, then the terminal, else 80).
  [[nodiscard]] virtual int width() const = 0;

  /// Applies the colour rules: colour only on a TTY, never with NO_COLOR, TERM=dumb or
  /// --no-color; CLICOLOR_FORCE forces it.
  void configure_color(const Env& env, bool no_color_flag);
  [[nodiscard]] bool color_out() const { return m_color_out; }
  [[nodiscard]] bool color_err() const { return m_color_err; }

  /// When false (--no-input), prompts never read and return nullopt.
  void set_input_allowed(bool allowed) { m_input_allowed = allowed; }
  /// True when a question may be asked: stdin and stderr are terminals and input is allowed.
  [[nodiscard]] bool can_prompt() const { return m_input_allowed && in_is_tty() && err_is_tty(); }
  /// Asks on stderr, reads one line from stdin. nullopt when prompting is impossible or at EOF.
  std::optional<std::string> prompt(std::string_view question);
  /// Asks a yes/no question (default no). False when prompting is impossible.
  bool confirm(std::string_view question);

  /// Wraps `text` in an SGR colour when colour is on for stdout.
  [[nodiscard]] std::string paint(std::string_view text, std::string_view sgr) const;

 private:
  bool m_color_out = false;
  bool m_color_err = false;
  bool m_input_allowed = true;
};

/// A progress line on stderr: shown only when stderr is a TTY and progress is allowed, and only
/// once the work has lasted 100 ms. Cleared on finish() or destruction.
class Progress {
 public:
  Progress(Streams& io, bool allowed, std::string label, std::size_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void tick(std::size_t done);
  /// Also updates the total (when it was not known at the start).
  void tick(std::size_t done, std::size_t total) {
    m_total = total;
    tick(done);
  }
  void finish();

 private:
  Streams& m_io;
  bool m_enabled;
  bool m_shown = false;
  std::string m_label;
  std::size_t m_total;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last;
};

}  // namespace smm::io
