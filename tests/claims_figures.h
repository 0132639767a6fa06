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
    {"C1", "[8.05%, 9.47%] vs [3.19%, 4.14%]"},
    {"C2", "[1.914, 2.144] vs [5.088, 5.978]"},
    {"C2", "[0.158%, 0.569%] vs [0.647%, 1.35%]"},
    {"C3", "[0, 0] vs [0.7421, 0.8349]"},
    {"C4", "[0.0183%, 0.243%] vs [17.1%, 19.9%]"},
    {"C5", "[2030, 2045] vs [1558, 1590]"},
    {"C6", "[0.277%, 0.521%]"},
    {"C6", "[56.5%, 60%]"},
    {"C7", "[0.269%, 0.38%] vs [0.408%, 0.542%]"},
    {"C8", "[202.3, 205.6] vs [149.2, 151.9]"},
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
