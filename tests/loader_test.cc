// The scenario loader's claims: a valid scenario loads with the right counts, and every broken
// input is refused with one message of the form "file:line:column: where: what; expected ...".
//
// Each malformed input is tests/data/small.toml with one visible change (a replacement or an
// appended block), so a test shows exactly what is broken and computes where the error must
// point from the position of that change in the text.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "brink/scenario.h"

namespace brink {
namespace {

constexpr std::string_view kSource = "small.toml";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string& SmallText() {
  static const std::string text = ReadFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  return text;
}

// "small.toml:LINE:COLUMN" of byte `offset` of `text`. Columns count characters from 1; the
// test texts are ASCII, so characters are bytes.
std::string PositionAt(const std::string& text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::string(kSource) + ":" + std::to_string(line) + ":" +
         std::to_string(offset - line_start + 1);
}

std::size_t Count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The position of `target` inside the one occurrence of `anchor` in `text`.
std::string Locate(const std::string& text, std::string_view anchor, std::string_view target = {}) {
  EXPECT_EQ(Count(text, anchor), 1u) << "anchor '" << anchor << "' is not unique";
  std::size_t at = text.find(anchor);
  std::size_t within = target.empty() ? 0 : std::string_view(anchor).find(target);
  EXPECT_NE(within, std::string_view::npos) << "'" << target << "' is not in '" << anchor << "'";
  return PositionAt(text, at + within);
}

// A broken scenario and where its error must be reported.
struct Broken {
  std::string text;
  std::string where;  // "small.toml:LINE:COLUMN"
};

// small.toml with its one occurrence of `from` replaced by `to`; the error is expected at the
// start of `at` inside `to` (or at the start of `to`).
Broken Replace(std::string_view from, std::string_view to, std::string_view at = {}) {
  std::string text = SmallText();
  EXPECT_EQ(Count(text, from), 1u) << "'" << from << "' is not unique in small.toml";
  std::size_t start = text.find(from);
  if (start == std::string::npos) return {text, "<not found>"};
  text.replace(start, from.size(), to);
  std::size_t within = at.empty() ? 0 : std::string_view(to).find(at);
  EXPECT_NE(within, std::string_view::npos);
  return {text, PositionAt(text, start + within)};
}

// small.toml with `extra` appended; the error is expected at the start of `at` inside `extra`.
Broken Append(std::string_view extra, std::string_view at) {
  std::string text = SmallText();
  if (!text.empty() && text.back() != '\n') text += '\n';
  std::size_t start = text.size();
  text += extra;
  std::size_t within = std::string_view(extra).find(at);
  EXPECT_NE(within, std::string_view::npos);
  return {text, PositionAt(text, start + within)};
}

// Loading `text` fails with a message that starts with `where` and says `expected`.
testing::AssertionResult FailsAt(const std::string& text, const std::string& where,
                                 std::string_view expected, std::string_view source = kSource) {
  Result<Scenario> loaded = LoadScenario(text, source);
  if (loaded.ok()) return testing::AssertionFailure() << "loaded; expected an error at " << where;
  const std::string& message = loaded.message();
  if (message.rfind(where + ": ", 0) != 0) {
    return testing::AssertionFailure() << "message does not start with '" << where
                                       << ": ':\n  " << message;
  }
  if (message.find(expected) == std::string::npos) {
    return testing::AssertionFailure() << "message does not say '" << expected << "':\n  " << message;
  }
  return testing::AssertionSuccess() << message;
}

testing::AssertionResult FailsAt(const Broken& broken, std::string_view expected) {
  return FailsAt(broken.text, broken.where, expected);
}

// ----------------------------------------------------------------------------- valid input

TEST(Loader, SmallScenarioLoadsWithItsCounts) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  EXPECT_EQ(s.name, "Small valley");
  EXPECT_EQ(s.start_date, "2020-01-01");
  EXPECT_EQ(s.horizon_days, 120);
  EXPECT_EQ(s.source_name, kSource);
  EXPECT_EQ(s.blocs.size(), 3u);
  EXPECT_EQ(s.actors.size(), 4u);
  EXPECT_EQ(s.factions.size(), 2u);
  // blue-red rivalry: 2 x 1 pairs; black-blue hostility: 1 x 2; black-red: 1; patronage: 1.
  EXPECT_EQ(s.relations.size(), 6u);
  EXPECT_EQ(s.regions.size(), 5u);
  EXPECT_EQ(s.edges.size(), 5u);
  EXPECT_EQ(s.corridors.size(), 1u);
  EXPECT_EQ(s.objectives.size(), 3u);
  EXPECT_EQ(s.forces.size(), 5u);
  EXPECT_EQ(s.exposures.size(), 1u);
  EXPECT_EQ(s.zones.size(), 1u);
  EXPECT_EQ(s.content_hash.size(), 16u);
}

TEST(Loader, MissingTerrainAndLadderTakeTheDefaults) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  ASSERT_EQ(s.terrains.size(), 6u);
  EXPECT_EQ(s.terrains[3].id, "urban");
  EXPECT_DOUBLE_EQ(s.terrains[3].defence, 1.8);
  ASSERT_EQ(s.ladder.size(), 6u);
  EXPECT_EQ(s.ladder.front().threshold, 0.0);
  EXPECT_EQ(s.ladder.back().name, "full-scale war");
  EXPECT_EQ(s.war_rung(), 5);
}

