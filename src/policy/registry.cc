// The policies brink ships, by name (include/brink/policy.h), and --policy choices.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "brink/policy.h"
#include "policy/doctrine.h"
#include "policy/hold.h"

namespace brink {
namespace {

constexpr std::array<std::string_view, 2> kNames = {"doctrine", "hold"};

std::string Quoted(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", name);
  return out;
}

}  // namespace

std::span<const std::string_view> PolicyNames() { return kNames; }

std::shared_ptr<const Policy> MakePolicy(std::string_view name) {
  // Policies keep no state, so one object of each serves every actor and thread.
  static const std::shared_ptr<const Policy> doctrine = DoctrinePolicy();
  static const std::shared_ptr<const Policy> hold = HoldPolicy();
  if (name == "doctrine") return doctrine;
  if (name == "hold") return hold;
  return nullptr;
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
                                       name, Quoted(PolicyNames())));
    }
    scenario.actors[static_cast<std::size_t>(index)].policy = name;
  }
  return Status();
}

}  // namespace brink
