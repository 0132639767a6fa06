// A day's decision point (include/brink/game.h): what each actor knows at dawn and may do.
// Legal actions (docs/model.md, Decisions):
//   hold        always
//   advance     it has troops in the theatre
//   strike      a rival force is in reach (its strongest, in a region where the actor's forces
//               are or border, or inside the actor's own zone), the two blocs not at war
//   withdraw    a principal with a force in contact with a rival
//   deescalate  a principal whose tension with a rival bloc (not at war with it) has reached
//               the third rung, not bound by an offer it made (rules.binding_offers: for
//               offer_days after an offer, no new offer and no strike without a defensive cause)
//   restrain    the patron of a proxy in a feud that is not restrained yet
//   cross       it has troops, and ground it wants that a line or a rival's zone closes to it
#include <algorithm>
#include <utility>

#include "engine/day.h"
#include "engine/query.h"
#include "engine/random.h"
#include "engine/turn_access.h"
#include "rules/rules.h"

namespace brink {
namespace {

// The shares of the actor's priority it could take by advancing, and only by crossing (ground
// closed to it by a line or a rival's zone), held by enemies or nobody.
std::pair<double, double> OpenShares(const Day& d, ActorId actor) {
  const Scenario& s = d.s;
  const float* priority = &s.tables().priority[static_cast<std::size_t>(actor) * s.regions.size()];
  double open = 0, closed = 0, all = 0;
  const bool may_cross = s.tables().may_cross[static_cast<std::size_t>(actor)] != 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    all += priority[r];
    if (!WorthTaking(d, actor, static_cast<RegionId>(r))) continue;
    if (may_cross && ClosedTo(d, actor, static_cast<RegionId>(r))) {
      closed += priority[r];
    } else {
      open += priority[r];
    }
  }
  return all > 0 ? std::pair{open / all, closed / all} : std::pair{0.0, 0.0};
}

void AddLegal(const Day& d, ActorId actor, std::vector<LegalAction>& out) {
  const Scenario& s = d.s;
  const State& st = d.st;
  const std::size_t a = static_cast<std::size_t>(actor);
  out.push_back({Action::kHold});
  if (d.w.index.firepower(actor) > 0) out.push_back({Action::kAdvance});
  // Bound by its own de-escalation offer (rules.binding_offers), it fires only in defence and
  // makes no new offer.
  const bool bound = s.rules.binding_offers && st.actors[a].offer_days > 0;
  if (d.w.strike_target[a] >= 0 && (!bound || Defensive(d.w.strike_cause[a]))) {
    out.push_back({Action::kStrike, d.w.strike_target[a]});
  }
  const bool principal = !IsProxy(s, actor);  // proxies do not back down or bargain for their side
  if (principal && d.w.in_contact[a]) out.push_back({Action::kWithdraw});
  if (principal && !bound && s.ladder.size() > 2 && d.w.rival_tension[a] >= s.ladder[2].threshold) {
    out.push_back({Action::kDeescalate});
  }
  int feud = -1;  // the last feud not restrained yet, in file order (it sets the doctrine's value)
  for (int i : s.tables().proxy_feuds[a]) {
    if (st.restraint_days[static_cast<std::size_t>(i)] == 0) feud = i;
  }
  if (feud >= 0) {
    out.push_back({Action::kRestrain, feud});
  } else if (s.rules.proxy_restraint) {
    // A patron may restrain its proxies when one, not restrained yet, could fire on a rival.
    for (int i : s.tables().patronages[a]) {
      const ActorId proxy = s.relations[static_cast<std::size_t>(i)].b;
      if (st.restraint_days[static_cast<std::size_t>(i)] == 0 && d.w.strike_target[static_cast<std::size_t>(proxy)] >= 0) {
        out.push_back({Action::kRestrain, i});
        break;
      }
    }
  }
  if (d.w.index.firepower(actor) > 0 && st.cross_share[a] > 0) out.push_back({Action::kCross});
}

}  // namespace

double RivalTension(const Day& d, ActorId actor) {
  float highest = 0;
  const std::size_t blocs = d.s.blocs.size();
  const BlocId own = d.s.actors[actor].bloc;
  const float* row = &d.st.tension[static_cast<std::size_t>(own) * blocs];
  const bool war = d.st.war_ongoing();
  for (std::size_t b = 0; b < blocs; ++b) {
    if (war && d.st.BlocsAtWar(own, static_cast<BlocId>(b))) continue;  // war has no ladder left to climb
    highest = std::max(highest, row[b]);
  }
  return highest;
}