TEST(Loader, RelationsExpandBlocsAndSetPatrons) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  ActorId blue_army = static_cast<ActorId>(s.ActorIndex("blue_army"));
  ActorId blue_militia = static_cast<ActorId>(s.ActorIndex("blue_militia"));
  ActorId red_army = static_cast<ActorId>(s.ActorIndex("red_army"));
  ActorId group = static_cast<ActorId>(s.ActorIndex("group"));
  EXPECT_EQ(s.relation(blue_militia, red_army), RelationKind::kRivalry);
  EXPECT_EQ(s.relation(red_army, blue_army), RelationKind::kRivalry);
  EXPECT_EQ(s.relation(group, blue_militia), RelationKind::kHostility);
  EXPECT_EQ(s.relation(blue_army, blue_militia), RelationKind::kPatronage);
  EXPECT_EQ(s.patron(blue_militia), blue_army);
  EXPECT_DOUBLE_EQ(s.reliability(blue_militia), 0.5);
  EXPECT_EQ(s.patron(red_army), kNone);
}

TEST(Loader, CorridorRelevanceFollowsNearShortestPaths) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  // west-valley 150 + valley-town 40 x 3 (river crossing) + town-east 15 = 285 km; the detour
  // through south costs 455 km, more than 1.25 x 285, so south does not decide the corridor.
  EXPECT_FLOAT_EQ(s.distance(s.RegionIndex("west"), s.RegionIndex("east")), 285.0f);
  for (const char* id : {"west", "valley", "town", "east"}) {
    EXPECT_EQ(s.tables().corridor_relevance[s.RegionIndex(id)], 1u) << id;
  }
  EXPECT_EQ(s.tables().corridor_relevance[s.RegionIndex("south")], 0u);
}

TEST(Loader, PrioritiesAddValueAndObjectiveWeights) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  ActorId red_army = static_cast<ActorId>(s.ActorIndex("red_army"));
  ActorId blue_army = static_cast<ActorId>(s.ActorIndex("blue_army"));
  // value 2 x territory_weight 1 + corridor_connect weight 3.
  EXPECT_FLOAT_EQ(s.Priority(red_army, s.RegionIndex("valley")), 5.0f);
  // value 1 x 1, south is off the corridor.
  EXPECT_FLOAT_EQ(s.Priority(red_army, s.RegionIndex("south")), 1.0f);
  // value 1 x 1 + hold weight 1.
  EXPECT_FLOAT_EQ(s.Priority(blue_army, s.RegionIndex("south")), 2.0f);
  // value 3 x 1 + corridor_cut weight 2.
  EXPECT_FLOAT_EQ(s.Priority(blue_army, s.RegionIndex("town")), 5.0f);
}

TEST(Loader, DefaultScenarioLoadsWithTheNamedActors) {
  Result<Scenario> loaded = LoadDefaultScenario();
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  EXPECT_GE(s.regions.size(), 30u);
  for (const char* id : {"us", "sdf", "fsa", "syria", "iran", "hezbollah", "pmf", "isis", "turkey"}) {
    EXPECT_GE(s.ActorIndex(id), 0) << "no actor '" << id << "' in the default scenario";
  }
  EXPECT_EQ(s.start_date, "2017-06-15");
}

TEST(Loader, MissingFileIsReportedByPath) {
  const std::string path = std::string(BRINK_SOURCE_DIR) + "/tests/data/no-such-file.toml";
  Result<Scenario> loaded = LoadScenarioFile(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.message(), path + ": cannot open the scenario file");
}

TEST(Loader, FileLoadsLikeText) {
  Result<Scenario> loaded = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_EQ(loaded.value().regions.size(), 5u);
}

// ----------------------------------------------------------------------------- TOML syntax

TEST(Loader, SyntaxErrorPointsAtTheStrayText) {
  Broken b = Replace("horizon_days = 120", "horizon_days = 120 weeks", "weeks");
  EXPECT_TRUE(FailsAt(b, "syntax error"));
  EXPECT_TRUE(FailsAt(b, "expected a comment or whitespace"));
}

TEST(Loader, SyntaxErrorOfAMissingValue) {
  Broken b = Replace("incident_rate = 0.05", "incident_rate = = 0.05", "= 0.05");
  EXPECT_TRUE(FailsAt(b, "syntax error"));
}

// Known toml++ 3.3.0 fuzz findings (/work/shared/DEPENDENCIES.md): in the release library they
// must come back as an ordinary syntax error, never a crash.
TEST(Loader, FuzzInputWithBrokenUtf8GivesASyntaxError) {
  EXPECT_TRUE(FailsAt(std::string("\x71\xef\xbb\x81"), "fuzz.toml:1:2", "syntax error", "fuzz.toml"));
  EXPECT_TRUE(FailsAt(std::string("\x71\xef\xbb\x81"), "fuzz.toml:1:2", "expected '='", "fuzz.toml"));
  EXPECT_TRUE(FailsAt(std::string("\xcc\xaa"), "fuzz.toml:1:1", "syntax error", "fuzz.toml"));
  EXPECT_TRUE(FailsAt(std::string("\xcc\xaa"), "fuzz.toml:1:1",
                      "expected keys, tables, whitespace or comments", "fuzz.toml"));
}

TEST(Loader, FuzzInputOfAnUnfinishedTableHeaderGivesASyntaxError) {
  EXPECT_TRUE(FailsAt(std::string("[&"), "fuzz.toml:1:2", "syntax error", "fuzz.toml"));
  EXPECT_TRUE(FailsAt(std::string("[&"), "fuzz.toml:1:2",
                      "expected bare key starting character or string delimiter", "fuzz.toml"));
}

// ----------------------------------------------------------------------------- unknown keys

