// SPDX-License-Identifier: MIT
#include "smm/report/html_svg.hpp"

#include "smm/output/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "smm/report/html.hpp"
#include "smm/text/width.hpp"

namespace smm::report::svg {
namespace {

constexpr double k_width = 800;

/// A round step (1, 2 or 5 times a power of ten, at least 1 unless `fraction`) so that about
/// `ticks` steps cover `span`.
double nice_step(double span, int ticks, bool fraction) {
  double raw = span / ticks;
  if (raw <= 0) {
    return 1;
  }
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  return fraction ? step : std::max(step, 1.0);
}

/// The y axis: [lo, hi] in steps of `step`.
struct Axis {
  double lo = 0;
  double hi = 1;
  double step = 1;
};

Axis axis_for(double min, double max, bool from_zero, bool fraction) {
  if (from_zero) {
    min = 0;
  }
  if (max <= min) {
    max = min + std::max(std::abs(min) / 10, fraction ? 0.5 : 1.0);
  }
  Axis a;
  a.step = nice_step(max - min, 4, fraction);
  a.lo = std::floor(min / a.step) * a.step;
  a.hi = std::ceil(max / a.step) * a.step;
  return a;
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::string tick_label(double v, bool fraction) {
  return fraction ? fmt::format("{:g}", std::round(v * 100) / 100)
                  : output::thousands(static_cast<std::int64_t>(std::llround(v)));
}

std::string open_svg(double height, std::string_view title) {
  return fmt::format(
      "<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><title>{}</title>\n", k_width,
      num(height), html_escape(title), html_escape(title));
}

/// Horizontal grid lines with their labels on the left of the plot [left, right] x [top, bottom].
std::string grid(const Axis& a, double left, double right, double top, double bottom,
                 bool fraction) {
  std::string out;
  double h = bottom - top;
  for (double v = a.lo; v <= a.hi + a.step / 2; v += a.step) {
    double y = bottom - (v - a.lo) / (a.hi - a.lo) * h;
    out += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(left),
                       num(y), num(right), num(y));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(left - 6),
                       num(y + 4), tick_label(v, fraction));
  }
  return out;
}

std::string date_of(time::Instant t, const time::Zone& zone) {
  return time::format_rfc3339(t, zone).substr(0, 10);
}

}  // namespace

std::string_view colour(std::size_t i) {
  static constexpr std::string_view k_palette[] = {"#2563eb", "#d97706", "#059669", "#db2777",
                                                   "#7c3aed", "#0891b2", "#65a30d", "#dc2626"};
  return k_palette[i % std::size(k_palette)];
}

std::string line_chart(const std::vector<Line>& lines, const time::Zone& zone,
                       std::string_view title) {
  constexpr double left = 70;
  constexpr double right = k_width - 20;
  constexpr double top = 12;
  constexpr double bottom = 240;
  std::set<time::Instant> times;
  double min = 0;
  double max = 0;
  bool first = true;
  for (const auto& l : lines) {
    for (const auto& [t, v] : l.points) {
      times.insert(t);
      min = first ? static_cast<double>(v) : std::min(min, static_cast<double>(v));
      max = first ? static_cast<double>(v) : std::max(max, static_cast<double>(v));
      first = false;
    }
  }
  if (times.empty()) {
    return {};
  }
  Axis a = axis_for(min, max, false, false);
  time::Instant t0 = *times.begin();
  time::Instant t1 = *times.rbegin();
  auto x = [&](time::Instant t) {
    return t1 == t0 ? (left + right) / 2
                    : left + static_cast<double>((t - t0).count()) /
                                 static_cast<double>((t1 - t0).count()) * (right - left);
  };
  auto y = [&](double v) { return bottom - (v - a.lo) / (a.hi - a.lo) * (bottom - top); };
  std::string out = open_svg(bottom + 32, title) + grid(a, left, right, top, bottom, false);
  // Up to five date labels, at evenly spaced measured days.
  std::vector<time::Instant> all(times.begin(), times.end());
  std::size_t labels = std::min<std::size_t>(5, all.size());
  for (std::size_t i = 0; i < labels; ++i) {
    std::size_t at = labels == 1 ? 0 : i * (all.size() - 1) / (labels - 1);
    const char* anchor = labels == 1       ? "middle"
                         : i == 0          ? "start"
                         : i + 1 == labels ? "end"
                                           : "middle";
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", num(x(all[at])),
                       num(bottom + 20), anchor, date_of(all[at], zone));
  }
  for (const auto& l : lines) {
    std::string pts;
    for (const auto& [t, v] : l.points) {
      pts += (pts.empty() ? "" : " ") + num(x(t)) + "," + num(y(static_cast<double>(v)));
    }
    out += fmt::format("<g stroke=\"{}\" fill=\"{}\"><title>{}</title>", l.colour, l.colour,
                       html_escape(l.name));
    if (l.points.size() > 1) {
      out += fmt::format("<polyline fill=\"none\" stroke-width=\"2.5\" points=\"{}\"/>", pts);
    }
    if (l.points.size() <= 60) {
      for (const auto& [t, v] : l.points) {
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\"/>", num(x(t)),
                           num(y(static_cast<double>(v))));
      }
    }
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

