#include "report/csv_text.h"

#include <gtest/gtest.h>

namespace brink {
namespace {

TEST(CsvText, PlainTextIsQuotedWithQuotesDoubled) {
  EXPECT_EQ(CsvText("Raqqa"), "\"Raqqa\"");
  EXPECT_EQ(CsvText("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvText(""), "\"\"");
}

TEST(CsvText, FormulaStartsAreNeutralisedWithAQuote) {
  EXPECT_EQ(CsvText("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  for (const char* text : {"+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
    const std::string cell = CsvText(text);
    EXPECT_EQ(cell.substr(0, 2), "\"'") << text;
  }
}

TEST(CsvText, FormulaCharactersInsideACellAreLeftAlone) {
  EXPECT_EQ(CsvText("a=b-c"), "\"a=b-c\"");
}

}  // namespace
}  // namespace brink
