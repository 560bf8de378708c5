// SPDX-License-Identifier: MIT
#pragma once

// What every verb gets: the Context seams, the global flags, and the shared steps (find and load
// the project, pick the output format, print tables and problems).

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "smm/context.hpp"
#include "smm/output/table.hpp"
#include "smm/project/project.hpp"

namespace CLI {
class App;
}

namespace smm::cmd {

struct GlobalOptions {
  std::optional<std::string> project;
  std::string format;
  bool json = false;
  std::string output;
  bool quiet = false;
  bool debug = false;
  bool no_color = false;
  bool no_input = false;
  std::string now;
};

class Runtime {
 public:
  explicit Runtime(Context& context) : ctx(context) {}

  Context& ctx;
  GlobalOptions global;
  /// The chosen subcommand's work, set by its CLI11 callback and run after parsing.
  std::function<Result<int>()> action;

  [[nodiscard]] time::Instant now() const { return m_now; }
  /// Resolves --now/SMM_NOW; called once after parsing.
  Result<void> pin_clock();

  /// Finds and loads the project, printing (not failing on) problems with single files.
  Result<project::Project> load_project(const project::LoadOptions& options = {});
  /// The project root only.
  Result<std::filesystem::path> project_root();

  /// The output format from --format/--json/-o, else table on a TTY and tsv otherwise.
  [[nodiscard]] Result<output::Format> format(output::Format tty_default = output::Format::table) const;
  /// Renders a table to stdout or -o FILE (written atomically).
  Result<void> emit(const output::Table& table);
  /// Called with each slice of a table (every slice has the columns) by a SliceSource.
  using SliceSink = std::function<void(const output::Table&)>;
  /// Produces a table slice by slice into the sink it is given.
  using SliceSource = std::function<Result<void>(const SliceSink&)>;
  /// Renders a table that comes in slices: tsv, csv and jsonl are written slice by slice (to
  /// stdout as they come, or -o FILE at the end), so all rows never sit in memory at once; table
  /// and json gather the slices and emit() them.
  Result<void> emit_slices(const SliceSource& source);
  /// Writes finished text to stdout or -o FILE.
  Result<void> write_out(const std::string& text);

  /// Prints each problem as an error on stderr; returns how many there were.
  std::size_t report(const project::Problems& problems);
  /// Prints problems in files this command did not need, as warnings (they do not fail it).
  void report_unrelated(const project::Problems& problems);
  /// "smm: warning: ..." on stderr (not with --quiet).
  void warn(const std::string& message);
  /// A note for people: stderr, only on a TTY and not with --quiet.
  void note(const std::string& message);
  /// Builds the network stack for the verbs that go online: Retry(Debug(<ctx.make_transport>)),
  /// the debug layer only with --debug (logging to stderr, secrets redacted). Platform clients add
  /// their own auth layer on top. Empty when ctx has no network.
  [[nodiscard]] std::function<std::unique_ptr<http::Transport>()> transports();

  /// Exit code 1 when problems were reported, else 0.
  [[nodiscard]] int done(std::size_t problems) const { return problems > 0 ? 1 : 0; }

 private:
  time::Instant m_now{};
  std::mutex m_err_mutex;  ///< stderr from the network layer of concurrent workers
};

/// The error line(s) for an Error: "smm: error: ..." and "hint: ...".
std::string format_error(const Error& error, bool color);

/// The whole command line: global flags and every verb registered (root.cpp).
std::unique_ptr<CLI::App> make_app(Runtime& rt);

/// Registration functions, one per verb (cmd/<verb>/<verb>.cpp).
void register_init(CLI::App& app, Runtime& rt);
void register_account(CLI::App& app, Runtime& rt);
void register_plan(CLI::App& app, Runtime& rt);
void register_audit(CLI::App& app, Runtime& rt);
void register_post(CLI::App& app, Runtime& rt);
void register_report(CLI::App& app, Runtime& rt);
void register_inbox(CLI::App& app, Runtime& rt);
/// Subcommands in files of their own: cmd/report/pull.cpp, response.cpp, html.cpp; cmd/inbox/sync.cpp.
void add_report_pull(CLI::App* report, Runtime& rt);
void add_report_response(CLI::App* report, Runtime& rt);
void add_report_html(CLI::App* report, Runtime& rt);
void add_inbox_sync(CLI::App* inbox, Runtime& rt);

}  // namespace smm::cmd
