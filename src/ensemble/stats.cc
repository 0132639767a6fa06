#include "brink/stats.h"

#include <cmath>

namespace brink {

Interval WilsonInterval(int64_t hits, int64_t n, double z) {
  if (n <= 0) return {0.0, 1.0};
  const double nn = static_cast<double>(n), p = static_cast<double>(hits) / nn, z2 = z * z;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  // At 0 or n hits the bound on that side is exactly the estimate (rounding aside).
  return {hits == 0 ? 0.0 : std::max(0.0, centre - half), hits == n ? 1.0 : std::min(1.0, centre + half)};
}

QuantileSketch::QuantileSketch(double relative_accuracy, double min_magnitude)
    : gamma_((1 + relative_accuracy) / (1 - relative_accuracy)),
      log_gamma_(std::log(gamma_)),
      min_magnitude_(min_magnitude) {}

int QuantileSketch::Index(double magnitude) const {
  return static_cast<int>(std::ceil(std::log(magnitude) / log_gamma_));
}

double QuantileSketch::Value(int index) const {
  // The point of bucket (gamma^(i-1), gamma^i] with the smallest worst-case relative error.
  return 2.0 * std::pow(gamma_, index) / (gamma_ + 1.0);
}

void QuantileSketch::Count(Bucket& bucket, double magnitude) {
  if (bucket.count++ == 0) {
    bucket.least = bucket.greatest = magnitude;
  } else {
    bucket.least = std::min(bucket.least, magnitude);
    bucket.greatest = std::max(bucket.greatest, magnitude);
  }
}

void QuantileSketch::Add(double value) {
  ++count_;
  if (!std::isfinite(value)) value = 0;  // never reached with validated scenarios
  if (exact_ok_) {
    ++exact_[std::fabs(value) < min_magnitude_ ? 0.0 : value];
    if (exact_.size() > kExactValues) {
      exact_.clear();
      exact_ok_ = false;
    }
  }
  if (std::fabs(value) < min_magnitude_) {
    ++zeros_;
  } else if (value > 0) {
    Count(positive_[Index(value)], value);
  } else {
    Count(negative_[Index(-value)], -value);
  }
}

double QuantileSketch::Quantile(double q) const {
  if (count_ == 0) return 0;
  int64_t rank = static_cast<int64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::max<int64_t>(1, std::min(rank, count_));
  int64_t seen = 0;
  if (exact_ok_) {
    for (const auto& [value, count] : exact_) {
      seen += count;
      if (seen >= rank) return value;
    }
    return exact_.rbegin()->first;
  }
  for (auto it = negative_.rbegin(); it != negative_.rend(); ++it) {  // most negative first
    seen += it->second.count;
    if (seen >= rank) return -Value(it->first, it->second);
  }
  seen += zeros_;
  if (seen >= rank) return 0;
  for (const auto& [index, bucket] : positive_) {
    seen += bucket.count;
    if (seen >= rank) return Value(index, bucket);
  }
  return Value(positive_.rbegin()->first, positive_.rbegin()->second);
}

void NumberStats::Add(double value) {
  ++n_;
  double delta = value - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (value - mean_);
  sketch_.Add(value);
}

double NumberStats::sd() const { return n_ > 1 ? std::sqrt(m2_ / static_cast<double>(n_ - 1)) : 0.0; }

}  // namespace brink
