// A comparison of two forecasts as a terminal table and as an HTML page with both maps.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "brink/compare.h"
#include "report/forecast_document.h"
#include "report/html.h"

namespace brink {
namespace {

using nlohmann::json;

// What sets an arm apart: its --set and --policy items, or "as the scenario is".
std::string ArmOptions(const json& doc) {
  std::string out;
  const json& p = doc["provenance"];
  for (const char* key : {"set", "policy"}) {
    if (!p.contains(key) || !p[key].is_array()) continue;
    for (const json& item : p[key]) {
      if (item.is_string()) out += fmt::format("{}--{} {}", out.empty() ? "" : " ", key, item.get<std::string>());
    }
  }
  return out.empty() ? "the scenario as it is (no --set or --policy)" : out;
}

// A number with as many decimals as its size calls for, never in exponent notation.
std::string Plain(double value, bool sign) {
  const double magnitude = std::fabs(value);
  const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return sign ? fmt::format("{:+.{}f}", value, decimals) : fmt::format("{:.{}f}", value, decimals);
}

std::string Signed(double value, bool binary) {
  if (!std::isfinite(value)) return value > 0 ? "+inf" : "-inf";
  return binary ? fmt::format("{:+.1f}", 100 * value) : Plain(value, true);
}

std::string Value(const ComparisonRow& row, bool a) {
  if (!(a ? row.in_a : row.in_b)) return "-";
  const double v = a ? row.a : row.b;
  if (row.binary) return fmt::format("{:.1f}%", 100 * v);
  if ((a ? row.a_runs : row.b_runs) == 0) return "never";
  return Plain(v, false);
}

std::string IntervalText(const Interval& ci, bool binary) {
  return fmt::format("[{}, {}]", Signed(ci.low, binary), Signed(ci.high, binary));
}

struct Docs {
  json a, b;
};

Docs Parse(const Comparison& c) {
  // CompareForecasts checked both; the maps are optional here (an old forecast has none).
  return {json::parse(c.a_json, nullptr, false), json::parse(c.b_json, nullptr, false)};
}

// Why wars started in each arm: every chain either arm has, with its runs in A and in B and
// their shares of each arm's wars, most runs (A + B) first; empty when neither had a war.
struct WarCauseRow {
  std::string chain;
  uint64_t a = 0, b = 0;
};
std::vector<WarCauseRow> WarCauseRows(const json& a, const json& b, uint64_t* wars_a, uint64_t* wars_b) {
  std::map<std::string, WarCauseRow> rows;
  *wars_a = *wars_b = 0;
  for (auto [doc, wars, is_a] : {std::tuple{&a, wars_a, true}, std::tuple{&b, wars_b, false}}) {
    if (!doc->contains("war_causes")) continue;
    for (const json& c : (*doc)["war_causes"]) {
      const std::string chain = c["chain"].get<std::string>();
      const uint64_t runs = c["runs"].get<uint64_t>();
      WarCauseRow& row = rows[chain];
      row.chain = chain;
      (is_a ? row.a : row.b) += runs;
      *wars += runs;
    }
  }
  std::vector<WarCauseRow> out;
  out.reserve(rows.size());
  for (auto& [chain, row] : rows) out.push_back(row);
  std::stable_sort(out.begin(), out.end(), [](const WarCauseRow& x, const WarCauseRow& y) { return x.a + x.b > y.a + y.b; });
  return out;
}

std::string Share(uint64_t runs, uint64_t wars) {
  return wars ? html::Percent(static_cast<double>(runs) / static_cast<double>(wars)) : "-";
}

}  // namespace

std::string ComparisonText(const Comparison& c) {
  const Docs d = Parse(c);
  const bool paired = std::any_of(c.rows.begin(), c.rows.end(), [](const auto& r) { return r.paired_ci.has_value(); });
  std::string out = fmt::format("{} — comparison of two forecasts\n",
                                d.a["provenance"]["scenario"].get<std::string>());
  out += fmt::format("  A = {}: {}\n  B = {}: {}\n", c.a_name, ArmOptions(d.a), c.b_name, ArmOptions(d.b));
  out += fmt::format("  {} and {} runs{}\n\n", d.a["provenance"]["runs"].get<int64_t>(),
                     d.b["provenance"]["runs"].get<int64_t>(),
                     paired ? ", the same seeds in both (common random numbers): paired intervals too" : "");
  auto table = [&](bool binary) {
    std::string head = fmt::format("  {:<56} {:>9} {:>9} {:>9}  {:<24} {:<24}",
                                   binary ? "Outcome (B - A in percentage points)" : "Number (mean; B - A)",
                                   html::Clip(c.a_name, 9), html::Clip(c.b_name, 9), "B - A", "95% interval",
                                   paired ? "95% paired" : "");
    head.erase(head.find_last_not_of(' ') + 1);
    out += head + "\n";
    for (const ComparisonRow& row : c.rows) {
      if (row.binary != binary) continue;
      const std::string label = html::Clip(row.label, 56);
      if (!row.in_a || !row.in_b) {
        out += fmt::format("  {:<56} {:>9} {:>9}  (only in {})\n", label, Value(row, true), Value(row, false),
                           row.in_a ? "A" : "B");
        continue;
      }
      std::string line = fmt::format("  {:<56} {:>9} {:>9} {:>9}  {:<24} {:<24} {}", label, Value(row, true),
                                     Value(row, false), Signed(row.difference, binary), IntervalText(row.ci, binary),
                                     row.paired_ci ? IntervalText(*row.paired_ci, binary) : "", row.differs ? "*" : "");
      line.erase(line.find_last_not_of(' ') + 1);
      out += line + "\n";
    }
  };
  table(true);
  out += "\n";
  table(false);
  if (paired) {
    // How much the common random numbers narrowed the intervals: the paired interval's width
    // over the independent one's, for the differences where both are finite and not empty.
    std::vector<double> ratios;
    for (const ComparisonRow& row : c.rows) {
      const double independent = row.ci.high - row.ci.low;
      if (!row.paired_ci || !std::isfinite(independent) || independent <= 0) continue;
      ratios.push_back((row.paired_ci->high - row.paired_ci->low) / independent);
    }
    if (!ratios.empty()) {
      std::sort(ratios.begin(), ratios.end());
      out += fmt::format("\n  Common random numbers: paired intervals are {:.0f}% as wide as independent ones "
                         "(median of {} outcomes; from {:.0f}% to {:.0f}%).\n",
                         100 * ratios[ratios.size() / 2], ratios.size(), 100 * ratios.front(),
                         100 * ratios.back());
    }
  }
  uint64_t wars_a = 0, wars_b = 0;
  const std::vector<WarCauseRow> causes = WarCauseRows(d.a, d.b, &wars_a, &wars_b);
  if (!causes.empty()) {
    out += fmt::format("\n  Why wars started: the last acts of fire between the rivals before it ({} runs with war "
                       "in A, {} in B)\n", wars_a, wars_b);
    for (const WarCauseRow& row : causes) {
      out += fmt::format("    {:>5} {:>6}  {:>5} {:>6}  {}\n", row.a, Share(row.a, wars_a), row.b,
                         Share(row.b, wars_b), row.chain);
    }
  }
  out += fmt::format("\n  * the difference's 95% interval excludes zero ({}).\n",
                     paired ? "the paired interval where there is one" : "Newcombe's hybrid score interval "
                                                                         "for proportions, Welch's for means");
  return out;
}

namespace {

// A forest plot of the yes/no differences: each with its independent (thin) and paired (thick)
// interval around zero, in percentage points.
std::string DifferencesSvg(const Comparison& c) {
  std::vector<const ComparisonRow*> rows;
  double span = 0.01;
  for (const ComparisonRow& row : c.rows) {
    if (!row.binary || !row.in_a || !row.in_b) continue;
    rows.push_back(&row);
    span = std::max({span, std::fabs(row.ci.low), std::fabs(row.ci.high)});
  }
  constexpr double kW = 1000, kRow = 28, kLabel = 430, kPlot = 420, kTop = 26;
  const double height = kTop + kRow * static_cast<double>(rows.size()) + 10;
  auto x = [&](double d) { return kLabel + kPlot / 2 + d / span * kPlot / 2; };
  std::string svg = fmt::format("<svg class=\"differences\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
                                "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>Differences B - A with "
                                "95% intervals</title>\n", kW, height);
  for (int tick = -2; tick <= 2; ++tick) {
    const double d = span * tick / 2;
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"{3}\"/>"
                       "<text x=\"{0:.1f}\" y=\"{4}\" font-size=\"11\" text-anchor=\"middle\">{5}</text>\n",
                       x(d), kTop - 6, height - 8, tick == 0 ? "#333" : "#e4e4e4", kTop - 10,
                       Signed(d, true) + " pts");
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ComparisonRow& row = *rows[i];
    const double y = kTop + kRow * static_cast<double>(i) + 10;
    svg += fmt::format("<g class=\"difference\"><title>{0}: {1} pts, 95% interval {2}{3}</title>"
                       "<text x=\"{4}\" y=\"{5:.1f}\" font-size=\"12.5\" text-anchor=\"end\"{6}>{10}</text>"
                       "<line x1=\"{7:.1f}\" x2=\"{8:.1f}\" y1=\"{9:.1f}\" y2=\"{9:.1f}\" stroke=\"#888\" stroke-width=\"1.5\"/>",
                       html::Escape(row.label), Signed(row.difference, true), IntervalText(row.ci, true),
                       row.paired_ci ? ", paired " + IntervalText(*row.paired_ci, true) : "", kLabel - 10, y + 4,
                       row.differs ? " font-weight=\"bold\"" : "", x(row.ci.low), x(row.ci.high), y,
                       html::Escape(html::Clip(row.label, 56)));
    if (row.paired_ci) {
      svg += fmt::format("<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#0b3d75\" "
                         "stroke-width=\"5\"/>", x(row.paired_ci->low), x(row.paired_ci->high), y, y);
    }
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/></g>\n", x(row.difference), y,
                       row.differs ? "#d55e00" : "#555");
  }
  return svg + "</svg>\n";
}

