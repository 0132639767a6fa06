// ExpectSameState compares every field: a field added to State (or to what it holds) and left
// out fails to compile (static_asserts in tests/state_testing.h); a difference in one of the
// fields it once missed is noticed.
#include "tests/state_testing.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace brink {
namespace {

State Sample() {
  State s;
  s.actors.resize(2);
  s.forces.resize(1);
  return s;
}

TEST(ExpectSameState, NoticesEveryField) {
  EXPECT_EQ(testing_internal::FieldCount<State>(), kComparedStateFields);
  // Fields that were once not compared: each difference alone must fail the comparison.
  const std::vector<void (*)(State&)> changes = {
      [](State& s) { s.actors[1].credibility = 0.5f; },
      [](State& s) { s.actors[1].offer_days = 4; },
      [](State& s) { s.actors[0].previous = Action::kStrike; },
      [](State& s) { s.actors[0].grievance.harm = 3; },
      [](State& s) { s.channel_suspended_days = 2; },
      [](State& s) { s.fire_chain[0] = 7; },
      [](State& s) { s.ceasefire_day = 40; },
      [](State& s) { s.war_losses_at_start = 9; },
      [](State& s) { s.relation_phase = 1; },
      [](State& s) { s.schedule_next = 3; },
      [](State& s) { s.inflicted = {1}; },
      [](State& s) { s.underground = {2}; },
      [](State& s) { s.cross_share = {0.5f}; },
      [](State& s) { s.tally.insurgent_attacks = 1; },
      [](State& s) { s.battle_start_day = {5}; },
      [](State& s) { s.battle_last_day = {6}; },
  };
  for (std::size_t k = 0; k < changes.size(); ++k) {
    State a = Sample(), b = Sample();
    changes[k](b);
    ::testing::TestPartResultArray failures;
    {
      ::testing::ScopedFakeTestPartResultReporter intercept(
          ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
      ExpectSameState(a, b);
    }
    EXPECT_GT(failures.size(), 0) << "change " << k << " went unnoticed";
  }
}

}  // namespace
}  // namespace brink