TEST(Loader, UnknownTopLevelKeyIsNamedWithItsPosition) {
  std::string text = "colour = \"red\"\n" + SmallText();
  EXPECT_TRUE(FailsAt(text, Locate(text, "colour = \"red\"", "\"red\""),
                      "top level: unknown key 'colour'; expected one of: "));
}

TEST(Loader, UnknownTopLevelTableIsNamedWithItsPosition) {
  Broken b = Append("[extras]\nx = 1\n", "[extras]");
  EXPECT_TRUE(FailsAt(b, "unknown key 'extras'; expected one of: "));
  EXPECT_TRUE(FailsAt(b, "ladder"));  // the list of allowed keys
}

TEST(Loader, UnknownKeyInActorIsNamedWithItsPosition) {
  Broken b = Replace("resolve = 0.8\n", "resolve = 0.8\nresolv = 0.9\n", "0.9");
  EXPECT_TRUE(FailsAt(b, "actor #3: unknown key 'resolv'; expected one of: "));
  EXPECT_TRUE(FailsAt(b, "resolve"));
}

TEST(Loader, UnknownKeyInScenarioHeaderIsNamed) {
  Broken b = Replace("horizon_days = 120\n", "horizon_days = 120\nhorizon = 90\n", "90");
  EXPECT_TRUE(FailsAt(b, "[scenario]: unknown key 'horizon'; expected one of: "));
}

TEST(Loader, UnknownRuleIsNamed) {
  Broken b = Replace("incident_rate = 0.05", "incident_rte = 0.05", "0.05");
  EXPECT_TRUE(FailsAt(b, "[rules]: unknown key 'incident_rte'; expected one of: "));
}

// ----------------------------------------------------------------------------- types and ranges

TEST(Loader, StringWhereNumberIsExpectedIsATypeError) {
  Broken b = Replace("strength = 3000", "strength = \"3000\"", "\"3000\"");
  EXPECT_TRUE(FailsAt(b, "force #1: 'strength' must be a number in [1, 10000000]"));
}

TEST(Loader, FractionWhereIntegerIsExpectedIsATypeError) {
  Broken b = Replace("horizon_days = 120", "horizon_days = 120.5", "120.5");
  EXPECT_TRUE(FailsAt(b, "[scenario]: 'horizon_days' must be an integer in [1, 20000]"));
}

TEST(Loader, NumberWhereBooleanIsExpectedIsATypeError) {
  Broken b = Replace("terrorist = true", "terrorist = 1", "1");
  EXPECT_TRUE(FailsAt(b, "actor #4: 'terrorist' must be true or false"));
}

TEST(Loader, ResolveAboveOneIsOutOfRange) {
  Broken b = Replace("resolve = 0.8", "resolve = 1.5", "1.5");
  EXPECT_TRUE(FailsAt(b, "actor #3: 'resolve' = 1.5 is out of range; expected a number in [0, 1]"));
}

TEST(Loader, NegativeStrengthIsOutOfRange) {
  Broken b = Replace("strength = 300\n", "strength = -300\n", "-300");
  EXPECT_TRUE(FailsAt(b, "force #2: 'strength' = -300 is out of range; expected a number in [1, 10000000]"));
}

TEST(Loader, NanIsNotANumberInRange) {
  Broken b = Replace("aggression = 0.3", "aggression = nan", "nan");
  EXPECT_TRUE(FailsAt(b, "actor #1: 'aggression' = nan is out of range; expected a number in [0, 1]"));
}

TEST(Loader, InfinityIsNotANumberInRange) {
  Broken b = Replace("length_km = 150", "length_km = inf", "inf");
  EXPECT_TRUE(FailsAt(b, "edge #1: 'length_km' = inf is out of range; expected a number in [0.1, 5000]"));
}

TEST(Loader, NegativeInfinityIsNotANumberInRange) {
  Broken b = Replace("lat = 33.5", "lat = -inf", "-inf");
  EXPECT_TRUE(FailsAt(b, "region #2: 'lat' = -inf is out of range; expected a number in [-90, 90]"));
}

TEST(Loader, ZeroDayHorizonIsOutOfRange) {
  Broken b = Replace("horizon_days = 120", "horizon_days = 0", "0");
  EXPECT_TRUE(FailsAt(b, "'horizon_days' = 0 is out of range; expected an integer in [1, 20000]"));
}

TEST(Loader, HorizonAboveTheLimitIsOutOfRange) {
  Broken b = Replace("horizon_days = 120", "horizon_days = 20001", "20001");
  EXPECT_TRUE(FailsAt(b, "'horizon_days' = 20001 is out of range; expected an integer in [1, 20000]"));
}

TEST(Loader, StartDateMustBeAValidMonth) {
  Broken b = Replace("start_date = \"2020-01-01\"", "start_date = \"2020-13-01\"", "\"2020");
  EXPECT_TRUE(FailsAt(b, "'start_date' = \"2020-13-01\" is not a date; expected YYYY-MM-DD"));
}

TEST(Loader, StartDateMustBeWrittenInFull) {
  Broken b = Replace("start_date = \"2020-01-01\"", "start_date = \"1 Jan 2020\"", "\"1 Jan");
  EXPECT_TRUE(FailsAt(b, "is not a date; expected YYYY-MM-DD"));
}

TEST(Loader, StartDateIsAQuotedString) {
  // A bare TOML date is a date value, not the string the format asks for.
  Broken b = Replace("start_date = \"2020-01-01\"", "start_date = 2020-01-01", "2020");
  EXPECT_TRUE(FailsAt(b, "'start_date' must be a string"));
}

