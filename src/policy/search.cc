// The search policy (docs/model.md, "Search"): open-loop Monte Carlo tree search (UCT) over the
// actor's own actions, the engine itself as the model. Written against the public interface
// alone (include/brink), as a user's policy would be.
//
// At a decision point (below) the actor runs `search_budget` simulations of the next
// `search_horizon_days` days. Each simulation samples the day afresh from the actor's own
// random stream (Engine::Fork with Turn::PolicyKey and a world number), so it never sees the
// run's own dice; the n-th simulation of each first-day action plays world n (common random
// numbers: two actions are compared on the same sampled days). The other actors choose by their
// own policies (a planning turn: another searcher falls back to its doctrine there, so searches
// never nest); the actor's action on the first day, and on each later decision day down the
// tree, is picked by UCT among the actions legal there. Each simulation adds one node to the
// tree; below the tree the actor keeps its routine: its doctrine's choice, except that it
// neither fires nor crosses a line (it holds instead). A simulation is worth the change of the
// actor's utility (ActorUtility) from dawn to the horizon. The doctrine's own choice for the
// day stands unless the most visited action beats it world by world by more than
// `confidence` standard errors.
//
// Open loop: a tree node is the sequence of the actor's own actions, not a state. Chance and
// four other actors sit between its choices, so states almost never repeat; statistics per
// action sequence average over them, which is what the actor can act on. Actions not legal in
// a simulation's state are skipped there (UCT over the legal subset).
//
// UCT: an action's score is q + c sqrt(ln N / n), q its mean value scaled to [0, 1] by the
// lowest and highest values seen in this search, N its node's visits, n its own, c = 0.7;
// untried legal actions go first, in Action order. The candidate is the most visited first-day
// action (ties: the higher mean, then Action order). Everything is a function of the turn, so
// a run is byte-identical whatever the thread count.
#include "policy/search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "brink/engine.h"

namespace brink {
namespace {

constexpr int kActions = static_cast<int>(Action::kCount);
// UCT's exploration weight, on values scaled to [0, 1]: the usual sqrt(2)/2, a little below
// the textbook sqrt(2) because the first-day choice gets most of the budget.
constexpr double kExploration = 0.7;

struct Stats {
  int visits = 0;
  double sum = 0, sum_squares = 0;
  double mean() const { return visits > 0 ? sum / visits : 0; }
  double standard_error() const {
    if (visits < 2) return 0;
    const double variance = std::max(0.0, (sum_squares - sum * sum / visits) / (visits - 1));
    return std::sqrt(variance / visits);
  }
  void Add(double value) {
    ++visits;
    sum += value;
    sum_squares += value * value;
  }
};

struct Node {
  int visits = 0;
  std::array<Stats, kActions> action{};
  std::array<int, kActions> child{};  // index into the tree, 0: none yet (0 is the root)
};

class Tree {
 public:
  Tree() { nodes_.emplace_back(); }
  Node& at(int node) { return nodes_[static_cast<std::size_t>(node)]; }
  // The node after `action` at `node`, or -1 when it did not exist: it is made now (one node
  // expanded per simulation), and the simulation goes on below the tree.
  int Descend(int node, Action action) {
    const int a = static_cast<int>(action);
    if (at(node).child[a] != 0) return at(node).child[a];
    const int made = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    at(node).child[a] = made;
    return -1;
  }
  // UCT among the legal actions at the node.
  Action Select(int node, std::span<const LegalAction> legal, double low, double high) const {
    const Node& n = nodes_[static_cast<std::size_t>(node)];
    Action best = legal.front().kind;
    double best_score = -std::numeric_limits<double>::infinity();
    for (const LegalAction& option : legal) {
      const Stats& s = n.action[static_cast<int>(option.kind)];
      if (s.visits == 0) return option.kind;  // untried first, in Action order
      const double q = high > low ? (s.mean() - low) / (high - low) : 0.5;
      const double score =
          q + kExploration * std::sqrt(std::log(static_cast<double>(n.visits)) / s.visits);
      if (score > best_score) {
        best = option.kind;
        best_score = score;
      }
    }
    return best;
  }

