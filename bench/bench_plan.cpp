// SPDX-License-Identifier: MIT
// smm_bench [--n N] [--runs R] [--seed S] [--dir DIR] [--smm PATH] [--gen PATH] [--queue-copy]: times the
// read-mostly `plan` verbs and `smm --version` over a generated project of N posts and prints a
// table of wall times (median, min) and peak RSS. Figures, not a pass/fail test.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

/// The clock every command sees, so runs are comparable and reproducible.
constexpr const char* k_now = "2026-12-01T08:00:00Z";

struct Options {
  std::size_t n = 100000;
  int runs = 5;
  std::string seed = "1";
  fs::path dir;
  std::string smm = SMM_BENCH_SMM;
  std::string gen = SMM_BENCH_GEN;
  bool queue_copy = false;  ///< also time a real `plan queue` on a copy of the project
};

struct Run {
  double ms = 0;
  double cpu_ms = 0;  ///< user + system time: less disturbed than wall time on a busy machine
  long max_rss_kb = 0;
  int exit_code = 0;
};

struct Figures {
  std::string label;
  std::vector<Run> runs;
  std::string error;  ///< first stderr line of a failing run
};

/// The environment of this process with SMM_NOW pinned and the project named.
std::vector<std::string> child_env(const fs::path& project) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view var = *e;
    if (!var.starts_with("SMM_NOW=") && !var.starts_with("SMM_PROJECT=")) {
      env.emplace_back(var);
    }
  }
  env.push_back(std::string("SMM_NOW=") + k_now);
  env.push_back("SMM_PROJECT=" + project.string());
  return env;
}

/// Spawns argv with stdout to /dev/null and stderr to `err_path` (empty: inherited); waits and measures.
Run spawn_and_wait(const std::vector<std::string>& argv, const std::vector<std::string>& env, const fs::path& err_path) {
  std::vector<char*> cargv;
  for (const auto& a : argv) {
    cargv.push_back(const_cast<char*>(a.c_str()));
  }
  cargv.push_back(nullptr);
  std::vector<char*> cenv;
  for (const auto& e : env) {
    cenv.push_back(const_cast<char*>(e.c_str()));
  }
  cenv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  if (!err_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  Run run;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::cerr << "smm_bench: cannot run " << argv[0] << ": " << std::strerror(rc) << "\n";
    std::exit(1);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  run.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  run.max_rss_kb = usage.ru_maxrss;
  auto tv_ms = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) * 1000 + static_cast<double>(tv.tv_usec) / 1000; };
  run.cpu_ms = tv_ms(usage.ru_utime) + tv_ms(usage.ru_stime);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

/// Runs `args` (after the smm binary) `runs` times; `before` runs untimed before each run.
Figures measure(const Options& o, const std::string& label, const std::vector<std::string>& args, int runs,
                const std::function<void()>& before = {}) {
  std::vector<std::string> argv{o.smm};
  argv.insert(argv.end(), args.begin(), args.end());
  auto env = child_env(o.dir);
  fs::path err = fs::temp_directory_path() / ("smm-bench-stderr-" + std::to_string(::getpid()));
  Figures f{label, {}, {}};
  for (int i = 0; i < runs; ++i) {
    if (before) {
      before();
    }
    f.runs.push_back(spawn_and_wait(argv, env, err));
    if (f.runs.back().exit_code != 0 && f.error.empty()) {
      f.error = first_line(err);
    }
  }
  fs::remove(err);
  std::cerr << "  " << label << "\n";
  return f;
}

/// Reads every file of the project once so the timed runs see a warm page cache.
std::uintmax_t warm_cache(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  std::vector<char> buf(1 << 16);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    for (ssize_t n = 0; fd >= 0 && (n = ::read(fd, buf.data(), buf.size())) > 0;) {
      bytes += static_cast<std::uintmax_t>(n);
    }
    if (fd >= 0) {
      ::close(fd);
    }
  }
  return bytes;
}

/// Generates the project unless `dir` already holds one made with the same N and seed.
void ensure_project(const Options& o) {
  fs::path marker = o.dir / ".smm-bench";
  std::string want = std::to_string(o.n) + " " + o.seed;
  if (fs::exists(marker) && first_line(marker) == want) {
    std::cerr << "reusing " << o.dir.string() << "\n";
    return;
  }
  fs::remove_all(o.dir);
  std::cerr << "generating " << o.n << " posts in " << o.dir.string() << "\n";
  auto start = std::chrono::steady_clock::now();
  auto r = spawn_and_wait({o.gen, o.dir.string(), std::to_string(o.n), "--seed", o.seed}, child_env(o.dir), {});
  if (r.exit_code != 0) {
    std::cerr << "smm_bench: " << o.gen << " failed\n";
    std::exit(1);
  }
  std::cerr << "  took " << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
  std::ofstream(marker) << want << "\n";
}