TEST(Loader, IdentifierMustBeLowerCase) {
  Broken b = Replace("id = \"blue_militia\"", "id = \"Blue Militia\"", "\"Blue");
  EXPECT_TRUE(FailsAt(b, "is not an identifier; expected 1 to 64 characters of a-z, 0-9 and _"));
}

TEST(Loader, MissingRequiredKeyPointsAtItsTable) {
  // Region "east" loses its country; the error points at its [[region]] header.
  Broken b = Replace("country = \"BB\"\n", "");
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "[[region]]\nid = \"east\""), "region #5: missing key 'country'"));
}

TEST(Loader, MisspeltScenarioTableIsReportedAsUnknownFirst) {
  // A misspelt table is named as what it is before anything it leaves missing.
  Broken b = Replace("[scenario]", "[scenery]");
  EXPECT_TRUE(FailsAt(b.text, "small.toml:2:1", "top level: unknown key 'scenery'; expected one of:"));
}

TEST(Loader, MissingScenarioTablePointsAtTheTop) {
  Broken b = Replace("[scenario]\nname = \"Small valley\"\nstart_date = \"2020-01-01\"\nhorizon_days = 120\n", "");
  EXPECT_TRUE(FailsAt(b.text, "small.toml:1:1", "top level: missing table [scenario]"));
}

TEST(Loader, UnknownTerrainListsTheKnownOnes) {
  Broken b = Replace("terrain = \"desert\"", "terrain = \"dessert\"", "\"dessert\"");
  EXPECT_TRUE(FailsAt(b, "'terrain' = \"dessert\" is unknown; expected one of: desert, steppe, river_valley"));
}

TEST(Loader, UnknownRegionFlagIsNamed) {
  Broken b = Replace("flags = [\"base\"]", "flags = [\"bases\"]", "[");
  EXPECT_TRUE(FailsAt(b, "unknown flag \"bases\"; expected border_crossing, oil_field, city, base or river_crossing"));
}

TEST(Loader, TableWhereArrayOfTablesIsExpected) {
  Broken b = Replace("[[zone]]", "[zone]");
  EXPECT_TRUE(FailsAt(b, "top level: 'zone' must be an array of tables, written [[zone]]"));
}

// ----------------------------------------------------------------------------- references

TEST(Loader, ForceOfAMissingActorListsTheActors) {
  Broken b = Replace("actor = \"group\"\nregion = \"town\"", "actor = \"gruop\"\nregion = \"town\"", "\"gruop\"");
  EXPECT_TRUE(FailsAt(b, "force #5: 'actor' = \"gruop\" names no actor; expected one of: "
                         "blue_army, blue_militia, red_army, group"));
}

TEST(Loader, EdgeToAMissingRegionNamesIt) {
  Broken b = Replace("to = \"east\"", "to = \"eest\"", "\"eest\"");
  EXPECT_TRUE(FailsAt(b, "edge #4: 'to' names no region \"eest\""));
}

TEST(Loader, ActorOfAMissingBlocListsTheBlocs) {
  Broken b = Replace("bloc = \"black\"", "bloc = \"green\"", "\"green\"");
  EXPECT_TRUE(FailsAt(b, "actor #4: 'bloc' = \"green\" names no bloc; expected one of: blue, red, black"));
}

TEST(Loader, RelationToAMissingPartyIsNamed) {
  Broken b = Replace("a = \"black\"\nb = \"red\"", "a = \"black\"\nb = \"reds\"", "\"reds\"");
  EXPECT_TRUE(FailsAt(b, "relation #3: 'b' = \"reds\" names no actor or bloc"));
}

TEST(Loader, CorridorOpenThroughAMissingBlocListsTheBlocs) {
  Broken b = Replace("open_through = [\"red\"]", "open_through = [\"redd\"]", "[");
  EXPECT_TRUE(FailsAt(b, "'open_through' names no bloc \"redd\"; expected one of: blue, red, black"));
}

TEST(Loader, ObjectiveOfAMissingCorridorIsNamed) {
  Broken b = Replace("corridor = \"link\"\nweight = 3", "corridor = \"lnk\"\nweight = 3", "\"lnk\"");
  EXPECT_TRUE(FailsAt(b, "objective #1: 'corridor' = \"lnk\" names no corridor"));
}

TEST(Loader, ActorCannotThreatenItsOwnExposure) {
  Broken b = Replace("threatened_by = [\"red_army\"]", "threatened_by = [\"blue_army\"]", "[");
  EXPECT_TRUE(FailsAt(b, "exposure #1: an actor cannot threaten its own exposed forces"));
}

// ----------------------------------------------------------------------------- duplicates

TEST(Loader, DuplicateActorIdIsRefused) {
  Broken b = Replace("id = \"blue_militia\"", "id = \"blue_army\"", "\"blue_army\"");
  EXPECT_TRUE(FailsAt(b, "actor #2: duplicate actor id 'blue_army'"));
}

TEST(Loader, DuplicateRegionIdIsRefused) {
  Broken b = Replace("id = \"east\"", "id = \"town\"", "\"town\"");
  EXPECT_TRUE(FailsAt(b, "region #5: duplicate region id 'town'"));
}

TEST(Loader, DuplicateEdgeIsRefusedInEitherDirection) {
  Broken b = Append("[[edge]]\nfrom = \"valley\"\nto = \"west\"\nlength_km = 10\n", "\"west\"");
  EXPECT_TRUE(FailsAt(b, "edge #6: duplicate edge between 'valley' and 'west'"));
}

