// A saved forecast is untrusted input (docs/reports.md): its size, nesting, counts, names and
// numbers are bounded, each refusal names the field or the byte, and a page drawn from it grows
// in proportion to it, not with the product of its parts.
#include "report/forecast_document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "brink/compare.h"
#include "brink/report.h"

namespace brink {
namespace {

using nlohmann::json;

// A forecast with the shape the pages need and nothing in it, to fill in.
json Skeleton() {
  return {{"provenance", {{"scenario", "s"}, {"runs", 10}, {"days", 30}}},
          {"binary", json::array()},
          {"numbers", json::array()},
          {"war_by_day", json::array({0.0, 0.1})},
          {"regions", json::array()},
          {"map",
           {{"blocs", json::array()},
            {"regions", json::array()},
            {"edges", json::array()},
            {"corridors", json::array()},
            {"zones", json::array()}}}};
}

std::string Refusal(const std::string& text) {
  Result<json> doc = ReadForecastDocument(text, "f.json", true);
  return doc.ok() ? "" : doc.message();
}

TEST(ForecastDocument, DeepNestingIsRefusedWithItsPosition) {
  // 100,000 arrays deep in provenance (200 kB): a stack overflow once, in the parse or a dump.
  json doc = Skeleton();
  std::string text = doc.dump();
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  text.insert(text.find("\"scenario\""), "\"deep\": " + deep + ", ");
  const std::string why = Refusal(text);
  EXPECT_NE(why.find("nested deeper than 32 levels (at byte"), std::string::npos) << why;
  EXPECT_FALSE(ForecastReportHtml(text, "f.json").ok());
  EXPECT_FALSE(CompareForecasts(text, "a.json", text, "b.json").ok());
}

TEST(ForecastDocument, SizeAndValueCountAreBounded) {
  // 60 MB of {} in a field nobody checks took 2.1 GB; now the file and its values are bounded.
  std::string many = "[{}";
  for (std::size_t i = 1; i < SavedForecastLimits::kMaxValues; ++i) many += ",{}";
  many += "]";
  json doc = Skeleton();
  std::string text = doc.dump();
  text.insert(1, "\"junk\": " + many + ", ");
  EXPECT_NE(Refusal(text).find("more than " + std::to_string(SavedForecastLimits::kMaxValues) + " values"), std::string::npos) << Refusal(text).substr(0, 200);
  const std::string huge(SavedForecastLimits::kMaxBytes + 1, ' ');
  EXPECT_NE(Refusal(huge).find("larger than"), std::string::npos);
}

TEST(ForecastDocument, LongNamesAndLabelsAreRefused) {
  json doc = Skeleton();
  doc["binary"].push_back({{"id", "w"}, {"label", std::string(SavedForecastLimits::kMaxLabelBytes + 1, 'x')},
                           {"hits", 1}, {"runs", 10}});
  EXPECT_NE(Refusal(doc.dump()).find("/binary/0/label is longer than"), std::string::npos) << Refusal(doc.dump());
  doc = Skeleton();
  doc["map"]["blocs"].push_back({{"id", "b"}, {"name", std::string(SavedForecastLimits::kMaxNameBytes + 1, 'x')}});
  EXPECT_NE(Refusal(doc.dump()).find("/map/blocs/0/name is longer than"), std::string::npos);
}

TEST(ForecastDocument, ProbabilitiesOutsideZeroToOneAreRefused) {
  for (double p : {-5.0, 1e308, 1.5}) {
    json doc = Skeleton();
    doc["regions"].push_back({{"id", "r"}, {"held_by", {{"blue", {{"p", p}, {"ci95", {0.0, 0.5}}}}}}});
    const std::string why = Refusal(doc.dump());
    // 1e308 is refused as a number first (no number drawn exceeds 1e15).
    EXPECT_NE(why.find("/regions/0/held_by/blue/p should be a "), std::string::npos) << p << ": " << why;
    if (p != 1e308) {
      EXPECT_NE(why.find("should be a probability"), std::string::npos) << why;
    }
  }
  json doc = Skeleton();
  doc["regions"].push_back({{"id", "r"}, {"held_by", {{"blue", {{"p", 0.5}, {"ci95", {0.7, 0.2}}}}}}});
  EXPECT_NE(Refusal(doc.dump()).find("ci95 should be an interval"), std::string::npos);
}

TEST(ForecastDocument, OutOfRangeNumbersAreRefusedWithTheirPlace) {
  json doc = Skeleton();
  doc["numbers"].push_back({{"id", "n"}, {"label", "N"}, {"runs", 10}, {"mean", 1}, {"sd", 1}, {"q05", -1e308},
                            {"q50", 0}, {"q95", 1e308}});
  EXPECT_NE(Refusal(doc.dump()).find("/numbers/0/q05 should be a finite number within"), std::string::npos)
      << Refusal(doc.dump());
  doc = Skeleton();
  std::string text = doc.dump();
  text.replace(text.find("\"runs\":10"), 9, "\"runs\":9223372036854775808");
  EXPECT_NE(Refusal(text).find("/provenance/runs is too large"), std::string::npos) << Refusal(text);
  text = doc.dump();
  text.replace(text.find("\"runs\":10"), 9, "\"runs\":1e999");
  const std::string why = Refusal(text);
  EXPECT_NE(why.find("not valid JSON at byte"), std::string::npos) << why;
  EXPECT_NE(Refusal("{\"provenance\": [1,").find("not valid JSON at byte 1"), std::string::npos)
      << Refusal("{\"provenance\": [1,");
}

// The largest map a forecast may hold, with the longest names: what a page may cost.
json LargestMap(int blocs, std::size_t name_bytes, int regions, int edges, int lines, int corridors) {
  json doc = Skeleton();
  for (int b = 0; b < blocs; ++b) {
    doc["map"]["blocs"].push_back({{"id", "b" + std::to_string(b)}, {"name", std::string(name_bytes, 'a' + b % 26)}});
  }
  for (int r = 0; r < regions; ++r) {
    const std::string id = "r" + std::to_string(r);
    doc["map"]["regions"].push_back({{"id", id}, {"name", id}, {"lat", 34 + r % 23 * 0.1}, {"lon", 40 + r / 23 * 0.1},
                                     {"key", r % 7 == 0}});
    json held = json::object();
    for (int b = 0; b < blocs; ++b) held["b" + std::to_string(b)] = {{"p", 1.0 / blocs}, {"ci95", {0.0, 1.0}}};
    doc["regions"].push_back({{"id", id}, {"held_by", held}});
  }
  for (int e = 0; e < edges; ++e) {
    doc["map"]["edges"].push_back({{"from", "r0"}, {"to", "r" + std::to_string(1 + e % (regions - 1))}, {"kind", "road"}});
  }
  json all = json::array();
  for (int r = 0; r < regions; ++r) all.push_back("r" + std::to_string(r));
  for (int c = 0; c < corridors; ++c) {
    doc["map"]["corridors"].push_back({{"name", "c"}, {"from", {"r0"}}, {"to", {"r1"}}, {"deciding", all}});
  }
  json rest = all;
  rest.erase(rest.begin());
  for (int l = 0; l < lines; ++l) {
    doc["map"]["lines"].push_back({{"name", "l"}, {"a_regions", {"r0"}}, {"b_regions", rest}});
  }
  return doc;
}

TEST(ReportSize, LongBlocNamesAreNotRepeatedPerRegion) {
  // 16 blocs of 16 kB names over 512 regions: a 513 MB page once (every name in every tooltip).
  const std::string text = LargestMap(16, SavedForecastLimits::kMaxNameBytes, 512, 8, 0, 0).dump();
  Result<std::string> page = ForecastReportHtml(text, "f.json");
  ASSERT_TRUE(page.ok()) << page.message();
  EXPECT_LT(page.value().size(), 4 * text.size()) << text.size();
}

TEST(ReportSize, LinesAndCorridorsTimesEdgesDoNotMultiplyThePage) {
  // 256 lines and 64 corridors each across 4,096 edges: a 149 MB page once from 200 kB.
  const std::string text = LargestMap(2, 8, 512, 4096, 256, 64).dump();
  Result<std::string> page = ForecastReportHtml(text, "f.json");
  ASSERT_TRUE(page.ok()) << page.message();
  EXPECT_LT(page.value().size(), 40 * text.size()) << text.size();
}

}  // namespace
}  // namespace brink

#include "brink/forecast.h"
#include "brink/scenario.h"
#include "tests/worst_case.h"

namespace brink {
namespace {

// A forecast of a scenario at the map's limits (512 regions, 4,096 edges) is well inside the
// saved forecast's limits, and its page is drawn.
TEST(ReportSize, AForecastOfTheLargestMapFitsTheLimits) {
  Result<Scenario> s = LoadScenario(test::BarredRoadsScenario(2), "worst.toml");
  ASSERT_TRUE(s.ok()) << s.message();
  ForecastOptions options;
  options.runs = 2;
  options.days = 2;
  options.threads = 1;
  options.progress = false;
  Result<Forecast> f = RunForecast(s.value(), options);
  ASSERT_TRUE(f.ok());
  const std::string text = ForecastJson(s.value(), f.value(), options);
  EXPECT_LT(text.size(), SavedForecastLimits::kMaxBytes / 4);
  Result<std::string> page = ForecastReportHtml(text, "worst.json");
  ASSERT_TRUE(page.ok()) << page.message();
}

}  // namespace
}  // namespace brink
