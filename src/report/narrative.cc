// The narrative of one run: what a person reads. Days with a notable event (a capture, a
// clash, a signal, a rung climbed, the corridor opening or closing) are told one by one;
// stretches with only fighting against the group and routine are told in one line each.
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <utility>

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

// Whether a count of troops reads as one ("1 troop", not "1 troops").
bool One(double n) { return Troops(n) == "1"; }
// The count with its noun: "1 troop", "1,200 troops".
std::string TroopsOf(double n) { return Troops(n) + (One(n) ? " troop" : " troops"); }


class Teller {
 public:
  Teller(const Scenario& s) : s_(s) {}

  std::string Actor(ActorId a) const { return a == kNone ? "nobody" : s_.actors[a].name; }
  std::string Region(RegionId r) const { return r == kNone ? "?" : s_.regions[r].name; }
  std::string Rung(int r) const { return s_.ladder[static_cast<std::size_t>(r)].name; }
  // Why a deliberate strike was made, in words (an empty string when none was recorded).
  static std::string_view Because(const Event& e) {
    switch (static_cast<Cause>(e.index)) {
      case Cause::kZone: return " because the target was inside its declared zone";
      case Cause::kIntrusion: return " because the target stood on its side's ground";
      case Cause::kFireReceived: return " because the target's side had fired on it";
      case Cause::kPartnerAttacked: return " because the target's side had fired on a partner";
      case Cause::kObjective: return " because the target stood on ground it was advancing to take";
      default: return "";
    }
  }

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
        return fmt::format("Deliberate strike by {} on {} at {}{} ({} lost).", Actor(e.actor),
                           Actor(e.target), Region(e.region), Because(e), Troops(e.casualties));
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
        return fmt::format("Diversion: {} sends {} to the feud's front near {}.", Actor(e.actor),
                           TroopsOf(e.casualties), Region(e.region));
      case EventKind::kWithdrawal:
        return fmt::format("Withdrawal: {} pulls its forces out of contact with its rivals.", Actor(e.actor));
      case EventKind::kRestraint:
        return fmt::format("Restraint: {} holds back {}.", Actor(e.actor), Actor(e.target));
      case EventKind::kDeescalation:
        return fmt::format("De-escalation offer by {}.", Actor(e.actor));
      case EventKind::kLevelChange:
        return fmt::format("The standoff is now at '{}'.", Rung(e.index));
      case EventKind::kWar:
        return fmt::format("FULL-SCALE WAR breaks out between {} and {}.",
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.actor].bloc)].name,
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.target].bloc)].name);
      case EventKind::kInterception:
        return fmt::format("Interception: {} engages {} at {}, which had fired on an actor it protects ({} lost).",
                           Actor(e.actor), Actor(e.target), Region(e.region), Troops(e.casualties));
      case EventKind::kChannelSuspended:
        return fmt::format("{} suspends the deconfliction channel for {} days after the interception.",
                           Actor(e.actor), e.index);
      case EventKind::kCeasefire:
        return fmt::format("CEASEFIRE between {} and {} after {} days of war; they are back in a standoff.",
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.actor].bloc)].name,
                           s_.blocs[static_cast<std::size_t>(s_.actors[e.target].bloc)].name, e.index);
      case EventKind::kCorridorOpened:
        return fmt::format("The corridor '{}' is open.",
                           s_.corridors[static_cast<std::size_t>(e.index)].name);
      case EventKind::kCorridorCut:
        return fmt::format("The corridor '{}' is cut.",
                           s_.corridors[static_cast<std::size_t>(e.index)].name);
      case EventKind::kGroupDefeated:
        return fmt::format("{}: its last region is lost.", Actor(e.actor));
      case EventKind::kArrival:
        return fmt::format("{} of {} {} at {}.", TroopsOf(e.casualties), Actor(e.actor), One(e.casualties) ? "arrives" : "arrive",
                           Region(e.region));
      case EventKind::kRelationChange: {
        const Change& c = s_.timeline[static_cast<std::size_t>(e.index)];
        static constexpr const char* kNames[] = {"neutrality", "alliance", "patronage", "hostility", "rivalry", "feud"};
        return fmt::format("{} and {} are now in {}{}{}.", c.a_name, c.b_name,
                           kNames[static_cast<int>(c.relation)], c.note.empty() ? "" : ": ", c.note);
      }
      case EventKind::kExposureChange: {
        const Change& c = s_.timeline[static_cast<std::size_t>(e.index)];
        return fmt::format("{} now has {} in {}{}{}.", Actor(e.actor), TroopsOf(e.casualties),
                           s_.exposures[static_cast<std::size_t>(c.exposure)].name, c.note.empty() ? "" : ": ", c.note);
      }
      case EventKind::kLineAgreed:
        return fmt::format("Deconfliction line agreed: {}.", s_.lines[static_cast<std::size_t>(e.index)].name);
      case EventKind::kCrossing:
        return e.index < 0 ? fmt::format("{} enters {}, inside the declared zone of {}.", Actor(e.actor), Region(e.region), Actor(e.target))
                           : fmt::format("{} crosses the line '{}' into {}.", Actor(e.actor),
                                         s_.lines[static_cast<std::size_t>(e.index)].name, Region(e.region));
      case EventKind::kDispersal:
        return fmt::format("{} of {} {} away from {} and {} underground.", TroopsOf(e.casualties), Actor(e.actor),
                           One(e.casualties) ? "melts" : "melt", Region(e.region), One(e.casualties) ? "goes" : "go");
      case EventKind::kInsurgentAttack:
        return fmt::format("Insurgent attack by {} on {} at {} ({} lost).", Actor(e.actor), Actor(e.target),
                           Region(e.region), Troops(e.casualties));
      case EventKind::kDeparture: {
        if (e.index < 0) return fmt::format("{} hands {} over under the line's terms.", Actor(e.actor), Region(e.region));
        const Change& c = s_.timeline[static_cast<std::size_t>(e.index)];
        return fmt::format("{} leaves {} ({}){}{}.", Actor(e.actor), Region(e.region), TroopsOf(e.casualties),
                           c.note.empty() ? "" : ": ", c.note);
      }
      default:
        return "";
    }
  }

 private:
  const Scenario& s_;
};

}  // namespace

