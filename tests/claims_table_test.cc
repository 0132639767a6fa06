// docs/model.md's claims table quotes what the claims' tests measure (tests/claims_figures.h):
// a unit test, so the table cannot drift from the figures the long tests check.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/claims_figures.h"

namespace {

TEST(ClaimsTable, DocsQuoteWhatTheTestsMeasure) {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/docs/model.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const auto& [claim, figure] : brink::test::kClaimFigures) {
    const std::string start = "\n| " + std::string(claim) + " |";
    const std::size_t row = doc.find(start);
    ASSERT_NE(row, std::string::npos) << claim << " has no row in docs/model.md's claims table";
    const std::string line = doc.substr(row + 1, doc.find('\n', row + 1) - row - 1);
    EXPECT_NE(line.find(figure), std::string::npos) << claim << ": the table should quote " << figure << "\n" << line;
  }
}

}  // namespace
