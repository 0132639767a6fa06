// The seed's causal claims C1-C8 (DESIGN.md, "Behaviour the model must show") as ensemble
// tests on the default scenario. Each compares two forecasts that differ in one --set, with a
// fixed seed and enough runs that the two 95% intervals do not overlap. The figures in each
// comment are the tests' own (fixed seed 20171119, the runs each test uses; every test prints
// its two intervals), and each test checks its intervals against tests/claims_figures.h, which
// docs/model.md's claims table quotes (ClaimsTable.DocsQuoteWhatTheTestsMeasure).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "brink/forecast.h"
#include "brink/scenario.h"
#include "tests/claim_arms.h"
#include "tests/claims_figures.h"

namespace brink {
namespace {

constexpr uint64_t kSeed = test::kClaimSeed;  // the arms and their seed: tests/claim_arms.h

Forecast Ensemble(const std::vector<std::string>& sets, int64_t runs) {
  Result<Scenario> scenario = LoadDefaultScenario(sets);
  EXPECT_TRUE(scenario.ok()) << scenario.message();
  ForecastOptions options;
  options.seed = kSeed;
  options.runs = runs;
  options.scenario.overrides = sets;
  Result<Forecast> forecast = RunForecast(scenario.value(), options);
  EXPECT_TRUE(forecast.ok());
  return forecast.take();
}

const Proportion& Binary(const Forecast& f, const std::string& id) {
  for (const BinaryOutcome& b : f.binary) {
    if (b.id == id) return b.value;
  }
  ADD_FAILURE() << "no binary outcome " << id;
  static Proportion none;
  return none;
}

// The 95% interval of a number's mean (normal approximation; n is in the thousands).
Interval MeanInterval(const Forecast& f, const std::string& id) {
  for (const NumberOutcome& n : f.numbers) {
    if (n.id != id) continue;
    double half = 1.959964 * n.value.sd() / std::sqrt(static_cast<double>(n.value.n()));
    return {n.value.mean() - half, n.value.mean() + half};
  }
  ADD_FAILURE() << "no number " << id;
  return {0, 0};
}

// `low` lies entirely below `high`.
void ExpectBelow(Interval low, Interval high, const std::string& what) {
  std::printf("  %s: [%.4g, %.4g] below [%.4g, %.4g]\n", what.c_str(), low.low, low.high, high.low,
              high.high);
  EXPECT_LT(low.high, high.low) << what << ": [" << low.low << ", " << low.high << "] vs ["
                                << high.low << ", " << high.high << "]";
}

// What this claim's row of docs/model.md quotes (tests/claims_figures.h) is what was measured.
void ExpectQuoted(std::string_view claim, const std::string& measured) {
  std::printf("  %s measured: %s\n", std::string(claim).c_str(), measured.c_str());
  bool quoted = false;
  for (const auto& [c, figure] : test::kClaimFigures) quoted = quoted || (c == claim && figure == measured);
  EXPECT_TRUE(quoted) << claim << " measured " << measured
                      << ": write it in tests/claims_figures.h and docs/model.md's claims table";
}
std::string Versus(Interval a, Interval b, bool percent) {
  return percent ? test::PercentFigure(a.low, a.high) + " vs " + test::PercentFigure(b.low, b.high)
                 : test::MeanFigure(a.low, a.high) + " vs " + test::MeanFigure(b.low, b.high);
}

// The share of runs in which the number `id` is above zero, with its Wilson interval (read run
// by run as the ensemble folds them in).
Interval ShareAboveZero(const std::vector<std::string>& sets, int64_t runs, const std::string& id) {
  Result<Scenario> scenario = LoadDefaultScenario(sets);
  EXPECT_TRUE(scenario.ok()) << scenario.message();
  const Forecast shape = EmptyForecast(scenario.value(), 1);
  std::size_t index = shape.numbers.size();
  for (std::size_t i = 0; i < shape.numbers.size(); ++i) {
    if (shape.numbers[i].id == id) index = i;
  }
  EXPECT_LT(index, shape.numbers.size()) << "no number " << id;
  ForecastOptions options;
  options.seed = kSeed;
  options.runs = runs;
  options.scenario.overrides = sets;
  int64_t above = 0;
  Result<Forecast> forecast = RunForecast(scenario.value(), options, nullptr, nullptr, [&](const RunOutcome& run) {
    if (index < shape.numbers.size() && run.numbers[index] > 0) ++above;
  });
  EXPECT_TRUE(forecast.ok());
  return WilsonInterval(above, runs);
}

// C1: more exposed troops -> fewer deliberate strikes by that actor. 1,000 vs 8,000 (the seed's
// figure) US troops in Iraq, read as the share of runs in which the US strikes at all: 7.7% vs
// 3.2% (tests/claims_figures.h). Not the mean count a run: a rare run that goes to war early,
// ends in a ceasefire with the Resistance holding al-Tanf, and then has the US enforce its zone
// every day (about 400 zone strikes in 1 run of 6,000) makes the mean's interval as wide as the
// effect (docs/model.md, Known limitations).
TEST(Claims, C1_MoreExposedTroopsFewerDeliberateStrikes) {
  const Interval few = ShareAboveZero(test::kFewExposed, 6000, "deliberate_strikes.us");
  const Interval many = ShareAboveZero(test::kManyExposed, 6000, "deliberate_strikes.us");
  ExpectBelow(many, few, "share of runs with a US deliberate strike, 8,000 vs 1,000 troops exposed");
  ExpectQuoted("C1", Versus(few, many, true));
}

// C2: more influence for the hawks -> more direct clashes and a higher chance of war.
// Hawks at 0.1 vs 0.9 of the US choice; measured: 2.0 vs 5.2 clashes, P(war) about 0.35% vs
// 0.7%. War is rare in both arms, so 12,000 runs a side: at 3,000 the two Wilson intervals
// touched once the campaign changed (issue 20: [0.158%, 0.569%] vs [0.511%, 1.15%]).
TEST(Claims, C2_HawksMeanMoreClashesAndWar) {
  Forecast doves = Ensemble(test::kDoves, 12000);
  Forecast hawks = Ensemble(test::kHawks, 12000);
  ExpectBelow(MeanInterval(doves, "direct_clashes"), MeanInterval(hawks, "direct_clashes"),
              "direct clashes");
  ExpectBelow(Binary(doves, "war").Wilson(), Binary(hawks, "war").Wilson(), "P(war)");
  ExpectQuoted("C2", Versus(MeanInterval(doves, "direct_clashes"), MeanInterval(hawks, "direct_clashes"), false));
  ExpectQuoted("C2", Versus(Binary(doves, "war").Wilson(), Binary(hawks, "war").Wilson(), true));
}

// C3: a deconfliction zone -> fewer incidents than without it (al-Tanf zone on vs off),
// counted where the zone can act: in its regions and those in contact with them. Measured:
// 0.0005 vs 0.76 incidents a run. (Incidents elsewhere, along the Euphrates, do not depend on it.)
TEST(Claims, C3_DeconflictionZoneMeansFewerIncidents) {
  Forecast with_zone = Ensemble(test::kWithZone, 2000);
  Forecast without = Ensemble(test::kWithoutZone, 2000);
  ExpectBelow(MeanInterval(with_zone, "zone_area_incidents"),
              MeanInterval(without, "zone_area_incidents"), "incidents in and next to the zone");
  ExpectQuoted("C3", Versus(MeanInterval(with_zone, "zone_area_incidents"), MeanInterval(without, "zone_area_incidents"), false));
}

// C4: a more reliable proxy for the side that wants the corridor cut -> corridor cut more
// often. The SDF (the coalition's main proxy, which carries its patron's corridor objective in
// proportion to its reliability) at 0.5 vs 1.0, measured with the Euphrates line switched off:
// under the line (agreed 17 Jul 2017, with handover) the corridor's ground on the west bank is
// closed to the SDF and it never finds crossing worth its cost, so the corridor is cut as long
// in both arms (116.0 vs 115.9 days, 3,000 runs) and the claim cannot show there. Without the
// line: P(cut at the end) [1.15%, 2.04%] vs [34.4%, 37.8%] (3,000 runs).
TEST(Claims, C4_ReliableProxyCutsTheCorridorMoreOften) {
  Forecast shaky = Ensemble(test::kShakyProxy, 3000);
  Forecast steady = Ensemble(test::kSteadyProxy, 3000);
  ExpectBelow(Binary(shaky, "corridor_cut.land_bridge").Wilson(),
              Binary(steady, "corridor_cut.land_bridge").Wilson(), "P(corridor cut), no Euphrates line");
  ExpectQuoted("C4", Versus(Binary(shaky, "corridor_cut.land_bridge").Wilson(),
                            Binary(steady, "corridor_cut.land_bridge").Wilson(), true));
}

// C5: the feud switched on -> the patron's side holds less of the contested ground (the
// regions the group held at the start, counted in region-days over the run), its proxy being
// diverted north. Turkey-SDF feud off vs a hot feud (0.2 a day); measured: 2,685 vs 1,895.
// (At the default 0.02 a day, mostly restrained by the US, the gap is within the noise.)
TEST(Claims, C5_FeudDivertsTheProxyFromContestedGround) {
  Forecast calm = Ensemble(test::kCalm, 2000);
  Forecast feud = Ensemble(test::kFeud, 2000);
  ExpectBelow(MeanInterval(feud, "contested_days.coalition"),
              MeanInterval(calm, "contested_days.coalition"), "contested region-days, coalition");
  ExpectQuoted("C5", Versus(MeanInterval(calm, "contested_days.coalition"), MeanInterval(feud, "contested_days.coalition"), false));
}

// C6: in the default scenario full-scale war is unlikely but possible, and at least one
// limited direct clash is likely. Since strikes need causes (issue 19) war is rarer, about 0.3%
// a run ([0.235%, 0.463%] at 10,000 runs): about 30 wars, far from none. The first half holds.
TEST(Claims, C6_WarUnlikelyButPossible) {
  Forecast f = Ensemble(test::kAsItIs, 10000);
  Interval war = Binary(f, "war").Wilson();
  EXPECT_GT(war.low, 0.0);
  EXPECT_LT(war.high, 0.5);
  ExpectQuoted("C6", test::PercentFigure(war.low, war.high));
}

// C6, second half: a limited direct clash is likely. It held before the al-Tanf zone started
// empty and zone strikes became decisions (issue 11/12 work: 45.3% of runs), and holds again
// since partners are defended from the air (issue 19: the record's three direct clashes of 2017
// were a jet downed over a partner, a drone downed at the zone, a strike on a partner) and the
// campaign runs at the record's pace (issue 20): P(direct clash) about 58% over 540 days.
TEST(Claims, C6_LimitedDirectClashLikely) {
  Forecast f = Ensemble(test::kAsItIs, 3000);
  const Interval clash = Binary(f, "direct_clash").Wilson();
  EXPECT_GT(clash.low, 0.5);
  ExpectQuoted("C6", test::PercentFigure(clash.low, clash.high));
}

// C7: de-escalation signalling switched off -> a higher chance of war. Reversed while a
// "defensive" label cost nothing (0.78-1.05% war with signalling against 0.49-0.71% without,
// issue 11/12 work); since a label is believed only when the fire had a defensive cause and a
// false one costs credibility (rules.credible_signals, issue 19), signalling lowers the chance
// of war again: measured at 40,000 runs a side (tests/claims_figures.h). The effect is small
// (about 0.3% against 0.5%): at 20,000 runs a side the two intervals touched once sieges
// differed in length (issue 20), so 40,000 runs a side.
TEST(Claims, C7_NoDefensiveSignalsMoreWar) {
  Forecast signals = Ensemble(test::kSignals, 40000);
  Forecast silent = Ensemble(test::kSilent, 40000);
  ExpectBelow(Binary(signals, "war").Wilson(), Binary(silent, "war").Wilson(), "P(war)");
  ExpectQuoted("C7", Versus(Binary(signals, "war").Wilson(), Binary(silent, "war").Wilson(), true));
}

// C8: higher resolve for the side that wants the corridor kept -> corridor connected more
// often. The Resistance's resolve at 0.3 vs 1.0 (bloc.resistance.resolve sets it on each of
// its actors), measured as the days the corridor is cut over the run: 166.7-170.8 vs
// 101.4-104.1 (3,000 runs). Open at the end it is in about 98% of runs either way since the
// Euphrates line keeps the SDF off the west bank, so the end state no longer tells them apart.
TEST(Claims, C8_ResolveKeepsTheCorridorOpen) {
  Forecast soft = Ensemble(test::kSoftResolve, 3000);
  Forecast firm = Ensemble(test::kFirmResolve, 3000);
  ExpectBelow(MeanInterval(firm, "corridor_cut_days.land_bridge"),
              MeanInterval(soft, "corridor_cut_days.land_bridge"), "days the corridor is cut");
  ExpectQuoted("C8", Versus(MeanInterval(soft, "corridor_cut_days.land_bridge"),
                            MeanInterval(firm, "corridor_cut_days.land_bridge"), false));
}

}  // namespace
}  // namespace brink