std::string bar_chart(const std::vector<Bar>& bars, std::string_view title) {
  constexpr double label_width = 250;
  constexpr double row = 26;
  constexpr double right = k_width - 70;
  if (bars.empty()) {
    return {};
  }
  std::int64_t max = 1;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
  }
  std::string out = open_svg(static_cast<double>(bars.size()) * row + 8, title);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    double y = 4 + static_cast<double>(i) * row;
    double w = static_cast<double>(std::max<std::int64_t>(bars[i].value, 0)) /
               static_cast<double>(max) * (right - label_width - 8);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(label_width),
                       num(y + 17), html_escape(text::truncate_to_width(bars[i].label, 36)));
    out += fmt::format("<rect fill=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                       bars[i].colour, num(label_width + 8), num(y + 3), num(w), num(row - 8));
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(label_width + 14 + w),
                       num(y + 17), output::thousands(bars[i].value));
  }
  return out + "</svg>\n";
}

std::string pair_chart(const std::vector<PairBar>& pairs, std::string_view unit,
                       std::string_view first_name, std::string_view second_name,
                       std::string_view title) {
  constexpr double left = 56;
  constexpr double right = k_width - 12;
  constexpr double top = 30;
  constexpr double bottom = 238;
  if (pairs.empty()) {
    return {};
  }
  double max = 0;
  for (const auto& p : pairs) {
    max = std::max({max, p.first, p.second});
  }
  Axis a = axis_for(0, max, true, true);
  std::string out = open_svg(bottom + 24, title) + grid(a, left, right, top, bottom, true);
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text>\n", num(left - 40),
                     num(top - 14), html_escape(unit));
  double group = (right - left) / static_cast<double>(pairs.size());
  double bar = std::min(group * 0.36, 26.0);
  std::size_t every = (pairs.size() + 9) / 10;  // at most about ten labels
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    double mid = left + group * (static_cast<double>(i) + 0.5);
    auto height = [&](double v) { return v / a.hi * (bottom - top); };
    double h1 = height(pairs[i].first);
    double h2 = height(pairs[i].second);
    out += fmt::format(
        "<rect class=\"first\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} "
        "{}</title></rect>",
        num(mid - bar), num(bottom - h1), num(bar), num(h1), html_escape(first_name),
        fmt::format("{:.1f}", pairs[i].first));
    out += fmt::format(
        "<rect class=\"second\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} "
        "{}</title></rect>",
        num(mid), num(bottom - h2), num(bar), num(h2), html_escape(second_name),
        fmt::format("{:.1f}", pairs[i].second));
    if (i % every == 0) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(mid),
                         num(bottom + 16), html_escape(pairs[i].label));
    }
    out += "\n";
  }
  return out + "</svg>\n";
}

}  // namespace smm::report::svg
