// Determinism: a run is a pure function of (scenario, seed, run), whatever thread computes it
// and whatever ran before it; a forecast is byte-identical whatever the number of threads; and
// a State copied with one assignment steps exactly like the original.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>

#include "brink/engine.h"
#include "brink/forecast.h"
#include "brink/report.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "tests/claim_arms.h"
#include "tests/state_testing.h"

namespace brink {
namespace {

Scenario Default() {
  Result<Scenario> loaded = LoadDefaultScenario();
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.message());
  return loaded.ok() ? loaded.take() : Scenario{};
}

Scenario Small() {
  Result<Scenario> loaded =
      LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.message());
  return loaded.ok() ? loaded.take() : Scenario{};
}

// One run to the scenario's horizon as JSON lines (header, events, end state). The seed in the
// header is `label`, so runs with different seeds can be compared by their content alone.
std::string RunJson(const Scenario& s, uint64_t seed, uint64_t run, uint64_t label) {
  Engine engine(s);
  EventLog log;
  State end = engine.Run(seed, run, 0, &log);
  return RunJsonLines(s, log, end, label);
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(Determinism, SameSeedSameRunByteIdentical) {
  for (const Scenario& s : {Default(), Small()}) {
    ASSERT_FALSE(s.regions.empty());
    const std::string first = RunJson(s, 7, 3, 7);
    // Something else runs in between, on the same thread.
    RunJson(s, 8, 0, 8);
    const std::string second = RunJson(s, 7, 3, 7);
    EXPECT_EQ(first, second) << s.name;
    EXPECT_GT(Lines(first), 3u) << s.name << ": a run with events, not an empty one";
  }
}

TEST(Determinism, DifferentSeedsDiffer) {
  for (const Scenario& s : {Default(), Small()}) {
    ASSERT_FALSE(s.regions.empty());
    const std::string base = RunJson(s, 1, 0, 0);
    EXPECT_NE(base, RunJson(s, 2, 0, 0)) << s.name << ": another seed";
    EXPECT_NE(base, RunJson(s, 1, 1, 0)) << s.name << ": another run of the same seed";
  }
}

// The forecast of `s` with `options` on one thread, having checked that each of `threads` gives
// the same JSON byte for byte.
Forecast ExpectIndependentOfThreads(const Scenario& s, ForecastOptions options, std::initializer_list<int> threads) {
  Forecast first;
  std::string reference;
  for (int t : threads) {
    options.threads = t;
    Result<Forecast> forecast = RunForecast(s, options);
    EXPECT_TRUE(forecast.ok()) << forecast.message();
    if (!forecast.ok()) return first;
    EXPECT_EQ(forecast.value().runs, options.runs);
    const std::string json = ForecastJson(s, forecast.value(), options);
    if (reference.empty()) {
      reference = json;
      first = forecast.take();
    } else {
      EXPECT_EQ(json, reference) << t << " threads";
    }
  }
  return first;
}

// 300 runs of 200 days of the default scenario (about a second of work on one core).
TEST(Determinism, ForecastIndependentOfThreads) {
  const Scenario s = Default();
  ASSERT_FALSE(s.regions.empty());
  ForecastOptions options;
  options.seed = 11;
  options.runs = 300;
  options.days = 200;
  options.progress = false;
  const Forecast one_thread = ExpectIndependentOfThreads(s, options, {1, 2, 8});
  // Not a degenerate forecast: some outcome varies between runs.
  bool varies = false;
  for (const BinaryOutcome& b : one_thread.binary) varies = varies || (b.value.hits > 0 && b.value.hits < b.value.n);
  EXPECT_TRUE(varies);
}

// Every arm of the seed's claims (tests/claim_arms.h), briefly: 48 runs of each, the same on one
// thread and on two. The claims themselves (Claims.*, long) need 2,000 to 40,000 runs an arm;
// under the sanitizers that is most of an hour, so CI runs them in Release only (.ci/run) and
// this instead under the sanitizers: each arm's rules (a zone switched off, signalling off, a
// feud, no Euphrates line...) run there with their memory and arithmetic checked.
TEST(ClaimArms, EachArmForecastsTheSameOnOneThreadAndOnTwo) {
  for (const test::ClaimArm& arm : test::AllClaimArms()) {
    SCOPED_TRACE(arm.name);
    Result<Scenario> scenario = LoadDefaultScenario(arm.sets);
    ASSERT_TRUE(scenario.ok()) << scenario.message();
    ForecastOptions options;
    options.seed = test::kClaimSeed;
    options.runs = 48;
    options.progress = false;
    options.scenario.overrides = arm.sets;
    ExpectIndependentOfThreads(scenario.value(), options, {1, 2});
  }
}

TEST(Determinism, StateCopyStepsIdentically) {
  const Scenario s = Default();
  ASSERT_FALSE(s.regions.empty());
  const uint64_t seed = 5, run = 2;
  Engine engine(s);
  WorkspacePtr w1 = engine.NewWorkspace(), w2 = engine.NewWorkspace();
  State original = engine.Initial();
  for (int day = 0; day < 90; ++day) engine.Step(original, *w1, seed, run, nullptr);

  State copy;
  copy = original;  // one assignment
  ExpectSameState(original, copy);

  // Both go on from day 90 with the same seed and run, each with its own scratch space.
  EventLog log_original, log_copy;
  for (int day = 0; day < 90; ++day) {
    engine.Step(original, *w1, seed, run, &log_original);
    engine.Step(copy, *w2, seed, run, &log_copy);
  }
  ExpectSameState(original, copy);
  EXPECT_EQ(RunJsonLines(s, log_original, original, seed), RunJsonLines(s, log_copy, copy, seed));
  EXPECT_FALSE(log_original.empty()) << "the days after the copy must be eventful";
  // And both are where an uninterrupted run of 180 days ends.
  ExpectSameState(copy, engine.Run(seed, run, 180, nullptr));
}

}  // namespace
}  // namespace brink
