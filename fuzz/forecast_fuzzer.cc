// libFuzzer target: the input's bytes are a saved forecast, as `brink report` and `brink compare`
// read it (fuzz/README.md).
//
// ForecastReportHtml and CompareForecasts (and the comparison's text and page) must return a
// page or an error message, never crash, leak, hang or blow up: a page must stay within a
// fixed multiple of its input (docs/reports.md, the limits on a saved forecast).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "brink/compare.h"
#include "brink/report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A page holds a fixed amount of prose and style, then grows with what it draws.
  const std::size_t most = 400 * size + (2 << 20);
  brink::Result<std::string> page = brink::ForecastReportHtml(text, "fuzz.json");
  if (page.ok() && page.value().size() > most) {
    std::fprintf(stderr, "brink fuzz: a %zu-byte forecast gave a %zu-byte page\n", size, page.value().size());
    std::abort();
  }
  brink::Result<brink::Comparison> c = brink::CompareForecasts(text, "a.json", text, "b.json");
  if (c.ok()) {
    const std::string table = brink::ComparisonText(c.value());
    const std::string html = brink::ComparisonHtml(c.value());
    if (table.size() > most || html.size() > 2 * most) {
      std::fprintf(stderr, "brink fuzz: a %zu-byte forecast gave a %zu-byte comparison\n", size, html.size());
      std::abort();
    }
  }
  return 0;
}
