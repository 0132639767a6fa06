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

#include "brink/parameters.h"
#include "brink/status.h"

namespace brink {

// Thrown inside the loader only; LoadScenario turns it into a Status.
struct LoadError {
  std::string message;
};

// The number of characters (Unicode code points) of UTF-8 text, which limits and "exactly 2
// characters" count, as the docs say, rather than bytes.
std::size_t Characters(std::string_view utf8);
// A short stable hash of an input's text (FNV-1a 64, 16 hex digits), for provenance.
std::string ContentHash(std::string_view text);
// The whole of an input file (`what` names it in messages: "scenario", "observations"), or an
// error naming the path: it cannot be opened or read, or it is larger than
// Limits::kMaxFileBytes (checked while reading, so a huge file is never held whole).
Result<std::string> ReadInputFile(const std::string& path, std::string_view what);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string_view source, std::string what);

  std::string Str(std::string_view key, bool required, std::string fallback = "");
  std::string Identifier(std::string_view key);  // required, [a-z0-9_]+
  double Num(std::string_view key, double lo, double hi, double fallback, bool required = false);
  int Int(std::string_view key, int lo, int hi, int fallback, bool required = false);
  bool Bool(std::string_view key, bool fallback);
  // A parameter of the table (include/brink/parameters.h), checked against its valid range:
  // a number, or an inline table { value = V, low = L, high = H, source = "..." } giving its
  // plausible range too, which is added to `ranges` under `path` ("rules.war_spark").
  double Parameter(const ParameterSpec& spec, double fallback, const std::string& path,
                   std::vector<UncertainValue>& ranges);
  std::vector<std::string> StrList(std::string_view key, bool required);
  // An array of [latitude, longitude] pairs (degrees), at least 2 and at most
  // Limits::kMaxListLength of them.
  std::vector<std::pair<double, double>> Points(std::string_view key, bool required);
  // Marks a key as known without reading it (its type is checked elsewhere).
  void Allow(std::string_view key) { known_.emplace(key); }
  // Reports every key that no accessor asked for.
  void RejectUnknownKeys() const;

  // An error at the position of `key` (or of the table when the key is absent).
  [[noreturn]] void Fail(std::string_view key, const std::string& message) const;
  // Where `key` was given, as an error about it begins: "FILE:LINE:COLUMN: WHAT", or
  // "--set PATH=VALUE: WHAT" for a value an override wrote. For a check made after loading.
  std::string Where(std::string_view key) const;
  [[noreturn]] void FailAt(const toml::node& node, const std::string& message) const;
  const std::string& what() const { return what_; }
  // Whether the table has `key` at all (an empty list is there; a missing key is not).
  bool Has(std::string_view key) const { return table_.contains(key); }

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