void PrepareTurn(Day& d) {
  State& st = d.st;
  Workspace& w = d.w;
  const std::size_t actors = d.s.actors.size();
  w.control_changed_at_dawn = st.control_changed || st.day <= 1;
  if (st.control_changed || st.open_share.size() != actors) {
    st.open_share.resize(actors);
    st.cross_share.resize(actors);
    st.has_goal.assign(actors, 0);
    for (std::size_t a = 0; a < actors; ++a) {
      const ActorId actor = static_cast<ActorId>(a);
      const auto [open, closed] = OpenShares(d, actor);
      st.open_share[a] = static_cast<float>(open);
      st.cross_share[a] = static_cast<float>(closed);
      for (RegionId r : d.s.tables().goal_regions[a]) {
        if (WorthTaking(d, actor, r)) {
          st.has_goal[a] = 1;
          break;
        }
      }
    }
    st.control_changed = false;
  }
  // Which actors have a force in contact with a rival (here, across a short edge, or inside a
  // rival's zone): it follows from presence and the relations alone, so it stands while they
  // do (most days).
  const ForceIndex& index = w.index;
  if (w.contact_presence != index.presence_version() || w.contact_relations != w.relations_version) {
    Fill(w.in_contact, actors, 0);
    for (RegionId region : Occupied(d)) {
      for (ActorId a : PresentIn(d, region)) {
        if (InContact(d, a, region)) w.in_contact[static_cast<std::size_t>(a)] = 1;
      }
    }
    w.contact_presence = index.presence_version();
    w.contact_relations = w.relations_version;
  }
  // Where each actor's forces are marching (a contested objective is a cause of fire).
  Fill(w.heading, d.s.regions.size(), ActorSet());
  for (const Force& f : st.forces) {
    if (f.strength > 0 && f.target != kNone) w.heading[static_cast<std::size_t>(f.target)].insert(f.actor);
  }
  // The force each actor would strike. Who could strike whom, and why, follows from presence,
  // the relations, the lines agreed, grievances, holders and marches (StrikeInputs), which
  // stand for days at a time: the candidates are listed again only when one of them changed,
  // and each day picks among them by the day's troops (the strongest), as StrikeTargets would.
  StrikeInputs& kept = w.strike_inputs;
  int lines_agreed = 0;
  for (const DeconflictionLine& line : d.s.lines) lines_agreed += st.day >= line.agreed_day ? 1 : 0;
  ActorId grieved_at[Limits::kMaxActors];
  for (std::size_t a = 0; a < actors; ++a) {
    const Grievance& g = st.actors[a].grievance;
    grieved_at[a] = g.days_left > 0 ? g.against : kNone;
  }
  ActorSet strikers;  // every actor with a rival
  for (std::size_t a = 0; a < actors; ++a) {
    if (d.s.tables().has_rival[a]) strikers.insert(static_cast<ActorId>(a));
  }
  if (kept.presence_version != index.presence_version() || kept.relations_version != w.relations_version ||
      kept.lines_agreed != lines_agreed || !std::equal(grieved_at, grieved_at + actors, kept.grieved_at) ||
      kept.holder != st.holder || kept.heading != w.heading) {
    rules::StrikeCandidates(d, strikers, w.strike_candidates);
    kept.presence_version = index.presence_version();
    kept.relations_version = w.relations_version;
    kept.lines_agreed = lines_agreed;
    std::copy(grieved_at, grieved_at + actors, kept.grieved_at);
    kept.holder = st.holder;
    kept.heading = w.heading;
  }
  Fill(w.strike_target, actors, -1);
  Fill(w.strike_cause, actors, Cause::kNone);
  rules::PickStrikeTargets(d, strikers, w.strike_candidates, w.strike_target.data(), w.strike_cause.data());
#ifdef BRINK_CHECK_INVARIANTS
  {
    int best[Limits::kMaxActors];
    Cause why[Limits::kMaxActors];
    rules::StrikeTargets(d, strikers, best, why);
    bool same = true;
    for (ActorId a : strikers) same = same && best[a] == w.strike_target[static_cast<std::size_t>(a)] && why[a] == w.strike_cause[static_cast<std::size_t>(a)];
    CheckKept(d, same, "strike candidates");
  }
#endif
  // RivalTension is the bloc's: worked out once per bloc.
  float bloc_tension[Limits::kMaxBlocs];
  for (std::size_t b = 0; b < d.s.blocs.size(); ++b) bloc_tension[b] = -1;
  w.rival_tension.resize(actors);
  for (std::size_t a = 0; a < actors; ++a) {
    float& t = bloc_tension[static_cast<std::size_t>(d.s.actors[a].bloc)];
    if (t < 0) t = static_cast<float>(RivalTension(d, static_cast<ActorId>(a)));
    w.rival_tension[a] = t;
  }
  w.legal.clear();
  w.legal_start.clear();
  w.legal_start.push_back(0);
  for (std::size_t a = 0; a < actors; ++a) {
    AddLegal(d, static_cast<ActorId>(a), w.legal);
    w.legal_start.push_back(static_cast<int>(w.legal.size()));
  }
  // One draw per actor, in actor order, whatever its legal set or policy, so no actor's
  // options shift another's draw.
  Rng rng = d.rng(Stream::kDecision);
  w.decision_draw.resize(actors);
  for (double& u : w.decision_draw) u = rng.Uniform();
}

