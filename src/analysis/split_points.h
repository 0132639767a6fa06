// The points of an analysis (a sweep, a sensitivity study) split across a cluster's ranks
// (include/brink/cluster.h): in round t, rank r evaluates point t K + r (K ranks), each point a
// whole ensemble on that rank's threads; then every rank receives the round's values and sees
// them in point order. Alone (a null cluster) the points are evaluated one after another.
#ifndef BRINK_ANALYSIS_SPLIT_POINTS_H_
#define BRINK_ANALYSIS_SPLIT_POINTS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "brink/cluster.h"
#include "brink/status.h"

namespace brink {

// Point j's `width` values.
using EvaluatePoint = std::function<Result<std::vector<double>>(int64_t j)>;
// Called on every rank for every point, in point order; an error stops every rank.
using TakePoint = std::function<Status(int64_t j, const std::vector<double>& values)>;

// Evaluates points 0 to points - 1. Stops with an error on every rank when any rank's
// evaluation or take fails, or when `cancel` is set on any rank ("interrupted"): the points
// taken so far are whole.
Status EvaluatePoints(Cluster* cluster, int64_t points, std::size_t width, const EvaluatePoint& evaluate,
                      const TakePoint& take, const std::atomic<bool>* cancel);

}  // namespace brink

#endif  // BRINK_ANALYSIS_SPLIT_POINTS_H_
