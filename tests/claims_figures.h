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
    {"C1", "[7.07%, 8.42%] vs [2.78%, 3.68%]"},
    {"C2", "[1.888, 2.11] vs [4.811, 5.463]"},
    {"C2", "[0.135%, 0.525%] vs [0.647%, 1.35%]"},
    {"C3", "[0, 0] vs [0.7583, 0.8517]"},
    {"C4", "[1.07%, 1.93%] vs [23.2%, 26.3%]"},
    {"C5", "[2039, 2051] vs [1589, 1621]"},
    {"C6", "[0.227%, 0.451%]"},
    {"C6", "[57.8%, 61.3%]"},
    {"C7", "[0.229%, 0.38%] vs [0.438%, 0.641%]"},
    {"C8", "[263.8, 268.5] vs [194.4, 199.6]"},
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
