#include "tests/two_sample.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <numbers>

namespace brink {

double KolmogorovSurvival(double lambda) {
  if (!(lambda > 0)) return 1.0;
  if (lambda < 1.18) {
    // The theta-function form of the CDF: its terms fall off as exp(-(2j-1)^2 pi^2 / (8 lambda^2)).
    const double w = std::numbers::pi * std::numbers::pi / (8 * lambda * lambda);
    double cdf = 0;
    for (int j = 1; j <= 20; ++j) {
      const double odd = 2.0 * j - 1.0;
      const double term = std::exp(-odd * odd * w);
      cdf += term;
      if (term < 1e-18) break;
    }
    cdf *= std::sqrt(2 * std::numbers::pi) / lambda;
    return std::clamp(1.0 - cdf, 0.0, 1.0);
  }
  double sum = 0, sign = 1;
  for (int j = 1; j <= 100; ++j) {
    const double term = std::exp(-2.0 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-18) break;
    sign = -sign;
  }
  return std::clamp(2 * sum, 0.0, 1.0);
}

TestResult KolmogorovSmirnov(std::vector<double> a, std::vector<double> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  const double n = static_cast<double>(a.size()), m = static_cast<double>(b.size());
  std::size_t i = 0, j = 0;
  double d = 0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] == x) ++i;  // past every tie, in both samples
    while (j < b.size() && b[j] == x) ++j;
    d = std::max(d, std::fabs(static_cast<double>(i) / n - static_cast<double>(j) / m));
  }
  const double ne = n * m / (n + m), root = std::sqrt(ne);
  return {.statistic = d, .p = KolmogorovSurvival((root + 0.12 + 0.11 / root) * d), .df = 0};
}

TestResult ChiSquareHomogeneity(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  double total_a = 0, total_b = 0;
  for (int64_t x : a) total_a += static_cast<double>(x);
  for (int64_t x : b) total_b += static_cast<double>(x);
  const double total = total_a + total_b;
  if (total_a <= 0 || total_b <= 0) return {};
  // Categories as (count in a, count in b), the sparsest pooled into one until none is sparse.
  std::vector<std::pair<double, double>> cells;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] + b[k] > 0) cells.emplace_back(static_cast<double>(a[k]), static_cast<double>(b[k]));
  }
  const double smaller_row = std::min(total_a, total_b) / total;
  auto sparse = [&](const std::pair<double, double>& c) { return (c.first + c.second) * smaller_row < 5; };
  auto by_size = [](const auto& x, const auto& y) { return x.first + x.second < y.first + y.second; };
  std::sort(cells.begin(), cells.end(), by_size);
  while (cells.size() >= 2 && sparse(cells.front())) {
    cells[1].first += cells[0].first;
    cells[1].second += cells[0].second;
    cells.erase(cells.begin());
    std::sort(cells.begin(), cells.end(), by_size);
  }
  if (cells.size() < 2) return {};
  double x2 = 0;
  for (const auto& [in_a, in_b] : cells) {
    const double column = in_a + in_b;
    const double expect_a = column * total_a / total, expect_b = column * total_b / total;
    x2 += (in_a - expect_a) * (in_a - expect_a) / expect_a + (in_b - expect_b) * (in_b - expect_b) / expect_b;
  }
  const int df = static_cast<int>(cells.size()) - 1;
  const boost::math::chi_squared_distribution<double> chi2(df);
  return {.statistic = x2, .p = boost::math::cdf(boost::math::complement(chi2, x2)), .df = df};
}

}  // namespace brink
