// SPDX-License-Identifier: MIT
// smm_bench_post: publishes N due posts (default 1,000) to a loopback webhook server that answers
// each request after 50 ms, and prints the wall time, CPU time and peak memory of `smm post`
// (default --jobs), checking that the server received every post exactly once.
//   smm_bench_post [--smm PATH] [--n N] [--delay-ms MS] [--jobs N]
#include <httplib.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string smm = SMM_BENCH_SMM;
  int n = 1000;
  int delay_ms = 50;
  std::string jobs;
};

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

fs::path make_project(const Options& o, const std::string& url) {
  fs::path dir = fs::temp_directory_path() / ("smm-bench-post-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write(dir / "smm.json", R"({"schema_version": 1, "name": "bench", "zone": "UTC"})" "\n");
  write(dir / "accounts/hook.json", R"({"platform": "webhook", "template": {"content": "{text}"}})" "\n");
  write(dir / "creds.json", R"({"schema_version": 1, "accounts": {"webhook:hook": {"platform": "webhook", "url": ")" + url + "\"}}}\n");
  fs::permissions(dir / "creds.json", fs::perms::owner_read | fs::perms::owner_write);
  for (int i = 0; i < o.n; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "2026-11-23-bench-%05d", i);
    write(dir / "posts" / (std::string(id) + ".json"),
          R"({"status": "scheduled", "at": "2026-11-23T09:59:00+00:00", "targets": ["hook"], "text": "Bench post )" +
              std::to_string(i) + "\"}\n");
  }
  return dir;
}

struct Run {
  double ms = 0;
  double cpu_ms = 0;
  long max_rss_kb = 0;
  int exit_code = 0;
};

Run run_smm(const Options& o, const fs::path& dir) {
  std::vector<std::string> args{o.smm, "-C", dir.string(), "post"};
  if (!o.jobs.empty()) {
    args.insert(args.end(), {"--jobs", o.jobs});
  }
  std::vector<std::string> env{"SMM_NOW=2026-11-23T10:00:00Z", "SMM_CREDENTIALS=" + (dir / "creds.json").string(),
                               "HOME=" + dir.string(), "PATH=/usr/bin:/bin"};
  std::vector<char*> cargs;
  std::vector<char*> cenv;
  for (auto& a : args) {
    cargs.push_back(a.data());
  }
  for (auto& e : env) {
    cenv.push_back(e.data());
  }
  cargs.push_back(nullptr);
  cenv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, cargs[0], &actions, nullptr, cargs.data(), cenv.data()) != 0) {
    std::cerr << "smm_bench_post: cannot run " << o.smm << "\n";
    std::exit(1);
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Run r;
  r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto tv = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_usec) / 1000; };
  r.cpu_ms = tv(usage.ru_utime) + tv(usage.ru_stime);
  r.max_rss_kb = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--smm") {
      o.smm = argv[i + 1];
    } else if (flag == "--n") {
      o.n = std::stoi(argv[i + 1]);
    } else if (flag == "--delay-ms") {
      o.delay_ms = std::stoi(argv[i + 1]);
    } else if (flag == "--jobs") {
      o.jobs = argv[i + 1];
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  std::mutex mutex;
  std::multiset<std::string> bodies;
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  server.Post("/hook/secret", [&](const httplib::Request& req, httplib::Response& res) {
    int now = ++in_flight;
    for (int p = peak.load(); now > p && !peak.compare_exchange_weak(p, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(o.delay_ms));
    {
      std::lock_guard lock(mutex);
      bodies.insert(req.body);
    }
    --in_flight;
    res.set_content("{}", "application/json");
  });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  fs::path dir = make_project(o, "http://127.0.0.1:" + std::to_string(port) + "/hook/secret");
  Run r = run_smm(o, dir);
  server.stop();
  serving.join();
  std::set<std::string> distinct(bodies.begin(), bodies.end());
  std::cout << "smm post: " << o.n << " due posts to a loopback webhook answering after " << o.delay_ms << " ms"
            << (o.jobs.empty() ? "" : ", --jobs " + o.jobs) << "\n"
            << "  wall " << r.ms / 1000 << " s, CPU " << r.cpu_ms / 1000 << " s, peak memory " << r.max_rss_kb / 1024
            << " MB, exit " << r.exit_code << "\n"
            << "  server: " << bodies.size() << " requests, " << distinct.size() << " distinct, at most " << peak.load()
            << " at once\n";
  fs::remove_all(dir);
  return r.exit_code == 0 && static_cast<int>(distinct.size()) == o.n && static_cast<int>(bodies.size()) == o.n ? 0 : 1;
}
