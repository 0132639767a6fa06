// More worker threads than cores are honoured without a word from oneTBB, and the forecast is
// the same as on one thread.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli_support.h"

namespace {

using namespace brink::test;  // NOLINT: the test helpers

TEST(CliThreads, MoreThreadsThanCoresAreHonouredQuietly) {
  ScratchDir dir;
  const fs::path one = dir.path() / "one.json", many = dir.path() / "many.json";
  const Outcome a = RunBrink("forecast -n 200 --no-progress -j 1 --json " + Quote(one.string()));
  const Outcome b = RunBrink("forecast -n 200 --no-progress -j 64 --json " + Quote(many.string()));
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_FALSE(Contains(b.err, "TBB Warning")) << b.err;
  EXPECT_EQ(ReadFile(one), ReadFile(many));
}

}  // namespace
