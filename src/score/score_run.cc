// The scored ensemble: each run is stepped day by day through the public engine API and every
// observation is evaluated on its own date; runs are computed in blocks in parallel and folded
// into the scores in run order, so the result does not depend on the number of threads.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "brink/engine.h"
#include "brink/score.h"
#include "ensemble/threads.h"

namespace brink {
namespace {

bool EventMatches(const Scenario& s, const Observation& o, const Event& e) {
  if (std::find(o.events.begin(), o.events.end(), e.kind) == o.events.end()) return false;
  if (o.between[0] != kNone) {
    auto bloc = [&](ActorId a) {
      return a == kNone ? kNone : s.actors[static_cast<std::size_t>(a)].bloc;
    };
    const BlocId a = bloc(e.actor), b = bloc(e.target);
    return (a == o.between[0] && b == o.between[1]) || (a == o.between[1] && b == o.between[0]);
  }
  return (o.actor.any() || o.actor.Matches(s, e.actor)) &&
         (o.target.any() || o.target.Matches(s, e.target));
}

double CasualtiesOf(const Scenario& s, const State& st, const Party& p) {
  double sum = 0;
  for (std::size_t a = 0; a < st.actors.size(); ++a) {
    if (p.Matches(s, static_cast<ActorId>(a))) sum += st.actors[a].casualties;
  }
  return sum;
}

// One run's value of every observation (binary as 0/1), written into `out`.
class RunObserver {
 public:
  RunObserver(const Scenario& s, const ObservationSet& set)
      : s_(s), obs_(set.observations), running_(obs_.size(), 0) {
    for (const Observation& o : obs_) {
      needs_log_ =
          needs_log_ || o.kind == ObservationKind::kCount || o.kind == ObservationKind::kFirstEvent;
    }
  }
  bool needs_log() const { return needs_log_; }

  void Start(double* out) {
    for (std::size_t k = 0; k < obs_.size(); ++k) {
      const Observation& o = obs_[k];
      running_[k] = 0;
      // Days default to "never" (the day after the window); counts and losses to 0.
      out[k] = o.is_day() ? o.to + 1 : 0.0;
    }
  }

  // The state at the end of day `st.day`, and the events of that day.
  void Observe(const State& st, const EventLog* log, double* out) {
    const int d = st.day;
    for (std::size_t k = 0; k < obs_.size(); ++k) {
      const Observation& o = obs_[k];
      switch (o.kind) {
        case ObservationKind::kHeld:
          if (d == o.day) {
            ActorId h = st.holder[static_cast<std::size_t>(o.region)];
            out[k] = h != kNone && o.by.Matches(s_, h);
          }
          break;
        case ObservationKind::kWar:
          if (d == o.day) {
            bool war = st.at_war();
            if (war && o.between[0] != kNone) {
              war = (st.war_a == o.between[0] && st.war_b == o.between[1]) ||
                    (st.war_a == o.between[1] && st.war_b == o.between[0]);
            }
            out[k] = war;
          }
          break;
        case ObservationKind::kCorridor:
          if (d == o.day) out[k] = st.corridor_open[static_cast<std::size_t>(o.corridor)] != 0;
          break;
        case ObservationKind::kCasualties:
          // Losses within [from, to]: the running total at the end of `to` less that at the
          // end of the day before `from` (0 at the start).
          if (d == o.from - 1) running_[k] = CasualtiesOf(s_, st, o.by);
          if (d == o.to) out[k] = CasualtiesOf(s_, st, o.by) - running_[k];
          break;
        case ObservationKind::kFirstHeld:
          if (d >= o.from && d <= o.to && out[k] > o.to) {
            ActorId h = st.holder[static_cast<std::size_t>(o.region)];
            if (h != kNone && o.by.Matches(s_, h)) out[k] = d;
          }
          break;
        case ObservationKind::kCount:
        case ObservationKind::kFirstEvent:
          if (!log || d < o.from || d > o.to) break;
          for (const Event& e : *log) {
            if (!EventMatches(s_, o, e)) continue;
            if (o.kind == ObservationKind::kCount) {
              out[k] += 1;
            } else if (out[k] > o.to) {
              out[k] = d;
            }
          }
          break;
      }
    }
  }

