// The estimators against functions whose indices are known in closed form.
#include "brink/sensitivity.h"

#include <gtest/gtest.h>

#include <cmath>

namespace brink {
namespace {

Points Evaluate(const Points& design, double (*f)(const std::vector<double>&)) {
  Points out;
  for (const auto& u : design) out.push_back({f(u)});
  return out;
}

double IshigamiDefault(const std::vector<double>& u) { return Ishigami(u); }

// Ishigami with a = 7, b = 0.1 (Ishigami and Homma 1990; values as Saltelli et al. 2008 and
// SALib give them): S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244. With 2^13 base samples the
// estimators' error is about 0.005; the margin of 0.02 is four times that.
TEST(Sensitivity, SobolIndicesOfIshigami) {
  const int n = 8192;
  const Points design = SaltelliDesign(3, n);
  ASSERT_EQ(design.size(), static_cast<std::size_t>(n * 5));
  const auto s = SobolAnalyse(3, n, Evaluate(design, IshigamiDefault), {.bootstrap = 100});
  const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(s[0][static_cast<std::size_t>(i)].first, first[i], 0.02) << "x" << i + 1;
    EXPECT_NEAR(s[0][static_cast<std::size_t>(i)].total, total[i], 0.02) << "x" << i + 1;
    EXPECT_LE(s[0][static_cast<std::size_t>(i)].total_lo, s[0][static_cast<std::size_t>(i)].total);
    EXPECT_GE(s[0][static_cast<std::size_t>(i)].total_hi, s[0][static_cast<std::size_t>(i)].total);
    EXPECT_LT(s[0][static_cast<std::size_t>(i)].total_hi - s[0][static_cast<std::size_t>(i)].total_lo, 0.1);
  }
}

std::vector<double> kA = {0, 1, 4.5, 9, 99, 99, 99, 99};
double G(const std::vector<double>& u) { return SobolG(u, kA); }

// Sobol's G function with a = (0, 1, 4.5, 9, 99, 99, 99, 99) (Saltelli et al. 2008, 3.6):
// against its exact indices; 0.02 is several times the error at 2^13 samples.
TEST(Sensitivity, SobolIndicesOfGFunction) {
  std::vector<double> first, total;
  SobolGIndices(kA, first, total);
  EXPECT_NEAR(first[0], 0.7162, 1e-3);  // the published value
  const int n = 8192;
  const auto s = SobolAnalyse(8, n, Evaluate(SaltelliDesign(8, n), G), {.bootstrap = 50});
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_NEAR(s[0][i].first, first[i], 0.02) << "x" << i + 1;
    EXPECT_NEAR(s[0][i].total, total[i], 0.02) << "x" << i + 1;
  }
}

double Linear(const std::vector<double>& u) { return 3 * u[0] - 2 * u[1] + 0 * u[2] + 0.5 * u[3]; }
double Product(const std::vector<double>& u) { return u[0] * u[1]; }

// For a linear function every elementary effect is the coefficient: mu* = |c|, sigma = 0.
TEST(Sensitivity, MorrisOfLinearFunction) {
  const MorrisOptions options{.trajectories = 20, .levels = 4, .seed = 7};
  const Points design = MorrisDesign(4, options);
  ASSERT_EQ(design.size(), 20u * 5u);
  for (const auto& x : design) {
    for (double v : x) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
  }
  const auto m = MorrisAnalyse(4, options, design, Evaluate(design, Linear));
  const double c[] = {3, -2, 0, 0.5};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(m[0][i].mu_star, std::fabs(c[i]), 1e-9);
    EXPECT_NEAR(m[0][i].mu, c[i], 1e-9);
    EXPECT_NEAR(m[0][i].sigma, 0, 1e-9);
  }
}

// An interaction shows as spread: x1 x2's effects depend on the other input.
TEST(Sensitivity, MorrisSigmaShowsInteraction) {
  const MorrisOptions options{.trajectories = 30, .levels = 4, .seed = 3};
  const Points design = MorrisDesign(3, options);
  const auto m = MorrisAnalyse(3, options, design, Evaluate(design, Product));
  EXPECT_GT(m[0][0].sigma, 0.1);
  EXPECT_GT(m[0][0].mu_star, 0.2);
  EXPECT_DOUBLE_EQ(m[0][2].mu_star, 0);
}

TEST(Sensitivity, DesignsArePureFunctionsOfTheirSeeds) {
  EXPECT_EQ(MorrisDesign(5, {.seed = 11}), MorrisDesign(5, {.seed = 11}));
  EXPECT_NE(MorrisDesign(5, {.seed = 11}), MorrisDesign(5, {.seed = 12}));
  EXPECT_EQ(SaltelliDesign(4, 64), SaltelliDesign(4, 64));
}

}  // namespace
}  // namespace brink
