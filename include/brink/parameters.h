// The parameter table: every numeric rule parameter ([rules]) and actor parameter ([[actor]])
// declared once, with its meaning, unit, valid range and the plausible range used for
// analysis. The loader's range checks, `--set`, `brink parameters` (the docs' tables are
// checked against it) and the sensitivity, sweep and uncertain-forecast commands all read it.
//
// A default is the Rules or Actor member's initializer (read through the member pointer), so
// it too is declared once. A scenario may give a plausible range and its source beside any of
// these values, as an inline table (docs/scenario-format.md, "Uncertain values"):
//   war_spark = { value = 0.3, low = 0.1, high = 0.5, source = "assumption" }
#ifndef BRINK_PARAMETERS_H_
#define BRINK_PARAMETERS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "brink/scenario.h"
#include "brink/status.h"

namespace brink {

enum class ParameterTable : uint8_t { kRules, kActor };

struct ParameterSpec {
  std::string_view name;     // the key in [rules] or [[actor]]
  ParameterTable table = ParameterTable::kRules;
  std::string_view unit;     // "0..1" for shares and chances, "x" for a multiplier
  double lo = 0, hi = 0;     // valid range: the loader refuses a value outside it
  // Plausible range for analysis when the scenario gives none: value x (1 - spread) to
  // value x (1 + spread), within the valid range (so a value of 0, a mechanism switched off,
  // stays fixed).
  double spread = 0.5;
  bool integer = false;
  std::string_view meaning;
  double Rules::*rule_number = nullptr;
  int Rules::*rule_integer = nullptr;
  double Actor::*actor_number = nullptr;

  // The default: the member's initializer in Rules or Actor.
  double Default() const;
  // "rules.NAME" or "actor.NAME".
  std::string Key() const;
};

// Every parameter, rules first, in the order the loader reads them.
std::span<const ParameterSpec> Parameters();
const ParameterSpec* FindParameter(ParameterTable table, std::string_view name);

// One parameter of one scenario as an analysis varies it: "rules.war_spark" or
// "actor.us.resolve", its value in the scenario and the range it is varied over.
struct ParameterRef {
  std::string path;
  const ParameterSpec* spec = nullptr;
  int actor = -1;            // for actor parameters
  double value = 0;          // the scenario's (central) value
  double low = 0, high = 0;  // plausible range
  std::string source;        // the scenario's source for the range, or "table: value x (1 +- spread)"

  double Get(const Scenario& s) const;
  // Sets the value (rounded for integers; the caller re-finalizes the scenario).
  void Set(Scenario& s, double v) const;
  // low + u x (high - low), rounded for integers.
  double At(double u) const;
};

// The parameter at a path ("rules.NAME", "actor.ID.NAME"), with its plausible range: the
// scenario's if it gives one, else the table's spread around its value.
Result<ParameterRef> FindParameterRef(const Scenario& s, std::string_view path);
// The parameters matching patterns, each a path where a part may be "*" ("rules.*",
// "actor.*.resolve", "actor.us.*"); empty patterns: every rule parameter and every value the
// scenario gives a range for. Parameters whose range is a single point are left out. In table
// order, then actor order; each once.
Result<std::vector<ParameterRef>> SelectParameters(const Scenario& s,
                                                   const std::vector<std::string>& patterns);
// Sets the values (one per parameter) on a copy of the scenario and finalizes it.
Result<Scenario> WithValues(const Scenario& s, const std::vector<ParameterRef>& params,
                            const std::vector<double>& values);

// The table as Markdown (for `brink parameters`): name, unit, default, valid range, plausible
// spread, meaning.
std::string ParametersMarkdown();

}  // namespace brink

#endif  // BRINK_PARAMETERS_H_
