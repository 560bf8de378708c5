// SPDX-License-Identifier: MIT
#include "smm/io/streams.hpp"

#include <ostream>
#include <istream>

#include "smm/env.hpp"

namespace smm::io {

void Streams::configure_color(const Env& env, bool no_color_flag) {
  bool forbidden = no_color_flag || env.has("NO_COLOR") || env.get("TERM") == "dumb";
  bool forced = env.has("CLICOLOR_FORCE") && env.get("CLICOLOR_FORCE") != "0";
  m_color_out = !forbidden && (forced || out_is_tty());
  m_color_err = !forbidden && (forced || err_is_tty());
}

std::optional<std::string> Streams::prompt(std::string_view question) {
  if (!can_prompt()) {
    return std::nullopt;
  }
  err() << question << std::flush;
  std::string line;
  if (!std::getline(in(), line)) {
    return std::nullopt;
  }
  return line;
}

bool Streams::confirm(std::string_view question) {
  auto answer = prompt(std::string(question) + " [y/N] ");
  return answer && (*answer == "y" || *answer == "Y" || *answer == "yes");
}

std::string Streams::paint(std::string_view text, std::string_view sgr) const {
  if (!m_color_out) {
    return std::string(text);
  }
  return "\x1b[" + std::string(sgr) + "m" + std::string(text) + "\x1b[0m";
}

Progress::Progress(Streams& io, bool allowed, std::string label, std::size_t total)
    : m_io(io),
      m_enabled(allowed && io.err_is_tty()),
      m_label(std::move(label)),
      m_total(total),
      m_start(std::chrono::steady_clock::now()),
      m_last(m_start) {}

Progress::~Progress() { finish(); }

void Progress::tick(std::size_t done) {
  if (!m_enabled) {
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (now - m_start < std::chrono::milliseconds(100) || now - m_last < std::chrono::milliseconds(50)) {
    return;
  }
  m_last = now;
  m_shown = true;
  m_io.err() << "\r\x1b[2K" << m_label << " " << done << "/" << m_total << std::flush;
}

void Progress::finish() {
  if (m_shown) {
    m_io.err() << "\r\x1b[2K" << std::flush;
    m_shown = false;
  }
}

}  // namespace smm::io
