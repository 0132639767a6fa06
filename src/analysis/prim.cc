// PRIM scenario discovery (include/brink/sweep.h). Each step tries, for every input, peeling
// the lowest or the highest `alpha` share of the points in the box, and keeps the peel that
// leaves the highest density; ties go to the first input, then the low side.
#include <algorithm>
#include <cmath>
#include <limits>

#include "brink/sweep.h"

namespace brink {
namespace {

PrimBox Measure(const Points& x, const std::vector<bool>& interest, std::vector<double> low, std::vector<double> high,
                double total_interest) {
  PrimBox box{std::move(low), std::move(high)};
  double inside = 0, hits = 0;
  for (std::size_t j = 0; j < x.size(); ++j) {
    bool in = true;
    for (std::size_t i = 0; i < box.low.size() && in; ++i) in = x[j][i] >= box.low[i] && x[j][i] <= box.high[i];
    if (!in) continue;
    ++inside;
    hits += interest[j] ? 1 : 0;
  }
  box.mass = x.empty() ? 0 : inside / static_cast<double>(x.size());
  box.density = inside > 0 ? hits / inside : 0;
  box.coverage = total_interest > 0 ? hits / total_interest : 0;
  return box;
}

}  // namespace

std::vector<PrimBox> PrimTrajectory(const Points& x, const std::vector<bool>& interest, const PrimOptions& options) {
  if (x.empty()) return {};
  const std::size_t k = x[0].size();
  const double total_interest = static_cast<double>(std::count(interest.begin(), interest.end(), true));
  std::vector<double> low(k, -std::numeric_limits<double>::infinity()), high(k, std::numeric_limits<double>::infinity());
  std::vector<PrimBox> trajectory{Measure(x, interest, low, high, total_interest)};
  while (true) {
    const PrimBox& current = trajectory.back();
    PrimBox best;
    best.density = -1;
    for (std::size_t i = 0; i < k; ++i) {
      std::vector<double> values;
      for (const auto& p : x) {
        bool in = true;
        for (std::size_t d = 0; d < k && in; ++d) in = p[d] >= current.low[d] && p[d] <= current.high[d];
        if (in) values.push_back(p[i]);
      }
      if (values.size() < 2) continue;
      std::sort(values.begin(), values.end());
      const auto cut = static_cast<std::size_t>(std::ceil(options.alpha * static_cast<double>(values.size())));
      for (int side = 0; side < 2; ++side) {
        std::vector<double> lo = current.low, hi = current.high;
        if (side == 0) {
          // Drop the points below the alpha quantile: the new low is the first value kept.
          const double bound = values[std::min(cut, values.size() - 1)];
          if (bound <= values.front()) continue;
          lo[i] = bound;
        } else {
          const double bound = values[values.size() - 1 - std::min(cut, values.size() - 1)];
          if (bound >= values.back()) continue;
          hi[i] = bound;
        }
        PrimBox candidate = Measure(x, interest, lo, hi, total_interest);
        if (candidate.mass < options.min_mass || candidate.mass >= current.mass) continue;
        if (candidate.density > best.density) best = std::move(candidate);
      }
    }
    if (best.density < 0) break;
    trajectory.push_back(std::move(best));
  }
  return trajectory;
}

PrimBox PrimChoose(const std::vector<PrimBox>& trajectory) {
  double top = 0;
  for (const PrimBox& b : trajectory) top = std::max(top, b.density);
  for (const PrimBox& b : trajectory) {
    if (b.density >= 0.9 * top) return b;
  }
  return trajectory.empty() ? PrimBox{} : trajectory.back();
}

}  // namespace brink
