#include "cli/common.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "brink/policy.h"
#include "cli/cluster.h"

namespace brink::cli {
namespace {

Cluster* job_cluster = nullptr;

}  // namespace

Cluster* JobCluster() { return job_cluster; }
void SetJobCluster(Cluster* cluster) { job_cluster = cluster; }

Cluster* SplitAcrossJob(bool& progress, std::initializer_list<std::string*> outputs) {
  if (job_cluster != nullptr && !job_cluster->root()) {
    for (std::string* path : outputs) path->clear();
    progress = false;
  }
  return job_cluster;
}

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

void AddThreadsOption(CLI::App& app, int& threads, const std::string& help) {
  app.add_option("--threads,-j", threads, help)
      ->check(DecimalNumber())
      ->check(CLI::Range(0, CommandLimits::kMaxThreads));
}

void AddScenarioOptions(CLI::App& app, ScenarioOptions& options) {
  app.add_option("--scenario", options.scenario_path,
                 "Scenario: a file (TOML, see docs/scenario-format.md) or the name of an embedded one (" +
                     EmbeddedScenarioNames() + "; a file of such a name needs ./); default: " +
                     std::string(EmbeddedScenarios().front().name))
      ->check(NonEmptyPath());
  app.add_option("--set", options.overrides,
                 "Override a scenario parameter, PATH=VALUE, e.g. "
                 "exposure.us_iraq.troops=2000 or rules.signalling=false (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--policy", options.policies,
                 "Decide for an actor by another policy, ACTOR=NAME, e.g. us=hold (repeatable); "
                 "policies: doctrine (the default), hold (always holds: a baseline), search (plans "
                 "by tree search over the engine at its decision points)")
      ->allow_extra_args(false);
  app.add_option("--search-budget", options.search_budget,
                 "Simulations per searched decision for every actor on the search policy "
                 "(default: its search_budget, 200)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, 100000));
  app.add_option("--search-horizon", options.search_horizon_days,
                 "Days each of those simulations looks ahead (default: its search_horizon_days, 10)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, 365));
  app.add_option("--search-course", options.search_course_days,
                 "Days each first action of those searches is held as a course of action, at the "
                 "actor's decision points (0: a tree over each decision day; default: its "
                 "search_course_days, 0; docs/model.md, Search)")
      ->check(DecimalNumber())
      ->check(CLI::Range(0, 365));
}

const CLI::Validator& NonEmptyPath() {
  // An empty path is a mistake (an unset shell variable), not a request for the default.
  static const CLI::Validator validator(
      [](std::string& text) -> std::string { return text.empty() ? "the path is empty" : ""; },
      "PATH");
  return validator;
}

std::string ScenarioFilePath(const std::string& scenario) {
  return FindEmbeddedScenario(scenario) ? std::string() : scenario;
}

Result<Scenario> LoadFor(const ScenarioOptions& options) {
  Result<Scenario> loaded = options.scenario_path.empty() ? LoadDefaultScenario(options.overrides)
                            : FindEmbeddedScenario(options.scenario_path)
                                ? LoadEmbeddedScenario(options.scenario_path, options.overrides)
                                : LoadScenarioFile(options.scenario_path, options.overrides);
  if (!loaded.ok()) return loaded;
  if (Status chosen = ApplyPolicyChoices(loaded.value(), options.policies); !chosen.ok()) return chosen;
  for (Actor& actor : loaded.value().actors) {
    if (actor.policy != "search") continue;
    if (options.search_budget > 0) actor.search_budget = options.search_budget;
    if (options.search_horizon_days > 0) actor.search_horizon_days = options.search_horizon_days;
    if (options.search_course_days >= 0) actor.search_course_days = options.search_course_days;
  }
  return loaded;
}

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "standard input" : path;
  std::unique_ptr<FILE, int (*)(FILE*)> file(from_stdin ? stdin : std::fopen(path.c_str(), "rb"),
                                             from_stdin ? [](FILE*) { return 0; } : &std::fclose);
  if (!file) return Status::Error(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    text.append(buffer, n);
    if (text.size() > max_bytes) {
      return Status::Error(fmt::format("{}: larger than {} bytes, the most accepted", name, max_bytes));
    }
  }
  if (std::ferror(file.get())) {
    // A directory opens but does not read.
    return Status::Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  }
  return text;
}

Status CheckDistinctPaths(const std::vector<NamedPath>& paths) {
  // What identifies each path's file; empty for what is not a file.
  std::vector<std::string> keys;
  for (const NamedPath& p : paths) {
    std::string key;
    struct stat st;
    const bool named = !p.path.empty() && p.path != "-";
    if (named && ::stat(p.path.c_str(), &st) == 0) {
      if (!S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) {
        key = fmt::format("inode {}:{}", st.st_dev, st.st_ino);
      }
    } else if (named) {  // not there yet: its name, made absolute
      std::error_code ec;
      std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(p.path, ec), ec);
      if (!ec) key = absolute.lexically_normal().string();
    }
    keys.push_back(std::move(key));
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (std::size_t j = i + 1; j < paths.size(); ++j) {
      if (keys[i].empty() || keys[i] != keys[j] || !(paths[i].output || paths[j].output)) continue;
      const NamedPath& in = paths[i].output ? paths[j] : paths[i];
      const NamedPath& out = paths[i].output ? paths[i] : paths[j];
      return Status::Error(fmt::format("{} {}: is the same file as {} {}; {} would replace {}", out.flag,
                                       out.path, in.flag, in.path, out.flag,
                                       in.output ? "the other output" : "the input"));
    }
  }
  return {};
}

}  // namespace brink::cli
