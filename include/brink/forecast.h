// Ensemble forecasts: many independent runs of one scenario, summarised as the probability of
// each yes/no outcome (with a 95% Wilson interval), the distribution of each number, the
// cumulative chance of war by day and each region's chance of being held by each bloc.
// Byte-identical whatever the number of threads or of MPI ranks (ForecastOptions::cluster): runs
// are computed in blocks in parallel and folded into the statistics in run order.
#ifndef BRINK_FORECAST_H_
#define BRINK_FORECAST_H_

#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
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

// Why the wars of a forecast started: the acts of fire between the rival blocs that came last
// before the war broke out (State::fire_chain), as one line ("strike by a principal on a
// principal -> retaliation by a principal on a principal -> war"), with the runs that had it.
struct WarCause {
  std::string chain;
  int64_t runs = 0;
};
// The line for one run's chain of fire (oldest first; zeros are no act).
std::string WarCauseChain(const std::array<uint16_t, 3>& chain);

struct Forecast {
  int64_t runs = 0;
  int days = 0;
  std::vector<BinaryOutcome> binary;
  std::vector<NumberOutcome> numbers;
  std::vector<int64_t> war_by_day;      // runs at war by the end of day d (index d, 0..days)
  std::vector<int64_t> holder_counts;   // regions x (blocs + 1): last column = nobody
  std::vector<WarCause> war_causes;     // runs with war by what led to it, most runs first (ties by chain)
  double seconds = 0;                   // wall time (not part of the JSON: it varies)
};

// Progress: called from the main thread after each block with runs done (on rank 0 only when
// the runs are split across a cluster).
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

// One run's outcomes as the ensemble folds it in: `binary` and `numbers` in the order of the
// forecast's outcomes (a conditional number that did not happen is NaN), `holders` each
// region's holder bloc at the end (-1: nobody). Valid only during the call.
struct RunOutcome {
  int64_t run = 0;
  const uint8_t* binary = nullptr;
  const double* numbers = nullptr;
  const int8_t* holders = nullptr;
};
// Called from the main thread for every run, in run order whatever the thread count, as each
// block of runs finishes: memory stays bounded by the block in flight.
using RunSink = std::function<void(const RunOutcome&)>;

// Runs the ensemble. Returns an error if `cancel` becomes true before the end (the sink has
// then seen the runs of the blocks finished so far).
Result<Forecast> RunForecast(const Scenario& scenario, const ForecastOptions& options,
                             const ProgressFn& progress = nullptr,
                             const std::atomic<bool>* cancel = nullptr,
                             const RunSink& each_run = nullptr);

// Two ensembles run side by side with the same seeds (common random numbers): `b_options`
// should differ from `a_options` only in the scenario's options. `each_pair` sees run i of A
// and run i of B together, in run order; A is never more than a couple of blocks ahead of B,
// so memory stays flat. `progress` counts the runs of B.
using PairSink = std::function<void(const RunOutcome& a, const RunOutcome& b)>;
struct ForecastPair {
  Forecast a, b;
};
Result<ForecastPair> RunForecastPair(const Scenario& a, const ForecastOptions& a_options,
                                     const Scenario& b, const ForecastOptions& b_options,
                                     const PairSink& each_pair, const ProgressFn& progress = nullptr,
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

// forecast --uncertain: the yes/no odds at the central values beside those over the
// assumptions' ranges ("war 1.1% [0.9-1.3] at the central values; 2.4% [2.1-2.7] over the
// assumptions' ranges"), as text, and added to the forecast's JSON as "uncertain" (the
// parameters drawn with their ranges, and each yes/no outcome's odds), which the HTML report
// shows beside the central odds.
std::string UncertainOddsText(const Forecast& fixed, const Forecast& uncertain, std::size_t parameters);
std::string WithUncertainOdds(const std::string& forecast_json, const Forecast& uncertain,
                              const std::vector<std::string>& paths, const std::vector<std::pair<double, double>>& ranges);

// The per-run table (--runs-csv): one row per run, in run order, in the tidy form pandas and
// R read directly: seed, run, then (optionally) the arm, every yes/no outcome as 0/1, every
// number (empty where a conditional one did not happen), and the bloc holding each key region
// at the end ("nobody" if none). Rows are made as runs finish, so memory stays flat.
class RunsCsv {
 public:
  // `shape` gives the outcomes' ids in order (EmptyForecast); `with_arm` adds an arm column.
  RunsCsv(const Scenario& s, const Forecast& shape, uint64_t seed, bool with_arm = false);
  std::string Header() const;
  // Appends the row of one run to `out`.
  void AppendRow(const RunOutcome& run, std::string& out, std::string_view arm = {}) const;

 private:
  std::vector<std::string> binary_ids_, number_ids_, bloc_ids_, region_ids_;
  std::vector<std::size_t> key_regions_;
  std::vector<uint8_t> conditional_;
  uint64_t seed_;
  bool with_arm_;
};

// The outcomes a scenario's forecast reports, declared once: each column's id, label, kind and
// how a run's end state gives its value (1/0 for yes/no; NaN where a conditional number does
// not apply). Forecast::binary and Forecast::numbers hold them in this order. The functions
// refer to `s`, which must outlive the table.
struct OutcomeColumn {
  std::string id, label;
  bool binary = false;
  bool conditional = false;  // numbers: only counted in runs where it happened
  bool whole = true;         // numbers: quantiles reported as whole numbers
  std::function<double(const State&)> value;
};
std::vector<OutcomeColumn> OutcomeTable(const Scenario& s);

// The names of the outcomes a scenario's forecast reports, in order (for tests and --help).
Forecast EmptyForecast(const Scenario& s, int days);

}  // namespace brink

#endif  // BRINK_FORECAST_H_
