// The forecast's charts as inline SVG: the cumulative chance of war by day with its band, the
// yes/no outcomes as bars with intervals, and each number's distribution as a box.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "brink/stats.h"
#include "report/html.h"

namespace brink::html {
namespace {

using nlohmann::json;

// A round step for about `ticks` ticks over [0, span].
double NiceStep(double span, int ticks) {
  if (!(span > 0)) return 1;
  const double raw = span / ticks, power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

std::string Open(std::string_view cls, double width, double height, std::string_view title) {
  return fmt::format("<svg class=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
                     "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>{3}</title>\n",
                     cls, width, height, Escape(title));
}

// Labels longer than this are cut (the tooltip keeps them whole): about what the label column
// holds at the figures' font size.
constexpr std::size_t kLabelChars = 56;

int64_t Runs(const json& doc) { return doc["provenance"]["runs"].get<int64_t>(); }

}  // namespace

std::string WarCurveSvg(const std::vector<WarCurve>& curves) {
  constexpr double kW = 1000, kH = 340, kLeft = 64, kRight = 20, kTop = 16, kBottom = 44;
  std::size_t days = 1;
  double top = 0.01;
  for (const WarCurve& c : curves) {
    const json& war = (*c.doc)["war_by_day"];
    days = std::max(days, war.empty() ? std::size_t{1} : war.size() - 1);
    const int64_t runs = Runs(*c.doc);
    for (const json& p : war) {
      const auto hits = static_cast<int64_t>(std::llround(p.get<double>() * static_cast<double>(runs)));
      top = std::max(top, WilsonInterval(hits, runs).high);
    }
  }
  const double step = NiceStep(top, 5);
  top = std::min(1.0, std::ceil(top / step) * step);
  auto x = [&](double day) { return kLeft + day / static_cast<double>(days) * (kW - kLeft - kRight); };
  auto y = [&](double p) { return kTop + (1 - p / top) * (kH - kTop - kBottom); };
  std::string svg = Open("war-curve", kW, kH, "Cumulative chance of full-scale war by day");
  // Axes and grid.
  // Ticks are counted, not accumulated in floating point (no drift, no extra or missing tick).
  const int y_ticks = static_cast<int>(std::lround(top / step));
  // As many decimals as the step needs (0.25% steps read 0.25%, 0.50%, ...).
  int decimals = 0;
  while (decimals < 3 && std::fabs(std::round(step * 100 * std::pow(10, decimals)) - step * 100 * std::pow(10, decimals)) > 1e-6) {
    ++decimals;
  }
  for (int tick = 0; tick <= y_ticks; ++tick) {
    const double p = step * tick;
    svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#e4e4e4\"/>"
                       "<text x=\"{3}\" y=\"{4:.1f}\" font-size=\"12\" text-anchor=\"end\">{5}</text>\n",
                       kLeft, kW - kRight, y(p), kLeft - 6, y(p) + 4, Percent(p, decimals));
  }
  const double day_step = NiceStep(static_cast<double>(days), 10);
  const int x_ticks = static_cast<int>(std::floor(static_cast<double>(days) / day_step + 1e-9));
  for (int tick = 0; tick <= x_ticks; ++tick) {
    const double d = day_step * tick;
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#999\"/>"
                       "<text x=\"{0:.1f}\" y=\"{3}\" font-size=\"12\" text-anchor=\"middle\">{4}</text>\n",
                       x(d), kH - kBottom, kH - kBottom + 5, kH - kBottom + 19, d);
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">day</text>\n",
                     (kLeft + kW - kRight) / 2, kH - 6);
  svg += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#333\"/>"
                     "<line x1=\"{0}\" x2=\"{3}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                     kLeft, kTop, kH - kBottom, kW - kRight);
  for (const WarCurve& c : curves) {
    const json& war = (*c.doc)["war_by_day"];
    const int64_t runs = Runs(*c.doc);
    // The band: along the upper bounds, then back along the lower ones.
    std::string band, line;
    std::vector<std::pair<double, double>> lower;
    for (std::size_t d = 0; d < war.size(); ++d) {
      const double p = war[d].get<double>();
      const Interval ci = WilsonInterval(static_cast<int64_t>(std::llround(p * static_cast<double>(runs))), runs);
      band += fmt::format("{:.1f},{:.1f} ", x(static_cast<double>(d)), y(ci.high));
      lower.emplace_back(x(static_cast<double>(d)), y(ci.low));
      line += fmt::format("{:.1f},{:.1f} ", x(static_cast<double>(d)), y(p));
    }
    for (auto it = lower.rbegin(); it != lower.rend(); ++it) band += fmt::format("{:.1f},{:.1f} ", it->first, it->second);
    svg += fmt::format("<g class=\"curve\"><title>{}</title><polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.22\"/>"
                       "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\"/></g>\n",
                       Escape(c.name), band, c.colour, line, c.colour);
    if (!war.empty()) {
      const double last = war.back().get<double>();
      svg += fmt::format("<text class=\"halo\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"end\" "
                         "fill=\"{}\">{}</text>\n", x(static_cast<double>(war.size() - 1)) - 4, y(last) - 8,
                         c.colour, Escape((curves.size() > 1 ? c.name + ": " : std::string()) + Percent(last)));
    }
  }
  return svg + "</svg>\n";
}

