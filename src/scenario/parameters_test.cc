// The parameter table is the one declaration: the loader, --set and the docs agree with it.
#include "brink/parameters.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace brink {
namespace {

std::string SmallScenario() {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The rows "| `key` | number | lo - hi | default | meaning |" of one section of the docs.
std::map<std::string, std::pair<std::string, std::string>> DocRows(const std::string& doc, const std::string& from,
                                                                   const std::string& to) {
  std::map<std::string, std::pair<std::string, std::string>> rows;
  const std::size_t start = doc.find(from), end = doc.find(to, start);
  std::istringstream lines(doc.substr(start, end - start));
  const std::regex row(R"(^\| `([a-z_0-9]+)` \| (number|integer) \| ([^|]*) \| ([^|]*) \|)");
  std::smatch m;
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_search(line, m, row)) rows[m[1]] = {m[3], m[4]};
  }
  return rows;
}

TEST(Parameters, DocsTablesMatchTheTable) {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/docs/scenario-format.md", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  ASSERT_FALSE(doc.empty());
  const auto rules = DocRows(doc, "### `[rules]`", "### `[[bloc]]`");
  const auto actors = DocRows(doc, "### `[[actor]]`", "### `[[faction]]`");
  int checked = 0;
  for (const ParameterSpec& p : Parameters()) {
    const auto& rows = p.table == ParameterTable::kRules ? rules : actors;
    auto it = rows.find(std::string(p.name));
    ASSERT_NE(it, rows.end()) << p.Key() << " has no row in docs/scenario-format.md";
    const std::string& range = it->second.first;
    const std::size_t dash = range.find(" - ");
    ASSERT_NE(dash, std::string::npos) << p.Key() << ": range '" << range << "'";
    EXPECT_DOUBLE_EQ(std::strtod(range.substr(0, dash).c_str(), nullptr), p.lo) << p.Key();
    EXPECT_DOUBLE_EQ(std::strtod(range.substr(dash + 3).c_str(), nullptr), p.hi) << p.Key();
    const double d = p.Default();
    if (d >= p.lo) {
      EXPECT_DOUBLE_EQ(std::strtod(it->second.second.c_str(), nullptr), d) << p.Key() << ": default";
    }
    ++checked;
  }
  // Every numeric row of the docs is in the table.
  for (const auto& [rows, table] : {std::pair{&rules, ParameterTable::kRules}, std::pair{&actors, ParameterTable::kActor}}) {
    for (const auto& [key, row] : *rows) EXPECT_NE(FindParameter(table, key), nullptr) << key << " is documented but not in the table";
  }
  EXPECT_GT(checked, 90);
}

TEST(Parameters, LoaderChecksTheTableRange) {
  std::string text = SmallScenario();
  text.replace(text.find("incident_rate = 0.05"), 20, "incident_rate = 0.05\nwar_spark = 1.5");
  Result<Scenario> loaded = LoadScenario(text, "small.toml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.message().find("'war_spark' = 1.5 is out of range; expected a number in [0, 1]"), std::string::npos)
      << loaded.message();
}

TEST(Parameters, RangeBesideTheValue) {
  std::string text = SmallScenario();
  text.replace(text.find("incident_rate = 0.05"), 20,
               "incident_rate = { value = 0.05, low = 0.02, high = 0.1, source = \"assumption\" }");
  Result<Scenario> loaded = LoadScenario(text, "small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_DOUBLE_EQ(loaded.value().rules.incident_rate, 0.05);
  ASSERT_EQ(loaded.value().uncertain.size(), 1u);
  EXPECT_EQ(loaded.value().uncertain[0].path, "rules.incident_rate");
  Result<ParameterRef> ref = FindParameterRef(loaded.value(), "rules.incident_rate");
  ASSERT_TRUE(ref.ok());
  EXPECT_DOUBLE_EQ(ref.value().low, 0.02);
  EXPECT_DOUBLE_EQ(ref.value().high, 0.1);
  EXPECT_EQ(ref.value().source, "assumption");
  // --set replaces the value and keeps the range.
  Result<Scenario> set = LoadScenario(text, "small.toml", {"rules.incident_rate=0.08"});
  ASSERT_TRUE(set.ok()) << set.message();
  EXPECT_DOUBLE_EQ(set.value().rules.incident_rate, 0.08);
  EXPECT_DOUBLE_EQ(set.value().uncertain[0].high, 0.1);
  Result<Scenario> outside = LoadScenario(text, "small.toml", {"rules.incident_rate=0.2"});
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.message().find("does not hold the value 0.2"), std::string::npos) << outside.message();
  // A range needs its source.
  std::string unsourced = SmallScenario();
  unsourced.replace(unsourced.find("incident_rate = 0.05"), 20, "incident_rate = { value = 0.05, low = 0.02, high = 0.1 }");
  Result<Scenario> bad = LoadScenario(unsourced, "small.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("missing key 'source'"), std::string::npos) << bad.message();
}

TEST(Parameters, TableRangeAroundTheValue) {
  Result<Scenario> loaded = LoadScenario(SmallScenario(), "small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  Result<ParameterRef> ref = FindParameterRef(loaded.value(), "rules.war_spark");
  ASSERT_TRUE(ref.ok());
  EXPECT_DOUBLE_EQ(ref.value().value, 0.3);
  EXPECT_DOUBLE_EQ(ref.value().low, 0.15);
  EXPECT_DOUBLE_EQ(ref.value().high, 0.45);
  EXPECT_FALSE(FindParameterRef(loaded.value(), "rules.no_such").ok());
  EXPECT_FALSE(FindParameterRef(loaded.value(), "actor.nobody.resolve").ok());
}

TEST(Parameters, PatternsSelectParameters) {
  Result<Scenario> loaded = LoadScenario(SmallScenario(), "small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  Result<std::vector<ParameterRef>> resolve = SelectParameters(s, {"actor.*.resolve"});
  ASSERT_TRUE(resolve.ok()) << resolve.message();
  EXPECT_EQ(resolve.value().size(), s.actors.size());
  Result<std::vector<ParameterRef>> all = SelectParameters(s, {});
  ASSERT_TRUE(all.ok());
  for (const ParameterRef& p : all.value()) EXPECT_LT(p.low, p.high) << p.path;
  EXPECT_FALSE(SelectParameters(s, {"forces.*"}).ok());
  // A value of 0 (a mechanism off) has nothing to vary.
  EXPECT_FALSE(SelectParameters(s, {"rules.ceasefire_rate"}).ok());
}

TEST(Parameters, WithValuesSetsAndFinalizes) {
  Result<Scenario> loaded = LoadScenario(SmallScenario(), "small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  Result<std::vector<ParameterRef>> params = SelectParameters(loaded.value(), {"rules.war_spark", "rules.retarget_days"});
  ASSERT_TRUE(params.ok()) << params.message();
  Result<Scenario> changed = WithValues(loaded.value(), params.value(), {0.4, 7.4});
  ASSERT_TRUE(changed.ok()) << changed.message();
  EXPECT_DOUBLE_EQ(changed.value().rules.war_spark, 0.4);
  EXPECT_EQ(changed.value().rules.retarget_days, 7);
}

}  // namespace
}  // namespace brink