TEST(Loader, ActorIdMayNotBeABlocId) {
  Broken b = Replace("id = \"group\"", "id = \"red\"", "\"red\"");
  EXPECT_TRUE(FailsAt(b, "actor #4: actor id 'red' is also a bloc id"));
}

TEST(Loader, ProxyHasOnePatron) {
  Broken b = Append("[[relation]]\na = \"red_army\"\nb = \"blue_militia\"\nkind = \"patronage\"\n"
                    "reliability = 0.5\n",
                    "\"blue_militia\"");
  EXPECT_TRUE(FailsAt(b, "relation #5: actor 'blue_militia' already has a patron"));
}

// ----------------------------------------------------------------------------- the map

TEST(Loader, DisconnectedRegionIsNamed) {
  Broken b = Append("[[region]]\nid = \"island\"\ncountry = \"CC\"\nlat = 35.0\nlon = 42.0\n"
                    "terrain = \"desert\"\nvalue = 1\n",
                    "\"island\"");
  EXPECT_TRUE(FailsAt(b, "region #6: region 'island' cannot be reached from 'west'; the map must be connected"));
}

TEST(Loader, EdgeMustJoinTwoRegions) {
  Broken b = Replace("to = \"east\"", "to = \"town\"", "\"town\"");
  EXPECT_TRUE(FailsAt(b, "edge #4: an edge must join two different regions"));
}

TEST(Loader, UnknownEdgeKindIsNamed) {
  Broken b = Replace("kind = \"river_crossing\"", "kind = \"ford\"", "\"ford\"");
  EXPECT_TRUE(FailsAt(b, "edge #3: 'kind' = \"ford\"; expected \"road\" or \"river_crossing\""));
}

TEST(Loader, CorridorMayNotHaveARegionOnBothEnds) {
  Broken b = Replace("to = [\"east\"]", "to = [\"east\", \"west\"]", "[");
  EXPECT_TRUE(FailsAt(b, "corridor #1: region 'west' is on both ends of the corridor"));
}

// ----------------------------------------------------------------------------- factions, relations

TEST(Loader, FactionInfluencesMustSumToOne) {
  Broken b = Replace("influence = 0.6", "influence = 0.5");
  // Reported at the [[faction]] entries as a whole.
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "[[faction]]\nid = \"blue_hawks\""), "blue_army"));
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "[[faction]]\nid = \"blue_hawks\""), "sum to 0.9; expected 1"));
}

TEST(Loader, UnknownRelationKindListsTheKinds) {
  Broken b = Replace("kind = \"rivalry\"", "kind = \"rivals\"", "\"rivals\"");
  EXPECT_TRUE(FailsAt(b, "relation #1: 'kind' = \"rivals\"; expected alliance, patronage, neutrality, "
                         "hostility, rivalry or feud"));
}

TEST(Loader, PatronageBetweenBlocsIsRefused) {
  // The blue-red relation (between blocs) turned into a patronage.
  Broken b = Replace("kind = \"rivalry\"", "kind = \"patronage\"");
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "a = \"blue\"\nb = \"red\"", "\"blue\""),
                      "relation #1: a patronage relation joins two actors, not blocs"));
}

TEST(Loader, RelationJoinsTwoParties) {
  Broken b = Replace("a = \"black\"\nb = \"red\"", "a = \"red\"\nb = \"red\"");
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "b = \"red\"\nkind = \"hostility\"", "\"red\""),
                      "relation #3: a relation must join two different parties"));
}

TEST(Loader, FeudNeedsAFront) {
  Broken b = Replace("kind = \"hostility\"\n[[relation]]\na = \"black\"\nb = \"red\"",
                     "kind = \"hostility\"\n[[relation]]\na = \"group\"\nb = \"red_army\"\nkind = \"feud\"\nintensity = 0.1\n"
                     "[[relation]]\na = \"black\"\nb = \"red\"");
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "[[relation]]\na = \"group\""), "relation #3: missing key 'front'"));
}

// ----------------------------------------------------------------------------- the ladder

TEST(Loader, LadderThresholdsMustRise) {
  Broken b = Append("[[ladder]]\nname = \"calm\"\nthreshold = 0\nseverity = 0\n"
                    "[[ladder]]\nname = \"tense\"\nthreshold = 2\nseverity = 1\n"
                    "[[ladder]]\nname = \"war\"\nthreshold = 1.5\nseverity = 20\n",
                    "1.5");
  EXPECT_TRUE(FailsAt(b, "ladder #3: rung thresholds must rise; expected more than 2"));
}

TEST(Loader, LadderStartsAtZero) {
  Broken b = Append("[[ladder]]\nname = \"calm\"\nthreshold = 1\nseverity = 0\n"
                    "[[ladder]]\nname = \"war\"\nthreshold = 2\nseverity = 20\n",
                    "[[ladder]]");
  EXPECT_TRUE(FailsAt(b, "top level: the first rung's threshold must be 0"));
}

// ----------------------------------------------------------------------------- limits

TEST(Loader, ListLongerThanTheLimitIsRefused) {
  std::string flags = "flags = [";
  for (int i = 0; i <= Limits::kMaxListLength; ++i) flags += i == 0 ? "\"base\"" : ", \"base\"";
  flags += "]";
  Broken b = Replace("flags = [\"base\"]", flags, "[");
  EXPECT_TRUE(FailsAt(b, "region #2: 'flags' has 513 items, more than the limit of 512"));
}

TEST(Loader, StringLongerThanTheLimitIsRefused) {
  std::string name = "name = \"" + std::string(Limits::kMaxStringLength + 1, 'x') + "\"";
  Broken b = Replace("name = \"Small valley\"", name, "\"");
  EXPECT_TRUE(FailsAt(b, "[scenario]: 'name' is longer than the limit of 4096 characters"));
}

