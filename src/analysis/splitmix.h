// SplitMix64 (Steele, Lea and Flood 2014): a small generator for the analyses' own choices
// (Morris trajectories, bootstrap resamples), a pure function of its seed on every platform.
#ifndef BRINK_ANALYSIS_SPLITMIX_H_
#define BRINK_ANALYSIS_SPLITMIX_H_

#include <cstdint>
#include <cstddef>

namespace brink {

class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in 0 .. n - 1 (n > 0), without modulo bias worth the name for small n.
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Uniform() * static_cast<double>(n)); }

 private:
  uint64_t state_;
};

}  // namespace brink

#endif  // BRINK_ANALYSIS_SPLITMIX_H_
