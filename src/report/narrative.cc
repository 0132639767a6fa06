// The narrative of one run: what a person reads. Days with a notable event (a capture, a
// clash, a signal, a rung climbed, the corridor opening or closing) are told one by one;
// stretches with only fighting against the group and routine are told in one line each.
#include <fmt/format.h>

#include <chrono>
#include <map>

#include "brink/report.h"

namespace brink {

std::string DateOf(const Scenario& s, int day) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(s.start_date.c_str(), "%d-%u-%u", &y, &m, &d);
  year_month_day start{year{y}, month{m}, std::chrono::day{d}};
  year_month_day date{sys_days{start} + days{day}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

namespace {

std::string Troops(double n) {
  std::string digits = fmt::format("{:.0f}", n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}


class Teller {
 public:
  Teller(const Scenario& s) : s_(s) {}

  std::string Actor(ActorId a) const { return a == kNone ? "nobody" : s_.actors[a].name; }
  std::string Region(RegionId r) const { return r == kNone ? "?" : s_.regions[r].name; }
  std::string Rung(int r) const { return s_.ladder[static_cast<std::size_t>(r)].name; }

  std::string Line(const Event& e) const {
    switch (e.kind) {
      case EventKind::kCapture:
        return e.target == kNone ? fmt::format("{} falls to {}.", Region(e.region), Actor(e.actor))
                                 : fmt::format("{} falls to {} (from {}).", Region(e.region),
                                               Actor(e.actor), Actor(e.target));
      case EventKind::kIncident:
        return fmt::format("Incident at {} between {} and {}; the first fire came from {} ({} "
                           "lost by {}).",
                           Region(e.region), Actor(e.actor), Actor(e.target), Actor(e.actor),
                           Troops(e.casualties), Actor(e.target));
      case EventKind::kProxyClash:
        return fmt::format("Proxy clash at {}: fire from {} on {} ({} lost).", Region(e.region),
                           Actor(e.actor), Actor(e.target), Troops(e.casualties));
      case EventKind::kStrike:
        return fmt::format("Deliberate strike by {} on {} at {} ({} lost).", Actor(e.actor),
                           Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kAirStrike:
        return fmt::format("Air strike by {} on {} at {} ({} lost).", Actor(e.actor),
                           Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kZoneStrike:
        return fmt::format("Self-defence strike by {} on {} inside its declared zone at {} ({} "
                           "lost).",
                           Actor(e.actor), Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kSignal:
        return fmt::format("Signal from {}: the fire was defensive, no war is sought with {}.",
                           Actor(e.actor), Actor(e.target));
      case EventKind::kRetaliation:
        return fmt::format("Retaliation by {} against {} at {} ({} lost).", Actor(e.actor),
                           Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kHorizontal:
        return fmt::format("Horizontal retaliation by {} against {} ({} lost).", Actor(e.actor),
                           s_.exposures[static_cast<std::size_t>(e.index)].name,
                           Troops(e.casualties));
      case EventKind::kFeudClash:
        return fmt::format("Feud clash between {} and {} at {} ({} lost).", Actor(e.actor),
                           Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kDiversion:
        return fmt::format("Diversion: {} sends {} troops to the feud's front near {}.", Actor(e.actor),
                           Troops(e.casualties), Region(e.region));
      case EventKind::kWithdrawal:
        return fmt::format("Withdrawal: {} pulls its forces out of contact with its rivals.", Actor(e.actor));
      case EventKind::kRestraint:
        return fmt::format("Restraint: {} holds back {} in its feud.", Actor(e.actor), Actor(e.target));
      case EventKind::kDeescalation:
        return fmt::format("De-escalation offer by {}.", Actor(e.actor));
      case EventKind::kLevelChange:
        return fmt::format("The standoff is now at '{}'.", Rung(e.index));
      case EventKind::kWar:
        return fmt::format("FULL-SCALE WAR breaks out between {} and {}.",
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.actor].bloc)].name,
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.target].bloc)].name);
      case EventKind::kCorridorOpened:
        return fmt::format("The corridor '{}' is open.",
                           s_.corridors[static_cast<std::size_t>(e.index)].name);
      case EventKind::kCorridorCut:
        return fmt::format("The corridor '{}' is cut.",
                           s_.corridors[static_cast<std::size_t>(e.index)].name);
      case EventKind::kGroupDefeated:
        return fmt::format("{}: its last region is lost.", Actor(e.actor));
      default:
        return "";
    }
  }

 private:
  const Scenario& s_;
};

}  // namespace

std::string Narrative(const Scenario& s, const EventLog& log, const State& end) {
  Teller tell(s);
  std::string out = fmt::format("{} — {} days from {} (day 0)\n\n", s.name, end.day, s.start_date);
  std::map<RegionId, double> fighting;   // quiet stretch: losses by region
  std::map<ActorId, int> balks;
  std::map<ActorId, int> air_strikes;  // in war: routine, told per stretch
  bool at_war = false;
  int quiet_from = 1;
  int shown_level = 0;
  int quiet_level = -1;  // the rung reached by decay during a quiet stretch
  auto flush_quiet = [&](int until) {
    if (until < quiet_from) return;
    std::string span = quiet_from == until
                           ? fmt::format("Day {} ({})", until, DateOf(s, until))
                           : fmt::format("Days {}–{} ({} to {})", quiet_from, until,
                                         DateOf(s, quiet_from), DateOf(s, until));
    std::string what = at_war ? "the war goes on" : "no clash between the rivals";
    if (!fighting.empty()) {
      what += "; fighting at ";
      int n = 0;
      for (auto [region, lost] : fighting) {
        what += fmt::format("{}{} ({} lost)", n++ ? ", " : "", tell.Region(region), Troops(lost));
      }
    }
    for (auto [actor, count] : air_strikes) {
      what += fmt::format("; {} air strike{} by {}", count, count == 1 ? "" : "s", tell.Actor(actor));
    }
    for (auto [actor, count] : balks) {
      what += fmt::format("; {} balked at orders on {} day{}", tell.Actor(actor), count,
                          count == 1 ? "" : "s");
    }
    if (quiet_level >= 0 && quiet_level != shown_level) {
      what += fmt::format("; tension {} to '{}'", quiet_level < shown_level ? "eased" : "rose",
                          tell.Rung(quiet_level));
      shown_level = quiet_level;
    }
    quiet_level = -1;
    out += fmt::format("{}: {}.\n", span, what);
    fighting.clear();
    balks.clear();
    air_strikes.clear();
  };
  std::size_t i = 0;
  while (i < log.size()) {
    int day = log[i].day;
    std::size_t j = i;
    bool notable = false;
    int last_level = -1;
    for (; j < log.size() && log[j].day == day; ++j) {
      notable = notable || !(log[j].kind == EventKind::kBattle || log[j].kind == EventKind::kProxyBalk ||
                             log[j].kind == EventKind::kLevelChange ||
                             log[j].kind == EventKind::kAirStrike);
    }
    if (!notable) {
      for (std::size_t k = i; k < j; ++k) {
        if (log[k].kind == EventKind::kBattle) fighting[log[k].region] += log[k].casualties;
        if (log[k].kind == EventKind::kProxyBalk) ++balks[log[k].actor];
        if (log[k].kind == EventKind::kAirStrike) ++air_strikes[log[k].actor];
        if (log[k].kind == EventKind::kLevelChange) quiet_level = log[k].index;
      }
      i = j;
      continue;
    }
    flush_quiet(day - 1);
    out += fmt::format("Day {} ({}):\n", day, DateOf(s, day));
    double day_losses = 0;
    std::string places;
    for (std::size_t k = i; k < j; ++k) {
      const Event& e = log[k];
      if (e.kind == EventKind::kBattle) {
        day_losses += e.casualties;
        places += (places.empty() ? "" : ", ") + tell.Region(e.region);
      } else if (e.kind == EventKind::kLevelChange) {
        last_level = e.index;  // told once, at the end of the day
      } else if (e.kind == EventKind::kAirStrike) {
        ++air_strikes[e.actor];  // told with the next quiet stretch
      } else if (e.kind != EventKind::kProxyBalk) {
        if (e.kind == EventKind::kWar) at_war = true;
        out += "  " + tell.Line(e) + "\n";
      }
    }
    if (last_level >= 0 && last_level != shown_level) {
      out += "  " + tell.Line({.kind = EventKind::kLevelChange, .index = static_cast<int16_t>(last_level)}) + "\n";
      shown_level = last_level;
    }
    if (!places.empty()) out += fmt::format("  Fighting at {} ({} lost).\n", places, Troops(day_losses));
    quiet_from = day + 1;
    i = j;
  }
  flush_quiet(end.day);
  return out;
}

}  // namespace brink
