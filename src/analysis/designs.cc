// Sweep designs: grid, Latin hypercube, Sobol sequence (include/brink/sweep.h).
#include <boost/random/sobol.hpp>

#include <numeric>

#include "analysis/splitmix.h"
#include "brink/sweep.h"

namespace brink {

Points GridDesign(int k, int levels) {
  Points out;
  std::vector<int> at(static_cast<std::size_t>(k), 0);
  while (true) {
    std::vector<double> u(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = levels > 1 ? static_cast<double>(at[i]) / (levels - 1) : 0.5;
    out.push_back(std::move(u));
    int i = k - 1;
    while (i >= 0 && ++at[static_cast<std::size_t>(i)] == levels) at[static_cast<std::size_t>(i--)] = 0;
    if (i < 0) break;
  }
  return out;
}

Points LatinHypercube(int k, int n, uint64_t seed) {
  SplitMix rng(seed);
  Points out(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  for (int i = 0; i < k; ++i) {
    std::vector<int> strata(static_cast<std::size_t>(n));
    std::iota(strata.begin(), strata.end(), 0);
    for (std::size_t j = strata.size(); j > 1; --j) std::swap(strata[j - 1], strata[rng.Below(j)]);
    for (int j = 0; j < n; ++j) {
      out[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] =
          (strata[static_cast<std::size_t>(j)] + rng.Uniform()) / n;
    }
  }
  return out;
}

Points SobolSequence(int k, int n) {
  boost::random::sobol sequence(static_cast<std::size_t>(k));  // starts after the origin
  Points out(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  for (auto& row : out) {
    for (double& x : row) x = static_cast<double>(sequence()) * 0x1.0p-64;
  }
  return out;
}

}  // namespace brink
