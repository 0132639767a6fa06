// The per-run table: one row per run in run order, the same bytes whatever the threads, and
// rows that add up to the forecast's own statistics.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "brink/forecast.h"
#include "brink/scenario.h"

namespace brink {
namespace {

struct Table {
  std::string csv;
  Forecast forecast;
};

// 500 runs of the small scenario, seed 9, over 120 days.
Table RunsTable(const Scenario& s, int threads) {
  ForecastOptions options;
  options.seed = 9;
  options.runs = 500;
  options.days = 120;
  options.threads = threads;
  options.progress = false;
  const RunsCsv table(s, EmptyForecast(s, 1), options.seed);
  Table out;
  out.csv = table.Header();
  Result<Forecast> f = RunForecast(s, options, nullptr, nullptr,
                                   [&](const RunOutcome& run) { table.AppendRow(run, out.csv); });
  EXPECT_TRUE(f.ok());
  if (f.ok()) out.forecast = f.take();
  return out;
}

TEST(RunsCsv, RunOrderAndBytesIndependentOfThreads) {
  Result<Scenario> s = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  ASSERT_TRUE(s.ok()) << s.message();
  const Table one = RunsTable(s.value(), 1), two = RunsTable(s.value(), 2), eight = RunsTable(s.value(), 8);
  EXPECT_EQ(one.csv, two.csv);
  EXPECT_EQ(one.csv, eight.csv);
  // A number that did not happen in a run (the day of war without war) is an empty cell.
  EXPECT_EQ(one.csv.find("nan"), std::string::npos);
  EXPECT_NE(one.csv.find(",,"), std::string::npos);

  std::istringstream lines(one.csv);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_TRUE(header.starts_with("seed,run,war,"));
  const std::size_t columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
  int64_t run = 0, wars = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1, columns) << line;
    EXPECT_TRUE(line.starts_with("9," + std::to_string(run) + ",")) << line;
    wars += line[line.find(',', line.find(',') + 1) + 1] == '1';
    ++run;
  }
  EXPECT_EQ(run, 500);
  // The war column adds up to the forecast's count of runs at war.
  EXPECT_EQ(wars, one.forecast.binary[0].value.hits);
  EXPECT_EQ(one.forecast.binary[0].id, "war");
}

}  // namespace
}  // namespace brink
