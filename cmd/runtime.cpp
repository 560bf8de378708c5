// SPDX-License-Identifier: MIT
#include "cmd/runtime.hpp"

#include <chrono>
#include <ostream>
#include <sstream>
#include <thread>

#include "smm/http/debug.hpp"
#include "smm/http/retry.hpp"
#include "smm/project/files.hpp"

namespace smm::cmd {

std::string format_error(const Error& error, bool color) {
  std::string head = color ? "\x1b[1;31msmm: error:\x1b[0m " : "smm: error: ";
  std::string out = head + error.what() + "\n";
  if (!error.hint.empty()) {
    out += (color ? "\x1b[2mhint:\x1b[0m " : "hint: ") + error.hint + "\n";
  }
  return out;
}

Result<void> Runtime::pin_clock() {
  std::string text = global.now;
  if (text.empty()) {
    text = ctx.env.get("SMM_NOW").value_or("");
  }
  auto real = ctx.now();
  if (text.empty()) {
    m_now = real;
    return {};
  }
  auto pinned = time::parse_when(text, real, time::utc());
  if (!pinned) {
    Error e = pinned.error();
    e.location = global.now.empty() ? "SMM_NOW" : "--now";
    return std::unexpected(e);
  }
  m_now = *pinned;
  return {};
}

Result<std::filesystem::path> Runtime::project_root() { return project::find_root(ctx, global.project); }

Result<project::Project> Runtime::load_project(const project::LoadOptions& options) {
  auto root = project_root();
  if (!root) {
    return std::unexpected(root.error());
  }
  auto started = std::chrono::steady_clock::now();
  auto fmt = format();
  io::Progress progress(ctx.io, !global.quiet && fmt && *fmt == output::Format::table, "loading posts", 0);
  project::LoadOptions with_progress = options;
  with_progress.progress = [&progress](std::size_t done, std::size_t total) { progress.tick(done, total); };
  auto loaded = project::load(*root, with_progress);
  progress.finish();
  if (loaded && global.debug) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    ctx.io.err() << "smm: debug: loaded " << loaded->posts.size() << " posts, " << loaded->accounts.size()
                 << " accounts, " << loaded->problems.size() << " problems from " << root->string() << " in "
                 << ms.count() << " ms\n";
  }
  return loaded;
}

Result<output::Format> Runtime::format(output::Format tty_default) const {
  if (!global.format.empty()) {
    return output::parse_format(global.format);
  }
  if (global.json) {
    return output::Format::json;
  }
  if (!global.output.empty() && global.output != "-") {
    if (auto f = output::format_for_path(global.output)) {
      return *f;
    }
    return output::Format::tsv;
  }
  return ctx.io.out_is_tty() ? tty_default : output::Format::tsv;
}

Result<void> Runtime::emit(const output::Table& table) {
  auto fmt = format();
  if (!fmt) {
    return std::unexpected(fmt.error());
  }
  bool to_file = !global.output.empty() && global.output != "-";
  output::RenderOptions options{.format = *fmt,
                                .color = !to_file && ctx.io.color_out(),
                                .width = to_file ? 1 << 20 : ctx.io.width(),
                                .relative_times = !to_file && ctx.io.out_is_tty(),
                                .now = m_now,
                                .header = true};
  if (!to_file && table.rows.empty() && ctx.io.err_is_tty() && !global.quiet) {
    note("nothing to show");
  }
  if (!to_file) {  // straight to stdout: a 100,000-row listing never sits in memory twice
    output::render(ctx.io.out(), table, options);
    ctx.io.out() << std::flush;
    return {};
  }
  std::ostringstream out;
  output::render(out, table, options);
  return write_out(out.str());
}

Result<void> Runtime::emit_slices(const SliceSource& source) {
  auto fmt = format();
  if (!fmt) {
    return std::unexpected(fmt.error());
  }
  if (*fmt == output::Format::table || *fmt == output::Format::json) {
    output::Table all;
    auto ok = source([&all](const output::Table& slice) {
      all.columns = slice.columns;
      all.rows.insert(all.rows.end(), slice.rows.begin(), slice.rows.end());
    });
    return ok ? emit(all) : ok;
  }
  bool to_file = !global.output.empty() && global.output != "-";
  output::RenderOptions options{.format = *fmt,
                                .color = !to_file && ctx.io.color_out(),
                                .width = 1 << 20,
                                .relative_times = false,
                                .now = m_now,
                                .header = true};
  std::ostringstream file_text;
  std::ostream& out = to_file ? static_cast<std::ostream&>(file_text) : ctx.io.out();
  auto ok = source([&](const output::Table& slice) {
    output::render(out, slice, options);
    // Empty slices write nothing, so the header goes with the first rows.
    options.header = options.header && slice.rows.empty();
  });
  if (!ok) {
    return ok;
  }
  if (to_file) {
    return write_out(file_text.str());
  }
  if (options.header && ctx.io.err_is_tty() && !global.quiet) {
    note("nothing to show");
  }
  ctx.io.out() << std::flush;
  return {};
}

Result<void> Runtime::write_out(const std::string& text) {
  if (global.output.empty() || global.output == "-") {
    ctx.io.out() << text << std::flush;
    return {};
  }
  std::filesystem::path path = global.output;
  return project::write_file_atomic(path.is_absolute() ? path : ctx.cwd / path, text);
}

std::size_t Runtime::report(const project::Problems& problems) {
  for (const auto& p : problems) {
    ctx.io.err() << format_error(p, ctx.io.color_err());
  }
  return problems.size();
}

void Runtime::report_unrelated(const project::Problems& problems) {
  for (const auto& p : problems) {
    warn(p.what() + (p.hint.empty() ? "" : " (" + p.hint + ")"));
  }
}

std::function<std::unique_ptr<http::Transport>()> Runtime::transports() {
  if (!ctx.make_transport) {
    return {};
  }
  return [this] {
    std::unique_ptr<http::Transport> transport = ctx.make_transport();
    if (global.debug) {
      transport = std::make_unique<http::DebugTransport>(std::move(transport), [this](std::string_view block) {
        std::lock_guard lock(m_err_mutex);
        ctx.io.err() << block << std::flush;
      });
    }
    http::RetryHooks hooks;  // real clocks: a server's Retry-After is real time, whatever --now says
    hooks.sleep = [this](std::chrono::milliseconds wait) {
      if (wait >= std::chrono::seconds(2)) {
        std::lock_guard lock(m_err_mutex);
        note("smm: the server asked to wait; trying again in " + std::to_string((wait.count() + 999) / 1000) + " s");
      }
      std::this_thread::sleep_for(wait);
    };
    return std::make_unique<http::RetryTransport>(std::move(transport), http::RetryPolicy{}, std::move(hooks));
  };
}

void Runtime::warn(const std::string& message) {
  if (!global.quiet) {
    ctx.io.err() << (ctx.io.color_err() ? "\x1b[33msmm: warning:\x1b[0m " : "smm: warning: ") << message << "\n";
  }
}

void Runtime::note(const std::string& message) {
  if (!global.quiet && ctx.io.err_is_tty()) {
    ctx.io.err() << message << "\n";
  }
}

}  // namespace smm::cmd
