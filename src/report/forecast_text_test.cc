// The forecast's terminal tables (ForecastText): every row's figures stand in the same columns,
// however long the labels a scenario's names make (the default scenario's corridor rows and
// "Killed: X by Y" rows are 70 to 90 characters).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "brink/forecast.h"
#include "brink/scenario.h"

namespace brink {
namespace {

TEST(ForecastText, FiguresStayInTheirColumnsWhateverTheLabel) {
  Result<Scenario> s = LoadDefaultScenario();
  ASSERT_TRUE(s.ok()) << s.message();
  ForecastOptions options;
  options.runs = 20;
  options.threads = 1;
  options.progress = false;
  Result<Forecast> f = RunForecast(s.value(), options);
  ASSERT_TRUE(f.ok()) << f.message();
  const std::string text = ForecastText(s.value(), f.value());
  std::size_t longest = 0;
  for (const BinaryOutcome& b : f.value().binary) longest = std::max(longest, b.label.size());
  ASSERT_GT(longest, 70u) << "the default scenario no longer has a long label to test with";
  // Each outcome's interval opens at the same column and its label follows the figures.
  std::vector<std::size_t> bracket;
  for (const BinaryOutcome& b : f.value().binary) {
    const std::size_t at = text.find("]  " + b.label + "\n");
    ASSERT_NE(at, std::string::npos) << b.label;
    const std::size_t line = text.rfind('\n', at) + 1;
    bracket.push_back(text.find('[', line) - line);
  }
  for (std::size_t column : bracket) EXPECT_EQ(column, bracket.front());
  // Each number's label starts at the same column.
  std::vector<std::size_t> label_column;
  for (const NumberOutcome& n : f.value().numbers) {
    const std::size_t at = text.find("  " + n.label + "\n");
    ASSERT_NE(at, std::string::npos) << n.label;
    label_column.push_back(at + 2 - (text.rfind('\n', at) + 1));
  }
  ASSERT_FALSE(label_column.empty());
  for (std::size_t column : label_column) EXPECT_EQ(column, label_column.front());
}

}  // namespace
}  // namespace brink
