// The embedded eastern-syria-2018 scenario (tracker issue 20, "A forecast from 1 January 2018"):
// the 2017 scenario's theatre, rules and actors, started from the map of 31 December 2017 in the
// record of 2017 (../shared/data/record-2017.md). These tests hold it to that: it loads by name,
// its start state is the record's end-2017 map, nothing in it is dated after 2017 (2018 is the
// holdout), and it differs from eastern-syria-2017.toml only where its header says it does.
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "brink/engine.h"
#include "brink/scenario.h"

namespace brink {
namespace {

const EmbeddedScenario& Embedded(std::string_view name) {
  const EmbeddedScenario* e = FindEmbeddedScenario(name);
  if (!e) throw std::runtime_error("no embedded scenario " + std::string(name));
  return *e;
}

Scenario Load2018() {
  Result<Scenario> s = LoadEmbeddedScenario("eastern-syria-2018");
  if (!s.ok()) throw std::runtime_error(s.message());
  return s.take();
}

TEST(EasternSyria2018, IsEmbeddedBesideTheDefaultAndHasNoRecordToScore) {
  EXPECT_EQ(EmbeddedScenarios().front().name, "eastern-syria-2017");
  EXPECT_EQ(DefaultScenarioText(), Embedded("eastern-syria-2017").text);
  EXPECT_FALSE(Embedded("eastern-syria-2017").observations.empty());
  EXPECT_TRUE(Embedded("eastern-syria-2018").observations.empty());  // 2018 is held out
  EXPECT_EQ(FindEmbeddedScenario("eastern-syria-2019"), nullptr);
  Result<Scenario> missing = LoadEmbeddedScenario("eastern-syria-2019");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.message(), "no embedded scenario named 'eastern-syria-2019'; expected one of: "
                               "eastern-syria-2017, eastern-syria-2018, idlib-2020");
  const Scenario s = Load2018();
  EXPECT_EQ(s.start_date, "2018-01-01");
  EXPECT_EQ(s.horizon_days, 365);
  EXPECT_EQ(s.source_name, "<eastern-syria-2018.toml>");
}

// No date in the file is later than its start, so no 2018 event can be in it; and nothing is
// scheduled: no timeline, no campaign, no late arrival, every line in force from the start.
TEST(EasternSyria2018, NothingInItHappensAfter2017) {
  const std::string text(Embedded("eastern-syria-2018").text);
  const std::regex date(R"((20\d\d)-(\d\d)-(\d\d))");
  int dates = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), date); it != std::sregex_iterator(); ++it) {
    ++dates;
    EXPECT_LE(it->str(), "2018-01-01") << "a date after the start: " << it->str();
  }
  EXPECT_GE(dates, 1);
  // Below the header, a later year is named only by the start itself, the scenario's name, or
  // the title of a source article that spans years ("Deir ez-Zor campaign (2017-2019)").
  const std::string body = text.substr(text.find("\n[scenario]"));
  const std::regex year(R"(\b(2018|2019|202\d)\b)");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), year); it != std::sregex_iterator(); ++it) {
    const std::size_t at = static_cast<std::size_t>(it->position());
    const std::string around = body.substr(at < 40 ? 0 : at - 40, 80);
    const bool span = at >= 5 && body.compare(at - 5, 5, "2017-") == 0;
    EXPECT_TRUE(span || around.find("\"2018-01-01\"") != std::string::npos || around.find("January 2018") != std::string::npos ||
                around.find("1 Jan 2018") != std::string::npos)
        << "names a later year: ..." << around << "...";
  }
  const Scenario s = Load2018();
  EXPECT_TRUE(s.timeline.empty());
  EXPECT_TRUE(s.campaigns.empty());
  for (const ForceSpec& f : s.forces) EXPECT_EQ(f.arrives_day, 0);
  for (const DeconflictionLine& l : s.lines) EXPECT_EQ(l.agreed_day, 0) << l.id;
  EXPECT_TRUE(s.grievances.empty());
}

// The record's map of 31 Dec 2017 ("Holders at the end of 2017").
TEST(EasternSyria2018, StartsFromTheRecordsEndOf2017Map) {
  const Scenario s = Load2018();
  const std::map<std::string, std::string> record = {
      {"raqqa", "sdf"},          {"tabqa", "sdf"},          {"conoco", "sdf"},           {"al_omar", "sdf"},
      {"shaddadi", "sdf"},       {"manbij", "sdf"},         {"kobani", "sdf"},           {"tal_abyad", "sdf"},
      {"afrin", "sdf"},          {"resafa", "syria"},       {"maadan", "syria"},         {"deir_ez_zor", "syria"},
      {"khasham", "syria"},      {"mayadin", "syria"},      {"albu_kamal", "syria"},     {"sukhnah", "syria"},
      {"hajin", "isis"},         {"baghuz", "isis"},        {"al_tanf", "us"},           {"tanf_desert", ""},
      {"al_qaim", "iraq_gov"},   {"al_waleed", "iraq_gov"}, {"rabia", "iraq_gov"},       {"sinjar", "iraq_gov"},
      {"tal_afar", "iraq_gov"},  {"mosul", "iraq_gov"},     {"anah", "iraq_gov"},        {"rawa", "iraq_gov"},
      {"jarabulus", "turkey"},   {"al_bab", "turkey"}};
  for (const auto& [region, holder] : record) {
    const int r = s.RegionIndex(region);
    ASSERT_GE(r, 0) << region;
    const ActorId h = s.regions[static_cast<std::size_t>(r)].holder;
    EXPECT_EQ(h == kNone ? std::string() : s.actors[h].id, holder) << region;
  }
  // ISIS holds only the Hajin-Baghuz pocket; the Peshmerga have left the theatre.
  std::set<std::string> isis;
  for (const Region& g : s.regions) {
    if (g.holder != kNone && s.actors[g.holder].id == "isis") isis.insert(g.id);
  }
  EXPECT_EQ(isis, (std::set<std::string>{"hajin", "baghuz"}));
  for (const ForceSpec& f : s.forces) EXPECT_NE(s.actors[f.actor].id, "peshmerga");
  // The land link open at the start, as the record has it at the end of 2017.
  const State st = Engine(s).Initial();
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    if (s.corridors[c].id == "land_bridge") {
      EXPECT_TRUE(st.corridor_open[c]);
    }
  }
  EXPECT_EQ(st.max_level, 3);  // 'limited direct strikes' was reached in 2017
}

