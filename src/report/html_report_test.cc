// The HTML report: a well-formed page that fetches nothing and runs no script, whatever names a
// scenario holds (a name with <, & and quotes is shown as text, never read as markup), and a
// clear error for a saved forecast it cannot draw.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "brink/forecast.h"
#include "brink/report.h"
#include "brink/scenario.h"
#include "report/html.h"

namespace brink {
namespace {

std::string SmallText() {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

// The small scenario with hostile names: the scenario, a region, a bloc.
std::string HostileForecastJson() {
  std::string toml = SmallText();
  Replace(toml, "name = \"Small valley\"", "name = \"Valley <script>alert(1)</script>\"");
  Replace(toml, "id = \"west\"\n", "id = \"west\"\nname = \"Tell <b> & \\\"Q\\\" 'x'\"\n");
  Result<Scenario> s = LoadScenario(toml, "hostile.toml");
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.message());
  if (!s.ok()) return "";
  ForecastOptions options;
  options.runs = 60;
  options.days = 60;
  options.threads = 1;
  options.progress = false;
  Result<Forecast> f = RunForecast(s.value(), options);
  EXPECT_TRUE(f.ok());
  return f.ok() ? ForecastJson(s.value(), f.value(), options) : "";
}

// Elements open and close in order (void elements aside), and no attribute or text holds a raw
// '<'. Not a full HTML parser: enough for pages that brink writes.
std::string CheckWellFormed(const std::string& page) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while ((i = page.find('<', i)) != std::string::npos) {
    const std::size_t end = page.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    const std::string tag = page.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return "'<' inside a tag at " + std::to_string(i);
    i = end + 1;
    if (tag.starts_with("!")) continue;
    if (tag.starts_with("/")) {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "nothing" : open.back()) + ">";
      }
      open.pop_back();
      continue;
    }
    const std::string name = tag.substr(0, tag.find_first_of(" \n/"));
    if (tag.ends_with("/") || name == "meta" || name == "br") continue;
    open.push_back(name);
    if (name == "style") {  // its text is CSS: skip to its end tag
      i = page.find("</style>", i);
      if (i == std::string::npos) return "unclosed style";
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

TEST(HtmlReport, HostileNamesAreEscapedAndThePageIsWellFormed) {
  const std::string json = HostileForecastJson();
  ASSERT_FALSE(json.empty());
  Result<std::string> page = ForecastReportHtml(json, "hostile forecast");
  ASSERT_TRUE(page.ok()) << page.message();
  const std::string& html = page.value();
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("Tell &lt;b&gt; &amp; &quot;Q&quot; &#39;x&#39;"), std::string::npos);
  EXPECT_NE(html.find("Valley &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // Self-contained: nothing is fetched (the SVG namespace is a name, not a request).
  for (const char* fetch : {"src=", "href=", "@import", "url("}) {
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
  // Every figure is there.
  for (const char* id : {"id=\"fig-map\"", "id=\"fig-war\"", "id=\"fig-binary\"", "id=\"fig-casualties\"",
                         "id=\"fig-numbers\"", "id=\"provenance\""}) {
    EXPECT_NE(html.find(id), std::string::npos) << id;
  }
}

TEST(HtmlReport, SavedForecastWithoutMapIsRefusedByName) {
  Result<std::string> page = ForecastReportHtml(
      R"({"provenance": {"scenario": "x", "runs": 1}, "binary": [], "numbers": [], "war_by_day": [0],
          "regions": []})",
      "old.json");
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.message().find("old.json"), std::string::npos) << page.message();
  EXPECT_NE(page.message().find("\"map\""), std::string::npos) << page.message();
}

TEST(HtmlReport, CorruptForecastsAreRefusedWithTheField) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           {"", "not valid JSON"},
           {"[1, 2]", "expected a JSON object"},
           {R"({"provenance": {"scenario": "x", "runs": -4}})", "/provenance/runs should be a whole number"},
           {R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [{"id": "w", "label": "W", "hits": 5,
                "runs": 3}]})", "/binary/0/hits should be at most runs"},
           {R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [], "numbers": [], "war_by_day": [2]})",
            "/war_by_day/0 should be a probability"}}) {
    Result<std::string> page = ForecastReportHtml(text, "f.json");
    ASSERT_FALSE(page.ok()) << text;
    EXPECT_NE(page.message().find("f.json: "), std::string::npos) << page.message();
    EXPECT_NE(page.message().find(expected), std::string::npos) << page.message();
  }
}

TEST(Html, EscapeAndClip) {
  EXPECT_EQ(html::Escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(html::Escape("bell\x07"), "bell ");
  EXPECT_EQ(html::Clip("Deir ez-Zor", 20), "Deir ez-Zor");
  EXPECT_EQ(html::Clip("Deir ez-Zor", 5), "Deir…");
  // Cut on characters, never inside one: "é" is two bytes.
  EXPECT_EQ(html::Clip("ééééé", 3), "éé…");
}

}  // namespace
}  // namespace brink
