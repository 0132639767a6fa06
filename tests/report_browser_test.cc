// The report as a person sees it: rendered by headless Chromium, the page raises no script
// error and the map and every figure are drawn with a non-zero size (issue 14). A probe added
// to a copy of the page measures each figure after layout and writes the sizes into the DOM,
// which Chromium dumps; the same run takes a screenshot. Skipped only where Chromium is absent
// (./setup.sh test installs it).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "cli_support.h"

using namespace brink::test;  // NOLINT: the helpers are this file's vocabulary

namespace {

// Flags that work headless as root, with nothing fetched and a fresh profile.
std::string Chromium(const fs::path& profile) {
  return "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync "
         "--user-data-dir=" + Quote(profile.string());
}

bool HaveChromium() { return RunScript("command -v chromium >/dev/null").status == 0; }

// The page with the probe: an error listener first in <head>, the measuring script last in <body>.
std::string WithProbe(std::string page) {
  const std::string listener =
      "<script>window.brinkErrors=[];window.addEventListener('error',function(e){"
      "window.brinkErrors.push(String(e.message));});</script>";
  const std::string measure = R"(<script>
(function () {
  var out = [];
  document.querySelectorAll('figure.figure, section#provenance').forEach(function (f) {
    var drawn = f.querySelector('svg') || f, r = drawn.getBoundingClientRect();
    out.push(f.id + '=' + Math.round(r.width) + 'x' + Math.round(r.height));
  });
  out.push('regions=' + document.querySelectorAll('svg.map g.region').length);
  out.push('errors=' + window.brinkErrors.length);
  document.documentElement.setAttribute('data-measured', out.join(';'));
})();
</script>)";
  page.insert(page.find("<head>") + 6, listener);
  page.insert(page.rfind("</body>"), measure);
  return page;
}

// Renders `page` and returns what the probe measured: name -> "WxH" or a count.
std::map<std::string, std::string> Measure(const fs::path& dir, const std::string& page, const fs::path& png) {
  {
    std::ofstream out(dir / "probe.html", std::ios::binary);
    out << WithProbe(page);
  }
  Outcome o = RunScript(Chromium(dir / "profile") + " --window-size=1400,2000 --screenshot=" +
                        Quote(png.string()) + " --dump-dom " + Quote("file://" + (dir / "probe.html").string()));
  std::map<std::string, std::string> measured;
  const std::string key = "data-measured=\"";
  const std::size_t at = o.out.find(key);
  if (at == std::string::npos) {
    ADD_FAILURE() << "no measurements in the dumped DOM; chromium said: " << o.err.substr(0, 2000);
    return measured;
  }
  const std::string list = o.out.substr(at + key.size(), o.out.find('"', at + key.size()) - at - key.size());
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(';', start);
    if (end == std::string::npos) end = list.size();
    const std::string item = list.substr(start, end - start);
    measured[item.substr(0, item.find('='))] = item.substr(item.find('=') + 1);
    start = end + 1;
  }
  return measured;
}

bool NonZero(const std::string& size) {
  const std::size_t x = size.find('x');
  return x != std::string::npos && std::stoi(size.substr(0, x)) > 0 && std::stoi(size.substr(x + 1)) > 0;
}

// The default scenario's report (200 runs of 200 days, seed 1): every figure drawn, every
// region on the map, no script error, and a screenshot written.
TEST(ReportBrowser, DefaultReportRendersEveryFigure) {
  if (!HaveChromium()) GTEST_SKIP() << "chromium is not installed (./setup.sh test installs it)";
  ScratchDir scratch;
  const fs::path html = scratch.path() / "report.html", json = scratch.path() / "f.json";
  Outcome made = RunBrink("forecast -n 200 --days 200 --no-progress --report " + Quote(html.string()) +
                          " --json " + Quote(json.string()));
  ASSERT_EQ(made.status, 0) << made.err;
  const std::string page = ReadFile(html);
  ASSERT_FALSE(page.empty());
  const fs::path png = scratch.path() / "report.png";
  std::map<std::string, std::string> m = Measure(scratch.path(), page, png);
  for (const char* figure : {"fig-map", "fig-war", "fig-binary", "fig-casualties", "fig-numbers", "provenance"}) {
    ASSERT_TRUE(m.count(figure)) << figure << " missing";
    EXPECT_TRUE(NonZero(m[figure])) << figure << " drawn as " << m[figure];
  }
  // Every region of the forecast is on the map.
  const std::string forecast = ReadFile(json);
  std::size_t regions = 0;
  for (std::size_t at = forecast.find("\"held_by\""); at != std::string::npos; at = forecast.find("\"held_by\"", at + 1)) {
    ++regions;
  }
  EXPECT_EQ(m["regions"], std::to_string(regions));
  EXPECT_EQ(m["errors"], "0");
  EXPECT_GT(fs::exists(png) ? fs::file_size(png) : 0, 10'000u) << "the screenshot";
}

// The probe itself: a page with a failing script is caught (else the test above proves nothing).
TEST(ReportBrowser, ProbeCatchesScriptErrors) {
  if (!HaveChromium()) GTEST_SKIP() << "chromium is not installed (./setup.sh test installs it)";
  ScratchDir scratch;
  std::map<std::string, std::string> m = Measure(
      scratch.path(),
      "<!DOCTYPE html><html><head></head><body><script>no_such_function();</script>"
      "<figure id=\"fig-x\" class=\"figure\"><svg width=\"0\" height=\"0\"></svg></figure></body></html>",
      scratch.path() / "x.png");
  EXPECT_EQ(m["errors"], "1");
  EXPECT_FALSE(NonZero(m["fig-x"]));
}

}  // namespace