std::string BinaryBarsSvg(const json& doc) {
  constexpr double kW = 1000, kRow = 28, kLabel = 420, kBar = 380, kTop = 26;
  const json& binary = doc["binary"];
  const double height = kTop + kRow * static_cast<double>(binary.size()) + 10;
  std::string svg = Open("binary-bars", kW, height, "Yes/no outcomes with 95% intervals");
  for (int tick = 0; tick <= 100; tick += 20) {
    const double tx = kLabel + kBar * tick / 100.0;
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"#e4e4e4\"/>"
                       "<text x=\"{0:.1f}\" y=\"{3}\" font-size=\"11\" text-anchor=\"middle\">{4}%</text>\n",
                       tx, kTop - 6, height - 8, kTop - 10, tick);
  }
  for (std::size_t i = 0; i < binary.size(); ++i) {
    const json& b = binary[i];
    const int64_t hits = b["hits"].get<int64_t>(), runs = b["runs"].get<int64_t>();
    const double p = runs ? static_cast<double>(hits) / static_cast<double>(runs) : 0;
    const Interval ci = WilsonInterval(hits, runs);
    const double y = kTop + kRow * static_cast<double>(i);
    const std::string label = b["label"].get<std::string>();
    svg += fmt::format(
        "<g class=\"bar\"><title>{0}: {1} [95% interval {2} – {3}], {4} of {5} runs</title>"
        "<text x=\"{6}\" y=\"{7:.1f}\" font-size=\"12.5\" text-anchor=\"end\">{17}</text>"
        "<rect x=\"{8}\" y=\"{9:.1f}\" width=\"{10:.2f}\" height=\"16\" fill=\"#4a7ab5\"/>"
        "<line x1=\"{11:.1f}\" x2=\"{12:.1f}\" y1=\"{13:.1f}\" y2=\"{13:.1f}\" stroke=\"#111\" stroke-width=\"1.5\"/>"
        "<line x1=\"{11:.1f}\" x2=\"{11:.1f}\" y1=\"{14:.1f}\" y2=\"{15:.1f}\" stroke=\"#111\"/>"
        "<line x1=\"{12:.1f}\" x2=\"{12:.1f}\" y1=\"{14:.1f}\" y2=\"{15:.1f}\" stroke=\"#111\"/>"
        "<text x=\"{16:.1f}\" y=\"{7:.1f}\" font-size=\"12.5\">{1} <tspan fill=\"#666\">[{2} – {3}]</tspan></text></g>\n",
        Escape(label), Percent(p), Percent(ci.low), Percent(ci.high), hits, runs, kLabel - 10, y + 13,
        kLabel, y + 2, kBar * p, kLabel + kBar * ci.low, kLabel + kBar * ci.high, y + 10, y + 5, y + 15,
        kLabel + kBar + 10, Escape(Clip(label, kLabelChars)));
  }
  return svg + "</svg>\n";
}

bool HasNumbers(const json& doc, std::string_view prefix) {
  for (const json& n : doc["numbers"]) {
    if (n["id"].get<std::string>().starts_with(prefix)) return true;
  }
  return false;
}

