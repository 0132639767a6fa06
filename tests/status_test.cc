// Errors a user can cause are values; asking a failed Result for its value is a caller's bug,
// and it stops with the error's message rather than an opaque bad_variant_access.
#include "brink/status.h"

#include <gtest/gtest.h>

#include <string>

namespace brink {
namespace {

TEST(Result, HoldsAValueOrAnError) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 7);
  Result<int> bad = Status::Error("scenario.toml:3:1: expected a table");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.message(), "scenario.toml:3:1: expected a table");
}

TEST(Status, MessageOfOkIsEmpty) {
  // Once undefined behaviour (the message of an empty optional).
  Status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.message(), "");
  Result<int> good = 7;
  EXPECT_EQ(good.message(), "");
}

TEST(ResultDeathTest, TheValueOfAnErrorStopsWithItsMessage) {
  Result<std::string> bad = Status::Error("no such file");
  EXPECT_DEATH((void)bad.value(), "value of a failed Result was asked for: no such file");
  EXPECT_DEATH((void)bad.take(), "no such file");
}

}  // namespace
}  // namespace brink
