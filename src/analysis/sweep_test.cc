// Sweep designs and PRIM scenario discovery.
#include "brink/sweep.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "analysis/splitmix.h"

namespace brink {
namespace {

TEST(Designs, GridHasEveryCombination) {
  const Points g = GridDesign(3, 4);
  ASSERT_EQ(g.size(), 64u);
  EXPECT_EQ(g.front(), (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(g.back(), (std::vector<double>{1, 1, 1}));
  EXPECT_EQ(std::set<std::vector<double>>(g.begin(), g.end()).size(), 64u);
}

TEST(Designs, LatinHypercubeUsesEachStratumOnce) {
  const int n = 50;
  const Points d = LatinHypercube(4, n, 9);
  ASSERT_EQ(d.size(), static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < 4; ++i) {
    std::set<int> strata;
    for (const auto& p : d) strata.insert(static_cast<int>(p[i] * n));
    EXPECT_EQ(strata.size(), static_cast<std::size_t>(n)) << "input " << i;
  }
  EXPECT_EQ(LatinHypercube(4, n, 9), d);
}

TEST(Designs, SobolSequenceFillsTheCube) {
  const Points d = SobolSequence(2, 64);
  ASSERT_EQ(d.size(), 64u);
  // A (0, 6, 2)-net with the origin: the 63 points after it and the origin fill every cell of an
  // 8 x 8 grid once, so the 63 cover every cell but the origin's.
  std::set<std::pair<int, int>> cells;
  for (std::size_t j = 0; j < 63; ++j) cells.insert({static_cast<int>(d[j][0] * 8), static_cast<int>(d[j][1] * 8)});
  EXPECT_EQ(cells.size(), 63u);
  EXPECT_FALSE(cells.contains({0, 0}));
}

// A synthetic case with a known box: the condition holds exactly where x0 > 0.6 and
// x1 < 0.3, whatever x2. 4,000 uniform points (fixed seed); PRIM's box must find the two
// limits within 0.05 and leave x2 free, with density and coverage high.
TEST(Prim, FindsAKnownBox) {
  SplitMix rng(5);
  Points x;
  std::vector<bool> interest;
  for (int j = 0; j < 4000; ++j) {
    std::vector<double> p{rng.Uniform(), rng.Uniform(), rng.Uniform()};
    interest.push_back(p[0] > 0.6 && p[1] < 0.3);
    x.push_back(std::move(p));
  }
  const std::vector<PrimBox> trajectory = PrimTrajectory(x, interest, {});
  ASSERT_GT(trajectory.size(), 2u);
  EXPECT_NEAR(trajectory.front().density, 0.12, 0.02);  // 0.4 x 0.3 of the cube
  EXPECT_DOUBLE_EQ(trajectory.front().coverage, 1.0);
  const PrimBox box = PrimChoose(trajectory);
  EXPECT_GT(box.density, 0.9);
  EXPECT_GT(box.coverage, 0.8);
  EXPECT_NEAR(box.low[0], 0.6, 0.05);
  EXPECT_GT(box.high[0], 0.95);
  EXPECT_LT(box.low[1], 0.05);
  EXPECT_NEAR(box.high[1], 0.3, 0.05);
  EXPECT_LT(box.low[2], 0.05);
  EXPECT_GT(box.high[2], 0.95);
}

}  // namespace
}  // namespace brink
