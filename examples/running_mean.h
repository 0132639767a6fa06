// A mean with its 95% half-width, gathered one value at a time, for the examples that compare
// policies over independent runs (normal quantile: their samples are hundreds of runs).
#ifndef BRINK_EXAMPLES_RUNNING_MEAN_H_
#define BRINK_EXAMPLES_RUNNING_MEAN_H_

#include <cmath>

struct RunningMean {
  double n = 0, sum = 0, squares = 0;
  void Add(double x) {
    n += 1;
    sum += x;
    squares += x * x;
  }
  double value() const { return sum / n; }
  double half_width() const { return 1.96 * std::sqrt((squares - sum * sum / n) / (n - 1) / n); }
};

#endif  // BRINK_EXAMPLES_RUNNING_MEAN_H_
