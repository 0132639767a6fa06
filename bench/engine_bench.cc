// Google Benchmark: one full run, one simulated day, and a whole forecast, on the default
// scenario. `brink bench` prints the same figures as runs per second per core.
#include <benchmark/benchmark.h>

#include "brink/engine.h"
#include "brink/forecast.h"
#include "brink/scenario.h"
#include "brink/search.h"

namespace {

const brink::Scenario& Default() {
  static const brink::Scenario scenario = brink::LoadDefaultScenario().take();
  return scenario;
}

void BM_OneRun(benchmark::State& state) {
  brink::Engine engine(Default());
  auto workspace = engine.NewWorkspace();
  uint64_t run = 0;
  for (auto _ : state) {
    brink::State end = engine.Run(1, run++, 0, nullptr, *workspace);
    benchmark::DoNotOptimize(end.tally.escalation_score);
  }
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OneRun)->Unit(benchmark::kMillisecond);

void BM_OneDay(benchmark::State& state) {
  brink::Engine engine(Default());
  auto workspace = engine.NewWorkspace();
  brink::State start = engine.Initial();
  for (int d = 0; d < 100; ++d) engine.Step(start, *workspace, 1, 0, nullptr);  // mid-campaign
  brink::State st = start;
  for (auto _ : state) {
    if (st.day >= 300) {
      state.PauseTiming();
      st = start;
      state.ResumeTiming();
    }
    engine.Step(st, *workspace, 1, 0, nullptr);
  }
}
BENCHMARK(BM_OneDay)->Unit(benchmark::kMicrosecond);

// The child step (Engine::Child: the turn's state and workspace copied, the day applied)
// against a step in place (BM_OneDay): what a look-ahead pays per simulated first day.
void BM_ChildStep(benchmark::State& state) {
  brink::Engine engine(Default());
  auto workspace = engine.NewWorkspace(), scratch = engine.NewWorkspace();
  brink::State st = engine.Initial(), child;
  for (int d = 0; d < 100; ++d) engine.Step(st, *workspace, 1, 0, nullptr);  // mid-campaign
  brink::Turn turn = engine.Begin(st, *workspace, 1, 0);
  const brink::JointAction joint = engine.Decide(turn);
  for (auto _ : state) {
    if (!engine.Child(turn, joint, child, *scratch, nullptr).ok()) state.SkipWithError("child step refused");
    benchmark::DoNotOptimize(child.day);
  }
}
BENCHMARK(BM_ChildStep)->Unit(benchmark::kMicrosecond);

// A plain copy of a state stepped in a workspace that has since stepped another state (the
// copy-and-step look-ahead without Engine::Child): the step derives the force index afresh.
void BM_CopyAndStep(benchmark::State& state) {
  brink::Engine engine(Default());
  auto workspace = engine.NewWorkspace();
  brink::State start = engine.Initial(), copy;
  for (int d = 0; d < 100; ++d) engine.Step(start, *workspace, 1, 0, nullptr);  // mid-campaign
  for (auto _ : state) {
    copy = start;
    engine.Step(copy, *workspace, 1, 0, nullptr);
    benchmark::DoNotOptimize(copy.day);
  }
}
BENCHMARK(BM_CopyAndStep)->Unit(benchmark::kMicrosecond);

// Days simulated per second inside the search policy (RunSearch from a decision point of the
// US, 100 simulations of 10 days).
void BM_SearchDays(benchmark::State& state) {
  brink::Engine engine(Default());
  auto workspace = engine.NewWorkspace();
  const auto us = static_cast<brink::ActorId>(Default().ActorIndex("us"));
  brink::State st = engine.Initial(), at_dawn;
  // The first day from day 30 on where the US faces a decision.
  for (;;) {
    brink::Turn turn = engine.Begin(st, *workspace, 1, 0);
    if (st.day >= 30 && brink::IsDecisionPoint(turn, us)) {
      at_dawn = turn.before();
      break;
    }
    (void)engine.Apply(turn, engine.Decide(turn), nullptr);
  }
  brink::Turn turn = engine.Begin(at_dawn, *workspace, 1, 0);
  brink::SearchSettings settings{.simulations = 100, .horizon_days = 10};
  int64_t days = 0;
  for (auto _ : state) {
    brink::Result<brink::Deliberation> d = brink::RunSearch(turn, us, settings);
    if (!d.ok()) state.SkipWithError("search failed");
    days += static_cast<int64_t>(d.value().simulations) * d.value().horizon_days;
  }
  state.counters["days/s"] = benchmark::Counter(static_cast<double>(days), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SearchDays)->Unit(benchmark::kMillisecond);

void BM_Forecast1000(benchmark::State& state) {
  brink::ForecastOptions options;
  options.runs = 1000;
  for (auto _ : state) {
    auto f = brink::RunForecast(Default(), options);
    benchmark::DoNotOptimize(f.value().runs);
  }
}
BENCHMARK(BM_Forecast1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
