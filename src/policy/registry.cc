// The policies brink ships, by name (include/brink/policy.h), and --policy choices.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <utility>

#include "brink/policy.h"
#include "policy/doctrine.h"
#include "policy/hold.h"
#include "policy/search.h"

namespace brink {
namespace {

constexpr std::array<std::string_view, 3> kNames = {"doctrine", "hold", "search"};

std::string Quoted(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", name);
  return out;
}

// Policies registered from outside (RegisterPolicy), in the order first registered. Looked up
// when a scenario is loaded and an engine made, never per day, so one lock is cheap enough.
struct Registered {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::shared_ptr<const Policy>>> policies;
};
Registered& Registry() {
  static Registered* registry = new Registered;  // never destroyed: engines may outlive main
  return *registry;
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

}  // namespace

std::span<const std::string_view> PolicyNames() { return kNames; }

std::shared_ptr<const Policy> MakePolicy(std::string_view name) {
  // Policies keep no state, so one object of each serves every actor and thread.
  static const std::shared_ptr<const Policy> doctrine = DoctrinePolicy();
  static const std::shared_ptr<const Policy> hold = HoldPolicy();
  static const std::shared_ptr<const Policy> search = SearchPolicy();
  if (name == "doctrine") return doctrine;
  if (name == "hold") return hold;
  if (name == "search") return search;
  Registered& registry = Registry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  for (const auto& [registered, policy] : registry.policies) {
    if (registered == name) return policy;
  }
  return nullptr;
}

Status RegisterPolicy(std::shared_ptr<const Policy> policy) {
  if (policy == nullptr) return Status::Error("a policy to register is missing");
  const std::string name(policy->name());
  if (!ValidName(name)) {
    return Status::Error(
        fmt::format("policy name '{}': expected 1 to 64 letters, digits, '_', '-' or '.'", name));
  }
  if (std::find(kNames.begin(), kNames.end(), name) != kNames.end()) {
    return Status::Error(fmt::format("policy name '{}' is one brink ships; choose another", name));
  }
  Registered& registry = Registry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  for (auto& [registered, held] : registry.policies) {
    if (registered == name) {
      held = std::move(policy);
      return Status();
    }
  }
  registry.policies.emplace_back(name, std::move(policy));
  return Status();
}

bool UnregisterPolicy(std::string_view name) {
  Registered& registry = Registry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = std::find_if(registry.policies.begin(), registry.policies.end(),
                         [&](const auto& entry) { return entry.first == name; });
  if (it == registry.policies.end()) return false;
  registry.policies.erase(it);
  return true;
}

std::vector<std::string> RegisteredPolicyNames() {
  Registered& registry = Registry();
  const std::lock_guard<std::mutex> lock(registry.mutex);
  std::vector<std::string> names;
  names.reserve(registry.policies.size());
  for (const auto& entry : registry.policies) names.push_back(entry.first);
  return names;
}

namespace {

// Every policy name known now: the shipped ones, then the registered ones.
std::string KnownNames() {
  std::vector<std::string_view> known(PolicyNames().begin(), PolicyNames().end());
  const std::vector<std::string> registered = RegisteredPolicyNames();
  known.insert(known.end(), registered.begin(), registered.end());
  return Quoted(known);
}

}  // namespace

Status CheckPolicies(const Scenario& scenario) {
  for (const Actor& a : scenario.actors) {
    if (MakePolicy(a.policy) != nullptr) continue;
    const std::string where =
        a.policy_given_at.empty() ? fmt::format("actor '{}'", a.id) : a.policy_given_at;
    return Status::Error(fmt::format("{}: 'policy' = \"{}\" is unknown; expected one of {}", where,
                                     a.policy, KnownNames()));
  }
  return Status();
}

Status ApplyPolicyChoices(Scenario& scenario, const std::vector<std::string>& choices) {
  std::vector<std::string> chosen;  // actors already given a policy
  for (const std::string& choice : choices) {
    const std::size_t eq = choice.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == choice.size()) {
      return Status::Error(
          fmt::format("--policy '{}': expected ACTOR=NAME, e.g. us=hold", choice));
    }
    const std::string actor = choice.substr(0, eq), name = choice.substr(eq + 1);
    const int index = scenario.ActorIndex(actor);
    if (index < 0) {
      return Status::Error(fmt::format("--policy '{}': the scenario has no actor '{}'", choice, actor));
    }
    // Two choices for one actor are a mistake, not "the last wins".
    if (std::find(chosen.begin(), chosen.end(), actor) != chosen.end()) {
      return Status::Error(fmt::format("--policy '{}': actor '{}' was given a policy already", choice, actor));
    }
    chosen.push_back(actor);
    if (MakePolicy(name) == nullptr) {
      return Status::Error(fmt::format("--policy '{}': no policy '{}'; expected one of {}", choice,
                                       name, KnownNames()));
    }
    Actor& a = scenario.actors[static_cast<std::size_t>(index)];
    a.policy = name;
    a.policy_given_at = fmt::format("--policy {}", choice);
  }
  return CheckPolicies(scenario);
}

}  // namespace brink
