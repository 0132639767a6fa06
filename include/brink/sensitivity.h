// Global sensitivity analysis of any model with k inputs in the unit cube and m outputs:
// Morris elementary effects (screening) and Sobol first-order and total indices (Saltelli
// sampling on a Sobol low-discrepancy sequence, Jansen's estimators, bootstrap intervals).
// Designs and analyses are separate so that a caller evaluates the points its own way (an
// ensemble per point, in order, with progress). docs/analysis.md describes the methods.
#ifndef BRINK_SENSITIVITY_H_
#define BRINK_SENSITIVITY_H_

#include <cstdint>
#include <vector>

namespace brink {

// A design: points in [0, 1]^k, one vector each. Outputs: one vector of m values per point.
using Points = std::vector<std::vector<double>>;

// Morris (1991) one-at-a-time trajectories on a grid of `levels` levels, step
// levels / (2 (levels - 1)) (2/3 for 4 levels); Campolongo et al. (2007) mu*.
struct MorrisOptions {
  int trajectories = 10;  // r: cost r x (k + 1) points
  int levels = 4;         // p, even
  uint64_t seed = 1;
};
struct MorrisIndex {
  double mu_star = 0;  // mean |elementary effect|: the output's change over the whole range
  double mu = 0;       // mean elementary effect (signed)
  double sigma = 0;    // standard deviation of the effects: nonlinearity or interactions
};
Points MorrisDesign(int k, const MorrisOptions& options);
// indices[output][input].
std::vector<std::vector<MorrisIndex>> MorrisAnalyse(int k, const MorrisOptions& options, const Points& design,
                                                    const Points& outputs);

// Saltelli (2010) sampling: matrices A and B of n rows from the first and last k columns of a
// 2k-dimensional Sobol sequence (Boost's, which starts after the origin), then for each input i
// the matrix A with column i from B. Order: n rows of A, n of B, then n of each A_B^i:
// n (k + 2) points.
Points SaltelliDesign(int k, int n);
struct SobolOptions {
  int bootstrap = 500;      // resamples for the intervals
  double confidence = 0.95;
  uint64_t seed = 1;        // of the bootstrap resampling
};
struct SobolIndex {
  double first = 0, first_lo = 0, first_hi = 0;  // S1 and its bootstrap interval
  double total = 0, total_lo = 0, total_hi = 0;  // ST
  double variance = 0;                            // of the output over the design
};
// Jansen (1999) estimators, as Saltelli et al. (2010, table 2) give them:
//   ST_i = mean((f(A) - f(A_B^i))^2) / 2 / V,  S1_i = 1 - mean((f(B) - f(A_B^i))^2) / 2 / V,
// V the variance of f over A and B. indices[output][input]; an output with no variance gets
// zeros.
std::vector<std::vector<SobolIndex>> SobolAnalyse(int k, int n, const Points& outputs, const SobolOptions& options);

// Test functions with indices known in closed form.
double Ishigami(const std::vector<double>& u, double a = 7, double b = 0.1);  // u in [0,1]^3 -> x in [-pi, pi]^3
double SobolG(const std::vector<double>& u, const std::vector<double>& a);
// The G function's exact indices: first[i], total[i].
void SobolGIndices(const std::vector<double>& a, std::vector<double>& first, std::vector<double>& total);

}  // namespace brink

#endif  // BRINK_SENSITIVITY_H_
