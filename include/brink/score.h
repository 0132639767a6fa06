// Scoring forecasts against the record: dated observations (who held a region, whether war
// came, whether a corridor was open, how many clashes, when something first happened), an
// ensemble run that evaluates each of them on its date, and proper scores (Brier, logarithmic,
// CRPS) with skill against persistence and uninformed references (docs/model.md, "Scoring").
#ifndef BRINK_SCORE_H_
#define BRINK_SCORE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brink/event.h"
#include "brink/forecast.h"
#include "brink/options.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "brink/stats.h"
#include "brink/status.h"

namespace brink {

enum class ObservationKind : uint8_t {
  kHeld,        // binary: `region` held by actor or bloc `by` at the end of `date`
  kWar,         // binary: full-scale war (between blocs `between`, if given) by the end of `date`
  kCorridor,    // binary: `corridor` open at the end of `date`
  kCount,       // number: events of the given kinds within [from, to]
  kCasualties,  // number: an actor's (or bloc's) casualties within [from, to], whatever the cause
  kFirstHeld,   // number (a day): the first day `region` was held by `by`, within [from, to]
  kFirstEvent,  // number (a day): the first day an event of the given kinds happened in [from, to]
};
std::string_view ObservationKindName(ObservationKind kind);

// Who an observation is about: an actor or a whole bloc (or nobody in particular).
struct Party {
  ActorId actor = kNone;
  BlocId bloc = kNone;
  bool any() const { return actor == kNone && bloc == kNone; }
  bool Matches(const Scenario& s, ActorId a) const;
};

struct Observation {
  std::string id, label, source, note, position;  // position: file:line:column of its table
  ObservationKind kind = ObservationKind::kHeld;
  int day = 0;           // kHeld, kWar, kCorridor: the day observed (0 = the start date)
  int from = 0, to = 0;  // windows of the numbers, inclusive days
  RegionId region = kNone;
  int corridor = kNone;
  Party by;             // kHeld, kFirstHeld: the holder; kCasualties: whose losses
  Party actor, target;  // kCount, kFirstEvent: who acted, on whom
  std::array<BlocId, 2> between{kNone, kNone};  // kWar: the two blocs; kCount: either way round
  std::vector<EventKind> events;
  bool outcome = false;  // binary: whether it happened
  double value = 0;      // number: what was observed (for days: the day; to + 1 if never)
  bool binary() const {
    return kind == ObservationKind::kHeld || kind == ObservationKind::kWar ||
           kind == ObservationKind::kCorridor;
  }
  bool is_day() const {
    return kind == ObservationKind::kFirstHeld || kind == ObservationKind::kFirstEvent;
  }
  int last_day() const { return binary() ? day : to; }
};

struct ObservationSet {
  std::string source_name, content_hash;
  std::vector<Observation> observations;
  int last_day() const;
};

// Loads observations: the [[observation]] tables of a TOML file (docs/scenario-format.md,
// "Observations"), checked against the scenario's ids, dates and horizon. Errors name
// file:line:column. A scenario file may carry them too: LoadObservations on its own text.
Result<ObservationSet> LoadObservations(std::string_view toml_text, std::string_view source_name,
                                        const Scenario& scenario);
Result<ObservationSet> LoadObservationsFile(const std::string& path, const Scenario& scenario);
// The observations shipped with the default scenario (15 Jun - 31 Dec 2017, from the record).
std::string_view DefaultObservationsText();
Result<ObservationSet> LoadDefaultObservations(const Scenario& scenario);

// ---------------------------------------------------------------- proper scores
// Brier score of probability p for an outcome (0 best, 1 worst).
double BrierScore(double p, bool outcome);
// Logarithmic score, -ln of the probability given to what happened, that probability floored
// at `floor` (1 / (2 runs) for an ensemble) so a finite ensemble never scores infinity.
double LogScore(double p, bool outcome, double floor);
// CRPS of a finite ensemble against y, exactly: mean |x - y| - mean |x - x'| / 2 (O(n log n)).
double CrpsExact(std::vector<double> ensemble, double y);
// CRPS of a normal distribution N(mu, sigma^2) against y (closed form, Gneiting et al. 2005).
double CrpsNormal(double mu, double sigma, double y);

// CRPS in flat memory: the first term accumulates exactly; the spread term comes from the
// quantile sketch's buckets, within SpreadErrorBound() of the exact ensemble value.
class CrpsAccumulator {
 public:
  explicit CrpsAccumulator(double observed) : observed_(observed) {}
  void Add(double x);
  int64_t n() const { return n_; }
  double Mean() const;          // E X, exact
  double MeanAbsError() const;  // E|X - y|, exact
  double HalfSpread() const;    // E|X - X'| / 2, from the sketch
  double SpreadErrorBound() const;
  double Crps() const { return MeanAbsError() - HalfSpread(); }
  const QuantileSketch& sketch() const { return sketch_; }

