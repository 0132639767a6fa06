// Morris elementary effects (include/brink/sensitivity.h).
//
// Each trajectory starts at a random grid point and moves every input once, in a random
// order, by the step delta = levels / (2 (levels - 1)): up from the lower half of the grid,
// down from the upper half, so it stays inside [0, 1].
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/splitmix.h"
#include "brink/sensitivity.h"

namespace brink {
namespace {

double Delta(int levels) { return static_cast<double>(levels) / (2.0 * (levels - 1)); }

}  // namespace

Points MorrisDesign(int k, const MorrisOptions& options) {
  const int p = options.levels;
  const double delta = Delta(p);
  SplitMix rng(options.seed);
  Points design;
  for (int t = 0; t < options.trajectories; ++t) {
    std::vector<double> x(static_cast<std::size_t>(k));
    for (double& v : x) v = static_cast<double>(rng.Below(static_cast<std::size_t>(p))) / (p - 1);
    std::vector<int> order(static_cast<std::size_t>(k));
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
    design.push_back(x);
    for (int i : order) {
      double& v = x[static_cast<std::size_t>(i)];
      v = v + delta <= 1.0 + 1e-12 ? v + delta : v - delta;
      v = std::clamp(v, 0.0, 1.0);
      design.push_back(x);
    }
  }
  return design;
}

std::vector<std::vector<MorrisIndex>> MorrisAnalyse(int k, const MorrisOptions& options, const Points& design,
                                                    const Points& outputs) {
  const std::size_t m = outputs.empty() ? 0 : outputs[0].size();
  const auto uk = static_cast<std::size_t>(k);
  std::vector<std::vector<std::vector<double>>> effects(m, std::vector<std::vector<double>>(uk));
  for (int t = 0; t < options.trajectories; ++t) {
    const std::size_t first = static_cast<std::size_t>(t) * (uk + 1);
    for (std::size_t step = 0; step < uk; ++step) {
      const std::vector<double>& before = design[first + step];
      const std::vector<double>& after = design[first + step + 1];
      std::size_t input = 0;
      while (input < uk && before[input] == after[input]) ++input;
      const double moved = after[input] - before[input];
      for (std::size_t o = 0; o < m; ++o) {
        effects[o][input].push_back((outputs[first + step + 1][o] - outputs[first + step][o]) / moved);
      }
    }
  }
  std::vector<std::vector<MorrisIndex>> result(m, std::vector<MorrisIndex>(uk));
  for (std::size_t o = 0; o < m; ++o) {
    for (std::size_t i = 0; i < uk; ++i) {
      const std::vector<double>& e = effects[o][i];
      if (e.empty()) continue;
      MorrisIndex& x = result[o][i];
      const double n = static_cast<double>(e.size());
      for (double v : e) {
        x.mu += v / n;
        x.mu_star += std::fabs(v) / n;
      }
      double ss = 0;
      for (double v : e) ss += (v - x.mu) * (v - x.mu);
      x.sigma = e.size() > 1 ? std::sqrt(ss / (n - 1)) : 0;
    }
  }
  return result;
}

}  // namespace brink