// Rules, actors and everything else are the 2017 scenario's, but for what the header lists.
TEST(EasternSyria2018, DiffersFrom2017OnlyWhereTheRecordSaysTheStandoffChanged) {
  const toml::table a = toml::parse(Embedded("eastern-syria-2017").text);
  const toml::table b = toml::parse(Embedded("eastern-syria-2018").text);
  // Tables whose content may differ, and how.
  const std::set<std::string> differ = {"scenario", "region", "force", "relation", "actor", "exposure", "line",
                                        "campaign", "timeline", "tension", "grievance"};
  std::set<std::string> keys;
  for (const auto& [key, node] : a) keys.insert(std::string(key.str()));
  for (const auto& [key, node] : b) keys.insert(std::string(key.str()));
  for (const std::string& key : keys) {
    if (differ.contains(key)) continue;
    ASSERT_TRUE(a.contains(key) && b.contains(key)) << "[" << key << "] is in one scenario only";
    EXPECT_TRUE(a[key] == b[key]) << "[" << key << "] differs from the 2017 scenario's";
  }
  // Tables of these kinds differ only in the named keys.
  auto same_but = [](const toml::table& x, const toml::table& y, const std::set<std::string>& allowed) {
    std::set<std::string> keys;
    for (const auto& [key, node] : x) keys.insert(std::string(key.str()));
    for (const auto& [key, node] : y) keys.insert(std::string(key.str()));
    for (const std::string& key : keys) {
      if (allowed.contains(key)) continue;
      if (!x.contains(key) || !y.contains(key) || !(x[key] == y[key])) return key;
    }
    return std::string();
  };
  auto array = [](const toml::table& t, const char* key) -> const toml::array& { return *t.get(key)->as_array(); };
  ASSERT_EQ(array(a, "actor").size(), array(b, "actor").size());
  for (std::size_t i = 0; i < array(a, "actor").size(); ++i) {
    const toml::table& x = *array(a, "actor")[i].as_table();
    const toml::table& y = *array(b, "actor")[i].as_table();
    EXPECT_EQ(same_but(x, y, {"underground", "insurgent_ground"}), "") << "actor #" << i + 1;
  }
  ASSERT_EQ(array(a, "region").size(), array(b, "region").size());
  for (std::size_t i = 0; i < array(a, "region").size(); ++i) {
    EXPECT_EQ(same_but(*array(a, "region")[i].as_table(), *array(b, "region")[i].as_table(), {"holder"}), "")
        << "region #" << i + 1;
  }
  ASSERT_EQ(array(a, "exposure").size(), array(b, "exposure").size());
  EXPECT_EQ(same_but(*array(a, "exposure")[0].as_table(), *array(b, "exposure")[0].as_table(), {"troops"}), "");
  ASSERT_EQ(array(a, "line").size(), array(b, "line").size());
  EXPECT_EQ(same_but(*array(a, "line")[0].as_table(), *array(b, "line")[0].as_table(), {"agreed"}), "");
  // Relations: the same, but Baghdad-Erbil hostile and one PMF-Peshmerga hostility added (the
  // changes of 16 Oct 2017, record-2017 day 125).
  const toml::array& ra = array(a, "relation");
  const toml::array& rb = array(b, "relation");
  ASSERT_EQ(ra.size() + 1, rb.size());
  int changed = 0;
  for (std::size_t i = 0, j = 0; i < ra.size(); ++i, ++j) {
    const toml::table& x = *ra[i].as_table();
    const toml::table& y = *rb[j].as_table();
    if (x == y) continue;
    ++changed;
    EXPECT_EQ(x["a"].value_or(std::string()), "kurdistan");
    EXPECT_EQ(x["b"].value_or(std::string()), "iraq");
    EXPECT_EQ(y["kind"].value_or(std::string()), "hostility");
    const toml::table& added = *rb[++j].as_table();
    EXPECT_EQ(added["a"].value_or(std::string()), "pmf");
    EXPECT_EQ(added["b"].value_or(std::string()), "peshmerga");
    EXPECT_EQ(added["kind"].value_or(std::string()), "hostility");
  }
  EXPECT_EQ(changed, 1);
}

}  // namespace
}  // namespace brink
