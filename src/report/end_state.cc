// The end state of one run, as text and as JSON.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "brink/engine.h"
#include "brink/report.h"

namespace brink {
bool KeyRegion(const Scenario& s, std::size_t r) {
  return s.regions[r].flags != 0 || s.tables().corridor_relevance[r] != 0;
}

std::string EndStateText(const Scenario& s, const State& end) {
  std::string out = fmt::format("End state after {} days ({}):\n", end.day, DateOf(s, end.day));
  out += fmt::format("  Escalation: highest rung '{}' ({} of {}), now '{}'; escalation score {:.0f}\n",
                     s.ladder[static_cast<std::size_t>(end.max_level)].name, end.max_level,
                     s.war_rung(), s.ladder[static_cast<std::size_t>(end.level)].name,
                     end.tally.escalation_score);
  if (!end.at_war()) {
    out += "  Full-scale war: no\n";
  } else if (end.ceasefire_day >= 0) {
    out += fmt::format("  Full-scale war: YES, from day {} ({}); ceasefire on day {} ({}) after {} days\n",
                       end.war_day, DateOf(s, end.war_day), end.ceasefire_day, DateOf(s, end.ceasefire_day),
                       end.war_length_days());
  } else {
    out += fmt::format("  Full-scale war: YES, from day {} ({}); no ceasefire ({} days to the end)\n",
                       end.war_day, DateOf(s, end.war_day), end.war_length_days());
  }
  out += fmt::format("  Limited direct clashes: {}\n", end.tally.direct_clashes);
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    out += fmt::format("  Corridor '{}': {}\n", s.corridors[c].name,
                       end.corridor_open[c] ? "OPEN" : "CUT");
  }
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    if (!s.actors[a].terrorist) continue;
    // Ground the group holds at the end (it may have taken some back after losing its last).
    std::string held;
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      if (end.holder[r] == static_cast<ActorId>(a)) held += (held.empty() ? "" : ", ") + s.regions[r].name;
    }
    if (end.group_defeated_day < 0) {
      out += fmt::format("  {} still holds ground\n", s.actors[a].name);
    } else if (held.empty()) {
      out += fmt::format("  {} lost its last region on day {} ({})\n", s.actors[a].name, end.group_defeated_day,
                         DateOf(s, end.group_defeated_day));
    } else {
      out += fmt::format("  {} lost its last region on day {} ({}), then took ground again: it holds {} at the end\n",
                         s.actors[a].name, end.group_defeated_day, DateOf(s, end.group_defeated_day), held);
    }
  }
  std::size_t width = 11;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (KeyRegion(s, r)) width = std::max(width, s.regions[r].name.size());
  }
  out += fmt::format("\n  {:<{}} holder (bloc)\n", "Key regions", width);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (!KeyRegion(s, r)) continue;
    ActorId h = end.holder[r];
    std::string holder = h == kNone ? "nobody"
                                    : fmt::format("{} ({})", s.actors[h].name,
                                                  s.blocs[static_cast<std::size_t>(s.actors[h].bloc)].name);
    std::string changed = h != s.regions[r].holder ? "  *changed hands" : "";
    out += fmt::format("  {:<{}} {}{}\n", s.regions[r].name, width, holder, changed);
  }
  out += fmt::format("\n  Casualties by actor (killed: the actor's killed_share, else {:.0f}% (rules.killed_share); the rest wounded)\n",
                     100 * s.rules.killed_share);
  out += fmt::format("  {:<40} {:>8} {:>8} {:>8}  by whom (casualties)\n", "", "all", "killed", "wounded");
  const std::size_t actors = s.actors.size();
  for (std::size_t a = 0; a < actors; ++a) {
    const double all = end.actors[a].casualties;
    std::string by;
    for (std::size_t b = 0; b < s.blocs.size(); ++b) {
      double sum = 0;
      for (std::size_t x = 0; x < actors; ++x) {
        if (static_cast<std::size_t>(s.actors[x].bloc) == b) sum += end.inflicted[a * actors + x];
      }
      if (sum >= 0.5) by += fmt::format("{}{} {:.0f}", by.empty() ? "" : ", ", s.blocs[b].id, sum);
    }
    out += fmt::format("  {:<40} {:>8.0f} {:>8.0f} {:>8.0f}  {}\n", s.actors[a].name, all,
                       all * s.KilledShare(static_cast<ActorId>(a)), all * (1 - s.KilledShare(static_cast<ActorId>(a))), by);
  }
  for (std::size_t a = 0; a < actors; ++a) {
    if (end.underground[a] >= 1) {
      out += fmt::format("  {} fighters of {} went underground alive; {} insurgent attacks\n",
                         static_cast<int64_t>(end.underground[a]), s.actors[a].name, end.tally.insurgent_attacks);
    }
  }
  out += "\n  Clashes by kind\n";
  for (EventKind kind : kClashKinds) {
    out += fmt::format("  {:<26} {:>5}\n", EventKindName(kind), end.tally.count(kind));
  }
  out += fmt::format("  {:<26} {:>5}\n", "defensive_signal", end.tally.count(EventKind::kSignal));
  return out;
}