TEST(Loader, StringLimitsCountCharactersNotBytes) {
  // 4096 characters of two bytes each are within the limit; 4097 are not.
  std::string at_limit;
  for (int i = 0; i < Limits::kMaxStringLength; ++i) at_limit += "\xc3\xa9";  // é
  std::string text = SmallText();
  const std::string from = "name = \"Small valley\"";
  text.replace(text.find(from), from.size(), "name = \"" + at_limit + "\"");
  Result<Scenario> loaded = LoadScenario(text, kSource);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.message());
  Broken over = Replace(from, "name = \"" + at_limit + "e\"", "\"");
  EXPECT_TRUE(FailsAt(over, "longer than the limit of 4096 characters"));
  // A country code is exactly two characters, whatever their bytes.
  std::string accented = SmallText();
  const std::string country = "country = \"AA\"";
  accented.replace(accented.find(country), country.size(), "country = \"\xc3\x89\xc3\x89\"");  // ÉÉ
  Result<Scenario> two = LoadScenario(accented, kSource);
  EXPECT_TRUE(two.ok()) << (two.ok() ? "" : two.message());
}

TEST(Loader, MoreEntriesThanTheLimitAreRefused) {
  std::string blocs;
  for (int i = 0; i < Limits::kMaxBlocs; ++i) blocs += "[[bloc]]\nid = \"extra" + std::to_string(i) + "\"\n";
  Broken b = Append(blocs, "[[bloc]]");
  // Reported at the first [[bloc]], where the array begins.
  EXPECT_TRUE(FailsAt(b.text, Locate(b.text, "[[bloc]]\nid = \"blue\""),
                      "top level: 19 [[bloc]] entries, more than the limit of 16"));
}

TEST(Loader, FileLargerThanTheLimitIsRefusedBeforeParsing) {
  std::string text = SmallText() + "# " + std::string(Limits::kMaxFileBytes, 'x') + "\n";
  Result<Scenario> loaded = LoadScenario(text, kSource);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.message().find("small.toml: the file is"), std::string::npos) << loaded.message();
  EXPECT_NE(loaded.message().find("more than the limit of 4194304"), std::string::npos) << loaded.message();
}

// ----------------------------------------------------------------------------- --set overrides

TEST(LoaderOverrides, ExposureTroopsCanBeSet) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource, {"exposure.blue_abroad.troops=2000"});
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_DOUBLE_EQ(loaded.value().exposures[0].troops, 2000.0);
}

TEST(LoaderOverrides, FactionInfluenceRescalesTheOtherFactions) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource, {"faction.blue_hawks.influence=0.6"});
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  ASSERT_EQ(s.factions.size(), 2u);
  EXPECT_EQ(s.factions[0].id, "blue_hawks");
  EXPECT_DOUBLE_EQ(s.factions[0].influence, 0.6);
  EXPECT_EQ(s.factions[1].id, "blue_doves");
  EXPECT_NEAR(s.factions[1].influence, 0.4, 1e-12);
}

TEST(LoaderOverrides, RuleAndBooleanAndRelationCanBeSet) {
  Result<Scenario> loaded = LoadScenario(
      SmallText(), kSource,
      {"rules.signalling=false", "scenario.horizon_days=30",
       "relation.blue_army.blue_militia.reliability=0.9", "actor.red_army.resolve=0.25"});
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  EXPECT_FALSE(s.rules.signalling);
  EXPECT_EQ(s.horizon_days, 30);
  EXPECT_DOUBLE_EQ(s.reliability(static_cast<ActorId>(s.ActorIndex("blue_militia"))), 0.9);
  EXPECT_DOUBLE_EQ(s.actors[s.ActorIndex("red_army")].resolve, 0.25);
}

TEST(LoaderOverrides, DefaultScenarioTakesOverrides) {
  Result<Scenario> loaded = LoadDefaultScenario({"rules.signalling=false"});
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_FALSE(loaded.value().rules.signalling);
}

testing::AssertionResult SetFails(const std::string& item, std::string_view expected) {
  Result<Scenario> loaded = LoadScenario(SmallText(), kSource, {item});
  if (loaded.ok()) return testing::AssertionFailure() << "--set " << item << " was accepted";
  const std::string& message = loaded.message();
  if (message.rfind("--set " + item + ": ", 0) != 0) {
    return testing::AssertionFailure() << "message does not start with '--set " << item << ": ':\n  " << message;
  }
  if (message.find(expected) == std::string::npos) {
    return testing::AssertionFailure() << "message does not say '" << expected << "':\n  " << message;
  }
  return testing::AssertionSuccess() << message;
}

TEST(LoaderOverrides, UnknownPathIsRefused) {
  EXPECT_TRUE(SetFails("army.red_army.resolve=0.5", "unknown path 'army.red_army.resolve'; expected scenario.KEY"));
  EXPECT_TRUE(SetFails("actor.red_army=0.5", "unknown path 'actor.red_army'"));
}

TEST(LoaderOverrides, UnknownEntryIdIsRefused) {
  EXPECT_TRUE(SetFails("actor.green_army.resolve=0.5", "there is no actor 'green_army'"));
  EXPECT_TRUE(SetFails("relation.red_army.group.reliability=0.5", "no relation between 'red_army' and 'group'"));
}

TEST(LoaderOverrides, NonNumericValueIsRefused) {
  EXPECT_TRUE(SetFails("actor.red_army.resolve=high", "'high' is not a number or true/false"));
  EXPECT_TRUE(SetFails("actor.red_army.resolve=\"0.5\"", "is not a number or true/false"));
}

