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
    {"C1", "[5.32%, 6.51%] vs [2.06%, 2.84%]"},
    {"C2", "[1.897, 2.14] vs [5.104, 5.964]"},
    {"C2", "[0.224%, 0.425%] vs [0.618%, 0.93%]"},
    {"C3", "[0, 0] vs [0.7395, 0.8305]"},
    {"C4", "[0.0917%, 0.436%] vs [14.6%, 17.3%]"},
    {"C5", "[1973, 1990] vs [1480, 1513]"},
    {"C6", "[0.227%, 0.451%]"},
    {"C6", "[56%, 59.6%]"},
    {"C7", "[0.269%, 0.38%] vs [0.382%, 0.512%]"},
    {"C8", "[206.8, 210] vs [153.3, 155.9]"},
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