nlohmann::json EndStateJson(const Scenario& s, const State& end) {
  nlohmann::json j;
  j["type"] = "end_state";
  j["day"] = end.day;
  j["date"] = DateOf(s, end.day);
  j["max_level"] = end.max_level;
  j["max_level_name"] = s.ladder[static_cast<std::size_t>(end.max_level)].name;
  j["level"] = end.level;
  j["war"] = end.at_war();
  j["war_day"] = end.at_war() ? nlohmann::json(end.war_day) : nlohmann::json(nullptr);
  j["ceasefire_day"] = end.ceasefire_day >= 0 ? nlohmann::json(end.ceasefire_day) : nlohmann::json(nullptr);
  j["war_length_days"] = end.at_war() ? nlohmann::json(end.war_length_days()) : nlohmann::json(nullptr);
  j["direct_clashes"] = end.tally.direct_clashes;
  j["escalation_score"] = end.tally.escalation_score;
  j["group_defeated_day"] =
      end.group_defeated_day >= 0 ? nlohmann::json(end.group_defeated_day) : nlohmann::json(nullptr);
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    j["corridors"][s.corridors[c].id] = static_cast<bool>(end.corridor_open[c]);
  }
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    ActorId h = end.holder[r];
    j["holders"][s.regions[r].id] = h == kNone ? nlohmann::json(nullptr) : nlohmann::json(s.actors[h].id);
  }
  const std::size_t actors = s.actors.size();
  j["killed_share"] = s.rules.killed_share;
  for (std::size_t a = 0; a < actors; ++a) {
    j["casualties"][s.actors[a].id] = end.actors[a].casualties;
    j["killed"][s.actors[a].id] = end.actors[a].casualties * s.KilledShare(static_cast<ActorId>(a));
    j["wounded"][s.actors[a].id] = end.actors[a].casualties * (1 - s.KilledShare(static_cast<ActorId>(a)));
    j["deliberate_strikes"][s.actors[a].id] = end.actors[a].deliberate_strikes;
    j["underground"][s.actors[a].id] = end.underground[a];
  }
  j["insurgent_attacks"] = end.tally.insurgent_attacks;
  // Who inflicted them: every (victim, by) pair with losses, and the same by bloc pair.
  j["casualties_by_cause"] = nlohmann::json::array();
  std::vector<double> blocs(s.blocs.size() * s.blocs.size(), 0.0);
  std::vector<double> killed_blocs(blocs.size(), 0.0);
  for (std::size_t v = 0; v < actors; ++v) {
    for (std::size_t b = 0; b < actors; ++b) {
      const double lost = end.inflicted[v * actors + b];
      if (lost <= 0) continue;
      j["casualties_by_cause"].push_back({{"victim", s.actors[v].id}, {"by", s.actors[b].id}, {"casualties", lost},
                                          {"killed", lost * s.KilledShare(static_cast<ActorId>(v))}});
      killed_blocs[static_cast<std::size_t>(s.actors[v].bloc) * s.blocs.size() + static_cast<std::size_t>(s.actors[b].bloc)] +=
          lost * s.KilledShare(static_cast<ActorId>(v));
      blocs[static_cast<std::size_t>(s.actors[v].bloc) * s.blocs.size() + static_cast<std::size_t>(s.actors[b].bloc)] += lost;
    }
  }
  j["casualties_by_bloc"] = nlohmann::json::array();
  for (std::size_t v = 0; v < s.blocs.size(); ++v) {
    for (std::size_t b = 0; b < s.blocs.size(); ++b) {
      const double lost = blocs[v * s.blocs.size() + b];
      if (lost <= 0) continue;
      j["casualties_by_bloc"].push_back({{"victim", s.blocs[v].id}, {"by", s.blocs[b].id}, {"casualties", lost},
                                         {"killed", killed_blocs[v * s.blocs.size() + b]}});
    }
  }
  for (int k = 0; k < static_cast<int>(EventKind::kCount); ++k) {
    j["events"][std::string(EventKindName(static_cast<EventKind>(k)))] = end.tally.events[k];
  }
  for (std::size_t e = 0; e < s.exposures.size(); ++e) {
    j["exposure_troops"][s.exposures[e].id] = end.exposure_troops[e];
  }
  return j;
}

