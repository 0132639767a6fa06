// Typed, range-checked reading of TOML tables, with file:line:column in every error.
//
// The loader reads each table through a TableReader, which remembers the keys it was asked for
// so that any other key is reported as unknown (a typo must not be silently ignored).
#ifndef BRINK_SCENARIO_TOML_READER_H_
#define BRINK_SCENARIO_TOML_READER_H_

#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace brink {

// Thrown inside the loader only; LoadScenario turns it into a Status.
struct LoadError {
  std::string message;
};

// The number of characters (Unicode code points) of UTF-8 text, which limits and "exactly 2
// characters" count, as the docs say, rather than bytes.
std::size_t Characters(std::string_view utf8);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string_view source, std::string what);

  std::string Str(std::string_view key, bool required, std::string fallback = "");
  std::string Identifier(std::string_view key);  // required, [a-z0-9_]+
  double Num(std::string_view key, double lo, double hi, double fallback, bool required = false);
  int Int(std::string_view key, int lo, int hi, int fallback, bool required = false);
  bool Bool(std::string_view key, bool fallback);
  std::vector<std::string> StrList(std::string_view key, bool required);
  // Marks a key as known without reading it (its type is checked elsewhere).
  void Allow(std::string_view key) { known_.emplace(key); }
  // Reports every key that no accessor asked for.
  void RejectUnknownKeys() const;

  // An error at the position of `key` (or of the table when the key is absent).
  [[noreturn]] void Fail(std::string_view key, const std::string& message) const;
  [[noreturn]] void FailAt(const toml::node& node, const std::string& message) const;
  const std::string& what() const { return what_; }

 private:
  const toml::node* Find(std::string_view key, bool required);

  const toml::table& table_;
  std::string source_;
  std::string what_;
  std::set<std::string, std::less<>> known_;
};

// Nodes written by --set overrides, and the override that wrote each: errors about them name
// the override instead of a file position (they have none).
using OverrideOrigins = std::map<const toml::node*, std::string>;
// While loading, the current thread's origins (null when none).
void SetOverrideOrigins(const OverrideOrigins* origins);

std::string Position(std::string_view source, const toml::source_region& region);

}  // namespace brink

#endif  // BRINK_SCENARIO_TOML_READER_H_
