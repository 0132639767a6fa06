// Sobol indices: Saltelli's design on a Sobol sequence, Jansen's estimators, bootstrap
// intervals (include/brink/sensitivity.h).
#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "analysis/splitmix.h"
#include "brink/sensitivity.h"

namespace brink {

Points SaltelliDesign(int k, int n) {
  const std::size_t dims = 2 * static_cast<std::size_t>(k);
  boost::random::sobol sequence(dims);  // starts after the origin, at (0.5, ..., 0.5)
  Points a(static_cast<std::size_t>(n)), b(static_cast<std::size_t>(n));
  for (int j = 0; j < n; ++j) {
    std::vector<double> row(dims);
    for (double& x : row) x = static_cast<double>(sequence()) * 0x1.0p-64;
    a[static_cast<std::size_t>(j)].assign(row.begin(), row.begin() + k);
    b[static_cast<std::size_t>(j)].assign(row.begin() + k, row.end());
  }
  Points out = a;
  out.insert(out.end(), b.begin(), b.end());
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < n; ++j) {
      std::vector<double> row = a[static_cast<std::size_t>(j)];
      row[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)];
      out.push_back(std::move(row));
    }
  }
  return out;
}

namespace {

// S1 and ST of input i over the rows `rows` (a resample, or 0..n-1).
void Estimate(const std::vector<double>& fa, const std::vector<double>& fb, const std::vector<double>& fab,
              const std::vector<int>& rows, double& first, double& total, double& variance) {
  double sum = 0, sum2 = 0;
  for (int j : rows) {
    for (double v : {fa[static_cast<std::size_t>(j)], fb[static_cast<std::size_t>(j)]}) {
      sum += v;
      sum2 += v * v;
    }
  }
  const double count = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / count;
  variance = std::max(0.0, sum2 / count - mean * mean);
  double st = 0, s1 = 0;
  for (int j : rows) {
    const auto r = static_cast<std::size_t>(j);
    st += (fa[r] - fab[r]) * (fa[r] - fab[r]);
    s1 += (fb[r] - fab[r]) * (fb[r] - fab[r]);
  }
  st /= 2.0 * static_cast<double>(rows.size());
  s1 /= 2.0 * static_cast<double>(rows.size());
  if (variance <= 0) {
    first = total = 0;
    return;
  }
  total = st / variance;
  first = 1.0 - s1 / variance;
}

double Percentile(std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (at - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace

std::vector<std::vector<SobolIndex>> SobolAnalyse(int k, int n, const Points& outputs, const SobolOptions& options) {
  const std::size_t m = outputs.empty() ? 0 : outputs[0].size();
  const auto un = static_cast<std::size_t>(n);
  std::vector<std::vector<SobolIndex>> result(m, std::vector<SobolIndex>(static_cast<std::size_t>(k)));
  std::vector<int> all(un);
  for (int j = 0; j < n; ++j) all[static_cast<std::size_t>(j)] = j;
  // The same resamples for every input and output, from the seed alone.
  std::vector<std::vector<int>> resamples(static_cast<std::size_t>(std::max(0, options.bootstrap)), std::vector<int>(un));
  SplitMix rng(options.seed);
  for (auto& rows : resamples) {
    for (int& j : rows) j = static_cast<int>(rng.Below(un));
  }
  const double tail = (1.0 - options.confidence) / 2.0;
  for (std::size_t o = 0; o < m; ++o) {
    std::vector<double> fa(un), fb(un), fab(un);
    for (std::size_t j = 0; j < un; ++j) {
      fa[j] = outputs[j][o];
      fb[j] = outputs[un + j][o];
    }
    for (int i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < un; ++j) fab[j] = outputs[(2 + static_cast<std::size_t>(i)) * un + j][o];
      SobolIndex& x = result[o][static_cast<std::size_t>(i)];
      Estimate(fa, fb, fab, all, x.first, x.total, x.variance);
      std::vector<double> firsts, totals;
      for (const auto& rows : resamples) {
        double f = 0, t = 0, v = 0;
        Estimate(fa, fb, fab, rows, f, t, v);
        firsts.push_back(f);
        totals.push_back(t);
      }
      x.first_lo = resamples.empty() ? x.first : Percentile(firsts, tail);
      x.first_hi = resamples.empty() ? x.first : Percentile(firsts, 1 - tail);
      x.total_lo = resamples.empty() ? x.total : Percentile(totals, tail);
      x.total_hi = resamples.empty() ? x.total : Percentile(totals, 1 - tail);
    }
  }
  return result;
}

double Ishigami(const std::vector<double>& u, double a, double b) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

double SobolG(const std::vector<double>& u, const std::vector<double>& a) {
  double g = 1;
  for (std::size_t i = 0; i < a.size(); ++i) g *= (std::fabs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

void SobolGIndices(const std::vector<double>& a, std::vector<double>& first, std::vector<double>& total) {
  std::vector<double> vi(a.size());
  double product = 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    vi[i] = 1.0 / (3.0 * (1 + a[i]) * (1 + a[i]));
    product *= 1 + vi[i];
  }
  const double v = product - 1;
  first.resize(a.size());
  total.resize(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    first[i] = vi[i] / v;
    total[i] = vi[i] * (product / (1 + vi[i])) / v;
  }
}

}  // namespace brink
