// Counter-based randomness: every draw is a pure function of (seed, run, stream, day, n), so a
// run gives the same numbers whatever thread runs it and whatever else runs beside it.
#ifndef BRINK_ENGINE_RANDOM_H_
#define BRINK_ENGINE_RANDOM_H_

#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace brink {

// One stream per rule, so changing one rule's use of randomness leaves the others' draws alone.
enum class Stream : uint64_t {
  kDecision = 1, kAir, kCombat, kIncident, kStrike, kRetaliation, kProxy, kFeud, kZone
};

class Rng {
 public:
  Rng(uint64_t seed, uint64_t run, Stream stream, int day)
      : key_{{seed, run}}, ctr_{{static_cast<uint64_t>(stream), static_cast<uint64_t>(day), 0, 0}} {}

  uint64_t Next() {
    if (used_ == 4) {
      block_ = r123::Philox4x64()(ctr_, key_);
      ++ctr_.v[2];
      used_ = 0;
    }
    return block_.v[used_++];
  }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Bernoulli(double p) { return Uniform() < p; }
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  // Poisson: exact inversion below a mean of 30 (one uniform, walking the cumulative
  // distribution up from 0), rounded normal approximation above (error well under the model's
  // own uncertainty; see docs/model.md, Randomness).
  double Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const double u = Uniform();
      double p = std::exp(-mean), cumulative = p;
      int count = 0;
      // p > 0: the sum may round to just under 1; stop when the terms run out.
      while (u >= cumulative && p > 0) {
        ++count;
        p *= mean / count;
        cumulative += p;
      }
      return count;
    }
    double u1 = Uniform(), u2 = Uniform();
    double normal = std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(6.283185307179586 * u2);
    return std::fmax(0.0, std::round(mean + std::sqrt(mean) * normal));
  }

 private:
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  int used_ = 4;
};

}  // namespace brink

#endif  // BRINK_ENGINE_RANDOM_H_
