// The rules' claims: Zones and strikes (strikes.cc). The test worlds and margins: rules/test_world.h.
#include "brink/policy.h"
#include "rules/test_world.h"

namespace brink {
namespace {

// Blue's deliberate strikes on one day when it chose `action` (DeliberateStrikes reads the
// actions of the day's decisions).
EventLog StrikesWhen(World& world, Action action, uint64_t run = 0) {
  EventLog log;
  Day d = world.Fresh(run, &log);
  PrepareTurn(d);
  world.st.actors[world.actor("blue_army")].action = action;
  rules::DeliberateStrikes(d);
  return log;
}

int CountKind(const EventLog& log, EventKind kind) {
  return static_cast<int>(std::count_if(log.begin(), log.end(), [&](const Event& e) { return e.kind == kind; }));
}

TEST(Zones, ASelfDefenceStrikeIsTheOwnersDecision) {
  World world(kStandoff);
  // No rule fires by itself: holding, blue never strikes the red force inside its zone.
  for (int run = 0; run < 200; ++run) {
    EXPECT_EQ(CountKind(StrikesWhen(world, Action::kHold, static_cast<uint64_t>(run)), EventKind::kZoneStrike), 0);
  }
  // Choosing to strike, it hits the intruder, and the strike is a self-defence (zone) strike.
  const EventLog log = StrikesWhen(world, Action::kStrike);
  ASSERT_EQ(CountKind(log, EventKind::kZoneStrike), 1);
  EXPECT_EQ(CountKind(log, EventKind::kStrike), 0);
  auto it = std::find_if(log.begin(), log.end(), [](const Event& e) { return e.kind == EventKind::kZoneStrike; });
  EXPECT_EQ(it->actor, world.actor("blue_army"));
  EXPECT_EQ(it->target, world.actor("red_army"));
  EXPECT_EQ(it->region, world.region("base"));
}

TEST(Zones, AnIntruderInTheOwnZoneIsTheFirstTarget) {
  // A stronger red force next door (in reach) is not the target while one is inside the zone.
  std::string toml(kStandoff);
  toml += "[[force]]\nactor = \"red_army\"\nregion = \"outpost\"\nstrength = 4000\n";
  World world(toml);
  Day d = world.Fresh();
  EXPECT_EQ(rules::StrikeTarget(d, world.actor("blue_army")), world.force("red_army", "base"));
  Cause cause = Cause::kNone;
  EXPECT_EQ(rules::StrikeTarget(d, world.actor("blue_army"), &cause), world.force("red_army", "base"));
  EXPECT_EQ(cause, Cause::kZone);
  // Without the zone, and without causes of fire, the strongest force in reach is.
  World open(toml, {"zone.base_zone.enabled=false", "rules.strike_causes=false"});
  Day e = open.Fresh();
  EXPECT_EQ(rules::StrikeTarget(e, open.actor("blue_army")), open.force("red_army", "outpost"));
  // And a strike there is an ordinary one.
  const EventLog log = StrikesWhen(open, Action::kStrike);
  EXPECT_EQ(CountKind(log, EventKind::kZoneStrike), 0);
  EXPECT_EQ(CountKind(log, EventKind::kStrike), 1);
}

// Causes of fire (rules.strike_causes): with the zone off, red's forces at the base (blue's
// ground) and at the outpost (red's own) are in blue's reach. The one on blue's ground is an
// intruder; red's own outpost gives no cause, so with the base empty of red there is no target,
// and a strike is not even a legal action. Fire received from red makes any red force a target
// (the culprit's strongest in reach).
TEST(Strikes, AStrikeNeedsACause) {
  std::string toml(kStandoff);
  toml += "[[force]]\nactor = \"red_army\"\nregion = \"outpost\"\nstrength = 4000\n";
  World world(toml, {"zone.base_zone.enabled=false"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  Cause cause = Cause::kNone;
  EXPECT_EQ(rules::StrikeTarget(d, blue, &cause), world.force("red_army", "base"));
  EXPECT_EQ(cause, Cause::kIntrusion);
  // Red's force leaves blue's base: nothing of red's stands where blue has a reason to fire.
  std::string away(toml);
  const std::string red_in_base = "actor = \"red_army\"\nregion = \"base\"";
  away.replace(away.find(red_in_base), red_in_base.size(), "actor = \"red_army\"\nregion = \"outpost\"");
  World quiet(away, {"zone.base_zone.enabled=false"});
  Day q = quiet.Fresh();
  EXPECT_EQ(rules::StrikeTarget(q, blue, &cause), -1);
  EXPECT_EQ(cause, Cause::kNone);
  {
    const Engine engine(Load(away, {"zone.base_zone.enabled=false"}));
    State st = engine.Initial();
    WorkspacePtr w = engine.NewWorkspace();
    const Turn turn = engine.Begin(st, *w, kSeed, 0);
    EXPECT_FALSE(turn.IsLegal(blue, Action::kStrike));
  }
  // Red fires on blue: now blue has a cause against red's strongest force in reach.
  quiet.initial.actors[blue].grievance = Grievance{.against = red, .days_left = 5, .strikes = 1, .harm = 3};
  Day fired = quiet.Fresh();
  const int target = rules::StrikeTarget(fired, blue, &cause);
  ASSERT_GE(target, 0);
  EXPECT_EQ(quiet.st.forces[static_cast<std::size_t>(target)].actor, red);
  EXPECT_EQ(cause, Cause::kFireReceived);
  // Switched off, any rival force in reach is a target again.
  World off(away, {"zone.base_zone.enabled=false", "rules.strike_causes=false"});
  Day o = off.Fresh();
  EXPECT_GE(rules::StrikeTarget(o, blue), 0);
}

// A false "defensive" label (fire without a defensive cause) is believed only as far as the
// shooter's credibility goes and halves it (false_signal_cost 0.5); a label on fire with a
// defensive cause is always believed and costs nothing.
TEST(Strikes, AFalseDefensiveLabelCostsCredibility) {
  World world(kStandoff, {"rules.war_spark=0", "actor.blue_army.signal_propensity=1", "rules.false_signal_cost=0.5"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const Rules& x = world.s.rules;
  Day d = world.Fresh();
  Rng rng = d.rng(Stream::kStrike);
  rules::LimitedStrike(d, rng, blue, world.force("red_army", "base"), EventKind::kStrike, x.strike_losses,
                       Cause::kObjective);
  EXPECT_FLOAT_EQ(world.st.actors[blue].credibility, 0.5f);
  // Credibility was 1 when it spoke: the whole relief, and believed.
  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(x.tension_strike * (1 - x.tension_signal_relief)));
  // A second false label takes back half as much tension and is believed half the time.
  int believed = 0;
  const int runs = 4000;
  for (int run = 0; run < runs; ++run) {
    Day e = world.Fresh(static_cast<uint64_t>(run));
    world.st.actors[blue].credibility = 0.5f;
    Rng r = e.rng(Stream::kStrike);
    believed += rules::MaybeSignal(e, r, blue, red, world.region("base"), 1.0, false);
    ASSERT_FLOAT_EQ(world.st.actors[blue].credibility, 0.25f);
  }
  EXPECT_NEAR(static_cast<double>(believed) / runs, 0.5, ShareMargin(0.5, runs));
  // A defensive cause: believed, no cost.
  Day f = world.Fresh();
  Rng r = f.rng(Stream::kStrike);
  EXPECT_TRUE(rules::MaybeSignal(f, r, blue, red, world.region("base"), 1.0, true));
  EXPECT_FLOAT_EQ(world.st.actors[blue].credibility, 1.0f);
  // Switched off, a false label is as good as a true one.
  World off(kStandoff, {"actor.blue_army.signal_propensity=1", "rules.credible_signals=false"});
  Day g = off.Fresh();
  Rng s = g.rng(Stream::kStrike);
  EXPECT_TRUE(rules::MaybeSignal(g, s, blue, red, off.region("base"), 1.0, false));
  EXPECT_FLOAT_EQ(off.st.actors[blue].credibility, 1.0f);
}

TEST(Zones, EnforcingTheZoneIsWorthItsWeightInTheDecision) {
  auto strike_utility = [](const std::vector<std::string>& overrides) {
    const Engine engine(Load(kStandoff, overrides));
    State st = engine.Initial();
    WorkspacePtr w = engine.NewWorkspace();
    const Turn turn = engine.Begin(st, *w, kSeed, 0);
    const ActionScores scores = DoctrineScores(turn, static_cast<ActorId>(engine.scenario().ActorIndex("blue_army")));
    EXPECT_TRUE(scores.legal[static_cast<int>(Action::kStrike)]);
    return scores.utility[static_cast<int>(Action::kStrike)];
  };
  const double none = strike_utility({"zone.base_zone.self_defence_strike=0"});
  const double full = strike_utility({"zone.base_zone.self_defence_strike=1"});
  // strike_value (2) x 2 x the weight.
  EXPECT_NEAR(full - none, 4.0, 1e-9);
}

TEST(Strikes, LimitedFireKillsByTheShootersMeansNotTheTargetsSize) {
  // A strike on a 100,000-strong force: 6% of it would be 6,000; the shooter's means allow a
  // mean of limited_fire_kills x (0.5 + capability) = 8 x 1.0 (capability 0.5).
  std::string toml(kStandoff);
  const std::string big = "strength = 100000";
  toml.replace(toml.find("strength = 500"), std::string("strength = 500").size(), big);
  World bounded(toml);
  World shares(toml, {"rules.bounded_fire=false"});
  const ActorId red = bounded.actor("red_army");
  double sum = 0, sum_shares = 0;
  const int runs = 2000;
  for (int run = 0; run < runs; ++run) {
    StrikesWhen(bounded, Action::kStrike, static_cast<uint64_t>(run));
    sum += bounded.st.actors[red].casualties;
    StrikesWhen(shares, Action::kStrike, static_cast<uint64_t>(run));
    sum_shares += shares.st.actors[red].casualties;
  }
  // Mean of Poisson(8 x Exp(1)): 8, sd of one draw sqrt(8 + 64) = 8.5; 5 standard errors.
  EXPECT_NEAR(sum / runs, 8.0, 5 * 8.5 / std::sqrt(runs));
  EXPECT_NEAR(sum_shares / runs, 6000.0, PoissonMargin(6000.0, runs));
  // The losses are the striker's doing.
  EXPECT_FLOAT_EQ(bounded.st.inflicted[static_cast<std::size_t>(red) * bounded.s.actors.size() + bounded.actor("blue_army")],
                  bounded.st.actors[red].casualties);
}

TEST(Strikes, StrikeRaisesTensionAndGivesAGrievance) {
  // No war spark, so the tension is the strike's alone.
  World world(kStandoff, {"rules.war_spark=0"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const int target = world.force("red_army", "base");
  EventLog log;
  Day d = world.Fresh(0, &log);
  Rng rng = d.rng(Stream::kStrike);
  rules::LimitedStrike(d, rng, blue, target, EventKind::kStrike, world.s.rules.strike_losses, Cause::kFireReceived);

  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(world.s.rules.tension_strike));
  EXPECT_FLOAT_EQ(world.tension(red, blue), world.tension(blue, red));
  EXPECT_EQ(world.st.level, rules::RungFor(world.s, world.s.rules.tension_strike));
  EXPECT_EQ(world.st.level, 1);  // tension 1 reaches "posturing" (0.5) of the default ladder
  const Grievance& g = world.st.actors[red].grievance;
  EXPECT_EQ(g.against, blue);
  EXPECT_EQ(g.strikes, 1);
  EXPECT_EQ(g.days_left, world.s.rules.retaliation_window_days);
  EXPECT_FALSE(g.signalled);
  EXPECT_FLOAT_EQ(world.w.hawk_pressure[red], 1.0f);  // humiliation for red's factions
  EXPECT_LT(world.st.forces[target].strength, 500.0f);
  ASSERT_EQ(world.st.tally.count(EventKind::kStrike), 1);
  EXPECT_FLOAT_EQ(world.st.actors[red].casualties, 500.0f - world.st.forces[target].strength);

  // A second strike within the window adds to the same grievance and to the tension.
  rules::LimitedStrike(d, rng, blue, target, EventKind::kStrike, world.s.rules.strike_losses, Cause::kFireReceived);
  EXPECT_EQ(world.st.actors[red].grievance.strikes, 2);
  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(2 * world.s.rules.tension_strike));
}

TEST(Strikes, DefensiveSignalTakesBackTensionAndMarksTheGrievance) {
  World world(kStandoff, {"rules.war_spark=0", "actor.blue_army.signal_propensity=1"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  Rng rng = d.rng(Stream::kStrike);
  rules::LimitedStrike(d, rng, blue, world.force("red_army", "base"), EventKind::kStrike,
                       world.s.rules.strike_losses, Cause::kZone);
  const Rules& x = world.s.rules;
  EXPECT_FLOAT_EQ(world.tension(blue, red),
                  static_cast<float>(x.tension_strike * (1 - x.tension_signal_relief)));
  EXPECT_TRUE(world.st.actors[red].grievance.signalled);
  EXPECT_EQ(world.st.tally.count(EventKind::kSignal), 1);
}

}  // namespace
}  // namespace brink
