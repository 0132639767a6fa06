// A Turn is stamped with its workspace and state: any other use of them between Begin and
// Apply (another Begin, a Step of a copy, a hand edit) makes Apply refuse it with a clear
// Status instead of running the rules with another state's index. A child step (Fork, Child)
// plays a turn's day into another state exactly as Apply would, leaving the turn open, so a
// look-ahead can run inside a policy's Choose. These run under ASan and UBSan in CI: before the
// stamp, the misuse cases below corrupted memory (a double free; UBSan: index -16706 out of
// bounds in combat.cc).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/report.h"
#include "brink/scenario.h"
#include "tests/state_testing.h"

namespace brink {
namespace {

Engine DefaultEngine() {
  Result<Scenario> loaded = LoadDefaultScenario({});
  EXPECT_TRUE(loaded.ok()) << loaded.message();
  return Engine(loaded.take());
}

bool Mentions(const Status& status, std::string_view words) {
  return status.message().find(words) != std::string::npos;
}

// A look-ahead's mistake: between Begin and Apply it steps a copy of the state in the caller's
// workspace. The turn is no longer what the workspace holds; Apply says so.
TEST(TurnMisuse, ASteppedCopyInTheTurnsWorkspaceClosesTheTurn) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w = engine.NewWorkspace();
  State st = engine.Initial();
  for (int day = 0; day < 30; ++day) engine.Step(st, *w, 3, 0, nullptr);
  Turn turn = engine.Begin(st, *w, 3, 0);
  ASSERT_TRUE(turn.valid());
  const JointAction joint = engine.Decide(turn);
  State copy = turn.before();
  for (int day = 0; day < 5; ++day) engine.Step(copy, *w, 3, 1, nullptr);
  EXPECT_FALSE(turn.valid());
  EXPECT_TRUE(turn.Legal(0).empty()) << "a closed turn offers nothing to read";
  EXPECT_EQ(turn.Draw(0), 0.0);
  const Status refused = engine.Apply(turn, joint, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(Mentions(refused, "no longer open")) << refused.message();
  // The state is as Begin left it: a new day can be begun on it and played.
  Turn again = engine.Begin(st, *w, 3, 0);
  EXPECT_TRUE(engine.Apply(again, engine.Decide(again), nullptr).ok());
}

TEST(TurnMisuse, AnotherBeginInTheWorkspaceClosesTheTurn) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w = engine.NewWorkspace();
  State a = engine.Initial(), b = engine.Initial();
  Turn first = engine.Begin(a, *w, 1, 0);
  Turn second = engine.Begin(b, *w, 1, 0);
  EXPECT_FALSE(first.valid());
  EXPECT_TRUE(second.valid());
  EXPECT_FALSE(
      engine.Apply(first, JointAction(engine.scenario().actors.size(), Action::kHold), nullptr)
          .ok());
  EXPECT_TRUE(engine.Apply(second, engine.Decide(second), nullptr).ok());
}

TEST(TurnMisuse, ApplyingTwiceOrAfterATouchIsRefused) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w = engine.NewWorkspace();
  State st = engine.Initial();
  Turn turn = engine.Begin(st, *w, 1, 0);
  const JointAction joint = engine.Decide(turn);
  ASSERT_TRUE(engine.Apply(turn, joint, nullptr).ok());
  const int day = st.day;
  EXPECT_FALSE(engine.Apply(turn, joint, nullptr).ok());
  EXPECT_EQ(st.day, day) << "a refused Apply plays nothing";
  Turn touched = engine.Begin(st, *w, 1, 0);
  st.Touch();  // a hand edit of the state mid-turn
  const Status refused = engine.Apply(touched, joint, nullptr);
  EXPECT_FALSE(refused.ok());
}

TEST(TurnMisuse, ATurnOfAnotherEngineIsRefused) {
  const Engine one = DefaultEngine(), other = DefaultEngine();
  WorkspacePtr w = one.NewWorkspace(), scratch = other.NewWorkspace();
  State st = one.Initial(), copy;
  Turn turn = one.Begin(st, *w, 1, 0);
  const Status refused = other.Apply(turn, one.Decide(turn), nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(Mentions(refused, "another engine")) << refused.message();
  EXPECT_FALSE(other.Fork(turn, copy, *scratch).ok());
}

TEST(TurnMisuse, AForkNeedsItsOwnStateAndWorkspace) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w = engine.NewWorkspace(), scratch = engine.NewWorkspace();
  State st = engine.Initial(), copy;
  Turn turn = engine.Begin(st, *w, 1, 0);
  EXPECT_FALSE(engine.Fork(turn, copy, *w).ok());
  EXPECT_FALSE(engine.Fork(turn, st, *scratch).ok());
  EXPECT_TRUE(turn.valid()) << "a refused fork leaves the turn open";
}

