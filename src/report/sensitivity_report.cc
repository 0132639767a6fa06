// Sensitivity reports: the terminal table, JSON, CSV and an HTML page with tornado charts.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "brink/analysis.h"
#include "brink/output_file.h"
#include "report/csv_text.h"
#include "report/html.h"

namespace brink {
namespace {

// Parameter order for an outcome: by Sobol total index where measured, else Morris mu*.
std::vector<std::size_t> Ranked(const SensitivityResult& r, std::size_t o, bool sobol) {
  std::vector<std::size_t> order(sobol ? r.sobol_parameters.size() : r.parameters.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sobol ? r.sobol[o][a].total > r.sobol[o][b].total : r.morris[o][a].mu_star > r.morris[o][b].mu_star;
  });
  return order;
}

const ParameterRef& SobolParameter(const SensitivityResult& r, std::size_t i) {
  return r.parameters[static_cast<std::size_t>(r.sobol_parameters[i])];
}

}  // namespace

std::string SensitivityText(const SensitivityResult& r) {
  std::string out;
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    out += fmt::format("\n{} (at the central values: {:.4g})\n", r.outcomes[o], r.central[o]);
    if (r.has_sobol) {
      out += fmt::format("  {:<40} {:>24} {:>24}\n", "parameter (range)", "total ST [95%]", "first S1 [95%]");
      for (std::size_t i : Ranked(r, o, true)) {
        const SobolIndex& x = r.sobol[o][i];
        const ParameterRef& p = SobolParameter(r, i);
        out += fmt::format("  {:<40} {:>8.3f} [{:6.3f}, {:6.3f}] {:>8.3f} [{:6.3f}, {:6.3f}]\n",
                           fmt::format("{} ({:.3g}-{:.3g})", p.path, p.low, p.high), x.total, x.total_lo, x.total_hi,
                           x.first, x.first_lo, x.first_hi);
      }
    }
    if (r.has_morris) {
      out += fmt::format("  Morris screening, top 10 of {} ({:<10} {:>10} {:>10}):\n", r.parameters.size(), "mu*", "mu",
                         "sigma");
      const std::vector<std::size_t> order = Ranked(r, o, false);
      for (std::size_t j = 0; j < std::min<std::size_t>(10, order.size()); ++j) {
        const MorrisIndex& m = r.morris[o][order[j]];
        out += fmt::format("  {:<40} {:>10.4f} {:>10.4f} {:>10.4f}\n", r.parameters[order[j]].path, m.mu_star, m.mu,
                           m.sigma);
      }
    }
  }
  out += fmt::format("\n  {} points of {} runs each in {:.1f} s\n", r.points, r.runs_per_point, r.seconds);
  return out;
}

std::string SensitivityJson(const Scenario& s, const SensitivityResult& r, const SensitivityOptions& options) {
  nlohmann::json j;
  j["provenance"] = {{"brink_version", BRINK_VERSION},  {"scenario", s.name},
                     {"scenario_hash", s.content_hash},  {"seed", options.seed},
                     {"runs_per_point", options.runs},   {"days", options.days > 0 ? options.days : s.horizon_days},
                     {"method", options.method},         {"trajectories", options.trajectories},
                     {"samples", options.samples},       {"top", options.top},
                     {"bootstrap", options.bootstrap},   {"overrides", options.scenario.overrides},
                     {"points", r.points}};
  nlohmann::json params = nlohmann::json::array();
  for (const ParameterRef& p : r.parameters) {
    params.push_back({{"path", p.path}, {"value", p.value}, {"low", p.low}, {"high", p.high}, {"source", p.source}});
  }
  j["parameters"] = params;
  nlohmann::json outcomes = nlohmann::json::array();
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    nlohmann::json out = {{"id", r.outcomes[o]}, {"central", r.central[o]}};
    if (r.has_morris) {
      nlohmann::json m = nlohmann::json::array();
      for (std::size_t i = 0; i < r.parameters.size(); ++i) {
        m.push_back({{"parameter", r.parameters[i].path}, {"mu_star", r.morris[o][i].mu_star},
                     {"mu", r.morris[o][i].mu}, {"sigma", r.morris[o][i].sigma}});
      }
      out["morris"] = m;
    }
    if (r.has_sobol) {
      nlohmann::json m = nlohmann::json::array();
      for (std::size_t i = 0; i < r.sobol_parameters.size(); ++i) {
        const SobolIndex& x = r.sobol[o][i];
        m.push_back({{"parameter", SobolParameter(r, i).path}, {"first", x.first}, {"first_low", x.first_lo},
                     {"first_high", x.first_hi}, {"total", x.total}, {"total_low", x.total_lo},
                     {"total_high", x.total_hi}});
      }
      out["sobol"] = m;
    }
    outcomes.push_back(out);
  }
  j["outcomes"] = outcomes;
  return j.dump(2) + "\n";
}

std::vector<std::string> SensitivityCsvNames() { return {"morris.csv", "sobol.csv"}; }

