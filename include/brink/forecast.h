// Ensemble forecasts: many independent runs of one scenario, summarised as the probability of
// each yes/no outcome (with a 95% Wilson interval), the distribution of each number, the
// cumulative chance of war by day and each region's chance of being held by each bloc.
// Byte-identical whatever the number of threads: runs are computed in blocks in parallel and
// folded into the statistics in run order.
#ifndef BRINK_FORECAST_H_
#define BRINK_FORECAST_H_

#include <atomic>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "brink/options.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "brink/stats.h"

namespace brink {

struct BinaryOutcome {
  std::string id, label;
  Proportion value;
};

struct NumberOutcome {
  std::string id, label;
  bool conditional = false;  // only counted in runs where it happened (e.g. day of war)
  NumberStats value;
  bool whole = true;         // a count, a day or troops: quantiles are reported as whole numbers
  // The quantile as reported: exact where the sketch holds the value itself, else within its
  // relative accuracy, and rounded to a whole number for whole outcomes.
  double Quantile(double q) const {
    const double v = value.Quantile(q);
    return whole ? std::round(v) : v;
  }
};

struct Forecast {
  int64_t runs = 0;
  int days = 0;
  std::vector<BinaryOutcome> binary;
  std::vector<NumberOutcome> numbers;
  std::vector<int64_t> war_by_day;      // runs at war by the end of day d (index d, 0..days)
  std::vector<int64_t> holder_counts;   // regions x (blocs + 1): last column = nobody
  double seconds = 0;                   // wall time (not part of the JSON: it varies)
};

// Progress: called from the main thread after each block with runs done.
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

// Runs the ensemble. Returns an error if `cancel` becomes true before the end.
Result<Forecast> RunForecast(const Scenario& scenario, const ForecastOptions& options,
                             const ProgressFn& progress = nullptr,
                             const std::atomic<bool>* cancel = nullptr);

// Reports: a terminal table, JSON with provenance, and CSV files.
std::string ForecastText(const Scenario& s, const Forecast& f);
std::string ForecastJson(const Scenario& s, const Forecast& f, const ForecastOptions& options);
// Writes binary.csv, numbers.csv, war_by_day.csv, regions.csv and provenance.csv (what the
// JSON's provenance says, key by key) as one set into folder `dir` (created, or replaced as a
// whole: see WriteFileSet).
Status WriteForecastCsv(const Scenario& s, const Forecast& f, const ForecastOptions& options,
                        const std::string& dir);
// The names of those files.
std::vector<std::string> ForecastCsvNames();

// The names of the outcomes a scenario's forecast reports, in order (for tests and --help).
Forecast EmptyForecast(const Scenario& s, int days);

}  // namespace brink

#endif  // BRINK_FORECAST_H_