std::string TableHtml(const Comparison& c) {
  std::string out = fmt::format("<table class=\"comparison\"><tr><th>Outcome</th><th class=\"num\">A: {}</th>"
                                "<th class=\"num\">B: {}</th><th class=\"num\">B - A</th><th>95% interval</th>"
                                "<th>95% paired</th><th></th></tr>\n", html::Escape(c.a_name), html::Escape(c.b_name));
  for (const ComparisonRow& row : c.rows) {
    const bool both = row.in_a && row.in_b;
    out += fmt::format("<tr{}><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"ci\">{}</td><td class=\"ci\">{}</td><td>{}</td></tr>\n",
                       row.differs ? " class=\"differs\"" : "", html::Escape(row.label), Value(row, true),
                       Value(row, false), both ? Signed(row.difference, row.binary) + (row.binary ? " pts" : "") : "",
                       both ? IntervalText(row.ci, row.binary) : (row.in_a ? "only in A" : "only in B"),
                       row.paired_ci ? IntervalText(*row.paired_ci, row.binary) : "", row.differs ? "*" : "");
  }
  return out + "</table>\n";
}

}  // namespace

std::string ComparisonHtml(const Comparison& c) {
  const Docs d = Parse(c);
  const std::string scenario = d.a["provenance"]["scenario"].get<std::string>();
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"subtitle\">Comparison of two forecasts: A = {} ({}); "
                                 "B = {} ({})</p>\n", html::Escape(scenario), html::Escape(c.a_name),
                                 html::Escape(ArmOptions(d.a)), html::Escape(c.b_name), html::Escape(ArmOptions(d.b)));
  body += html::Figure("fig-differences", "What changes: B - A for each yes/no outcome", DifferencesSvg(c),
                       "Each dot is the difference between the two forecasts' chances of an outcome, in "
                       "percentage points. The thin grey line is its 95% interval treating the two forecasts "
                       "as independent (Newcombe's hybrid score interval, method 10 of Newcombe 1998); the "
                       "thick blue line, when shown, is the paired interval: both forecasts ran with the same "
                       "seeds, so run i of A and run i of B share their random draws and differ only by the "
                       "changed options (common random numbers), which narrows the interval. Bold names and "
                       "orange dots: the interval excludes zero.");
  body += "<h2>Every outcome</h2>\n" + TableHtml(c) +
          "<p class=\"meaning\">Yes/no outcomes in percent, differences in percentage points; numbers as "
          "means, their differences with Welch's t interval, or the paired t interval of the per-run "
          "differences. * marks a difference whose interval (the paired one where there is one) "
          "excludes zero.</p>\n";
  const bool maps = d.a.contains("map") && d.b.contains("map") &&
                    ReadForecastDocument(c.a_json, "A", true).ok() && ReadForecastDocument(c.b_json, "B", true).ok();
  if (maps) {
    body += html::Figure("fig-maps", "Both maps: who holds the ground at the end",
                         "<div class=\"maps\"><div><h3>A: " + html::Escape(c.a_name) + "</h3>" +
                             html::MapSvg(d.a, "map-a") + "</div><div><h3>B: " + html::Escape(c.b_name) +
                             "</h3>" + html::MapSvg(d.b, "map-b") + "</div></div>" + html::MapLegend(d.b),
                         "Each region coloured by the bloc most likely to hold it at the end, stronger the "
                         "likelier; tooltips give every bloc's chance with its 95% interval.");
  }
  body += html::Figure("fig-war", "Cumulative chance of full-scale war by day",
                       html::WarCurveSvg({{&d.a, "A: " + c.a_name, "#0072b2"}, {&d.b, "B: " + c.b_name, "#d55e00"}}),
                       "The share of runs at war by each day in each forecast, with the 95% Wilson band.");
  uint64_t wars_a = 0, wars_b = 0;
  const std::vector<WarCauseRow> causes = WarCauseRows(d.a, d.b, &wars_a, &wars_b);
  if (!causes.empty()) {
    std::string rows;
    for (const WarCauseRow& row : causes) {
      rows += fmt::format("<tr><td>{}</td><td class=\"number\">{} ({})</td><td class=\"number\">{} ({})</td></tr>\n",
                          html::Escape(row.chain), row.a, Share(row.a, wars_a), row.b, Share(row.b, wars_b));
    }
    body += html::Figure("fig-war-causes", "Why wars started, in each forecast",
                         "<table class=\"provenance\">\n<tr><th>the last acts of fire before the war, oldest "
                         "first</th><th>A: runs (share of its wars)</th><th>B: runs (share of its wars)</th></tr>\n" +
                             rows + "</table>\n",
                         "For the runs that ended in full-scale war in each forecast, the last acts of fire "
                         "between the rival blocs before it, grouped: what drives each arm's chance of war.");
  }
  body += "<section id=\"provenance\"><h2>Provenance</h2><h3>A: " + html::Escape(c.a_name) + "</h3>" +
          html::ProvenanceTable(d.a) + "<h3>B: " + html::Escape(c.b_name) + "</h3>" + html::ProvenanceTable(d.b) +
          "</section>\n";
  return html::Page(scenario + " — comparison", body);
}

}  // namespace brink