namespace {

// Names come from the scenario and its path, which need not be valid UTF-8 (a Linux file name
// is any bytes): invalid bytes become U+FFFD rather than an exception after the whole run.
std::string Line(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string RunJsonHeader(const Scenario& s, int days, uint64_t seed, const ScenarioOptions& options) {
  nlohmann::json j = {{"type", "run"},         {"brink_version", BRINK_VERSION},
                      {"scenario", s.name},    {"scenario_source", s.source_name},
                      {"scenario_hash", s.content_hash}, {"seed", seed},
                      {"days", days},          {"start_date", s.start_date},
                      {"set", options.overrides}, {"policy", options.policies}};
  if (options.search_budget > 0) j["search_budget"] = options.search_budget;
  if (options.search_horizon_days > 0) j["search_horizon_days"] = options.search_horizon_days;
  if (options.search_course_days >= 0) j["search_course_days"] = options.search_course_days;
  return Line(j);
}

std::string EventJsonLine(const Scenario& s, const Event& e) {
  nlohmann::json j = {{"type", "event"}, {"day", e.day}, {"date", DateOf(s, e.day)},
                      {"kind", EventKindName(e.kind)}, {"level", e.level}};
  if (e.actor != kNone) j["actor"] = s.actors[e.actor].id;
  if (e.target != kNone) j["target"] = s.actors[e.target].id;
  if (e.region != kNone) j["region"] = s.regions[e.region].id;
  if (e.casualties > 0) j["casualties"] = e.casualties;
  if (e.kind == EventKind::kHorizontal) j["exposure"] = s.exposures[static_cast<std::size_t>(e.index)].id;
  if (e.kind == EventKind::kCorridorOpened || e.kind == EventKind::kCorridorCut) {
    j["corridor"] = s.corridors[static_cast<std::size_t>(e.index)].id;
  }
  if (e.kind == EventKind::kLevelChange) j["rung"] = s.ladder[static_cast<std::size_t>(e.index)].name;
  if ((e.kind == EventKind::kStrike || e.kind == EventKind::kZoneStrike || e.kind == EventKind::kInterception) &&
      e.index > 0 && e.index < static_cast<int>(Cause::kCount)) {
    j["cause"] = CauseName(static_cast<Cause>(e.index));
  }
  if (e.kind == EventKind::kChannelSuspended) j["days"] = e.index;
  return Line(j);
}

std::string EndStateJsonLine(const Scenario& s, const State& end) { return Line(EndStateJson(s, end)); }

std::string RunJsonLines(const Scenario& s, const EventLog& log, const State& end, uint64_t seed) {
  std::string out = RunJsonHeader(s, end.day, seed);
  for (const Event& e : log) out += EventJsonLine(s, e);
  return out + EndStateJsonLine(s, end);
}

}  // namespace brink
