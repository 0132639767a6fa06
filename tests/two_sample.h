// Two-sample tests for the engine's statistical equivalence (tests/equivalence_test.cc): does
// a sample of per-run outcomes come from the same distribution as a reference sample?
// Kolmogorov-Smirnov for numbers, chi-square homogeneity for categories. Boost 1.74 (Debian
// 12) has the chi-square distribution but not Kolmogorov's, so its tail is summed here.
#ifndef BRINK_TESTS_TWO_SAMPLE_H_
#define BRINK_TESTS_TWO_SAMPLE_H_

#include <cstdint>
#include <vector>

namespace brink {

struct TestResult {
  double statistic = 0;  // KS: D, the largest gap between the two empirical CDFs; chi-square: X^2
  double p = 1;          // the chance of a statistic at least this large under equal distributions
  int df = 0;            // chi-square: degrees of freedom after pooling sparse categories (0: no test)
};

// P(K > lambda) for Kolmogorov's limiting distribution, K = sup |Brownian bridge|:
//   2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2)            (lambda >= 1.18, converges fast)
//   1 - sqrt(2 pi) / lambda sum_{j>=1} exp(-(2j-1)^2 pi^2 / (8 lambda^2))   (small lambda)
double KolmogorovSurvival(double lambda);

// Two-sample Kolmogorov-Smirnov. Ties are allowed (the statistic is taken between distinct
// values, which makes the asymptotic p-value conservative for counts). The p-value uses
// Stephens' small-sample correction, lambda = (sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) D with
// ne = n m / (n + m). Both samples must be non-empty.
TestResult KolmogorovSmirnov(std::vector<double> a, std::vector<double> b);

// Chi-square test of homogeneity of two rows of category counts (the same categories in the
// same order). Categories whose smaller expected count is under 5 are pooled (the smallest
// first) until every remaining one has at least 5; with fewer than two categories left there
// is nothing to test (df 0, p 1).
TestResult ChiSquareHomogeneity(const std::vector<int64_t>& a, const std::vector<int64_t>& b);

}  // namespace brink

#endif  // BRINK_TESTS_TWO_SAMPLE_H_