TEST(LoaderOverrides, MissingValueIsRefused) {
  EXPECT_TRUE(SetFails("actor.red_army.resolve", "expected PATH=VALUE"));
}

TEST(LoaderOverrides, OutOfRangeValueIsCheckedLikeTheFile) {
  EXPECT_TRUE(SetFails("actor.red_army.resolve=2",
                       "actor #3: 'resolve' = 2 is out of range; expected a number in [0, 1]"));
  EXPECT_TRUE(SetFails("scenario.horizon_days=0", "'horizon_days' = 0 is out of range"));
  EXPECT_TRUE(SetFails("faction.blue_hawks.influence=1.5", "'influence' = 1.5 is out of range"));
}

TEST(LoaderOverrides, MisspelledKeyIsRefused) {
  EXPECT_TRUE(SetFails("actor.red_army.resolv=0.5", "actor #3: unknown key 'resolv'"));
}

TEST(LoaderOverrides, TextParameterCannotBeSet) {
  EXPECT_TRUE(SetFails("region.west.terrain=2", "is not a numeric or boolean parameter"));
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// Limits on every kind of entry, one test each: a file that asks for one more is refused
// with a message naming the limit (the blocs case is MoreEntriesThanTheLimitAreRefused).
TEST(LoaderLimits, EveryEntryKindHasALimit) {
  struct Case {
    const char* table;
    int limit;
  };
  for (Case c : {Case{"actor", Limits::kMaxActors}, Case{"region", Limits::kMaxRegions},
                 Case{"edge", Limits::kMaxEdges}, Case{"force", Limits::kMaxForces},
                 Case{"faction", Limits::kMaxFactions}, Case{"corridor", Limits::kMaxCorridors},
                 Case{"zone", Limits::kMaxEntries}, Case{"ladder", Limits::kMaxLadderRungs},
                 Case{"terrain", Limits::kMaxTerrains}}) {
    std::string text = "[scenario]\nname = \"x\"\nstart_date = \"2020-01-01\"\nhorizon_days = 10\n";
    for (int i = 0; i <= c.limit; ++i) text += std::string("[[") + c.table + "]]\n";
    Result<Scenario> loaded = LoadScenario(text, "limits.toml");
    ASSERT_FALSE(loaded.ok()) << c.table;
    EXPECT_NE(loaded.message().find("more than the limit of " + std::to_string(c.limit)), std::string::npos)
        << loaded.message();
  }
}

// Nesting: a deeply nested array is refused by the parser with a clean error, not a crash.
TEST(LoaderLimits, DeepNestingIsAnErrorNotACrash) {
  std::string text = "deep = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  Result<Scenario> loaded = LoadScenario(text, "deep.toml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.message().rfind("deep.toml:", 0), 0u) << loaded.message();
}

// ---------------------------------------------------------- relations that cannot mean anything

TEST(Loader, RivalryOrHostilityInsideOneBlocIsRefused) {
  for (std::string_view kind : {"rivalry", "hostility"}) {
    const std::string extra = "[[relation]]\na = \"blue_army\"\nb = \"blue_militia\"\nkind = \"" +
                              std::string(kind) + "\"\n";
    Broken b = Append(extra, "\"" + std::string(kind) + "\"");
    EXPECT_TRUE(FailsAt(b, "both of bloc 'blue'")) << kind;
  }
  Broken whole = Append("[[relation]]\na = \"blue\"\nb = \"blue_army\"\nkind = \"rivalry\"\n",
                        "\"rivalry\"");
  EXPECT_TRUE(FailsAt(whole, "a feud"));
}

TEST(Loader, PatronageCycleIsRefused) {
  Broken b = Append("[[relation]]\na = \"blue_militia\"\nb = \"blue_army\"\nkind = \"patronage\"\n"
                    "reliability = 0.5\n",
                    "\"blue_army\"");
  EXPECT_TRUE(FailsAt(b, "patronage cycle"));
}

TEST(Loader, PatronHostileToItsProxyIsRefused) {
  // small.toml makes blue_army the patron of blue_militia. Moved to red's bloc, the militia is
  // its patron's rival through the blue-red rivalry declared before the patronage.
  std::string text = SmallText();
  const std::string from = "id = \"blue_militia\"\nbloc = \"blue\"";
  ASSERT_EQ(Count(text, from), 1u);
  text.replace(text.find(from), from.size(), "id = \"blue_militia\"\nbloc = \"red\"");
  EXPECT_TRUE(FailsAt(text, PositionAt(text, text.find("\"patronage\"")),
                      "a patron cannot be hostile to the proxy it commands"));
  // Declared after the patronage, a hostility between the two is refused where it stands
  // (the militia in a bloc of its own, so that no earlier relation already makes them hostile).
  std::string later = SmallText();
  const std::string bloc = "[[bloc]]\nid = \"black\"";
  later.replace(later.find(bloc), bloc.size(), bloc + "\n[[bloc]]\nid = \"grey\"");
  later.replace(later.find(from), from.size(), "id = \"blue_militia\"\nbloc = \"grey\"");
  const std::size_t start = later.size();
  later += "[[relation]]\na = \"blue_militia\"\nb = \"blue_army\"\nkind = \"hostility\"\n";
  EXPECT_TRUE(FailsAt(later, PositionAt(later, later.find("\"hostility\"", start)),
                      "a patron cannot be hostile to the proxy it commands"));
}

