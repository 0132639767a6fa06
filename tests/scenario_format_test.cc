// docs/scenario-format.md stays true: its complete example (the first ```toml block) loads.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "brink/scenario.h"

namespace brink {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The text between the first "```toml" line and the closing "```" line, or "" if none.
std::string FirstTomlBlock(const std::string& markdown) {
  const std::string open = "```toml\n";
  std::size_t start = markdown.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  std::size_t end = markdown.find("\n```", start);
  if (end == std::string::npos) return "";
  return markdown.substr(start, end + 1 - start);
}

TEST(ScenarioFormat, DocumentedExampleLoads) {
  const std::string doc = ReadFile(std::string(BRINK_SOURCE_DIR) + "/docs/scenario-format.md");
  ASSERT_FALSE(doc.empty()) << "cannot read docs/scenario-format.md";
  const std::string example = FirstTomlBlock(doc);
  ASSERT_FALSE(example.empty()) << "no ```toml block in docs/scenario-format.md";
  Result<Scenario> loaded = LoadScenario(example, "scenario-format.md");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  const Scenario& s = loaded.value();
  EXPECT_EQ(s.blocs.size(), 3u);
  EXPECT_EQ(s.actors.size(), 4u);
  EXPECT_EQ(s.factions.size(), 2u);
  EXPECT_EQ(s.regions.size(), 5u);
  EXPECT_EQ(s.edges.size(), 5u);
  EXPECT_EQ(s.corridors.size(), 1u);
  EXPECT_EQ(s.ladder.size(), 4u);
  EXPECT_EQ(s.terrains.size(), 6u);
}

// The keys the loader accepts in the table opened by the header at `header_end` (the offset
// just after a "[name]" or "[[name]]" line): it lists them when it meets an unknown key.
std::vector<std::string> AcceptedKeys(std::string text, std::size_t header_end, std::string* error) {
  text.insert(header_end, "zz_not_a_key = 1\n");
  Result<Scenario> loaded = LoadScenario(text, "scenario-format.md");
  const std::string marker = "unknown key 'zz_not_a_key'; expected one of: ";
  if (loaded.ok() || loaded.message().find(marker) == std::string::npos) {
    *error = loaded.ok() ? "the unknown key was accepted" : loaded.message();
    return {};
  }
  std::string list = loaded.message().substr(loaded.message().find(marker) + marker.size());
  std::vector<std::string> keys;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = list.find(", ", start);
    keys.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return keys;
}

// Every key the loader reads in a table the example uses is described in the document: a key
// added to the loader without documentation fails here, naming the key.
TEST(ScenarioFormat, EveryKeyOfTheExamplesTablesIsDocumented) {
  const std::string doc = ReadFile(std::string(BRINK_SOURCE_DIR) + "/docs/scenario-format.md");
  const std::string example = FirstTomlBlock(doc);
  ASSERT_FALSE(example.empty());
  std::set<std::string> checked;
  int tables = 0;
  for (std::size_t at = 0; at < example.size();) {
    std::size_t end = example.find('\n', at);
    if (end == std::string::npos) end = example.size();
    const std::string line = example.substr(at, end - at);
    if (!line.empty() && line[0] == '[') {
      ++tables;
      std::string error;
      for (const std::string& key : AcceptedKeys(example, end + 1, &error)) {
        if (!checked.insert(line + " " + key).second) continue;
        EXPECT_TRUE(doc.find("`" + key + "`") != std::string::npos)
            << "key '" << key << "' of " << line << " is not documented in docs/scenario-format.md";
      }
      EXPECT_EQ(error, "") << line;
    }
    at = end + 1;
  }
  EXPECT_GE(tables, 10);
}

}  // namespace
}  // namespace brink