Status WriteSensitivityCsv(const SensitivityResult& r, const std::string& dir) {
  std::string morris = "outcome,parameter,low,high,mu_star,mu,sigma\n";
  std::string sobol = "outcome,parameter,low,high,first,first_low,first_high,total,total_low,total_high\n";
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    for (std::size_t i = 0; r.has_morris && i < r.parameters.size(); ++i) {
      const MorrisIndex& m = r.morris[o][i];
      morris += fmt::format("{},{},{},{},{},{},{}\n", CsvText(r.outcomes[o]), CsvText(r.parameters[i].path),
                            r.parameters[i].low, r.parameters[i].high, m.mu_star, m.mu, m.sigma);
    }
    for (std::size_t i = 0; r.has_sobol && i < r.sobol_parameters.size(); ++i) {
      const SobolIndex& x = r.sobol[o][i];
      const ParameterRef& p = SobolParameter(r, i);
      sobol += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", CsvText(r.outcomes[o]), CsvText(p.path), p.low, p.high,
                           x.first, x.first_lo, x.first_hi, x.total, x.total_lo, x.total_hi);
    }
  }
  return WriteFileSet(dir, {{"morris.csv", morris}, {"sobol.csv", sobol}});
}

namespace {

// A tornado chart: one bar per parameter, longest first; for Sobol, the total index as a bar
// with its interval and the first-order index as a darker inner bar.
std::string TornadoSvg(const SensitivityResult& r, std::size_t o) {
  const bool sobol = r.has_sobol;
  const std::vector<std::size_t> order = Ranked(r, o, sobol);
  const std::size_t rows = std::min<std::size_t>(order.size(), 15);
  double scale = 0;
  for (std::size_t j = 0; j < rows; ++j) {
    scale = std::max(scale, sobol ? r.sobol[o][order[j]].total_hi : r.morris[o][order[j]].mu_star);
  }
  if (sobol) scale = std::max(scale, 1.0);
  if (scale <= 0) scale = 1;
  const int label = 300, width = 420, row = 22;
  const int height = static_cast<int>(rows) * row + 30;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">",
      label + width + 20, height, label + width + 20, height);
  auto x_of = [&](double v) { return label + static_cast<int>(std::clamp(v, 0.0, scale) / scale * width); };
  for (std::size_t j = 0; j < rows; ++j) {
    const std::size_t i = order[j];
    const int y = static_cast<int>(j) * row + 4;
    const std::string name = sobol ? SobolParameter(r, i).path : r.parameters[i].path;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>", label - 6, y + 14,
                       html::Escape(html::Clip(name, 44)));
    if (sobol) {
      const SobolIndex& x = r.sobol[o][i];
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#9ecae1\"><title>{}: ST {:.3f} "
                         "[{:.3f}, {:.3f}], S1 {:.3f} [{:.3f}, {:.3f}]</title></rect>",
                         label, y, x_of(x.total) - label, html::Escape(name), x.total, x.total_lo, x.total_hi, x.first,
                         x.first_lo, x.first_hi);
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" fill=\"#3182bd\"/>", label, y + 4,
                         x_of(x.first) - label);
      svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#222\"/>", x_of(x.total_lo),
                         x_of(x.total_hi), y + 8, y + 8);
    } else {
      const MorrisIndex& m = r.morris[o][i];
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#9ecae1\"><title>{}: mu* {:.4f}, "
                         "sigma {:.4f}</title></rect>",
                         label, y, x_of(m.mu_star) - label, html::Escape(name), m.mu_star, m.sigma);
    }
  }
  const int axis = static_cast<int>(rows) * row + 8;
  svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#444\"/>", label, label + width, axis, axis);
  for (int t = 0; t <= 4; ++t) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{:.3g}</text>",
                       label + width * t / 4, axis + 14, scale * t / 4);
  }
  return svg + "</svg>";
}

}  // namespace

std::string SensitivityHtml(const Scenario& s, const SensitivityResult& r) {
  std::string body = fmt::format("<h1>Which assumptions drive the odds: {}</h1>", html::Escape(s.name));
  body += fmt::format("<p>{} parameters screened{}; {} ensembles of {} runs, all with the same seed (common random "
                      "numbers).</p>",
                      r.parameters.size(),
                      r.has_sobol ? fmt::format(", Sobol indices for {}", r.sobol_parameters.size()) : "", r.points,
                      r.runs_per_point);
  for (std::size_t o = 0; o < r.outcomes.size(); ++o) {
    const std::string meaning =
        r.has_sobol ? "Bars: the total Sobol index (the share of the outcome's variance over the parameters' plausible "
                      "ranges that involves the parameter), with its 95% bootstrap interval; the inner dark bar: the "
                      "first-order index (its share alone)."
                    : "Bars: Morris mu*, the mean absolute change of the outcome when the parameter moves over its "
                      "plausible range.";
    body += html::Figure(fmt::format("tornado-{}", o),
                         fmt::format("{} (at the central values: {:.4g})", r.outcomes[o], r.central[o]),
                         TornadoSvg(r, o), meaning);
  }
  body += "<h2>Parameters and ranges</h2><table><tr><th>parameter</th><th>value</th><th>low</th><th>high</th>"
          "<th>range from</th></tr>";
  for (const ParameterRef& p : r.parameters) {
    body += fmt::format("<tr><td>{}</td><td>{:.4g}</td><td>{:.4g}</td><td>{:.4g}</td><td>{}</td></tr>",
                        html::Escape(p.path), p.value, p.low, p.high, html::Escape(p.source));
  }
  body += "</table>";
  return html::Page(fmt::format("brink sensitivity: {}", s.name), body);
}

}  // namespace brink