// The faithful child step: on every day of two whole runs of the default scenario (540 days each),
// the child of the turn with the policies' joint action equals the state Apply makes, event for
// event, and the turn stays open until that Apply.
TEST(ChildStep, EqualsApplyOnEveryDay) {
  const Engine engine = DefaultEngine();
  const Scenario& s = engine.scenario();
  WorkspacePtr w = engine.NewWorkspace(), scratch = engine.NewWorkspace();
  int days = 0;
  for (uint64_t run = 0; run < 2; ++run) {
    State st = engine.Initial(), child;
    while (st.day < s.horizon_days) {
      Turn turn = engine.Begin(st, *w, 21, run);
      const JointAction joint = engine.Decide(turn);
      EventLog child_log, log;
      ASSERT_TRUE(engine.Child(turn, joint, child, *scratch, &child_log).ok());
      ASSERT_TRUE(turn.valid()) << "the child step leaves the turn open";
      ASSERT_TRUE(engine.Apply(turn, joint, &log).ok());
      ASSERT_TRUE(child == st) << "run " << run << " day " << st.day;
      ASSERT_EQ(RunJsonLines(s, child_log, child, 21), RunJsonLines(s, log, st, 21))
          << "day " << st.day;
      ++days;
    }
  }
  EXPECT_EQ(days, 2 * s.horizon_days);
}

// A fork re-keyed with another seed is a sampled day: its actors' draws are fresh, and playing
// it leaves the original open and untouched.
TEST(ChildStep, ASampledForkLeavesTheTurnAlone) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w = engine.NewWorkspace(), scratch = engine.NewWorkspace();
  State st = engine.Initial(), copy;
  for (int day = 0; day < 20; ++day) engine.Step(st, *w, 5, 0, nullptr);
  Turn turn = engine.Begin(st, *w, 5, 0);
  const State at_dawn = st;
  Result<Turn> fork = engine.Fork(turn, copy, *scratch, turn.PolicyKey(0), 7);
  ASSERT_TRUE(fork.ok()) << fork.message();
  EXPECT_TRUE(fork.value().planning());
  EXPECT_FALSE(turn.planning());
  int same_draws = 0;
  for (std::size_t a = 0; a < engine.scenario().actors.size(); ++a) {
    same_draws += fork.value().Draw(static_cast<ActorId>(a)) == turn.Draw(static_cast<ActorId>(a));
  }
  EXPECT_EQ(same_draws, 0);
  ASSERT_TRUE(engine.Apply(fork.value(), engine.Decide(fork.value()), nullptr).ok());
  EXPECT_TRUE(st == at_dawn);
  EXPECT_TRUE(turn.valid());
  EXPECT_TRUE(engine.Apply(turn, engine.Decide(turn), nullptr).ok());
}

// A policy that looks ahead inside Choose (a child step per legal action of its actor), then
// chooses as the doctrine does: the run must be the doctrine's run exactly, so the look-ahead
// disturbed nothing of the caller's turn, state or workspace.
class PeekThenDoctrine final : public Policy {
 public:
  std::string_view name() const override { return "test_peek_then_doctrine"; }
  Action Choose(const Turn& turn, ActorId actor) const override {
    const Engine& engine = turn.engine();
    WorkspacePtr scratch = engine.NewWorkspace();
    State child;
    JointAction joint(turn.scenario().actors.size(), Action::kHold);
    for (const LegalAction& option : turn.Legal(actor)) {
      joint[actor] = option.kind;
      if (!engine.Child(turn, joint, child, *scratch, nullptr).ok()) std::abort();
      if (child.day != turn.day()) std::abort();
      peeks_ += 1;
    }
    return ChooseSoftmax(DoctrineScores(turn, actor), turn.scenario().actors[actor].rationality,
                         turn.Draw(actor));
  }
  mutable int peeks_ = 0;  // single-threaded test
};

TEST(ChildStep, ALookAheadInsideChooseDisturbsNothing) {
  auto peek = std::make_shared<PeekThenDoctrine>();
  ASSERT_TRUE(RegisterPolicy(peek).ok());
  Result<Scenario> loaded = LoadDefaultScenario({});
  ASSERT_TRUE(loaded.ok());
  Scenario peeking = loaded.value();
  ASSERT_TRUE(ApplyPolicyChoices(peeking, {"us=test_peek_then_doctrine"}).ok());
  const Engine plain(loaded.take()), looking(std::move(peeking));
  const int days = 60;
  EventLog plain_log, looking_log;
  const State a = plain.Run(8, 0, days, &plain_log), b = looking.Run(8, 0, days, &looking_log);
  EXPECT_TRUE(a == b);
  EXPECT_EQ(RunJsonLines(plain.scenario(), plain_log, a, 8),
            RunJsonLines(looking.scenario(), looking_log, b, 8));
  EXPECT_GE(peek->peeks_, days);
  EXPECT_TRUE(UnregisterPolicy("test_peek_then_doctrine"));
}

TEST(StateEquality, ContentsNotCaches) {
  const Engine engine = DefaultEngine();
  WorkspacePtr w1 = engine.NewWorkspace(), w2 = engine.NewWorkspace();
  State a = engine.Initial(), b = engine.Initial();
  EXPECT_TRUE(a == b);
  for (int day = 0; day < 40; ++day) {
    engine.Step(a, *w1, 2, 0, nullptr);
    engine.Step(b, *w2, 2, 0, nullptr);
  }
  EXPECT_NE(a.cache_token.value, b.cache_token.value);
  EXPECT_TRUE(a == b) << "the same course stepped apart is the same state";
  ExpectSameState(a, b);
  State c = a;
  c.forces.back().strength += 1;
  EXPECT_FALSE(a == c);
  c = a;
  c.tally.escalation_score += 0.5;
  EXPECT_FALSE(a == c);
  engine.Step(c, *w1, 2, 0, nullptr);
  EXPECT_FALSE(a == c);
}

}  // namespace
}  // namespace brink