 private:
  const Scenario& s_;
  const std::vector<Observation>& obs_;
  std::vector<double> running_;
  bool needs_log_ = false;
};

struct ThreadScratch {
  EventLog log;
};

void Totals(const ObservationSet& set, ScoreReport& r) {
  ScoreTotals& t = r.totals;
  std::vector<double> ps;
  std::vector<bool> outcomes;
  int in50 = 0, in90 = 0;
  for (std::size_t k = 0; k < set.observations.size(); ++k) {
    const Observation& o = set.observations[k];
    const ObservationScore& sc = r.scores[k];
    if (o.binary()) {
      ++t.binary;
      t.brier += sc.brier;
      t.log_score += sc.log_score;
      t.brier_persistence += sc.brier_persistence;
      t.brier_uninformed += sc.brier_uninformed;
      const double floor = 1.0 / (2.0 * static_cast<double>(r.runs));
      t.log_persistence += LogScore(sc.p_persistence, o.outcome, floor);
      t.log_uninformed += LogScore(sc.p_uninformed, o.outcome, floor);
      ps.push_back(sc.p);
      outcomes.push_back(o.outcome);
    } else {
      ++t.numbers;
      t.crps += sc.crps;
      t.crps_persistence += sc.crps_persistence;
      in50 += sc.in50;
      in90 += sc.in90;
    }
  }
  if (t.binary > 0) {
    const double n = t.binary;
    t.brier /= n;
    t.log_score /= n;
    t.brier_persistence /= n;
    t.brier_uninformed /= n;
    t.log_persistence /= n;
    t.log_uninformed /= n;
    t.bss_persistence = t.brier_persistence > 0 ? 1 - t.brier / t.brier_persistence : NAN;
    t.bss_uninformed = t.brier_uninformed > 0 ? 1 - t.brier / t.brier_uninformed : NAN;
  } else {  // no yes/no observation: no mean (n/a, null), not 0
    t.brier = t.log_score = t.brier_persistence = t.brier_uninformed = NAN;
    t.log_persistence = t.log_uninformed = t.bss_persistence = t.bss_uninformed = NAN;
  }
  if (t.numbers > 0) {
    const double n = t.numbers;
    t.crps /= n;
    t.crps_persistence /= n;
    t.crpss_persistence = t.crps_persistence > 0 ? 1 - t.crps / t.crps_persistence : NAN;
    t.coverage50 = in50 / n;
    t.coverage90 = in90 / n;
  } else {
    t.crps = t.crps_persistence = t.crpss_persistence = t.coverage50 = t.coverage90 = NAN;
  }
  t.reliability = ReliabilityTable(ps, outcomes);
}

}  // namespace

Result<ScoreReport> RunScore(const Scenario& s, const ObservationSet& set,
                             const ScoreOptions& options, const ProgressFn& progress,
                             const std::atomic<bool>* cancel) {
  const auto started = std::chrono::steady_clock::now();
  ScoreReport r;
  r.runs = options.runs;
  r.days = set.last_day();
  const std::vector<Observation>& obs = set.observations;
  const std::size_t n_obs = obs.size();
  std::vector<int64_t> hits(n_obs, 0);
  std::vector<CrpsAccumulator> crps;
  crps.reserve(n_obs);
  for (const Observation& o : obs) crps.emplace_back(o.value);

  const int64_t kBlock = 2048;
  std::vector<double> values(static_cast<std::size_t>(kBlock) * n_obs);
  Engine engine(s);
  RunObserver prototype(s, set);
  const bool needs_log = prototype.needs_log();
  tbb::enumerable_thread_specific<ThreadScratch> scratch;
  tbb::enumerable_thread_specific<RunObserver> observers(prototype);
  EnsembleThreads workers(options.threads);
  tbb::task_arena& arena = workers.arena();
  for (int64_t first = 0; first < options.runs; first += kBlock) {
    if (cancel && cancel->load()) return Status::Error("interrupted before the end");
    const int64_t count = std::min(kBlock, options.runs - first);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<int64_t>(0, count, 8), [&](const auto& range) {
        ThreadScratch& t = scratch.local();
        RunObserver& observer = observers.local();
        EventLog* log = needs_log ? &t.log : nullptr;
        for (int64_t i = range.begin(); i != range.end(); ++i) {
          double* out = &values[static_cast<std::size_t>(i) * n_obs];
          // A fresh workspace per run: the engine's contract for a State it has not stepped.
          WorkspacePtr workspace = engine.NewWorkspace();
          State st = engine.Initial();
          observer.Start(out);
          observer.Observe(st, nullptr, out);
          while (st.day < r.days) {
            // Ctrl-C stops within a simulated day; the block is then thrown away.
            if (cancel && cancel->load(std::memory_order_relaxed)) return;
            if (log) log->clear();  // one day's events at a time: memory stays flat
            engine.Step(st, *workspace, options.seed, static_cast<uint64_t>(first + i), log);
            observer.Observe(st, log, out);
          }
        }
      });
    });
    if (cancel && cancel->load()) return Status::Error("interrupted before the end");
    // Fold in run order: the scores do not depend on which thread ran what.
    for (int64_t i = 0; i < count; ++i) {
      const double* x = &values[static_cast<std::size_t>(i) * n_obs];
      for (std::size_t k = 0; k < n_obs; ++k) {
        if (obs[k].binary()) {
          hits[k] += x[k] != 0;
        } else {
          crps[k].Add(x[k]);
        }
      }
    }
    if (progress) progress(first + count, options.runs);
  }

  const State initial = engine.Initial();
  const double floor = 1.0 / (2.0 * static_cast<double>(options.runs));
  r.scores.resize(n_obs);
  for (std::size_t k = 0; k < n_obs; ++k) {
    const Observation& o = obs[k];
    ObservationScore& sc = r.scores[k];
    if (o.binary()) {
      sc.hits = hits[k];
      sc.p = static_cast<double>(hits[k]) / static_cast<double>(options.runs);
      sc.brier = BrierScore(sc.p, o.outcome);
      sc.log_score = LogScore(sc.p, o.outcome, floor);
      sc.p_persistence = PersistenceProbability(s, initial, o);
      sc.p_uninformed = UninformedProbability(s, o);
      sc.brier_persistence = BrierScore(sc.p_persistence, o.outcome);
      sc.brier_uninformed = BrierScore(sc.p_uninformed, o.outcome);
    } else {
      const CrpsAccumulator& c = crps[k];
      // Counts and days are whole numbers: their quantiles are too (the sketch's bucket
      // representative of 3 is 3 within 0.01%, not exactly 3).
      const bool whole = o.kind != ObservationKind::kCasualties;
      auto quantile = [&](double q) {
        double v = c.sketch().Quantile(q);
        return whole ? std::round(v) : v;
      };
      sc.mean = c.Mean();
      sc.q05 = quantile(0.05);
      sc.q25 = quantile(0.25);
      sc.median = quantile(0.5);
      sc.q75 = quantile(0.75);
      sc.q95 = quantile(0.95);
      sc.crps = c.Crps();
      sc.crps_bound = c.SpreadErrorBound();
      sc.crps_persistence = std::fabs(PersistenceValue(s, initial, o) - o.value);
      sc.in50 = o.value >= sc.q25 && o.value <= sc.q75;
      sc.in90 = o.value >= sc.q05 && o.value <= sc.q95;
    }
  }
  Totals(set, r);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace brink