 private:
  double observed_;
  int64_t n_ = 0;
  double sum_ = 0, sum_abs_error_ = 0, sum_abs_ = 0;
  QuantileSketch sketch_{kRelativeAccuracy, kMinMagnitude};

 public:
  // 0.01%: whole numbers (counts, days) below 5000 round back to themselves exactly.
  static constexpr double kRelativeAccuracy = 1e-4, kMinMagnitude = 1e-3;
};

// Forecast probability in ten bins [0, 0.1), ..., [0.9, 1]: how often the event happened.
struct ReliabilityBin {
  int count = 0, hits = 0;
  double sum_p = 0;
};
std::array<ReliabilityBin, 10> ReliabilityTable(const std::vector<double>& p,
                                                const std::vector<bool>& outcome);

// The reference forecasts of a binary observation: persistence (the day-0 state holds, nothing
// new happens) and uninformed (each possible outcome equally likely).
double PersistenceProbability(const Scenario& s, const State& initial, const Observation& o);
double UninformedProbability(const Scenario& s, const Observation& o);
// Persistence's point forecast of a number: nothing new happens (no events, no losses; a
// region already held stays held from the window's first day; anything else never happens).
double PersistenceValue(const Scenario& s, const State& initial, const Observation& o);

// ---------------------------------------------------------------- the scored ensemble
struct ObservationScore {
  // binary
  int64_t hits = 0;
  double p = 0, brier = 0, log_score = 0, p_persistence = 0, p_uninformed = 0;
  double brier_persistence = 0, brier_uninformed = 0;
  // numbers
  double median = 0, q05 = 0, q25 = 0, q75 = 0, q95 = 0, mean = 0;
  double crps = 0, crps_bound = 0, crps_persistence = 0;
  bool in50 = false, in90 = false;
};

struct ScoreTotals {
  int binary = 0, numbers = 0;
  double brier = 0, log_score = 0, crps = 0;
  double brier_persistence = 0, brier_uninformed = 0, log_persistence = 0, log_uninformed = 0;
  double bss_persistence = 0, bss_uninformed = 0;  // 1 - Brier / Brier of the reference
  double crps_persistence = 0, crpss_persistence = 0;
  double coverage50 = 0, coverage90 = 0;
  std::array<ReliabilityBin, 10> reliability{};
};

struct ScoreReport {
  int64_t runs = 0;
  int days = 0;                          // simulated per run: up to the last observed day
  std::vector<ObservationScore> scores;  // one per observation, in order
  ScoreTotals totals;
  double seconds = 0;  // wall time (not in JSON or CSV: it varies)
};

Result<ScoreReport> RunScore(const Scenario& scenario, const ObservationSet& observations,
                             const ScoreOptions& options, const ProgressFn& progress = nullptr,
                             const std::atomic<bool>* cancel = nullptr);

std::string ScoreText(const Scenario& s, const ObservationSet& o, const ScoreReport& r);
std::string ScoreJson(const Scenario& s, const ObservationSet& o, const ScoreReport& r,
                      const ScoreOptions& options);
// Writes observations.csv, totals.csv and reliability.csv into `dir` as one set, as
// WriteFileSet does (a planted symlink is never followed, a folder holding anything else is
// refused); text cells are neutralised for spreadsheets (a label starting with = + - @).
Status WriteScoreCsv(const Scenario& s, const ObservationSet& o, const ScoreReport& r,
                     const ScoreOptions& options, const std::string& dir);
// The names of that set, for CheckWritableFileSet before the runs.
std::vector<std::string> ScoreCsvNames();

}  // namespace brink

#endif  // BRINK_SCORE_H_
