// SPDX-License-Identifier: MIT
// The streaming reader of reports/<account>/<yyyy-mm>.jsonl: fixed-size blocks, one simdjson
// On-Demand pass per line, one reused Snapshot, so a million lines cost no more memory than ten.
#include <fcntl.h>
#include <unistd.h>

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "smm/report/snapshot.hpp"

namespace smm::report {
namespace {

namespace fs = std::filesystem;
namespace od = simdjson::ondemand;

constexpr std::size_t k_block = std::size_t{1} << 20;

int digits(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    char c = s[i];
    if (c < '0' || c > '9') {
      return -1;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

/// "2026-11-23T10:00:00Z" and "...+00:00", the form smm writes, without the general parser.
std::optional<time::Instant> fast_utc(std::string_view s) {
  bool z = s.size() == 20 && s[19] == 'Z';
  bool zero = s.size() == 25 && s.substr(19) == "+00:00";
  if ((!z && !zero) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  int h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60 || !ymd.ok()) {
    return std::nullopt;
  }
  return time::Instant{std::chrono::sys_days(ymd)} + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(se);
}

/// Fills `snap` from one line; an error message when the line is not a snapshot.
std::string parse_line(od::parser& parser, const char* data, std::size_t len, std::size_t capacity, Snapshot& snap) {
  od::document doc;
  if (auto code = parser.iterate(simdjson::padded_string_view(data, len, capacity)).get(doc); code != simdjson::SUCCESS) {
    return std::string("invalid JSON (") + simdjson::error_message(code) + ")";
  }
  od::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    return "not a JSON object";
  }
  snap.fetched_at = {};
  snap.account.clear();
  snap.post.clear();
  snap.remote_id.clear();
  snap.metrics.fill(std::nullopt);
  bool have_time = false;
  for (auto field : obj) {
    std::string_view key;
    od::value v;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS || field.value().get(v) != simdjson::SUCCESS) {
      return "invalid JSON";
    }
    std::string_view text;
    if (key == "fetched_at" || key == "account" || key == "post" || key == "remote_id") {
      if (v.get_string().get(text) != simdjson::SUCCESS) {
        return "\"" + std::string(key) + "\" is not a string";
      }
      if (key == "fetched_at") {
        auto at = fast_utc(text);
        if (!at) {
          auto parsed = time::parse_rfc3339(text);
          if (!parsed) {
            return "\"fetched_at\" is not an RFC 3339 time";
          }
          at = *parsed;
        }
        snap.fetched_at = *at;
        have_time = true;
      } else {
        (key == "account" ? snap.account : key == "post" ? snap.post : snap.remote_id).assign(text);
      }
    } else if (auto m = find_metric(key)) {
      std::int64_t n = 0;
      if (v.get_int64().get(n) != simdjson::SUCCESS) {
        return "\"" + std::string(key) + "\" is not an integer";
      }
      snap[*m] = n;
    }
    // Unknown keys are skipped: newer versions and users may add fields.
  }
  if (!have_time || snap.account.empty()) {
    return "missing \"fetched_at\" or \"account\"";
  }
  return {};
}

/// The files to read: reports/<account>/<yyyy-mm>.jsonl, sorted, without months from `until` on.
std::vector<fs::path> month_files(const fs::path& root, const ScanOptions& options) {
  std::vector<fs::path> files;
  std::vector<std::string> accounts = options.account.empty() ? reported_accounts(root) : std::vector{options.account};
  std::optional<std::string> last;
  if (options.until) {
    last = time::format_rfc3339(*options.until, time::utc()).substr(0, 7);
  }
  std::error_code ec;
  for (const auto& account : accounts) {
    for (fs::directory_iterator it(root / "reports" / account, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.extension() == ".jsonl" && (!last || p.stem().string() <= *last)) {
        files.push_back(p);
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class LineReader {
 public:
  explicit LineReader(std::string display) : m_display(std::move(display)) {}

  Result<void> read(const fs::path& path, const std::function<void(const Snapshot&)>& each,
                    const std::function<void(const std::string&)>& warn) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return fail(ErrorKind::runtime, "cannot read " + m_display + ": " + std::strerror(errno));
    }
    std::vector<char> buf(k_block + simdjson::SIMDJSON_PADDING);
    std::size_t have = 0;
    std::size_t line_no = 0;
    bool eof = false;
    while (!eof) {
      if (have == buf.size() - simdjson::SIMDJSON_PADDING) {
        buf.resize(buf.size() * 2);  // a line longer than a block
      }
      ssize_t n = ::read(fd, buf.data() + have, buf.size() - simdjson::SIMDJSON_PADDING - have);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        ::close(fd);
        return fail(ErrorKind::runtime, "cannot read " + m_display + ": " + std::strerror(errno));
      }
      eof = n == 0;
      have += static_cast<std::size_t>(n);
      std::size_t start = 0;
      while (start < have) {
        const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', have - start));
        if (nl == nullptr && !eof) {
          break;
        }
        std::size_t end = nl == nullptr ? have : static_cast<std::size_t>(nl - buf.data());
        ++line_no;
        handle(buf.data() + start, end - start, buf.data() + buf.size(), line_no, each, warn);
        start = nl == nullptr ? have : end + 1;
      }
      std::memmove(buf.data(), buf.data() + start, have - start);
      have -= start;
    }
    ::close(fd);
    return {};
  }

 private:
  void handle(const char* data, std::size_t len, const char* alloc_end, std::size_t line_no,
              const std::function<void(const Snapshot&)>& each, const std::function<void(const std::string&)>& warn) {
    if (std::all_of(data, data + len, [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) {
      return;
    }
    std::string problem = parse_line(m_parser, data, len, static_cast<std::size_t>(alloc_end - data), m_snap);
    if (problem.empty()) {
      each(m_snap);
    } else if (warn) {
      warn(m_display + ":" + std::to_string(line_no) + ": skipped a line that is not a snapshot: " + problem);
    }
  }

  std::string m_display;
  od::parser m_parser;
  Snapshot m_snap;
};

}  // namespace

Result<void> scan_snapshots(const fs::path& root, const ScanOptions& options,
                            const std::function<void(const Snapshot&)>& each,
                            const std::function<void(const std::string&)>& warn) {
  auto files = month_files(root, options);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (options.progress) {
      options.progress(i, files.size());
    }
    LineReader reader(files[i].lexically_relative(root).generic_string());
    if (auto ok = reader.read(files[i], each, warn); !ok) {
      return ok;
    }
  }
  if (options.progress) {
    options.progress(files.size(), files.size());
  }
  return {};
}

}  // namespace smm::report
