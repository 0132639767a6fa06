// The figures docs/model.md's claims table quotes for each claim (its "measured" column), in
// one place: each claim's test (tests/claims_test.cc, long) fails when what it measures,
// printed as here, differs, and ClaimsTable.DocsQuoteWhatTheTestsMeasure (unit) fails when the
// table does not quote them. A change to the model's draws thus shows up as a test to update,
// with the figure to write, not as a table that silently goes out of date.
#ifndef BRINK_TESTS_CLAIMS_FIGURES_H_
#define BRINK_TESTS_CLAIMS_FIGURES_H_

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

namespace brink::test {

// (claim, figure): the figure is "[low, high] vs [low, high]" of the comparison's two arms in
// the table's order (means with 4 significant digits, proportions in percent with 3), or one
// interval for a level pattern (C6).
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kClaimFigures = {{
    {"C1", "[0.03809, 0.09357] vs [0.01158, 0.02875]"},
    {"C2", "[1.503, 1.707] vs [3.915, 5.184]"},
    {"C2", "[0.135%, 0.525%] vs [0.592%, 1.27%]"},
    {"C3", "[-0.00048, 0.00148] vs [0.7164, 0.8056]"},
    {"C4", "[1.15%, 2.04%] vs [34.4%, 37.8%]"},
    {"C5", "[2676, 2693] vs [1875, 1914]"},
    {"C6", "[0.235%, 0.463%]"},
    {"C8", "[166.7, 170.8] vs [101.4, 104.1]"},
}};

inline std::string MeanFigure(double low, double high) {
  char text[64];
  std::snprintf(text, sizeof text, "[%.4g, %.4g]", low, high);
  return text;
}
inline std::string PercentFigure(double low, double high) {
  char text[64];
  std::snprintf(text, sizeof text, "[%.3g%%, %.3g%%]", 100 * low, 100 * high);
  return text;
}

}  // namespace brink::test

#endif  // BRINK_TESTS_CLAIMS_FIGURES_H_
