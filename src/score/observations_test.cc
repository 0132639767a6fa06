// The observations loader's claims: the shipped files load; every kind of mistake is reported
// as file:line:column with what was expected, never a crash.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "brink/score.h"

namespace brink {
namespace {

Scenario Small() {
  Result<Scenario> s = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  EXPECT_TRUE(s.ok()) << s.message();
  return s.take();
}

TEST(Observations, TestFileLoadsWithEveryKind) {
  const Scenario s = Small();
  Result<ObservationSet> set = LoadObservationsFile(
      std::string(BRINK_SOURCE_DIR) + "/tests/data/small-observations.toml", s);
  ASSERT_TRUE(set.ok()) << set.message();
  const auto& o = set.value().observations;
  ASSERT_EQ(o.size(), 7u);
  EXPECT_EQ(o[0].kind, ObservationKind::kHeld);
  EXPECT_EQ(o[0].day, 60);  // 2020-03-01 is 60 days after 2020-01-01 (a leap year)
  EXPECT_TRUE(o[0].outcome);
  EXPECT_EQ(o[3].kind, ObservationKind::kCount);
  EXPECT_EQ(o[3].from, 1);
  EXPECT_EQ(o[3].to, 91);
  EXPECT_EQ(o[3].value, 2);
  EXPECT_EQ(o[5].kind, ObservationKind::kFirstHeld);
  EXPECT_EQ(o[5].value, 31);
  EXPECT_EQ(o[6].value, 92);  // "never": the day after the window
  EXPECT_EQ(set.value().last_day(), 91);
  EXPECT_EQ(set.value().content_hash.size(), 16u);
}

TEST(Observations, DefaultRecordLoadsAndEveryObservationHasASource) {
  Result<Scenario> s = LoadDefaultScenario();
  ASSERT_TRUE(s.ok()) << s.message();
  Result<ObservationSet> set = LoadDefaultObservations(s.value());
  ASSERT_TRUE(set.ok()) << set.message();
  EXPECT_GE(set.value().observations.size(), 30u);
  for (const Observation& o : set.value().observations) EXPECT_FALSE(o.source.empty()) << o.id;
  EXPECT_EQ(set.value().last_day(), 199);  // 31 Dec 2017: nothing from the 2018 holdout
}

TEST(Observations, ScenarioFileMayCarryThem) {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  std::stringstream text;
  text << in.rdbuf();
  const std::string with = text.str() +
                           "\n[[observation]]\nid = \"x\"\nkind = \"war\"\ndate = \"2020-02-01\"\n"
                           "observed = false\nsource = \"made up\"\n";
  Result<Scenario> s = LoadScenario(with, "with.toml");
  ASSERT_TRUE(s.ok()) << s.message();
  Result<ObservationSet> set = LoadObservations(with, "with.toml", s.value());
  ASSERT_TRUE(set.ok()) << set.message();
  EXPECT_EQ(set.value().observations.size(), 1u);
}

struct BadCase {
  const char* body;      // one [[observation]] table, after its header line
  const char* position;  // expected start of the message (file:line:column)
  const char* expected;  // expected part of the message
};

// Line 1 is the [[observation]] header, so the body starts on line 2.
const BadCase kBadCases[] = {
    {"id = \"a\"\nkind = \"holding\"\nsource = \"s\"", "bad.toml:3:8", "unknown kind 'holding'"},
    {"id = \"a\"\nkind = \"held\"\nregion = \"nowhere\"\nby = \"red\"\ndate = "
     "\"2020-02-01\"\nobserved = true\nsource = \"s\"",
     "bad.toml:4:10", "not a region of the scenario"},
    {"id = \"a\"\nkind = \"held\"\nregion = \"town\"\nby = \"purple\"\ndate = "
     "\"2020-02-01\"\nobserved = true\nsource = \"s\"",
     "bad.toml:5:6", "neither an actor nor a bloc"},
    {"id = \"a\"\nkind = \"war\"\ndate = \"2020-02-30\"\nobserved = true\nsource = \"s\"",
     "bad.toml:4:8", "expected YYYY-MM-DD"},
    {"id = \"a\"\nkind = \"war\"\ndate = \"2021-01-01\"\nobserved = true\nsource = \"s\"",
     "bad.toml:4:8", "outside the scenario's days"},
    {"id = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = true", "bad.toml:1:1",
     "missing key 'source'"},
    {"id = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = 1\nsource = \"s\"",
     "bad.toml:5:12", "'observed' must be true or false"},
    {"id = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = true\nsource = \"s\"\nnotes = "
     "\"x\"",
     "bad.toml:7:9", "unknown key 'notes'"},  // at the value, as the scenario loader does
    {"id = \"a\"\nkind = \"count\"\nevents = [\"strikes\"]\nfrom = \"2020-01-02\"\nto = "
     "\"2020-02-01\"\nobserved = 1\nsource = \"s\"",
     "bad.toml:4:10", "unknown event kind 'strikes'"},
    {"id = \"a\"\nkind = \"count\"\nevents = [\"strike\"]\nfrom = \"2020-02-02\"\nto = "
     "\"2020-02-01\"\nobserved = 1\nsource = \"s\"",
     "bad.toml:6:6", "'to' is before 'from'"},
    {"id = \"a\"\nkind = \"count\"\nevents = [\"strike\"]\nfrom = \"2020-01-02\"\nto = "
     "\"2020-02-01\"\nobserved = -1\nsource = \"s\"",
     "bad.toml:7:12", "out of range"},
    {"id = \"a\"\nkind = \"first_held\"\nregion = \"valley\"\nby = \"blue\"\nfrom = "
     "\"2020-01-02\"\nto = \"2020-02-01\"\nobserved = \"2020-03-01\"\nsource = \"s\"",
     "bad.toml:8:12", "not a date inside the window"},
    {"id = \"a\"\nkind = \"corridor\"\ncorridor = \"road\"\ndate = \"2020-02-01\"\nobserved = "
     "true\nsource = \"s\"",
     "bad.toml:4:12", "not a corridor of the scenario"},
    {"id = \"A b\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = true\nsource = \"s\"",
     "bad.toml:2:6", "is not an identifier"},
    {"id = \"a\"\nkind = \"war\"\nbetween = [\"blue\"]\ndate = \"2020-02-01\"\nobserved = "
     "true\nsource = \"s\"",
     "bad.toml:4:11", "exactly two blocs"},
};

TEST(Observations, EachMistakeIsReportedWithItsPosition) {
  const Scenario s = Small();
  for (const BadCase& c : kBadCases) {
    const std::string text = std::string("[[observation]]\n") + c.body + "\n";
    Result<ObservationSet> set = LoadObservations(text, "bad.toml", s);
    ASSERT_FALSE(set.ok()) << c.body;
    EXPECT_EQ(set.message().rfind(std::string(c.position) + ": ", 0), 0u)
        << set.message() << "\nexpected it to start with " << c.position;
    EXPECT_NE(set.message().find(c.expected), std::string::npos) << set.message();
  }
}

TEST(Observations, FileLevelMistakes) {
  const Scenario s = Small();
  Result<ObservationSet> a = LoadObservations("[[observation\n", "bad.toml", s);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.message().rfind("bad.toml:1:", 0), 0u) << a.message();
  EXPECT_NE(a.message().find("syntax error"), std::string::npos);
  Result<ObservationSet> b = LoadObservations("title = \"x\"\n", "bad.toml", s);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.message().rfind("bad.toml:1:9: top level: unknown key 'title'", 0), 0u)
      << b.message();
  Result<ObservationSet> c = LoadObservations("", "empty.toml", s);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.message().find("no [[observation]] tables"), std::string::npos) << c.message();
  const std::string twice =
      "[[observation]]\nid = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = true\nsource "
      "= \"s\"\n"
      "[[observation]]\nid = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = true\nsource "
      "= \"s\"\n";
  Result<ObservationSet> d = LoadObservations(twice, "bad.toml", s);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.message().rfind("bad.toml:8:6: ", 0), 0u) << d.message();
  EXPECT_NE(d.message().find("duplicate observation id 'a'"), std::string::npos);
}

}  // namespace
}  // namespace brink
