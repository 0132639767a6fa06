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
    {"C1", "[0.124, 0.157] vs [0.025, 0.040]"},
    {"C2", "[9.68, 10.23] vs [18.07, 18.82]"},
    {"C2", "[5.2%, 6.9%] vs [10.2%, 12.4%]"},
    {"C3", "[0.98, 1.08] vs [1.90, 2.04]"},
    {"C4", "[0.87%, 1.66%] vs [29.2%, 32.5%]"},
    {"C5", "[3936, 4012] vs [3340, 3408]"},
    {"C6", "[0.9%, 1.3%]"},
    {"C8", "[169.9, 173.8] vs [106.1, 109.1]"},
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
