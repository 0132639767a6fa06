// The HTML report: a well-formed page that fetches nothing and runs no script, whatever names a
// scenario holds (a name with <, & and quotes is shown as text, never read as markup), and a
// clear error for a saved forecast it cannot draw.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "brink/compare.h"
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
  toml += "\n[[feature]]\nid = \"river\"\nname = \"River <i>\"\nkind = \"river\"\nsource = \"assumption\"\n"
          "points = [[35.0, 40.0], [35.5, 40.5], [36, 41]]\n";
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

std::string ManyEmptyObjects(int n) {
  std::string list = "{}";
  for (int i = 1; i < n; ++i) list += ",{}";
  return list;
}

TEST(HtmlReport, CorruptForecastsAreRefusedWithTheField) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           {"", "not valid JSON"},
           {"[1, 2]", "expected a JSON object"},
           {R"({"provenance": {"scenario": "x", "runs": -4}})", "/provenance/runs should be a whole number"},
           {R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [{"id": "w", "label": "W", "hits": 5,
                "runs": 3}]})", "/binary/0/hits should be at most runs"},
           {R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [], "numbers": [], "war_by_day": [2]})",
            "/war_by_day/0 should be a probability"},
           // More regions than a scenario may hold: refused before any drawing.
           {R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [], "numbers": [], "war_by_day": [],
                "regions": [)" + ManyEmptyObjects(600) + "]}",
            "/regions has more than 512 entries"}}) {
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

namespace brink {
namespace {

// Every kind of field of a saved forecast replaced in turn by null, a string or a negative number: the
// page is drawn or refused with a message, never an exception (a field the pages use but the
// reader did not check would throw here).
TEST(HtmlReport, EveryFieldBrokenInTurnIsDrawnOrRefusedNeverThrown) {
  const std::string text = HostileForecastJson();
  ASSERT_FALSE(text.empty());
  const nlohmann::json doc = nlohmann::json::parse(text);
  const nlohmann::json flat = doc.flatten();
  int refused = 0;
  std::set<std::string> shapes;  // one field of each kind: /binary/#/hits stands for all hits
  for (const auto& [pointer, value] : flat.items()) {
    std::string shape = pointer;
    std::replace_if(shape.begin(), shape.end(), [](char c) { return c >= '0' && c <= '9'; }, '#');
    if (!shapes.insert(shape).second) continue;
    for (const nlohmann::json& broken : {nlohmann::json(nullptr), nlohmann::json("x"), nlohmann::json(-1.5)}) {
      nlohmann::json copy = flat;
      copy[pointer] = broken;
      const std::string mutated = copy.unflatten().dump();
      EXPECT_NO_THROW({
        Result<std::string> page = ForecastReportHtml(mutated, "m.json");
        refused += !page.ok();
        Result<Comparison> c = CompareForecasts(text, "a.json", mutated, "m.json");
        if (c.ok()) {
          (void)ComparisonText(c.value());
          (void)ComparisonHtml(c.value());
        }
      }) << pointer << " = " << broken.dump();
    }
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// A deconfliction line between west and valley (joined by an edge): a bar across that edge and
// a dotted ring on each side's regions, named in the legend.
TEST(HtmlReport, DeconflictionLinesAreDrawn) {
  const std::string text = HostileForecastJson();
  ASSERT_FALSE(text.empty());
  nlohmann::json doc = nlohmann::json::parse(text);
  doc["map"]["lines"] = nlohmann::json::array(
      {{{"id", "l1"}, {"name", "Valley line"}, {"a", "blue"}, {"b", "red"}, {"a_regions", {"west"}},
        {"b_regions", {"valley", "town"}}, {"agreed_day", 30}, {"enabled", true}}});
  Result<std::string> page = ForecastReportHtml(doc.dump(), "lines.json");
  ASSERT_TRUE(page.ok()) << page.message();
  const std::string& html = page.value();
  const std::size_t group = html.find("<g class=\"lines\">");
  ASSERT_NE(group, std::string::npos);
  const std::string lines = html.substr(group, html.find("</g>\n</g>", group) - group);
  EXPECT_NE(lines.find("Deconfliction line: Valley line, agreed on day 30"), std::string::npos);
  std::size_t rings = 0, bars = 0;
  for (std::size_t at = lines.find("<circle"); at != std::string::npos; at = lines.find("<circle", at + 1)) ++rings;
  for (std::size_t at = lines.find("<line"); at != std::string::npos; at = lines.find("<line", at + 1)) ++bars;
  EXPECT_EQ(rings, 3u) << "west, valley, town";
  EXPECT_EQ(bars, 1u) << "only the west-valley edge joins the two sides";
  EXPECT_NE(html.find("deconfliction line: Valley line"), std::string::npos) << "in the legend";
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// Why wars started: the report and the comparison show each chain with its runs and share of
// the wars, escaped; a malformed list is refused with the field.
TEST(HtmlReport, WarCausesAreShownWithTheirShares) {
  nlohmann::json doc = nlohmann::json::parse(HostileForecastJson());
  doc["war_causes"] = nlohmann::json::array({{{"chain", "strike <b> → retaliation"}, {"runs", 3}},
                                             {{"chain", "incident"}, {"runs", 1}}});
  const std::string text = doc.dump();
  Result<std::string> page = ForecastReportHtml(text, "wars.json");
  ASSERT_TRUE(page.ok()) << page.message();
  EXPECT_NE(page.value().find("Why wars started"), std::string::npos);
  EXPECT_NE(page.value().find("strike &lt;b&gt; → retaliation"), std::string::npos);
  EXPECT_NE(page.value().find("75.0%"), std::string::npos);
  EXPECT_EQ(CheckWellFormed(page.value()), "");
  // The same forecast against one with no war: both arms' counts, side by side.
  nlohmann::json calm = doc;
  calm["war_causes"] = nlohmann::json::array();
  Result<Comparison> c = CompareForecasts(text, "a", calm.dump(), "b");
  ASSERT_TRUE(c.ok()) << c.message();
  const std::string table = ComparisonText(c.value());
  EXPECT_NE(table.find("4 runs with war in A, 0 in B"), std::string::npos) << table;
  EXPECT_NE(table.find("75.0%"), std::string::npos) << table;
  EXPECT_EQ(CheckWellFormed(ComparisonHtml(c.value())), "");
  // Without any war, no such figure.
  Result<std::string> quiet = ForecastReportHtml(calm.dump(), "calm.json");
  ASSERT_TRUE(quiet.ok());
  EXPECT_EQ(quiet.value().find("Why wars started"), std::string::npos);
  doc["war_causes"][0]["runs"] = -1;
  Result<std::string> bad = ForecastReportHtml(doc.dump(), "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("/war_causes/0/runs"), std::string::npos) << bad.message();
}

}  // namespace
}  // namespace brink

namespace brink {
namespace {

// Rivers and borders are drawn first, under everything else, each a polyline named in its
// tooltip, and the legend says what a river looks like.
TEST(HtmlReport, RiversAreDrawnUnderTheRegions) {
  const std::string text = HostileForecastJson();
  ASSERT_FALSE(text.empty());
  Result<std::string> page = ForecastReportHtml(text, "rivers.json");
  ASSERT_TRUE(page.ok()) << page.message();
  const std::string& html = page.value();
  const std::size_t features = html.find("<g class=\"features\"");
  const std::size_t zones = html.find("<g class=\"zones\">");
  ASSERT_NE(features, std::string::npos);
  ASSERT_NE(zones, std::string::npos);
  EXPECT_LT(features, zones) << "under the zones, the corridors and the regions";
  const std::string group = html.substr(features, zones - features);
  EXPECT_NE(group.find("<polyline points=\""), std::string::npos);
  EXPECT_NE(group.find("<title>River &lt;i&gt;</title>"), std::string::npos) << "named, escaped";
  EXPECT_NE(html.find("</span>river</span>"), std::string::npos) << "in the legend";
  // A point that is not [latitude, longitude] is refused with its place in the document.
  nlohmann::json doc = nlohmann::json::parse(text);
  doc["map"]["features"][0]["points"][1] = {35.5, 400};
  Result<std::string> bad = ForecastReportHtml(doc.dump(), "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("/map/features/0/points/1 should be [latitude, longitude] in degrees"), std::string::npos)
      << bad.message();
}

}  // namespace
}  // namespace brink
