// SPDX-License-Identifier: MIT
#include "smm/report/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "smm/report/html_data.hpp"
#include "smm/text/width.hpp"

namespace smm::report {
namespace {

using Warn = std::function<void(const std::string&)>;
using detail::colour_of;
using detail::Data;
using detail::PostRow;

std::string human(std::optional<time::Duration> d) {
  if (!d) {
    return "–";
  }
  auto s = d->count();
  if (s < 60) {
    return fmt::format("{}s", s);
  }
  auto m = (s + 30) / 60;
  if (m < 60) {
    return fmt::format("{}m", m);
  }
  if (m < 48 * 60) {
    return fmt::format("{}h {:02}m", m / 60, m % 60);
  }
  auto h = (m + 30) / 60;
  return fmt::format("{}d {}h", h / 24, h % 24);
}

std::string percent(std::optional<double> share) {
  return share ? fmt::format("{:.0f}%", *share * 100) : "–";
}

std::string number(std::optional<std::int64_t> n) { return n ? output::thousands(*n) : "–"; }

std::string date_of(std::optional<time::Instant> t, const time::Zone& zone) {
  return t ? time::format_rfc3339(*t, zone).substr(0, 10) : "–";
}

std::string card(std::string_view value, std::string_view label, std::string_view detail = {}) {
  return fmt::format(
      "<div class=\"card\"><div class=\"value\">{}</div><div class=\"label\">{}</div>{}</div>\n",
      html_escape(value), html_escape(label),
      detail.empty() ? "" : fmt::format("<div class=\"detail\">{}</div>", html_escape(detail)));
}

/// A chart that scrolls sideways on a phone rather than shrinking its text out of reach.
std::string chart(const std::string& svg) { return "<div class=\"chart\">\n" + svg + "</div>\n"; }

std::string empty(std::string_view what) {
  return fmt::format("<p class=\"empty\">{}</p>\n", html_escape(what));
}

constexpr std::string_view k_style = R"css(
:root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:960px;padding:24px 16px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.7em;margin:0 0 4px}
h2{font-size:1.25em;margin:0 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
section{margin:32px 0;break-inside:avoid}
.meta,.note,.empty,footer{color:var(--muted)}
.empty{font-style:italic}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{flex:1 1 150px;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .value{font-size:1.5em;font-weight:600}
.card .label{color:var(--muted);font-size:.9em}
.card .detail{font-size:.85em}
svg{width:100%;height:auto;display:block}
.chart{overflow-x:auto}
.chart svg{min-width:600px}
svg text{font-size:13px;fill:#374151}
svg .grid{stroke:var(--line);stroke-width:1}
svg .first{fill:#1e40af}
svg .second{fill:#93c5fd}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;white-space:nowrap}
td.d{white-space:nowrap}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:6px;vertical-align:baseline}
.excerpt{max-width:34em;min-width:14em}
a{color:var(--accent)}
footer{margin-top:40px;font-size:.85em;border-top:1px solid var(--line);padding-top:8px}
@media (max-width:600px){body{font-size:14px;padding:12px 10px}th,td{padding:4px 5px}}
@media print{body{max-width:none;padding:0}section{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
)css";

std::string period_of(const HtmlRequest& r) {
  if (!r.period_text.empty()) {
    return r.period_text;
  }
  if (!r.period.begin && !r.period.end) {
    return "all stored data";
  }
  // The end is exclusive: show the last day in it.
  std::string from = r.period.begin ? date_of(r.period.begin, r.zone) : "the start";
  std::string to = r.period.end ? date_of(*r.period.end - time::Duration{1}, r.zone) : "now";
  return from + " to " + to;
}

std::string summary(const HtmlRequest& r, const Data& d, const std::string& title) {
  std::int64_t followers = 0;
  std::int64_t change = 0;
  for (const auto& l : d.followers) {
    followers += l.points.back().second;
    change += l.points.back().second - l.points.front().second;
  }
  std::int64_t interactions = 0;
  std::set<std::string> posts;
  for (const auto& p : d.posts) {
    interactions += p.interactions;
    posts.insert(p.post);
  }
  std::string out = fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}{} · generated {} ({})</p>\n", html_escape(title),
      r.project.empty() ? "" : html_escape(r.project) + " · ", html_escape(period_of(r)),
      html_escape(time::format_rfc3339(r.now, r.zone).substr(0, 16).replace(10, 1, " ")),
      html_escape(r.zone.name()));
  out += "<div class=\"cards\">\n";
  out +=
      d.followers.empty()
          ? card("–", "followers")
          : card(output::thousands(followers), "followers",
                 fmt::format("{}{} in the period", change >= 0 ? "+" : "", output::thousands(change)));
  out += card(output::thousands(static_cast<std::int64_t>(posts.size())), "posts measured");
  out += card(output::thousands(interactions), "interactions",
              "likes, reposts, replies, quotes, clicks, saves");
  if (d.overall.empty()) {
    out += card("–", "inbox items");
  } else {
    const auto& o = d.overall.front();
    out += card(output::thousands(o.items), "inbox items",
                percent(o.share_within_24h) + " answered within 24 h");
    out += card(human(o.median_response), "median first reply", "p90 " + human(o.p90_response));
  }
  return out + "</div>\n</header>\n";
}

std::string followers_section(const HtmlRequest& r, const Data& d) {
  std::string out = "<section id=\"followers\">\n<h2>Followers over time</h2>\n";
  if (d.followers.empty()) {
    return out + empty("No account snapshots in this period (run `smm report pull`).") +
           "</section>\n";
  }
  out += chart(svg::line_chart(d.followers, r.zone, "Followers per account and day"));
  out +=
      "<div class=\"scroll\"><table>\n<tr><th>account</th><th>from</th><th class=\"n\">first</th>"
      "<th>to</th><th class=\"n\">latest</th><th class=\"n\">change</th></tr>\n";
  for (const auto& l : d.followers) {
    auto [t0, v0] = l.points.front();
    auto [t1, v1] = l.points.back();
    out += fmt::format(
        "<tr><td><span class=\"swatch\" style=\"background:{}\"></span>{}</td><td "
        "class=\"d\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"d\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}{}</td></tr>\n",
        l.colour, html_escape(l.name), date_of(t0, r.zone), output::thousands(v0), date_of(t1, r.zone),
        output::thousands(v1), v1 >= v0 ? "+" : "", output::thousands(v1 - v0));
  }
  return out + "</table></div>\n</section>\n";
}

/// Posts in publishing order (unknown dates last), then id and account.
bool by_published(const PostRow& a, const PostRow& b) {
  auto key = [](const PostRow& p) {
    return std::tuple(!p.published, p.published.value_or(time::Instant{}), p.post, p.account);
  };
  return key(a) < key(b);
}

std::string posts_section(const Data& d) {
  constexpr std::size_t k_shown = 25;
  std::string out = "<section id=\"posts\">\n<h2>Interactions per post</h2>\n";
  if (d.posts.empty()) {
    return out + empty("No post snapshots in this period (run `smm report pull`).") +
           "</section>\n";
  }
  std::vector<PostRow> rows = d.posts;
  std::stable_sort(rows.begin(), rows.end(), by_published);
  std::size_t skip = rows.size() > k_shown ? rows.size() - k_shown : 0;
  bool accounts = std::any_of(rows.begin(), rows.end(),
                              [&](const PostRow& p) { return p.account != rows[0].account; });
  std::vector<svg::Bar> bars;
  for (std::size_t i = skip; i < rows.size(); ++i) {
    bars.push_back({accounts ? rows[i].post + " · " + rows[i].account : rows[i].post,
                    colour_of(d, rows[i].account), rows[i].interactions});
  }
  if (skip > 0) {
    out += fmt::format("<p class=\"note\">The {} most recent of {} posts.</p>\n", k_shown,
                       rows.size());
  }
  return out + chart(svg::bar_chart(bars, "Interactions per post, latest snapshot")) +
         "</section>\n";
}

std::string top_section(const HtmlRequest& r, const Data& d) {
  constexpr std::size_t k_top = 10;
  std::string out = "<section id=\"top\">\n<h2>Top posts</h2>\n";
  if (d.posts.empty()) {
    return out + empty("No post snapshots in this period.") + "</section>\n";
  }
  std::vector<PostRow> rows = d.posts;
  std::stable_sort(rows.begin(), rows.end(), [](const PostRow& a, const PostRow& b) {
    return a.interactions > b.interactions;
  });
  rows.resize(std::min(rows.size(), k_top));
  out +=
      "<div class=\"scroll\"><table>\n<tr><th "
      "class=\"n\">#</th><th>post</th><th>account</th><th>published</th>"
      "<th class=\"n\">likes</th><th class=\"n\">reposts</th><th class=\"n\">replies</th>"
      "<th class=\"n\">interactions</th><th class=\"n\">engagement</th><th>link</th></tr>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& p = rows[i];
    std::string excerpt = text::truncate_to_width(text::one_line(p.text), 120);
    std::string link =
        p.url.empty() ? "–" : fmt::format("<a href=\"{}\">open</a>", html_escape(p.url));
    out += fmt::format(
        "<tr><td class=\"n\">{}</td><td "
        "class=\"excerpt\"><strong>{}</strong>{}{}</td><td>{}</td><td class=\"d\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
        "class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td>{}</td></tr>\n",
        i + 1, html_escape(p.post), excerpt.empty() ? "" : "<br>", html_escape(excerpt),
        html_escape(p.account), date_of(p.published, r.zone), number(p.likes), number(p.reposts),
        number(p.replies), output::thousands(p.interactions),
        p.rate ? fmt::format("{:.2f}%", *p.rate * 100) : "–", link);
  }
  return out + "</table></div>\n</section>\n";
}

std::string response_section(const Data& d) {
  std::string out = "<section id=\"response\">\n<h2>Response times</h2>\n";
  if (d.overall.empty()) {
    return out + empty("No inbox items in this period (run `smm inbox sync`).") + "</section>\n";
  }
  std::vector<svg::PairBar> weeks;
  for (const auto& w : d.weekly) {
    if (w.median_response) {
      weeks.push_back({w.interval.size() == 10 ? w.interval.substr(5) : w.interval,
                       static_cast<double>(w.median_response->count()) / 3600,
                       static_cast<double>(w.p90_response->count()) / 3600});
    }
  }
  if (weeks.empty()) {
    out += empty("No replies yet.");
  } else {
    out +=
        "<p class=\"note\">Time to first reply per week (weeks start on Monday): "
        "<span class=\"swatch\" style=\"background:#1e40af\"></span>median "
        "<span class=\"swatch\" style=\"background:#93c5fd\"></span>90th percentile</p>\n";
    out += chart(
        svg::pair_chart(weeks, "hours", "median", "p90", "Time to first reply per week, in hours"));
  }
  out +=
      "<div class=\"scroll\"><table>\n<tr><th>account</th><th class=\"n\">items</th><th "
      "class=\"n\">answered</th>"
      "<th class=\"n\">within 24 h</th><th class=\"n\">median</th><th class=\"n\">p90</th><th "
      "class=\"n\">open</th></tr>\n";
  auto row = [](std::string_view name, const ResponseRow& x) {
    return fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
        "class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
        html_escape(name), x.items, x.answered, percent(x.share_within_24h),
        human(x.median_response), human(x.p90_response), x.open);
  };
  for (const auto& a : d.accounts) {
    out += row(a.account, a);
  }
  if (d.accounts.size() > 1) {
    out += row("all accounts", d.overall.front());
  }
  out +=
      "</table></div>\n<p class=\"note\">Watch items (brand monitoring) are not counted. Within 24 "
      "h: answered "
      "within 24 hours, out of the items answered or older than 24 hours.</p>\n";
  return out + "</section>\n";
}

std::string page(const HtmlRequest& r, const Data& d) {
  std::string title = !r.title.empty()    ? r.title
                      : r.project.empty() ? "Social media report"
                                          : r.project + " report";
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      html_escape(title), k_style);
  out += summary(r, d, title);
  out += followers_section(r, d);
  out += posts_section(d);
  out += top_section(r, d);
  out += response_section(d);
  out +=
      "<footer>Made with smm. Interactions = likes + reposts + replies + quotes + clicks + saves "
      "(those measured); "
      "engagement = interactions / impressions, or / followers where impressions are not "
      "reported.</footer>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Result<std::string> build_html(const std::filesystem::path& root, const HtmlRequest& request,
                               const Warn& warn) {
  auto data = detail::gather(root, request, warn);
  if (!data) {
    return std::unexpected(data.error());
  }
  return page(request, *data);
}

}  // namespace smm::report
