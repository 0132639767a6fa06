// `brink sensitivity` as a library call: Morris over the chosen parameters, then Sobol over the
// ones that matter, every point an ensemble with the same seed (include/brink/analysis.h).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "analysis/split_points.h"
#include "brink/analysis.h"

namespace brink {
namespace {

std::vector<std::string> Split(const std::string& id) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = id.find('.', start);
    parts.push_back(id.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// The value of one outcome in a forecast, or NaN if the id names none.
double OutcomeValue(const Scenario& s, const Forecast& f, const std::string& id) {
  for (const BinaryOutcome& b : f.binary) {
    if (b.id == id) return b.value.p();
  }
  for (const NumberOutcome& n : f.numbers) {
    if (n.id == id) return n.value.n() > 0 ? n.value.mean() : 0.0;
  }
  const std::vector<std::string> parts = Split(id);
  if (parts.size() == 3 && parts[0] == "held") {
    const int r = s.RegionIndex(parts[1]), b = s.BlocIndex(parts[2]);
    if (r < 0 || b < 0 || f.runs == 0) return std::nan("");
    const std::size_t columns = s.blocs.size() + 1;
    return static_cast<double>(f.holder_counts[static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(b)]) /
           static_cast<double>(f.runs);
  }
  return std::nan("");
}

}  // namespace

Result<std::vector<std::string>> AnalysisOutcomes(const Scenario& s, const std::vector<std::string>& ids) {
  std::vector<std::string> out = ids;
  if (out.empty()) {
    out = {"war", "direct_clash"};
    for (const Corridor& c : s.corridors) out.push_back("corridor_open." + c.id);
  }
  Forecast shape = EmptyForecast(s, 1);
  shape.runs = 1;
  for (const std::string& id : out) {
    if (std::isnan(OutcomeValue(s, shape, id))) {
      std::string known;
      for (const BinaryOutcome& b : shape.binary) known += (known.empty() ? "" : ", ") + b.id;
      return Status::Error(fmt::format(
          "--outcome {}: not an outcome of this scenario; expected a yes/no outcome ({}), a number's id (brink "
          "forecast --json lists them) or held.REGION.BLOC",
          id, known));
    }
  }
  return out;
}

std::vector<double> OutcomeValues(const Scenario& s, const Forecast& f, const std::vector<std::string>& ids) {
  std::vector<double> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) out.push_back(OutcomeValue(s, f, id));
  return out;
}

Result<SensitivityResult> RunSensitivity(const Scenario& s, const SensitivityOptions& options,
                                         const PointProgress& progress, const std::atomic<bool>* cancel) {
  const auto started = std::chrono::steady_clock::now();
  SensitivityResult r;
  Result<std::vector<ParameterRef>> params = SelectParameters(s, options.parameters);
  if (!params.ok()) return Status::Error(params.message());
  r.parameters = std::move(params.value());
  if (r.parameters.empty()) return Status::Error("no parameter to vary (every chosen range is a single value)");
  Result<std::vector<std::string>> outcomes = AnalysisOutcomes(s, options.outcomes);
  if (!outcomes.ok()) return Status::Error(outcomes.message());
  r.outcomes = std::move(outcomes.value());
  const bool morris = options.method != "sobol", sobol = options.method != "morris";
  const int k = static_cast<int>(r.parameters.size());
  const int kept = sobol ? (morris ? std::min(options.top, k) : k) : 0;
  const int64_t total = 1 + (morris ? static_cast<int64_t>(options.trajectories) * (k + 1) : 0) +
                        (sobol ? static_cast<int64_t>(options.samples) * (kept + 2) : 0);
  ForecastOptions ensemble;
  ensemble.runs = options.runs;
  ensemble.seed = options.seed;  // the same for every point: common random numbers
  ensemble.threads = options.threads;
  ensemble.days = options.days;
  r.runs_per_point = options.runs;
  int64_t done = 0;
  // One ensemble at the values `u` (unit cube) of the parameters `which`, the others central.
  auto evaluate = [&](const std::vector<int>& which, const std::vector<double>& u) -> Result<std::vector<double>> {
    std::vector<ParameterRef> chosen;
    std::vector<double> values;
    for (std::size_t i = 0; i < which.size(); ++i) {
      chosen.push_back(r.parameters[static_cast<std::size_t>(which[i])]);
      values.push_back(chosen.back().At(u[i]));
    }
    Result<Scenario> point = WithValues(s, chosen, values);
    if (!point.ok()) return Status::Error(point.message());
    Result<Forecast> f = RunForecast(point.value(), ensemble, nullptr, cancel);
    if (!f.ok()) return Status::Error(f.message());
    return OutcomeValues(point.value(), f.value(), r.outcomes);
  };
  // A design's points (after the central point when `with_central`), split across the
  // cluster's ranks; every rank gets every output.
  auto evaluate_design = [&](const std::vector<int>& which, const Points& design, bool with_central,
                             Points& outputs) -> Status {
    const int64_t offset = with_central ? 1 : 0;
    return EvaluatePoints(
        options.cluster, static_cast<int64_t>(design.size()) + offset, r.outcomes.size(),
        [&](int64_t j) {
          return j < offset ? evaluate({}, {}) : evaluate(which, design[static_cast<std::size_t>(j - offset)]);
        },
        [&](int64_t j, const std::vector<double>& y) {
          if (j < offset) {
            r.central = y;
          } else {
            outputs.push_back(y);
          }
          ++done;
          if (progress) progress(done, total);
          return Status();
        },
        cancel);
  };
  std::vector<int> all(static_cast<std::size_t>(k));
  std::iota(all.begin(), all.end(), 0);
  bool central_done = false;
  if (morris) {
    const MorrisOptions mo{.trajectories = options.trajectories, .levels = 4, .seed = options.seed};
    const Points design = MorrisDesign(k, mo);
    Points outputs;
    if (Status st = evaluate_design(all, design, true, outputs); !st.ok()) return st;
    central_done = true;
    r.morris = MorrisAnalyse(k, mo, design, outputs);
    r.has_morris = true;
  }
  if (sobol) {
    if (morris) {
      // Rank by the largest over the outcomes of mu* / (that outcome's largest mu*).
      std::vector<double> score(static_cast<std::size_t>(k), 0.0);
      for (const auto& row : r.morris) {
        double best = 0;
        for (const MorrisIndex& m : row) best = std::max(best, m.mu_star);
        if (best <= 0) continue;
        for (std::size_t i = 0; i < row.size(); ++i) score[i] = std::max(score[i], row[i].mu_star / best);
      }
      std::vector<int> order = all;
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return score[static_cast<std::size_t>(a)] > score[static_cast<std::size_t>(b)];
      });
      r.sobol_parameters.assign(order.begin(), order.begin() + kept);
    } else {
      r.sobol_parameters = all;
    }
    const Points design = SaltelliDesign(kept, options.samples);
    Points outputs;
    if (Status st = evaluate_design(r.sobol_parameters, design, !central_done, outputs); !st.ok()) return st;
    r.sobol = SobolAnalyse(kept, options.samples, outputs,
                           {.bootstrap = options.bootstrap, .confidence = 0.95, .seed = options.seed});
    r.has_sobol = true;
  }
  r.points = done;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace brink
