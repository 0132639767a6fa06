// A searched decision told in plain words and as a JSON line (brink run --explain; the search
// policy, src/policy/search.cc, records them).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "brink/report.h"

namespace brink {
namespace {

// The alternative as a person says it: "strike the Syrian Army's force at al-Tanf".
std::string Phrase(const Scenario& s, const Deliberation::Alternative& a) {
  switch (a.action.kind) {
    case Action::kHold:
      return "hold";
    case Action::kAdvance:
      return "advance on its objectives";
    case Action::kStrike:
      if (a.target_actor != kNone && a.target_region != kNone) {
        return fmt::format("strike the {} force at {}", s.actors[a.target_actor].name,
                           s.regions[a.target_region].name);
      }
      return "strike";
    case Action::kWithdraw:
      return "withdraw from contact";
    case Action::kRestrain:
      if (a.action.target >= 0 && static_cast<std::size_t>(a.action.target) < s.relations.size()) {
        const Relation& r = s.relations[static_cast<std::size_t>(a.action.target)];
        if (r.kind == RelationKind::kFeud) {
          return fmt::format("restrain the feud between {} and {}", s.actors[r.a].name,
                             s.actors[r.b].name);
        }
        return fmt::format("restrain {}", s.actors[r.b].name);
      }
      return "restrain its partners";
    case Action::kDeescalate:
      return "offer to de-escalate";
    case Action::kCross:
      return "cross into closed ground";
    case Action::kCount:
      break;
  }
  return std::string(ActionName(a.action.kind));
}

std::string Line(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string DeliberationText(const Scenario& s, const Deliberation& d) {
  std::string out = fmt::format(
      "Day {} ({}): {} weighs its options ({}, {} simulations of {} days{}; value: the change in its "
      "utility by then)\n",
      d.day, DateOf(s, d.day), s.actors[d.actor].name, d.policy, d.simulations, d.horizon_days,
      d.course_days > 0 ? fmt::format(", each kept up as a course for {} days", d.course_days) : "");
  for (const Deliberation::Alternative& a : d.alternatives) {
    const bool chosen = a.action.kind == d.chosen, doctrine = a.action.kind == d.baseline;
    out += fmt::format("  {}: {:.2f} ± {:.2f} ({} visit{}){}{}\n", Phrase(s, a), a.value,
                       a.uncertainty, a.visits, a.visits == 1 ? "" : "s",
                       chosen ? "  <- chosen" : "",
                       doctrine ? (chosen ? ", as the doctrine chose" : "  (the doctrine's choice)") : "");
  }
  return out;
}

std::string DeliberationJsonLine(const Scenario& s, const Deliberation& d) {
  nlohmann::json alternatives = nlohmann::json::array();
  for (const Deliberation::Alternative& a : d.alternatives) {
    nlohmann::json j = {{"action", ActionName(a.action.kind)},
                        {"words", Phrase(s, a)},
                        {"value", a.value},
                        {"uncertainty", a.uncertainty},
                        {"visits", a.visits}};
    if (a.target_actor != kNone) j["target"] = s.actors[a.target_actor].id;
    if (a.target_region != kNone) j["region"] = s.regions[a.target_region].id;
    alternatives.push_back(std::move(j));
  }
  nlohmann::json j = {{"type", "deliberation"},
               {"day", d.day},
               {"date", DateOf(s, d.day)},
               {"actor", s.actors[d.actor].id},
               {"policy", d.policy},
               {"simulations", d.simulations},
               {"horizon_days", d.horizon_days},
               {"chosen", ActionName(d.chosen)},
               {"doctrine", ActionName(d.baseline)},
               {"alternatives", std::move(alternatives)}};
  if (d.course_days > 0) j["course_days"] = d.course_days;
  return Line(j);
}

}  // namespace brink
