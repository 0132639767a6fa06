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
  kDecision = 1, kAir, kCombat, kIncident, kStrike, kRetaliation, kProxy, kFeud, kZone,
  kInsurgency, kCeasefire, kProtection, kSiege,
  kParameters,  // forecast --uncertain: the run's draw of the uncertain parameters (day 0)
  kPolicy       // a policy's own draws (Turn::PolicyKey), one lane per actor
};

class Rng {
 public:
  // `lane` splits one stream into independent ones (an actor's own policy stream).
  Rng(uint64_t seed, uint64_t run, Stream stream, int day, uint64_t lane = 0)
      : key_{{seed, run}}, ctr_{{static_cast<uint64_t>(stream), static_cast<uint64_t>(day), 0, lane}} {}

  // Inlined where it is drawn; the block of four is made out of line (one call in four).
  uint64_t Next() {
    if (used_ == 4) [[unlikely]] Refill();
    return block_.v[used_++];
  }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Bernoulli(double p) { return Uniform() < p; }
  int Below(int n) { return static_cast<int>(Uniform() * n); }
  // Exponential of mean 1, by inversion (1 - u lies in (0, 1]).
  double Exponential() { return -std::log1p(-Uniform()); }
  // Poisson, exact at every mean: inversion below a mean of 10 (one uniform, walking the
  // cumulative distribution up from 0), and from 10 up Hoermann's transformed rejection with
  // squeeze, PTRS (W. Hoermann, "The transformed rejection method for generating Poisson random
  // variables", Insurance: Mathematics and Economics 12, 1993), which takes about 2.3 uniforms
  // and rarely a logarithm, whatever the mean (docs/model.md, Randomness).
  double Poisson(double mean) {
    if (!(mean > 0)) return 0;            // also NaN
    if (!std::isfinite(mean)) return mean;  // no draw can tell: the caller caps it
    if (mean < 10) {
      const double u = Uniform();
      // Most of combat's draws have a small mean and give 0, which is u < exp(-mean). Below a
      // lower bound of exp(-mean), 1 - m + m^2/2 - m^3/6 (the Taylor remainder m^4/24 e^-x is
      // never negative), less a margin far above its rounding error, that is certain without
      // the exponential: the same answer from the same u, at a fraction of the cost.
      if (u < 1.0 - mean * (1.0 - mean * (0.5 - mean * (1.0 / 6.0))) - 1e-12) return 0;
      double p = std::exp(-mean), cumulative = p;
      int count = 0;
      while (u >= cumulative) {
        ++count;
        p *= mean / count;
        // The sum may round to just under 1: stop when the terms no longer add anything.
        if (cumulative + p == cumulative) break;
        cumulative += p;
      }
      return count;
    }
    const double root = std::sqrt(mean);
    const double b = 0.931 + 2.53 * root;
    const double a = -0.059 + 0.02483 * b;
    const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
    const double v_r = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const double u = Uniform() - 0.5, v = Uniform();
      const double us = 0.5 - std::fabs(u);
      const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= v_r) return k;  // inside the squeeze: accepted at once
      if (k < 0 || (us < 0.013 && v > us)) continue;
      int sign = 0;
      const double log_factorial = ::lgamma_r(k + 1, &sign);  // lgamma_r: no global state
      if (std::log(v * inv_alpha / (a / (us * us) + b)) <= -mean + k * std::log(mean) - log_factorial) {
        return k;
      }
    }
  }

 private:
  [[gnu::noinline]] void Refill() {
    block_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[2];
    used_ = 0;
  }

  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  int used_ = 4;
};

}  // namespace brink

#endif  // BRINK_ENGINE_RANDOM_H_