/// Removes the caches under .smm/ (keeps the lock file).
void drop_caches(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / ".smm", ec)) {
    if (entry.path().filename() != "lock") {
      fs::remove_all(entry.path(), ec);
    }
  }
}

bool has_caches(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / ".smm", ec)) {
    if (entry.path().filename() != "lock") {
      return true;
    }
  }
  return false;
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

std::string time_text(double ms) { return ms < 100 ? fixed(ms, 1) + " ms" : fixed(ms / 1000, 3) + " s"; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// One line per command; "CPU" is the median user + system time.
void print_table(const std::vector<Figures>& all) {
  std::printf("%-46s %4s %10s %10s %10s %10s %5s\n", "command", "runs", "median", "min", "CPU", "peak RSS", "exit");
  for (const auto& f : all) {
    std::vector<double> ms;
    std::vector<double> cpu;
    long rss = 0;
    int exit_code = 0;
    for (const auto& r : f.runs) {
      ms.push_back(r.ms);
      cpu.push_back(r.cpu_ms);
      rss = std::max(rss, r.max_rss_kb);
      exit_code = std::max(exit_code, r.exit_code);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-46s %4zu %10s %10s %10s %7.1f MB %5d\n", f.label.c_str(), ms.size(), time_text(median(ms)).c_str(),
                time_text(ms.front()).c_str(), time_text(median(cpu)).c_str(), static_cast<double>(rss) / 1024,
                exit_code);
  }
  for (const auto& f : all) {
    if (!f.error.empty()) {
      std::printf("note: %s: %s\n", f.label.c_str(), f.error.c_str());
    }
  }
}

[[noreturn]] void usage() {
  std::cerr << "usage: smm_bench [--n N] [--runs R] [--seed S] [--dir DIR] [--smm PATH] [--gen PATH] [--queue-copy]\n";
  std::exit(2);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--queue-copy") {
      o.queue_copy = true;
      continue;
    }
    if (i + 1 >= argc) {
      usage();
    }
    std::string value = argv[++i];
    if (flag == "--n") {
      o.n = std::stoul(value);
    } else if (flag == "--runs") {
      o.runs = std::max(1, std::stoi(value));
    } else if (flag == "--seed") {
      o.seed = value;
    } else if (flag == "--dir") {
      o.dir = value;
    } else if (flag == "--smm") {
      o.smm = value;
    } else if (flag == "--gen") {
      o.gen = value;
    } else {
      usage();
    }
  }
  if (o.dir.empty()) {
    o.dir = fs::temp_directory_path() / ("smm-bench-" + std::to_string(o.n) + "-" + o.seed);
  }
  o.dir = fs::absolute(o.dir);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse_args(argc, argv);
  ensure_project(o);
  std::uintmax_t bytes = warm_cache(o.dir);
  std::cerr << "project: " << o.n << " posts, " << bytes / (1024 * 1024) << " MB; " << std::thread::hardware_concurrency()
            << " cores; smm: " << o.smm << "\n";
  std::vector<Figures> all;
  all.push_back(measure(o, "smm --version", {"--version"}, std::max(o.runs, 20)));
  const std::vector<std::string> list{"plan", "list", "--format", "tsv"};
  measure(o, "(warm-up)", list, 1);
  all.push_back(measure(o, "smm plan list --format tsv", list, o.runs));
  all.push_back(measure(o, "smm plan list --all --format tsv", {"plan", "list", "--all", "--format", "tsv"}, o.runs));
  all.push_back(measure(o, "smm plan export", {"plan", "export"}, o.runs));
  all.push_back(measure(o, "smm plan queue --dry-run", {"plan", "queue", "--dry-run"}, o.runs));
  // audit exits 3 when it finds errors, which the generated project has on purpose.
  all.push_back(measure(o, "smm audit", {"audit"}, o.runs));
  if (has_caches(o.dir)) {
    all.push_back(measure(o, "smm plan list --format tsv (cold .smm cache)", list, o.runs, [&] { drop_caches(o.dir); }));
    measure(o, "(warm-up)", list, 1);
  }
  // The real queue rewrites the posts it moves, so each run gets a fresh copy (untimed, but slow:
  // 100,000 files), hence opt-in.
  if (!o.queue_copy) {
    print_table(all);
    return 0;
  }
  fs::path copy = o.dir.string() + "-queue";
  Options on_copy = o;
  on_copy.dir = copy;
  all.push_back(measure(on_copy, "smm plan queue (on a fresh copy)", {"plan", "queue"}, 1, [&] {
    fs::remove_all(copy);
    fs::copy(o.dir, copy, fs::copy_options::recursive);
    warm_cache(copy);
  }));
  fs::remove_all(copy);
  print_table(all);
  return 0;
}