NarrativeWriter::NarrativeWriter(const Scenario& s, int days, Sink sink)
    : s_(s), sink_(std::move(sink)) {
  out_ = fmt::format("{} — {} days from {} (day 0)\n\n", s.name, days, s.start_date);
}

NarrativeWriter::~NarrativeWriter() = default;

void NarrativeWriter::Drain(bool always) {
  // A day can hold a million events: the text goes out in pieces of about 1 MB.
  if (out_.empty() || (!always && out_.size() < (1u << 20))) return;
  sink_(out_);
  out_.clear();
}

void NarrativeWriter::FlushQuiet(int until) {
  if (until < quiet_from_) return;
  Teller tell(s_);
  std::string span = quiet_from_ == until
                         ? fmt::format("Day {} ({})", until, DateOf(s_, until))
                         : fmt::format("Days {}–{} ({} to {})", quiet_from_, until,
                                       DateOf(s_, quiet_from_), DateOf(s_, until));
  std::string what = at_war_ ? "the war goes on" : "no clash between the rivals";
  if (!fighting_.empty()) {
    what += "; fighting at ";
    int n = 0;
    for (auto [region, lost] : fighting_) {
      what += fmt::format("{}{} ({} lost)", n++ ? ", " : "", tell.Region(region), Troops(lost));
    }
  }
  for (auto [actor, count] : air_strikes_) {
    what += fmt::format("; {} air strike{} by {}", count, count == 1 ? "" : "s", tell.Actor(actor));
  }
  for (auto [actor, count] : balks_) {
    what += fmt::format("; {} balked at orders on {} day{}", tell.Actor(actor), count,
                        count == 1 ? "" : "s");
  }
  if (quiet_level_ >= 0 && quiet_level_ != shown_level_) {
    what += fmt::format("; tension {} to '{}'", quiet_level_ < shown_level_ ? "eased" : "rose",
                        tell.Rung(quiet_level_));
    shown_level_ = quiet_level_;
  }
  quiet_level_ = -1;
  out_ += fmt::format("{}: {}.\n", span, what);
  fighting_.clear();
  balks_.clear();
  air_strikes_.clear();
}