std::string NumberBoxesSvg(const json& doc, std::string_view prefix, const std::vector<std::string>& exclude,
                           bool one_scale) {
  constexpr double kW = 1000, kLabel = 420, kBox = 300, kTop = 10;
  const double kRow = one_scale ? 30 : 36;
  std::vector<const json*> rows;
  for (const json& n : doc["numbers"]) {
    const std::string id = n["id"].get<std::string>();
    if (!id.starts_with(prefix) ||
        std::any_of(exclude.begin(), exclude.end(), [&](const std::string& e) { return id.starts_with(e); })) {
      continue;
    }
    rows.push_back(&n);
  }
  double low = 0, high = 0;  // the common scale
  for (const json* n : rows) {
    if ((*n)["runs"].get<int64_t>() == 0) continue;
    low = std::min(low, (*n)["q05"].get<double>());
    high = std::max(high, (*n)["q95"].get<double>());
  }
  const double height = kTop + kRow * static_cast<double>(rows.size()) + (one_scale ? 26 : 6);
  std::string svg = Open("number-boxes", kW, height, "Distributions of the numbers");
  const double common_step = NiceStep(high - low, 6);
  if (one_scale) {
    high = low + std::max(common_step, std::ceil((high - low) / common_step) * common_step);
    const int ticks = static_cast<int>(std::lround((high - low) / common_step));
    for (int tick = 0; tick <= ticks; ++tick) {
      const double t = low + common_step * tick;
      const double tx = kLabel + (t - low) / (high - low) * kBox;
      svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"#e4e4e4\"/>"
                         "<text x=\"{0:.1f}\" y=\"{3:.1f}\" font-size=\"11\" text-anchor=\"middle\">{4}</text>\n",
                         tx, kTop, height - 22, height - 8, Amount(t));
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& n = *rows[i];
    const double y = kTop + kRow * static_cast<double>(i);
    const std::string label = n["label"].get<std::string>();
    const int64_t runs = n["runs"].get<int64_t>();
    svg += fmt::format("<g class=\"box\"><text x=\"{}\" y=\"{:.1f}\" font-size=\"12.5\" text-anchor=\"end\">{}</text>",
                       kLabel - 10, y + 17, Escape(Clip(label, kLabelChars)));
    if (runs == 0) {
      svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"12.5\" fill=\"#666\">never happened</text></g>\n",
                         kLabel, y + 17);
      continue;
    }
    const double q05 = n["q05"].get<double>(), q50 = n["q50"].get<double>(), q95 = n["q95"].get<double>();
    const double mean = n["mean"].get<double>();
    // Older forecasts have no quartiles: the box is then the median alone.
    const double q25 = n.contains("q25") && n["q25"].is_number() ? n["q25"].get<double>() : q50;
    const double q75 = n.contains("q75") && n["q75"].is_number() ? n["q75"].get<double>() : q50;
    double lo = low, hi = high;
    if (!one_scale) {
      lo = std::min({q05, mean, 0.0});
      hi = std::max({q95, mean});
      if (hi - lo <= 0) hi = lo + 1;
      const double pad = (hi - lo) * 0.04;
      hi += pad;
      if (lo < 0) lo -= pad;
    }
    if (hi - lo <= 0) hi = lo + 1;
    auto x = [&](double v) { return kLabel + std::clamp((v - lo) / (hi - lo), 0.0, 1.0) * kBox; };
    const double mid = y + 14;
    svg += fmt::format(
        "<title>{0}: mean {1}, median {2}, quartiles {3} – {4}, 5–95% {5} – {6} ({7} runs)</title>"
        "<line x1=\"{8:.1f}\" x2=\"{9:.1f}\" y1=\"{10:.1f}\" y2=\"{10:.1f}\" stroke=\"#333\"/>"
        "<line x1=\"{8:.1f}\" x2=\"{8:.1f}\" y1=\"{11:.1f}\" y2=\"{12:.1f}\" stroke=\"#333\"/>"
        "<line x1=\"{9:.1f}\" x2=\"{9:.1f}\" y1=\"{11:.1f}\" y2=\"{12:.1f}\" stroke=\"#333\"/>"
        "<rect x=\"{13:.1f}\" y=\"{14:.1f}\" width=\"{15:.1f}\" height=\"14\" fill=\"#cfe0f3\" stroke=\"#4a7ab5\"/>"
        "<line x1=\"{16:.1f}\" x2=\"{16:.1f}\" y1=\"{14:.1f}\" y2=\"{17:.1f}\" stroke=\"#0b3d75\" stroke-width=\"2.5\"/>"
        "<circle cx=\"{18:.1f}\" cy=\"{10:.1f}\" r=\"3.2\" fill=\"#d55e00\"/>"
        "<text x=\"{19}\" y=\"{20:.1f}\" font-size=\"12\">{2} <tspan fill=\"#666\">({5} – {6}; mean {1})</tspan></text>",
        Escape(label), Amount(mean), Amount(q50), Amount(q25), Amount(q75), Amount(q05), Amount(q95), runs,
        x(q05), x(q95), mid, mid - 5, mid + 5, x(q25), mid - 7, std::max(1.0, x(q75) - x(q25)), x(q50), mid + 7,
        x(mean), kLabel + kBox + 12, y + 18);
    if (!one_scale) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" fill=\"#888\" text-anchor=\"middle\">{}</text>"
                         "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" fill=\"#888\" text-anchor=\"middle\">{}</text>",
                         kLabel, y + 30, Amount(lo), kLabel + kBox, y + 30, Amount(hi));
    }
    svg += "</g>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace brink::html
