// What the engine keeps in a workspace from one day to the next (docs/model.md, "What the
// engine keeps from day to day") must never change a result: a workspace that steps another
// state works everything out again, and a policy that reads Turn::before() always has it.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/scenario.h"
#include "tests/state_testing.h"

namespace brink {
namespace {

Scenario Default() {
  Result<Scenario> loaded = LoadDefaultScenario({});
  EXPECT_TRUE(loaded.ok()) << loaded.message();
  return loaded.take();
}

// Two runs stepped turn about in one workspace end where each ends stepped alone: the index,
// the stances and the contested ground counted are worked out again for the other state.
TEST(KeptFromDayToDay, TwoRunsSteppedTurnAboutInOneWorkspaceEqualEachAlone) {
  const Engine engine(Default());
  WorkspacePtr shared = engine.NewWorkspace(), own_a = engine.NewWorkspace(), own_b = engine.NewWorkspace();
  State a = engine.Initial(), b = engine.Initial(), alone_a = engine.Initial(), alone_b = engine.Initial();
  const int days = 200;
  for (int day = 0; day < days; ++day) {
    engine.Step(a, *shared, 5, 0, nullptr);
    engine.Step(b, *shared, 5, 1, nullptr);
    engine.Step(alone_a, *own_a, 5, 0, nullptr);
    engine.Step(alone_b, *own_b, 5, 1, nullptr);
  }
  EXPECT_TRUE(a == alone_a);
  EXPECT_TRUE(b == alone_b);
  ExpectSameState(a, alone_a);
  ExpectSameState(b, alone_b);
  // The two runs went apart, so a count kept for one would be wrong for the other.
  EXPECT_FALSE(a == b);
  int held = 0;
  for (int days_held : a.contested_days) held += days_held;
  EXPECT_GT(held, 0);
}

// Reads Turn::before() on every turn it is asked about (single-threaded test).
class ReadsBefore : public Policy {
 public:
  std::string_view name() const override { return "test_reads_before"; }
  Action Choose(const Turn& turn, ActorId actor) const override {
    seen_.push_back(turn.before());
    return ChooseSoftmax(DoctrineScores(turn, actor), turn.scenario().actors[actor].rationality, turn.Draw(actor));
  }
  mutable std::vector<State> seen_;
};

// Step skips the copy of the state before each day only when every policy is the shipped
// doctrine or hold; a policy that reads it sees the state as the day before left it.
TEST(KeptFromDayToDay, APolicyThatReadsBeforeSeesTheStateTheDayBeforeLeft) {
  auto reader = std::make_shared<ReadsBefore>();
  ASSERT_TRUE(RegisterPolicy(reader).ok());
  Scenario reading = Default();
  ASSERT_TRUE(ApplyPolicyChoices(reading, {"us=test_reads_before"}).ok());
  const Engine engine(std::move(reading));
  WorkspacePtr w = engine.NewWorkspace();
  State st = engine.Initial();
  for (int day = 0; day < 40; ++day) {
    const State yesterday = st;
    engine.Step(st, *w, 9, 0, nullptr);
    ASSERT_EQ(reader->seen_.size(), static_cast<std::size_t>(day + 1));
    EXPECT_EQ(reader->seen_.back().day, day);
    EXPECT_TRUE(reader->seen_.back() == yesterday) << "day " << day + 1;
  }
  EXPECT_TRUE(UnregisterPolicy("test_reads_before"));
}

}  // namespace
}  // namespace brink
