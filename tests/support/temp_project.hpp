// SPDX-License-Identifier: MIT
#pragma once

// A fresh project in a temporary directory, removed afterwards, and a way to run smm commands
// in process against it with TestStreams, a pinned clock and a clean environment.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cmd/root.hpp"
#include "smm/http/http.hpp"
#include "smm/io/test_streams.hpp"
#include "smm/project/files.hpp"
#include "smm/project/init.hpp"
#include "smm/project/project.hpp"
#include "support/catch.hpp"

namespace smm::test {

/// 2026-11-23T10:00:00Z, a Monday: the clock every test pins.
inline time::Instant fixed_now() { return *time::parse_rfc3339("2026-11-23T10:00:00Z"); }

/// What a command did.
struct Ran {
  int code = 0;
  std::string out;
  std::string err;
};

/// How a command is run: TTY or not, stdin, extra environment.
struct RunOptions {
  bool tty = false;
  std::string input;
  std::map<std::string, std::string> env;
  int width = 80;
  /// The network for commands that go online (none by default).
  std::function<std::unique_ptr<http::Transport>()> transport;
};

class TempProject {
 public:
  /// A project (zone Europe/Paris, account feed) in a new temporary directory; `init` false
  /// leaves the directory empty.
  explicit TempProject(bool init = true, bool example_post = false) {
    std::string templ = (std::filesystem::temp_directory_path() / "smm-test-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    m_dir = templ;
    if (init) {
      project::InitOptions options;
      options.name = "demo";
      options.zone = "Europe/Paris";
      options.example_post = example_post;
      REQUIRE(project::init(m_dir, options, fixed_now()).has_value());
    }
  }
  ~TempProject() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }

  /// Runs `smm ARGS` in the project directory with the clock pinned.
  Ran run(const std::vector<std::string>& args, const RunOptions& options = {}) const {
    io::TestStreams io(options.tty, options.width);
    io.set_input(options.input);
    std::map<std::string, std::string> vars = {{"SMM_NOW", "2026-11-23T10:00:00Z"}};
    vars.insert(options.env.begin(), options.env.end());
    Context ctx{io, [] { return fixed_now(); }, m_dir, Env(vars), options.transport};
    int code = cmd::run(args, ctx);
    return {code, io.out_text(), io.err_text()};
  }

  void add_account(const std::string& name, const std::string& platform, const std::string& zone = "") const {
    project::Account a;
    a.name = name;
    a.platform = platform;
    a.zone = zone;
    REQUIRE(project::save_account(m_dir, a).has_value());
  }
  void write(const std::string& rel, const std::string& bytes) const {
    std::ofstream(m_dir / rel, std::ios::binary) << bytes;
  }
  [[nodiscard]] std::string read(const std::string& rel) const {
    return project::read_file(m_dir / rel).value_or("<missing>");
  }
  void save(const project::Post& post) const { REQUIRE(project::save_post(m_dir, post).has_value()); }

  /// Every file under posts/, name -> bytes.
  [[nodiscard]] std::map<std::string, std::string> posts() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir / "posts")) {
      out[entry.path().filename().string()] = read("posts/" + entry.path().filename().string());
    }
    return out;
  }

 private:
  std::filesystem::path m_dir;
};

}  // namespace smm::test
