// Analyses over parameters (docs/analysis.md): which of them the odds depend on (sensitivity),
// and what an ensemble says at chosen parameter values. Every point is an ensemble run with
// RunForecast, all with the same seed: common random numbers.
#ifndef BRINK_ANALYSIS_H_
#define BRINK_ANALYSIS_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "brink/forecast.h"
#include "brink/options.h"
#include "brink/parameters.h"
#include "brink/scenario.h"
#include "brink/sensitivity.h"

namespace brink {

// The outcomes an analysis reads, checked against the scenario (ids as in SensitivityOptions);
// empty `ids`: war, direct_clash and every corridor_open.ID.
Result<std::vector<std::string>> AnalysisOutcomes(const Scenario& s, const std::vector<std::string>& ids);
// The outcomes' values in a finished forecast (probability, mean, or holding chance).
std::vector<double> OutcomeValues(const Scenario& s, const Forecast& f, const std::vector<std::string>& ids);

// Progress of a study: points done of total.
using PointProgress = std::function<void(int64_t done, int64_t total)>;

struct SensitivityResult {
  std::vector<ParameterRef> parameters;
  std::vector<std::string> outcomes;
  std::vector<double> central;                    // outcomes at the scenario's values
  bool has_morris = false, has_sobol = false;
  std::vector<std::vector<MorrisIndex>> morris;   // [outcome][parameter]
  std::vector<int> sobol_parameters;              // indices into parameters
  std::vector<std::vector<SobolIndex>> sobol;     // [outcome][sobol parameter]
  int64_t points = 0, runs_per_point = 0;
  double seconds = 0;
};

Result<SensitivityResult> RunSensitivity(const Scenario& s, const SensitivityOptions& options,
                                         const PointProgress& progress = nullptr,
                                         const std::atomic<bool>* cancel = nullptr);
std::string SensitivityText(const SensitivityResult& r);
std::string SensitivityJson(const Scenario& s, const SensitivityResult& r, const SensitivityOptions& options);
// morris.csv and sobol.csv (one row per outcome and parameter) into `dir`, as one set.
Status WriteSensitivityCsv(const SensitivityResult& r, const std::string& dir);
std::vector<std::string> SensitivityCsvNames();
// A self-contained HTML page: a tornado chart per outcome (Sobol total and first-order indices
// with their intervals, or Morris mu* where Sobol was not run) and the tables.
std::string SensitivityHtml(const Scenario& s, const SensitivityResult& r);

}  // namespace brink

#endif  // BRINK_ANALYSIS_H_
