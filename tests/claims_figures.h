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
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kClaimFigures = {{
    {"C1", "[6.7%, 8.02%] vs [2.55%, 3.41%]"},
    {"C2", "[1.867, 2.067] vs [4.926, 5.71]"},
    {"C2", "[0.0712%, 0.39%] vs [0.592%, 1.27%]"},
    {"C3", "[0, 0] vs [0.7758, 0.8712]"},
    {"C4", "[1.07%, 1.93%] vs [23.9%, 27%]"},
    {"C5", "[2027, 2043] vs [1581, 1615]"},
    {"C6", "[0.243%, 0.475%]"},
    {"C6", "[57.6%, 61.1%]"},
    {"C7", "[0.258%, 0.367%] vs [0.424%, 0.561%]"},
    {"C8", "[267.7, 272.6] vs [199.5, 205]"},
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
