#include "cli/common.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "brink/policy.h"

namespace brink::cli {

const CLI::Validator& DecimalNumber() {
  // CLI11 alone reads "0x10" as 16 and wraps "-1", 2^64 and 1e23 into the same uint64 seed;
  // only plain decimal digits that fit in 64 bits are taken (ranges are checked after).
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        uint64_t value = 0;
        const char* end = text.data() + text.size();
        auto [last, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || last != end || error == std::errc::invalid_argument) {
          return fmt::format("'{}' is not a whole number in decimal digits", text);
        }
        if (error == std::errc::result_out_of_range) {
          return fmt::format("{} is out of range (at most {})", text, UINT64_MAX);
        }
        return "";
      },
      "UINT");
  return validator;
}

void AddScenarioOptions(CLI::App& app, ScenarioOptions& options) {
  app.add_option("--scenario", options.scenario_path,
                 "Scenario file (TOML, see docs/scenario-format.md); default: the embedded "
                 "eastern-Syria-2017 scenario")
      ->check(NonEmptyPath());
  app.add_option("--set", options.overrides,
                 "Override a scenario parameter, PATH=VALUE, e.g. "
                 "exposure.us_iraq.troops=2000 or rules.signalling=false (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--policy", options.policies,
                 "Decide for an actor by another policy, ACTOR=NAME, e.g. us=hold (repeatable); "
                 "policies: doctrine (the default), hold (always holds: a baseline)")
      ->allow_extra_args(false);
}

const CLI::Validator& NonEmptyPath() {
  // An empty path is a mistake (an unset shell variable), not a request for the default.
  static const CLI::Validator validator(
      [](std::string& text) -> std::string { return text.empty() ? "the path is empty" : ""; },
      "PATH");
  return validator;
}

Result<Scenario> LoadFor(const ScenarioOptions& options) {
  Result<Scenario> loaded = options.scenario_path.empty()
                                ? LoadDefaultScenario(options.overrides)
                                : LoadScenarioFile(options.scenario_path, options.overrides);
  if (!loaded.ok()) return loaded;
  if (Status chosen = ApplyPolicyChoices(loaded.value(), options.policies); !chosen.ok()) return chosen;
  return loaded;
}

}  // namespace brink::cli