const Engine& Turn::engine() const { return *e_; }
const Scenario& Turn::scenario() const { return *s_; }
const State& Turn::state() const { return *st_; }
const State& Turn::before() const { return w_->before; }
int Turn::day() const { return st_->day; }
bool Turn::planning() const { return w_->planning; }

bool Turn::valid() const {
  return stamp_ != 0 && w_->turn_stamp == stamp_ && w_->turn_state == st_ && st_->cache_token.value == stamp_;
}

std::span<const LegalAction> Turn::Legal(ActorId actor) const {
  if (!valid()) return {};
  const std::size_t a = static_cast<std::size_t>(actor);
  return std::span<const LegalAction>(w_->legal).subspan(
      static_cast<std::size_t>(w_->legal_start[a]),
      static_cast<std::size_t>(w_->legal_start[a + 1] - w_->legal_start[a]));
}

bool Turn::IsLegal(ActorId actor, Action kind) const {
  for (const LegalAction& legal : Legal(actor)) {
    if (legal.kind == kind) return true;
  }
  return false;
}

Situation Turn::Facing(ActorId actor) const {
  Situation out;
  if (!valid()) return out;
  const Day d = TurnAccess::DayOf(*this);
  const Scenario& s = *s_;
  const std::size_t a = static_cast<std::size_t>(actor);
  out.in_contact = w_->in_contact[a] != 0;
  out.rival_in_reach = w_->strike_target[a] >= 0;
  out.strike_cause = out.rival_in_reach ? w_->strike_cause[a] : Cause::kNone;
  out.fire_received = st_->actors[a].grievance.days_left > 0;
  out.crisis = s.ladder.size() > 2 && w_->rival_tension[a] >= s.ladder[2].threshold;
  // A line in reach: wanted ground closed to it (what cross_share counts over the whole map)
  // where its forces stand or next door.
  if (st_->cross_share[a] > 0) {
    const float* priority = &s.tables().priority[a * s.regions.size()];
    const auto closed_and_wanted = [&](RegionId r) {
      return priority[static_cast<std::size_t>(r)] > 0 && WorthTaking(d, actor, r) && ClosedTo(d, actor, r);
    };
    for (const Force& f : st_->forces) {
      if (f.actor != actor || f.strength <= 0 || f.region == kNone) continue;
      if (closed_and_wanted(f.region)) out.line_in_reach = true;
      for (const auto& [next, km] : s.tables().adjacency[static_cast<std::size_t>(f.region)]) {
        if (closed_and_wanted(next)) out.line_in_reach = true;
      }
      if (out.line_in_reach) break;
    }
  }
  return out;
}

double Turn::Draw(ActorId actor) const {
  return valid() ? w_->decision_draw[static_cast<std::size_t>(actor)] : 0.0;
}

uint64_t Turn::PolicyKey(ActorId actor) const {
  return Rng(seed_, run_, Stream::kPolicy, st_->day, static_cast<uint64_t>(actor)).Next();
}

bool Turn::recording() const { return w_->deliberations != nullptr && !w_->planning; }

void Turn::Record(Deliberation deliberation) const {
  if (recording()) w_->deliberations->push_back(std::move(deliberation));
}

Day TurnAccess::DayOf(const Turn& turn) {
  return Day{*turn.s_, *turn.st_, *turn.w_, turn.seed_, turn.run_, nullptr};
}

std::span<const LegalAction> TurnAccess::LegalOf(const Turn& turn, ActorId actor) {
  const Workspace& w = *turn.w_;
  const std::size_t a = static_cast<std::size_t>(actor);
  return std::span<const LegalAction>(w.legal).subspan(
      static_cast<std::size_t>(w.legal_start[a]), static_cast<std::size_t>(w.legal_start[a + 1] - w.legal_start[a]));
}

double TurnAccess::DrawOf(const Turn& turn, ActorId actor) { return turn.w_->decision_draw[static_cast<std::size_t>(actor)]; }

}  // namespace brink
