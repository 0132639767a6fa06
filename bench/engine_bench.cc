// Google Benchmark: one full run, one simulated day, and a whole forecast, on the default
// scenario. `brink bench` prints the same figures as runs per second per core.
#include <benchmark/benchmark.h>

#include "brink/engine.h"
#include "brink/forecast.h"
#include "brink/scenario.h"

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