TEST(Loader, RelationNamingABlocWithoutActorsIsRefused) {
  std::string text = SmallText();
  const std::string from = "[[bloc]]\nid = \"black\"";
  ASSERT_EQ(Count(text, from), 1u);
  text.replace(text.find(from), from.size(), from + "\n[[bloc]]\nid = \"grey\"");
  const std::string extra = "[[relation]]\na = \"grey\"\nb = \"red\"\nkind = \"hostility\"\n";
  const std::size_t start = text.size();
  text += extra;
  EXPECT_TRUE(FailsAt(text, PositionAt(text, start + extra.find("\"grey\"")), "a bloc with no actors"));
}

// Full-scale war (docs/model.md, "War"): war_aims name regions or countries of the map, bases
// name regions, and an actor protects another bloc than its own.
TEST(Loader, WarAimsBasesAndProtectsAreChecked) {
  Broken aims = Replace("id = \"blue_army\"\nbloc = \"blue\"\n",
                        "id = \"blue_army\"\nbloc = \"blue\"\nwar_aims = [\"nowhere\"]\n", "[\"nowhere\"]");
  EXPECT_TRUE(FailsAt(aims, "neither a region nor the country of one"));
  Broken bases = Replace("id = \"blue_army\"\nbloc = \"blue\"\n",
                         "id = \"blue_army\"\nbloc = \"blue\"\nbases = [\"nowhere\"]\n", "[\"nowhere\"]");
  EXPECT_TRUE(FailsAt(bases, "names no region"));
  Broken own = Replace("id = \"blue_army\"\nbloc = \"blue\"\n",
                       "id = \"blue_army\"\nbloc = \"blue\"\nprotects = [\"blue\"]\n", "[\"blue\"]");
  EXPECT_TRUE(FailsAt(own, "the actor's own bloc"));
  Broken unknown = Replace("id = \"blue_army\"\nbloc = \"blue\"\n",
                           "id = \"blue_army\"\nbloc = \"blue\"\nprotects = [\"teal\"]\n", "[\"teal\"]");
  EXPECT_TRUE(FailsAt(unknown, "names no bloc"));
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// A withdrawal with no 'regions' key leaves the whole theatre; 'regions = []' (a list emptied
// by mistake) used to mean the same and is now refused at its place.
TEST(Loader, AnEmptyWithdrawalListIsRefusedNotEverywhere) {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  std::stringstream small;
  small << in.rdbuf();
  const std::string change = "\n[[timeline]]\ndate = \"2020-01-08\"\nkind = \"withdraw\"\nactor = \"blue_army\"\n";
  Result<Scenario> everywhere = LoadScenario(small.str() + change, "t.toml");
  ASSERT_TRUE(everywhere.ok()) << everywhere.message();
  EXPECT_EQ(everywhere.value().timeline.back().regions.size(), everywhere.value().regions.size());
  Result<Scenario> empty = LoadScenario(small.str() + change + "regions = []\n", "t.toml");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.message().find("t.toml:"), std::string::npos) << empty.message();
  EXPECT_NE(empty.message().find("at least one region"), std::string::npos) << empty.message();
}

}  // namespace
}  // namespace brink

// ----------------------------------------------------------------------------- map features

namespace brink {
namespace {

constexpr std::string_view kRiver =
    "[[feature]]\nid = \"river\"\nname = \"The river\"\nkind = \"river\"\nsource = \"assumption\"\n"
    "points = [[35.0, 40.0], [35.5, 40.5], [36, 41]]\n";

TEST(Loader, RiversAndBordersLoadAsPolylines) {
  Result<Scenario> loaded = LoadScenario(SmallText() + "\n" + std::string(kRiver), kSource);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  ASSERT_EQ(loaded.value().features.size(), 1u);
  const Feature& f = loaded.value().features[0];
  EXPECT_EQ(f.name, "The river");
  EXPECT_EQ(f.kind, FeatureKind::kRiver);
  ASSERT_EQ(f.points.size(), 3u);
  EXPECT_DOUBLE_EQ(f.points[2].first, 36.0);  // an integer is a number of degrees too
  EXPECT_DOUBLE_EQ(f.points[2].second, 41.0);
}

TEST(Loader, AFeatureOfOnePointOrAnUnknownKindIsRefused) {
  std::string one(kRiver);
  one.replace(one.find("[[35.0"), std::string("[[35.0, 40.0], [35.5, 40.5], [36, 41]]").size(), "[[35.0, 40.0]]");
  Broken b = Append(one, "[[35.0, 40.0]]");
  EXPECT_TRUE(FailsAt(b, "'points' has 1 points; expected 2 to 512"));
  std::string kind(kRiver);
  kind.replace(kind.find("\"river\"\nsource"), 7, "\"road\"");
  Broken c = Append(kind, "\"road\"");
  EXPECT_TRUE(FailsAt(c, "'kind' = \"road\"; expected \"river\" or \"border\""));
}

TEST(Loader, AFeaturesPointOffTheGlobeIsNamed) {
  std::string off(kRiver);
  off.replace(off.find("[35.5, 40.5]"), 12, "[35.5, 190.5]");
  Broken b = Append(off, "190.5");
  EXPECT_TRUE(FailsAt(b, "longitude 190.5 in 'points' is out of range; expected [-180, 180]"));
  std::string flat(kRiver);
  flat.replace(flat.find("[35.5, 40.5]"), 12, "[35.5]");
  Broken c = Append(flat, "[35.5]");
  EXPECT_TRUE(FailsAt(c, "each point of 'points' must be [latitude, longitude]"));
}

}  // namespace
}  // namespace brink
