// Proper scores of probabilistic forecasts (Gneiting and Raftery, JASA 2007): Brier and
// logarithmic scores for yes/no outcomes, the CRPS for numbers, reliability bins, and the
// reference forecasts a skill score compares with (docs/model.md, "Scoring").
#include <algorithm>
#include <cmath>
#include <numbers>

#include "brink/engine.h"
#include "brink/score.h"

namespace brink {

double BrierScore(double p, bool outcome) {
  const double o = outcome ? 1.0 : 0.0;
  return (p - o) * (p - o);
}

double LogScore(double p, bool outcome, double floor) {
  const double given = outcome ? p : 1.0 - p;
  return -std::log(std::max(given, floor));
}

double CrpsExact(std::vector<double> x, double y) {
  if (x.empty()) return 0;
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double abs_error = 0, pair_sum = 0;
  // Sum over pairs of |x_i - x_j| from the sorted values: sum_i (2i - n - 1) x_(i), i from 1.
  for (std::size_t i = 0; i < x.size(); ++i) {
    abs_error += std::fabs(x[i] - y);
    pair_sum += (2.0 * static_cast<double>(i + 1) - n - 1.0) * x[i];
  }
  return abs_error / n - pair_sum / (n * n);
}

double CrpsNormal(double mu, double sigma, double y) {
  const double z = (y - mu) / sigma;
  const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi);
  const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
  return sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / std::sqrt(std::numbers::pi));
}

void CrpsAccumulator::Add(double x) {
  ++n_;
  sum_abs_error_ += std::fabs(x - observed_);
  sum_ += x;
  sum_abs_ += std::fabs(x);
  sketch_.Add(x);
}

double CrpsAccumulator::Mean() const { return n_ ? sum_ / static_cast<double>(n_) : 0.0; }

double CrpsAccumulator::MeanAbsError() const {
  return n_ ? sum_abs_error_ / static_cast<double>(n_) : 0.0;
}

double CrpsAccumulator::HalfSpread() const {
  // The bucket of count c whose values take the ranks L+1..L+c of n contributes
  // v * sum (2i - n - 1) = v * c (2L + c - n) to the sum over sorted values; the mean over
  // ordered pairs of |x - x'| is twice that over n^2, and the spread term half of it.
  if (n_ == 0) return 0;
  const double n = static_cast<double>(n_);
  double below = 0, sum = 0;
  sketch_.ForEachBucket([&](double value, int64_t count) {
    const double c = static_cast<double>(count);
    sum += value * c * (2 * below + c - n);
    below += c;
  });
  return sum / (n * n);
}

double CrpsAccumulator::SpreadErrorBound() const {
  // Each value is represented within a relative error a (or by 0 when below m), so each
  // |x - x'| moves by at most a (|x| + |x'|) + 2m, and half their mean by a E|X| + m.
  if (n_ == 0) return 0;
  return kRelativeAccuracy * sum_abs_ / static_cast<double>(n_) + kMinMagnitude;
}

std::array<ReliabilityBin, 10> ReliabilityTable(const std::vector<double>& p,
                                                const std::vector<bool>& outcome) {
  std::array<ReliabilityBin, 10> bins{};
  for (std::size_t i = 0; i < p.size() && i < outcome.size(); ++i) {
    int b = std::clamp(static_cast<int>(std::floor(p[i] * 10)), 0, 9);
    ReliabilityBin& bin = bins[static_cast<std::size_t>(b)];
    ++bin.count;
    bin.hits += outcome[i];
    bin.sum_p += p[i];
  }
  return bins;
}

double PersistenceProbability(const Scenario& s, const State& initial, const Observation& o) {
  switch (o.kind) {
    case ObservationKind::kHeld:
      return initial.holder[static_cast<std::size_t>(o.region)] != kNone &&
                     o.by.Matches(s, initial.holder[static_cast<std::size_t>(o.region)])
                 ? 1.0
                 : 0.0;
    case ObservationKind::kWar:
      return initial.at_war() ? 1.0 : 0.0;
    case ObservationKind::kCorridor:
      return initial.corridor_open[static_cast<std::size_t>(o.corridor)] ? 1.0 : 0.0;
    default:
      return 0.0;
  }
}

double UninformedProbability(const Scenario& s, const Observation& o) {
  if (o.kind == ObservationKind::kHeld) {
    // Each possible holder (every actor, or every bloc, or nobody) equally likely.
    const std::size_t holders = o.by.actor != kNone ? s.actors.size() : s.blocs.size();
    return 1.0 / static_cast<double>(holders + 1);
  }
  return 0.5;  // war or not, open or cut
}

double PersistenceValue(const Scenario& s, const State& initial, const Observation& o) {
  if (o.kind == ObservationKind::kFirstHeld) {
    ActorId holder = initial.holder[static_cast<std::size_t>(o.region)];
    return holder != kNone && o.by.Matches(s, holder) ? o.from : o.to + 1;
  }
  return o.is_day() ? o.to + 1 : 0.0;
}

}  // namespace brink
