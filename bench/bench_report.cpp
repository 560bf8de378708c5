// SPDX-License-Identifier: MIT
// smm_bench_report [--rows N] [--runs R] [--dir DIR] [--smm PATH] [--jq PATH]: writes a project
// with N metric snapshot lines under reports/ (4 accounts, 1,000 posts each, every post measured
// daily for N/4,000 days after it went out, plus daily account figures), then times
// `smm report posts -M --format csv` against the same aggregation written in jq, streaming the
// same files (`jq -n 'reduce inputs ...'`), and prints wall time, CPU time and peak memory.
// Figures, not a pass/fail test.

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
#include <iostream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Options {
  std::size_t rows = 1000000;
  int runs = 3;
  fs::path dir = fs::temp_directory_path() / "smm-bench-report";
  std::string smm = SMM_BENCH_SMM;
  std::string jq = "jq";
};

struct Run {
  double ms = 0;
  double cpu_ms = 0;
  long max_rss_kb = 0;
  int exit_code = 0;
};

/// Runs argv (PATH searched) with stdout to `out_path`; waits and measures.
Run spawn_and_wait(const std::vector<std::string>& argv, const fs::path& out_path) {
  std::vector<char*> cargv;
  for (const auto& a : argv) {
    cargv.push_back(const_cast<char*>(a.c_str()));
  }
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  Run run;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::cerr << "smm_bench_report: cannot run " << argv[0] << ": " << std::strerror(rc) << "\n";
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

/// 2026-01-01 plus `day` days, as "2026-mm-dd".
std::string date_of(int day) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{2026y / January / 1} + days{day}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

/// Writes smm.json, accounts and the snapshot files; returns the number of snapshot lines.
std::size_t generate(const Options& o) {
  constexpr int k_accounts = 4;
  constexpr int k_posts = 1000;
  const int measured_days = static_cast<int>(o.rows / (k_accounts * k_posts));
  fs::remove_all(o.dir);
  fs::create_directories(o.dir / "accounts");
  std::ofstream(o.dir / "smm.json") << "{\n  \"schema_version\": 1,\n  \"name\": \"bench\",\n  \"zone\": \"UTC\"\n}\n";
  std::size_t lines = 0;
  std::string buf;
  for (int a = 0; a < k_accounts; ++a) {
    std::string account = "acct" + std::to_string(a);
    std::ofstream(o.dir / "accounts" / (account + ".json")) << "{\n  \"platform\": \"mastodon\",\n  \"server\": \"https://example.social\"\n}\n";
    fs::create_directories(o.dir / "reports" / account);
    std::string month;
    std::FILE* out = nullptr;
    const int last_day = (k_posts - 1) * 365 / k_posts + measured_days;
    for (int day = 0; day <= last_day; ++day) {
      std::string date = date_of(day);
      if (date.substr(0, 7) != month) {
        if (out != nullptr) {
          std::fclose(out);
        }
        month = date.substr(0, 7);
        out = std::fopen((o.dir / "reports" / account / (month + ".jsonl")).c_str(), "w");
      }
      std::string at = date + "T06:00:00Z";
      std::fprintf(out, "{\"fetched_at\":\"%s\",\"account\":\"%s\",\"followers\":%d,\"following\":%d,\"posts\":%d}\n",
                   at.c_str(), account.c_str(), 1000 + day * 3, 200 + day / 10, day * 3);
      ++lines;
      for (int p = 0; p < k_posts; ++p) {
        int published = p * 365 / k_posts;
        int age = day - published;
        if (age < 0 || age >= measured_days) {
          continue;
        }
        int grow = age < 10 ? age : 10 + age / 20;
        std::fprintf(out,
                     "{\"fetched_at\":\"%s\",\"account\":\"%s\",\"post\":\"%s-post-%04d\",\"remote_id\":\"1%02d%06d\","
                     "\"likes\":%d,\"reposts\":%d,\"replies\":%d,\"quotes\":%d}\n",
                     at.c_str(), account.c_str(), date_of(published).c_str(), p, a, p, grow * (p % 7 + 1), grow * (p % 3),
                     grow / 2, grow / 5);
        ++lines;
      }
    }
    if (out != nullptr) {
      std::fclose(out);
    }
  }
  return lines;
}

// The same report as `smm report posts -M --format csv` (UTC months, latest snapshot per post and
// month, deltas from the previous month or zero, followers from the account's latest snapshot of
// the month), streaming the lines with `reduce inputs`.
constexpr const char* k_jq_program = R"jq(
reduce inputs as $r ({};
  (if $r.post then "P " + $r.account + " " + $r.post else "A " + $r.account end
   + " " + $r.fetched_at[0:7]) as $k
  | if .[$k] == null or .[$k].fetched_at <= $r.fetched_at then .[$k] = $r else . end)
| . as $all
| [.[] | select(.post)]
| group_by([.account, .post])
| map(sort_by(.fetched_at) | . as $s | [range(length)] | map(
    $s[.] as $c | (if . > 0 then $s[. - 1] else {} end) as $p
    | ($all["A " + $c.account + " " + $c.fetched_at[0:7]].followers) as $f
    | ($c.likes + $c.reposts + $c.replies + $c.quotes) as $i
    | [$c.fetched_at[0:7] + "-01", $c.account, $c.post, $c.likes, $c.reposts, $c.replies, $c.quotes, $i, $f,
       (if $f > 0 then ($i / $f * 10000 | round / 10000) else null end),
       $c.likes - ($p.likes // 0), $c.reposts - ($p.reposts // 0), $c.replies - ($p.replies // 0),
       $c.quotes - ($p.quotes // 0), $i - (($p.likes // 0) + ($p.reposts // 0) + ($p.replies // 0) + ($p.quotes // 0))]))
| add
| sort_by(.[0], .[1], .[2])
| .[]
| @csv
)jq";

std::size_t count_lines(const fs::path& path) {
  std::ifstream in(path);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
  }
  return n;
}

void print(const std::string& label, const Run& r, std::size_t out_lines) {
  std::printf("| %s | %.2f s | %.2f s | %.0f MB | %zu |\n", label.c_str(), r.ms / 1000, r.cpu_ms / 1000,
              static_cast<double>(r.max_rss_kb) / 1024, out_lines);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--rows") {
      o.rows = std::stoul(argv[i + 1]);
    } else if (flag == "--runs") {
      o.runs = std::stoi(argv[i + 1]);
    } else if (flag == "--dir") {
      o.dir = argv[i + 1];
    } else if (flag == "--smm") {
      o.smm = argv[i + 1];
    } else if (flag == "--jq") {
      o.jq = argv[i + 1];
    } else {
      std::cerr << "usage: smm_bench_report [--rows N] [--runs R] [--dir DIR] [--smm PATH] [--jq PATH]\n";
      return 2;
    }
  }
  std::cerr << "generating " << o.rows << " snapshot rows in " << o.dir.string() << "\n";
  std::size_t lines = generate(o);
  std::uintmax_t bytes = 0;
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(o.dir / "reports")) {
    if (e.is_regular_file()) {
      bytes += e.file_size();
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::printf("%zu snapshot lines, %zu files, %.0f MB\n\n", lines, files.size(), static_cast<double>(bytes) / 1e6);
  std::printf("| command | wall | CPU | peak memory | output lines |\n| --- | --- | --- | --- | --- |\n");
  fs::path out = o.dir / "bench-out.csv";
  std::vector<std::string> wc{"wc", "-l"};
  wc.insert(wc.end(), files.begin(), files.end());
  print("wc -l", spawn_and_wait(wc, "/dev/null"), 0);
  std::vector<std::string> smm{o.smm, "-C", o.dir.string(), "--now", "2027-01-01T00:00:00Z", "report", "posts",
                               "-M", "--format", "csv"};
  Run best{};
  for (int i = 0; i < o.runs; ++i) {
    Run r = spawn_and_wait(smm, out);
    if (r.exit_code != 0) {
      std::cerr << "smm_bench_report: smm exited with " << r.exit_code << "\n";
      return 1;
    }
    if (i == 0 || r.ms < best.ms) {
      best = r;
    }
  }
  print("smm report posts -M --format csv (best of " + std::to_string(o.runs) + ")", best, count_lines(out));
  std::vector<std::string> jq{o.jq, "-n", "-r", k_jq_program};
  jq.insert(jq.end(), files.begin(), files.end());
  Run j = spawn_and_wait(jq, out);
  if (j.exit_code != 0) {
    std::cerr << "smm_bench_report: jq exited with " << j.exit_code << "\n";
    return 1;
  }
  print("jq -n 'reduce inputs ...' (same aggregation)", j, count_lines(out));
  std::printf("\nsmm is %.1fx faster than jq (wall), %.1fx (CPU)\n", j.ms / best.ms, j.cpu_ms / best.cpu_ms);
  return 0;
}
