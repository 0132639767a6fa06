// Every arm of the seed's claims (tests/claim_arms.h), briefly: 48 runs of each, on one thread
// and on two, must give the same forecast byte for byte. The claims themselves (Claims.*, long)
// need 2,000 to 40,000 runs an arm; under the sanitizers that is most of an hour, so CI runs
// them in Release only (.ci/run) and runs this instead under the sanitizers: each arm's rules
// (a zone switched off, signalling off, a feud, no Euphrates line...) are exercised there with
// their memory and arithmetic checked.
#include <gtest/gtest.h>

#include <string>

#include "brink/forecast.h"
#include "brink/scenario.h"
#include "tests/claim_arms.h"

namespace brink {
namespace {

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
    std::string one_thread;
    for (int threads : {1, 2}) {
      options.threads = threads;
      Result<Forecast> forecast = RunForecast(scenario.value(), options);
      ASSERT_TRUE(forecast.ok()) << forecast.message();
      EXPECT_EQ(forecast.value().runs, 48);
      const std::string json = ForecastJson(scenario.value(), forecast.value(), options);
      if (threads == 1) {
        one_thread = json;
      } else {
        EXPECT_EQ(json, one_thread);
      }
    }
  }
}

}  // namespace
}  // namespace brink