 private:
  std::vector<Node> nodes_;
};

Action DoctrineChoice(const Turn& turn, ActorId actor) {
  return ChooseSoftmax(DoctrineScores(turn, actor), turn.scenario().actors[actor].rationality,
                       turn.Draw(actor));
}

class Search final : public Policy {
 public:
  std::string_view name() const override { return "search"; }

  Action Choose(const Turn& turn, ActorId actor) const override {
    // Inside a look-ahead (its own or another searcher's), and away from decision points, the
    // actor decides as the doctrine does.
    if (turn.planning() || !IsDecisionPoint(turn, actor)) return DoctrineChoice(turn, actor);
    const Actor& a = turn.scenario().actors[actor];
    SearchSettings settings;
    settings.simulations = static_cast<int>(std::lround(a.search_budget));
    settings.horizon_days = static_cast<int>(std::lround(a.search_horizon_days));
    settings.course_days = static_cast<int>(std::lround(a.search_course_days));
    Result<Deliberation> searched = RunSearch(turn, actor, settings);
    if (!searched.ok()) return DoctrineChoice(turn, actor);  // cannot happen on an open turn
    const Action chosen = searched.value().chosen;
    turn.Record(searched.take());
    return chosen;
  }
};

}  // namespace

bool IsDecisionPoint(const Turn& turn, ActorId actor) {
  if (turn.Legal(actor).size() < 2) return false;
  const Situation now = turn.Facing(actor);
  // Contact alone is not one: a standoff with no cause to fire and no crisis is the quiet
  // status quo, and the doctrine holds or advances there as well as a search would.
  return now.fire_received || turn.IsLegal(actor, Action::kStrike) ||
         (now.line_in_reach && turn.IsLegal(actor, Action::kCross)) ||
         turn.IsLegal(actor, Action::kDeescalate);
}

// The paired difference of two first-day actions' values, over the sampled worlds both were
// played in (the n-th simulation of each plays world n): its mean and standard error.
std::pair<double, double> PairedDifference(const std::vector<double>& a, const std::vector<double>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n < 2) return {0, std::numeric_limits<double>::infinity()};  // no spread to judge by
  Stats difference;
  for (std::size_t i = 0; i < n; ++i) difference.Add(a[i] - b[i]);
  return {difference.mean(), difference.standard_error()};
}