void NarrativeWriter::Day(const Event* begin, const Event* end) {
  if (begin == end) return;
  Teller tell(s_);
  const int day = begin->day;
  bool notable = false;
  for (const Event* e = begin; e != end; ++e) {
    notable = notable || !(e->kind == EventKind::kBattle || e->kind == EventKind::kProxyBalk ||
                           e->kind == EventKind::kLevelChange || e->kind == EventKind::kAirStrike);
  }
  if (!notable) {
    for (const Event* e = begin; e != end; ++e) {
      if (e->kind == EventKind::kBattle) fighting_[e->region] += e->casualties;
      if (e->kind == EventKind::kProxyBalk) ++balks_[e->actor];
      if (e->kind == EventKind::kAirStrike) ++air_strikes_[e->actor];
      if (e->kind == EventKind::kLevelChange) quiet_level_ = e->index;
    }
    return;
  }
  FlushQuiet(day - 1);
  out_ += fmt::format("Day {} ({}):\n", day, DateOf(s_, day));
  double day_losses = 0;
  int last_level = -1;
  std::string places;
  for (const Event* e = begin; e != end; ++e) {
    if (e->kind == EventKind::kBattle) {
      day_losses += e->casualties;
      places += (places.empty() ? "" : ", ") + tell.Region(e->region);
    } else if (e->kind == EventKind::kLevelChange) {
      last_level = e->index;  // told once, at the end of the day
    } else if (e->kind == EventKind::kAirStrike) {
      ++air_strikes_[e->actor];  // told with the next quiet stretch
    } else if (e->kind != EventKind::kProxyBalk) {
      if (e->kind == EventKind::kWar) at_war_ = true;
      if (e->kind == EventKind::kCeasefire) {
        // The war's last air strikes are told before it ends, not with the quiet that follows.
        for (auto [actor, count] : air_strikes_) {
          out_ += fmt::format("  {} air strike{} by {}.\n", count, count == 1 ? "" : "s", tell.Actor(actor));
        }
        air_strikes_.clear();
        at_war_ = false;
      }
      out_ += "  " + tell.Line(*e) + "\n";
      Drain(false);
    }
  }
  if (last_level >= 0 && last_level != shown_level_) {
    out_ += "  " + tell.Line({.kind = EventKind::kLevelChange, .index = static_cast<int16_t>(last_level)}) + "\n";
    shown_level_ = last_level;
  }
  if (!places.empty()) out_ += fmt::format("  Fighting at {} ({} lost).\n", places, Troops(day_losses));
  quiet_from_ = day + 1;
  Drain(false);
}

void NarrativeWriter::Finish(int last_day) {
  FlushQuiet(last_day);
  Drain(true);
}

std::string Narrative(const Scenario& s, const EventLog& log, const State& end) {
  std::string text;
  NarrativeWriter writer(s, end.day, [&](std::string_view piece) { text += piece; });
  std::size_t i = 0;
  while (i < log.size()) {
    std::size_t j = i;
    while (j < log.size() && log[j].day == log[i].day) ++j;
    writer.Day(log.data() + i, log.data() + j);
    i = j;
  }
  writer.Finish(end.day);
  return text;
}

}  // namespace brink
