// Statistical equivalence of two engines (issue 22): per-run outcomes of one world from a
// reference engine (a committed CSV under tests/data/equivalence/, made by make.sh there from
// the engine before a change of its draws) against the engine built now, run with other
// seeds. Every outcome column is compared: chi-square homogeneity where it takes few values
// (yes/no outcomes, ladder rungs, holders, small counts), Kolmogorov-Smirnov otherwise
// (casualties, days, clash counts). tests/equivalence_test.cc holds the verdict.
#ifndef BRINK_TESTS_EQUIVALENCE_H_
#define BRINK_TESTS_EQUIVALENCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brink/scenario.h"
#include "tests/two_sample.h"

namespace brink {

// Per-run outcomes as `brink forecast --runs-csv` writes them: the column names, and each
// run's cells as text ("" where a conditional number did not happen). Lines starting with '#'
// are comments (the reference files say how they were made).
struct RunsTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
RunsTable ParseRunsCsv(std::string_view text);

// The runs-csv table of `runs` runs of the scenario from `seed`, run in this process (all cores;
// the rows do not depend on the thread count).
RunsTable RunsOf(const Scenario& s, uint64_t seed, int64_t runs);

struct ColumnComparison {
  std::string column;
  bool categorical = false;  // chi-square; otherwise Kolmogorov-Smirnov
  TestResult result;
  bool tested = false;       // false: constant in both samples, or too few values to test
};
// Compares each column of `reference` (but seed and run) with the same column of `fresh`; a
// column missing from `fresh` throws. A column with at most kMaxCategories distinct values
// in the two samples together is categorical; empty cells are a category there, and left
// out of a Kolmogorov-Smirnov test, which needs kMinValues values in each sample.
inline constexpr std::size_t kMaxCategories = 12;
inline constexpr std::size_t kMinValues = 30;
std::vector<ColumnComparison> Compare(const RunsTable& reference, const RunsTable& fresh);

}  // namespace brink

#endif  // BRINK_TESTS_EQUIVALENCE_H_