Result<Deliberation> RunSearch(const Turn& turn, ActorId actor, const SearchSettings& settings) {
  if (!turn.valid()) return Status::Error("search: the turn is no longer open");
  const Engine& engine = turn.engine();
  const Scenario& s = turn.scenario();
  const auto root_legal = turn.Legal(actor);
  // Not past the scenario's horizon: days after it are never played.
  const int last_day =
      std::min(s.horizon_days, turn.day() + std::max(1, settings.horizon_days) - 1);
  const int simulations = std::max(1, settings.simulations);
  // A course's last day: its first action is chosen again at decision points until then.
  const int course_end = turn.day() + std::max(0, settings.course_days) - 1;
  const uint64_t key = turn.PolicyKey(actor);
  const double start = ActorUtility(s, turn.before(), actor);

  // The look-ahead's state and workspace, reused across simulations and decisions of a thread
  // (a Fork overwrites both whole, so nothing of an earlier search can leak into this one).
  thread_local State state;
  thread_local WorkspacePtr scratch;
  if (scratch == nullptr) scratch = engine.NewWorkspace();

  Tree tree;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  std::vector<std::pair<int, Action>> path;
  // Each first-day action's values in the order played: its n-th simulation plays sampled
  // world n (common random numbers), so two actions compare world by world.
  std::array<std::vector<double>, kActions> root_values;
  for (int sim = 0; sim < simulations; ++sim) {
    path.clear();
    const Action first = tree.Select(0, root_legal, low, high);
    const auto world = static_cast<uint64_t>(root_values[static_cast<int>(first)].size());
    Result<Turn> fork = engine.Fork(turn, state, *scratch, key, world);
    if (!fork.ok()) return Status::Error(fork.message());
    JointAction joint = engine.Decide(fork.value());
    joint[actor] = first;
    path.emplace_back(0, first);
    if (Status applied = engine.Apply(fork.value(), joint, nullptr); !applied.ok()) return applied;
    int node = settings.course_days > 0 ? -1 : tree.Descend(0, first);  // a course has no tree
    while (state.day < last_day) {
      Turn day = engine.Begin(state, *scratch, key, world);
      joint = engine.Decide(day);  // the actor's own entry is its doctrine's (a planning turn)
      if (IsDecisionPoint(day, actor)) {
        if (settings.course_days > 0) {  // a course: its action again while it lasts and is legal
          if (day.day() <= course_end && day.IsLegal(actor, first)) {
            joint[actor] = first;
          } else if (joint[actor] == Action::kStrike || joint[actor] == Action::kCross) {
            joint[actor] = Action::kHold;  // after it: the routine
          }
        } else if (node >= 0) {  // in the tree: UCT
          joint[actor] = tree.Select(node, day.Legal(actor), low, high);
          path.emplace_back(node, joint[actor]);
          node = tree.Descend(node, joint[actor]);
        } else if (joint[actor] == Action::kStrike || joint[actor] == Action::kCross) {
          joint[actor] = Action::kHold;  // below it: its routine, without new fire or crossing
        }
      }
      if (Status applied = engine.Apply(day, joint, nullptr); !applied.ok()) return applied;
    }
    const double value = ActorUtility(s, state, actor) - start;
    low = std::min(low, value);
    high = std::max(high, value);
    root_values[static_cast<int>(first)].push_back(value);
    for (const auto& [at, action] : path) {
      ++tree.at(at).visits;
      tree.at(at).action[static_cast<int>(action)].Add(value);
    }
  }

  Deliberation out;
  out.day = turn.day();
  out.actor = actor;
  out.policy = "search";
  out.simulations = simulations;
  out.horizon_days = last_day - turn.day() + 1;
  out.course_days = std::max(0, settings.course_days);
  out.baseline = DoctrineChoice(turn, actor);
  const Node& root = tree.at(0);
  const Stats* best = nullptr;
  Action candidate = out.baseline;
  for (const LegalAction& option : root_legal) {
    const Stats& stats = root.action[static_cast<int>(option.kind)];
    Deliberation::Alternative alternative{.action = option,
                                          .value = stats.mean(),
                                          .uncertainty = stats.standard_error(),
                                          .visits = stats.visits};
    if (option.kind == Action::kStrike && option.target >= 0) {
      const Force& target = turn.state().forces[static_cast<std::size_t>(option.target)];
      alternative.target_actor = target.actor;
      alternative.target_region = target.region;
    }
    out.alternatives.push_back(alternative);
    if (best == nullptr || stats.visits > best->visits ||
        (stats.visits == best->visits && stats.mean() > best->mean())) {
      best = &stats;
      candidate = option.kind;
    }
  }
  // The doctrine's choice stands unless the search's is better world by world, by more than
  // `confidence` standard errors of the difference: a budget too small to tell two actions apart
  // leaves the doctrine's reading in charge rather than a coin toss.
  out.chosen = out.baseline;
  if (candidate != out.baseline) {
    const auto [gain, error] = PairedDifference(root_values[static_cast<int>(candidate)],
                                                root_values[static_cast<int>(out.baseline)]);
    if (gain > 0 && gain > settings.confidence * error) out.chosen = candidate;
  }
  return out;
}

std::shared_ptr<const Policy> SearchPolicy() { return std::make_shared<const Search>(); }

}  // namespace brink
