// The engine as a game (include/brink/game.h): Step is Begin, Decide, Apply; a joint action is
// checked against the legal actions; the engine owns its scenario; the caches a workspace keeps
// overnight serve only the state they were made for, whatever variable holds it.
#include "brink/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "brink/policy.h"
#include "brink/report.h"
#include "brink/scenario.h"
#include "tests/state_testing.h"

namespace brink {
namespace {

Scenario Default(const std::vector<std::string>& policies = {}, const std::vector<std::string>& overrides = {}) {
  Result<Scenario> loaded = LoadDefaultScenario(overrides);
  EXPECT_TRUE(loaded.ok());
  Scenario s = loaded.take();
  EXPECT_TRUE(ApplyPolicyChoices(s, policies).ok());
  return s;
}

ActorId Actor(const Scenario& s, std::string_view id) {
  const int index = s.ActorIndex(id);
  EXPECT_GE(index, 0) << id;
  return static_cast<ActorId>(index);
}

// The case of a search tree or a Python binding: one State variable per node, reused. A state
// of the same day but another course of events is assigned into a variable this workspace has
// just stepped; stepping it must give what stepping a fresh copy gives. (With the index kept by
// the variable's address this corrupted memory: a double free, or under AddressSanitizer a
// negative-size memmove in Relocate.)
TEST(Engine, AStateAssignedIntoASteppedVariableStepsLikeAFreshCopy) {
  const Engine engine(Default());
  WorkspacePtr w = engine.NewWorkspace(), other = engine.NewWorkspace();
  State node = engine.Initial(), elsewhere = engine.Initial();
  for (int day = 0; day < 60; ++day) {
    engine.Step(node, *w, 11, 0, nullptr);
    engine.Step(elsewhere, *other, 11, 1, nullptr);  // another run: other forces, other places
  }
  // The two courses differ in their forces (count, places or troops), not only in their draws.
  bool differ = node.forces.size() != elsewhere.forces.size();
  for (std::size_t f = 0; !differ && f < node.forces.size(); ++f) {
    differ = node.forces[f].region != elsewhere.forces[f].region || node.forces[f].strength != elsewhere.forces[f].strength;
  }
  ASSERT_TRUE(differ) << "the two courses must differ";
  State fresh = elsewhere;
  WorkspacePtr fresh_w = engine.NewWorkspace();
  node = elsewhere;  // same day, same variable, other contents
  for (int day = 0; day < 60; ++day) {
    engine.Step(node, *w, 11, 1, nullptr);
    engine.Step(fresh, *fresh_w, 11, 1, nullptr);
  }
  ExpectSameState(node, fresh);
  // And both are where the uninterrupted run 1 is on day 120.
  ExpectSameState(fresh, engine.Run(11, 1, 120, nullptr));
}

// A workspace that served one engine serves another as if new.
TEST(Engine, AWorkspaceMovesBetweenEnginesSafely) {
  const Engine first(Default()), second(LoadScenarioFile(std::string(BRINK_SOURCE_DIR) +
                                                         "/tests/data/small.toml").take());
  WorkspacePtr w = first.NewWorkspace();
  first.Run(3, 0, 40, nullptr, *w);
  const State on_shared = second.Run(3, 0, 40, nullptr, *w);
  ExpectSameState(on_shared, second.Run(3, 0, 40, nullptr));
}

TEST(Engine, OwnsItsScenario) {
  // The scenario is a temporary: the engine must keep its own.
  const Engine engine(LoadDefaultScenario().take());
  const State end = engine.Run(1, 0, 30, nullptr);
  EXPECT_EQ(end.day, 30);
  EXPECT_EQ(engine.scenario().actors.size(), end.actors.size());
}

TEST(Engine, StepIsBeginDecideApply) {
  const Engine engine(Default());
  WorkspacePtr w1 = engine.NewWorkspace(), w2 = engine.NewWorkspace();
  State stepped = engine.Initial(), played = engine.Initial();
  EventLog log_stepped, log_played;
  for (int day = 0; day < 120; ++day) {
    engine.Step(stepped, *w1, 4, 2, &log_stepped);
    Turn turn = engine.Begin(played, *w2, 4, 2);
    const JointAction joint = engine.Decide(turn);
    for (std::size_t a = 0; a < joint.size(); ++a) {
      ASSERT_TRUE(turn.IsLegal(static_cast<ActorId>(a), joint[a]));
    }
    ASSERT_TRUE(engine.Apply(turn, joint, &log_played).ok());
  }
  ExpectSameState(stepped, played);
  EXPECT_EQ(RunJsonLines(engine.scenario(), log_stepped, stepped, 4),
            RunJsonLines(engine.scenario(), log_played, played, 4));
}

TEST(Engine, LegalActionsAreTypedAndHoldIsAlwaysLegal) {
  const Engine engine(Default());
  const Scenario& s = engine.scenario();
  WorkspacePtr w = engine.NewWorkspace();
  State st = engine.Initial();
  int strikes_seen = 0;
  for (int day = 0; day < s.horizon_days; ++day) {
    Turn turn = engine.Begin(st, *w, 9, 0);
    for (std::size_t a = 0; a < s.actors.size(); ++a) {
      const ActorId actor = static_cast<ActorId>(a);
      ASSERT_FALSE(turn.Legal(actor).empty());
      EXPECT_EQ(turn.Legal(actor).front().kind, Action::kHold);
      for (const LegalAction& legal : turn.Legal(actor)) {
        if (legal.kind != Action::kStrike) continue;
        // A strike names a live force of a rival.
        ASSERT_GE(legal.target, 0);
        const Force& target = st.forces[static_cast<std::size_t>(legal.target)];
        EXPECT_GT(target.strength, 0);
        EXPECT_EQ(s.relation(actor, target.actor), RelationKind::kRivalry);
        ++strikes_seen;
      }
      const ActionScores scores = DoctrineScores(turn, actor);
      for (int k = 0; k < static_cast<int>(Action::kCount); ++k) {
        EXPECT_EQ(scores.legal[k], turn.IsLegal(actor, static_cast<Action>(k)));
      }
      EXPECT_GE(turn.Draw(actor), 0.0);
      EXPECT_LT(turn.Draw(actor), 1.0);
    }
    ASSERT_TRUE(engine.Apply(turn, engine.Decide(turn), nullptr).ok());
  }
  EXPECT_GT(strikes_seen, 0) << "rivals in reach must be offered as strike targets";
}

TEST(Engine, ApplyRefusesWhatIsNotLegal) {
  const Engine engine(Default());
  const Scenario& s = engine.scenario();
  WorkspacePtr w = engine.NewWorkspace();
  State st = engine.Initial();
  Turn turn = engine.Begin(st, *w, 1, 0);
  const ActorId group = Actor(s, "isis");  // a terrorist group has no rival: it never strikes
  ASSERT_FALSE(turn.IsLegal(group, Action::kStrike));
  JointAction joint(s.actors.size(), Action::kHold);
  joint[group] = Action::kStrike;
  const Status refused = engine.Apply(turn, joint, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("'isis' cannot strike"), std::string::npos) << refused.message();
  const Status short_joint = engine.Apply(turn, JointAction(2, Action::kHold), nullptr);
  ASSERT_FALSE(short_joint.ok());
  EXPECT_NE(short_joint.message().find("one action per actor"), std::string::npos);
  // Refused, the day can still be played.
  EXPECT_TRUE(engine.Apply(turn, JointAction(s.actors.size(), Action::kHold), nullptr).ok());
  EXPECT_EQ(st.day, 1);
}

// The hold policy is the seam's proof: an actor that always holds never strikes by decision,
// and the others still decide by doctrine. (Without causes of fire, so the doctrine's US has
// something to strike in 60 runs; with them it strikes in about one run in a hundred.)
TEST(Policy, HoldNeverStrikesNorAdvances) {
  const std::vector<std::string> no_causes = {"rules.strike_causes=false"};
  const Engine doctrine(Default({}, no_causes)), held(Default({"us=hold"}, no_causes));
  const ActorId us = Actor(doctrine.scenario(), "us");
  EXPECT_EQ(held.policy(us).name(), "hold");
  EXPECT_EQ(held.policy(Actor(held.scenario(), "syria")).name(), "doctrine");
  int strikes_doctrine = 0, strikes_held = 0;
  for (uint64_t run = 0; run < 60; ++run) {
    strikes_doctrine += doctrine.Run(2, run, 0, nullptr).actors[us].deliberate_strikes;
    const State end = held.Run(2, run, 0, nullptr);
    strikes_held += end.actors[us].deliberate_strikes;
    EXPECT_EQ(end.actors[us].action, Action::kHold);
  }
  EXPECT_GT(strikes_doctrine, 0);
  EXPECT_EQ(strikes_held, 0);
}

TEST(Policy, ChoicesNameAnActorAndAPolicy) {
  Scenario s = Default();
  EXPECT_TRUE(ApplyPolicyChoices(s, {"us=hold", "iran=doctrine"}).ok());
  EXPECT_EQ(s.actors[Actor(s, "us")].policy, "hold");
  const Status no_actor = ApplyPolicyChoices(s, {"nobody=hold"});
  ASSERT_FALSE(no_actor.ok());
  EXPECT_NE(no_actor.message().find("no actor 'nobody'"), std::string::npos);
  const Status no_policy = ApplyPolicyChoices(s, {"us=mcts"});
  ASSERT_FALSE(no_policy.ok());
  EXPECT_NE(no_policy.message().find("\"doctrine\", \"hold\""), std::string::npos) << no_policy.message();
  EXPECT_FALSE(ApplyPolicyChoices(s, {"us"}).ok());
  EXPECT_FALSE(ApplyPolicyChoices(s, {"=hold"}).ok());
  EXPECT_FALSE(ApplyPolicyChoices(s, {"us="}).ok());
}

TEST(Policy, ScenarioKeyChoosesThePolicy) {
  const std::string text = std::string(DefaultScenarioText());
  // The US actor's own policy key, the first after its id.
  const std::size_t at = text.find("policy = \"doctrine\"", text.find("id = \"us\"\n"));
  ASSERT_NE(at, std::string::npos);
  std::string changed = text;
  changed.replace(at, 19, "policy = \"hold\"");
  Result<Scenario> loaded = LoadScenario(changed, "changed.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Engine engine(loaded.take());
  EXPECT_EQ(engine.policy(Actor(engine.scenario(), "us")).name(), "hold");
  changed.replace(changed.find("policy = \"hold\""), 15, "policy = \"dice\"");
  // The loader keeps the name (the game does not know its players); where the policies are
  // resolved, an unknown name is an error at the key's position, with the names known.
  Result<Scenario> bad = LoadScenario(changed, "changed.toml");
  ASSERT_TRUE(bad.ok()) << bad.message();
  const std::size_t line = static_cast<std::size_t>(
      std::count(changed.begin(), changed.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
  const std::string where = "changed.toml:" + std::to_string(line) + ":";
  const Result<Engine> created = Engine::Create(bad.value());
  for (const Status& st : {CheckPolicies(bad.value()), ApplyPolicyChoices(bad.value(), {}),
                           created.ok() ? Status() : Status::Error(created.message())}) {
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.message().find(where), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("\"dice\" is unknown"), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("\"doctrine\", \"hold\", \"search\""), std::string::npos) << st.message();
  }
  // --policy mends the scenario's name; a name set in code is reported by the actor's id.
  Scenario mended = bad.value();
  EXPECT_TRUE(ApplyPolicyChoices(mended, {"us=hold"}).ok());
  Scenario coded = mended;
  brink::Actor& syria = coded.actors[static_cast<std::size_t>(coded.ActorIndex("syria"))];
  syria.policy = "dice";
  syria.policy_given_at.clear();  // set in code, not where the file gave it
  const Status in_code = CheckPolicies(coded);
  EXPECT_NE(in_code.message().find("actor 'syria': 'policy' = \"dice\" is unknown"), std::string::npos)
      << in_code.message();
}

// Utility by the actor's own objectives: casualties and war cost it, its objectives met pay.
TEST(Utility, FollowsTheActorsObjectives) {
  const Engine engine(Default());
  const Scenario& s = engine.scenario();
  const ActorId us = Actor(s, "us"), syria = Actor(s, "syria");
  const State start = engine.Initial();
  const double base = ActorUtility(s, start, us);
  State hurt = start;
  hurt.actors[us].casualties += 1000;
  EXPECT_LT(ActorUtility(s, hurt, us), base);
  EXPECT_EQ(ActorUtility(s, hurt, syria), ActorUtility(s, start, syria));
  State war = start;
  war.war_day = 0;
  war.war_a = s.actors[us].bloc;
  war.war_b = s.actors[syria].bloc;
  EXPECT_LT(ActorUtility(s, war, us), base - 1.0);
  EXPECT_LT(ActorUtility(s, war, syria), ActorUtility(s, start, syria) - 1.0);
  // The land link: the US wants it cut, Syria wants it kept.
  ASSERT_FALSE(start.corridor_open.empty());
  State open = start, cut = start;
  open.corridor_open.assign(open.corridor_open.size(), 1);
  cut.corridor_open.assign(cut.corridor_open.size(), 0);
  EXPECT_GT(ActorUtility(s, cut, us), ActorUtility(s, open, us));
  EXPECT_GT(ActorUtility(s, open, syria), ActorUtility(s, cut, syria));
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// The engine finalizes the scenario it is given: an edit made in code after loading takes
// effect (it used to run the tables derived before the edit).
TEST(EngineScenario, AnEditMadeInCodeTakesEffect) {
  Result<Scenario> loaded = LoadDefaultScenario();
  ASSERT_TRUE(loaded.ok());
  Scenario s = loaded.take();
  ASSERT_FALSE(s.relations.empty());
  Relation& r = s.relations[0];
  const RelationKind before = s.relation(r.a, r.b);
  const RelationKind edited = before == RelationKind::kHostility ? RelationKind::kNeutrality : RelationKind::kHostility;
  r.kind = edited;
  ASSERT_EQ(s.relation(r.a, r.b), before) << "the edit is not in the derived tables yet";
  const Engine engine(s);
  EXPECT_EQ(engine.scenario().relation(r.a, r.b), edited);
}

// A scenario built by hand in code is checked, and its fault is a Status, not a crash.
TEST(EngineScenario, AHandBuiltScenarioIsCheckedNotCrashed) {
  Scenario empty;
  Result<Engine> none = Engine::Create(empty);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.message().find("blocs"), std::string::npos) << none.message();

  Result<Scenario> loaded = LoadDefaultScenario();
  ASSERT_TRUE(loaded.ok());
  Scenario bad = loaded.take();
  bad.forces[0].region = static_cast<RegionId>(bad.regions.size());
  Result<Engine> engine = Engine::Create(bad);
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.message().find("force 0 region"), std::string::npos) << engine.message();
  EXPECT_FALSE(FinalizeScenario(bad).ok());
}

TEST(EngineScenarioDeathTest, TheConstructorStopsWithTheErrorOfAnInvalidScenario) {
  EXPECT_DEATH(Engine{Scenario{}}, "the scenario is not valid");
}

}  // namespace
}  // namespace brink
