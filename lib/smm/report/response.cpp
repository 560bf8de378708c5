// SPDX-License-Identifier: MIT
#include "smm/report/response.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "smm/inbox/state.hpp"
#include "smm/report/series.hpp"

namespace smm::report {
namespace {

constexpr time::Duration k_day{24 * 60 * 60};

/// The response times and counters of one (bucket, account) while items are gathered.
struct Acc {
  ResponseRow row;
  std::vector<time::Duration> times;
};

output::Cell count(std::int64_t n) { return output::Cell{n}; }

output::Cell duration(std::optional<time::Duration> d) {
  return d ? output::Cell{*d} : output::Cell{};
}

}  // namespace

std::optional<time::Duration> nearest_rank(std::vector<time::Duration>& values, int p) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  // rank = ceil(p/100 * n), in integers so 90% of 10 is exactly rank 9.
  std::size_t n = values.size();
  std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;
  return values[std::clamp<std::size_t>(rank, 1, n) - 1];
}

std::vector<ResponseRow> summarize(const std::vector<ResponseItem>& items,
                                   const ResponseRequest& request) {
  Request buckets_of;
  buckets_of.period = request.period;
  buckets_of.interval = request.interval;
  buckets_of.zone = request.zone;
  detail::Bucketer bucketer(buckets_of);
  std::map<std::tuple<time::Instant, std::string>, Acc> accs;
  for (const auto& item : items) {
    if (item.kind == inbox::Kind::watch ||
        (!request.account.empty() && item.account != request.account)) {
      continue;
    }
    auto bucket = bucketer.bucket(item.created_at);
    if (!bucket || *bucket == detail::k_before) {
      continue;
    }
    Acc& acc = accs[{*bucket, item.account}];
    ResponseRow& row = acc.row;
    ++row.items;
    row.open += item.open ? 1 : 0;
    if (item.first_reply) {
      auto took = std::max(*item.first_reply - item.created_at, time::Duration{0});
      acc.times.push_back(took);
      ++row.answered;
      ++row.decided;
      row.answered_within_24h += took <= k_day ? 1 : 0;
    } else if (request.now - item.created_at > k_day) {
      ++row.decided;
    }
  }
  std::vector<ResponseRow> rows;
  rows.reserve(accs.size());
  for (auto& [key, acc] : accs) {
    ResponseRow row = acc.row;
    row.bucket = std::get<0>(key);
    row.interval = bucketer.label(row.bucket);
    row.account = std::get<1>(key);
    if (row.decided > 0) {
      row.share_within_24h =
          static_cast<double>(row.answered_within_24h) / static_cast<double>(row.decided);
    }
    row.median_response = nearest_rank(acc.times, 50);
    row.p90_response = nearest_rank(acc.times, 90);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<ResponseItem>> load_response_items(
    const std::filesystem::path& root, const ResponseRequest& request,
    const std::function<void(const std::string&)>& warn) {
  std::vector<std::string> accounts;
  for (const auto& name : inbox::inbox_accounts(root)) {
    if (request.account.empty() || name == request.account) {
      accounts.push_back(name);
    }
  }
  std::vector<ResponseItem> out;
  for (const auto& account : accounts) {
    auto state = inbox::load_state(root, account);
    if (!state) {
      return std::unexpected(state.error());
    }
    auto ok = inbox::scan_items(
        root, account,
        [&](inbox::Item&& item) {
          if (item.kind == inbox::Kind::watch || !request.period.contains(item.created_at)) {
            return;
          }
          ResponseItem r{item.account.empty() ? account : item.account, item.kind, item.created_at,
                         std::nullopt, true};
          auto entry = state->items.find(item.id);
          if (entry != state->items.end()) {
            r.first_reply = entry->second.first_reply_at();
            r.open = entry->second.status == "open";
          }
          out.push_back(std::move(r));
        },
        warn);
    if (!ok) {
      return std::unexpected(ok.error());
    }
  }
  return out;
}

output::Table response_table(const std::vector<ResponseRow>& rows) {
  output::Table table;
  table.columns = {{"interval", false, false},
                   {"account", false, true},
                   {"items", true, false},
                   {"answered", true, false},
                   {"answered_within_24h", true, false},
                   {"share_within_24h", true, false},
                   {"median_response_s", true, false},
                   {"p90_response_s", true, false},
                   {"open", true, false}};
  for (const auto& r : rows) {
    table.rows.push_back({r.interval, r.account, count(r.items), count(r.answered),
                          count(r.answered_within_24h),
                          r.share_within_24h ? output::Cell{output::Decimal{*r.share_within_24h, 4}}
                                             : output::Cell{},
                          duration(r.median_response), duration(r.p90_response), count(r.open)});
  }
  return table;
}

Result<output::Table> build_response(const std::filesystem::path& root,
                                     const ResponseRequest& request,
                                     const std::function<void(const std::string&)>& warn) {
  auto items = load_response_items(root, request, warn);
  if (!items) {
    return std::unexpected(items.error());
  }
  return response_table(summarize(*items, request));
}

}  // namespace smm::report
