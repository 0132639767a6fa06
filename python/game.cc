// The game interface from Python (include/brink/game.h, policy.h): a State that copies, a Turn
// that lists each actor's legal actions, the doctrine's scores and the actor's draw, a Game that
// begins and applies days, and policies written in Python that decide for an actor in any run
// or forecast.
#include <pybind11/stl.h>

#include <mutex>
#include <optional>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/report.h"
#include "brink/search.h"
#include "python/bindings.h"

namespace brink::python {
namespace {

// A position, with the scenario that gives it names.
struct PyState {
  std::shared_ptr<const Scenario> scenario;
  State state;
};

// A day's decision point. Either handed to a Python policy (valid during its choose call) or
// opened by Game.begin (valid until Game.apply, or the next begin, on that game): using it
// after is an error, not a read of freed memory.
struct PyTurn {
  std::shared_ptr<const Scenario> scenario;
  const Turn* borrowed = nullptr;  // a policy's: the engine's Turn, during the call
  std::optional<Turn> owned;       // Game.begin's
  bool over = false;
  std::shared_ptr<uint64_t> stamp;  // Game.begin's: the game's count of turns opened
  uint64_t opened = 0;
  py::object state_owner;  // keeps the State object a begun turn refers to
  const Turn& Get() const {
    if (over || (stamp && *stamp != opened) || (!owned && borrowed == nullptr)) {
      Raise(g_error,
            "this Turn is over (a policy's turn lasts for its choose call; a Game's until "
            "apply or the next begin on that game)");
    }
    return owned ? *owned : *borrowed;
  }
};

// A brink.Action or an action's name ("hold"); none if it is neither.
std::optional<Action> ActionOf(const py::handle& value) {
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    for (int k = 0; k < static_cast<int>(Action::kCount); ++k) {
      if (ActionName(static_cast<Action>(k)) == text) return static_cast<Action>(k);
    }
    return std::nullopt;
  }
  try {
    return value.cast<Action>();
  } catch (const py::cast_error&) {
    return std::nullopt;
  }
}

// A Python callable deciding for an actor: fn(turn, actor_id) -> brink.Action (or its name).
class PythonPolicy final : public Policy {
 public:
  PythonPolicy(std::string name, py::object fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  ~PythonPolicy() override {
    // The last reference may go on any thread: the callable is released under the GIL, and
    // not at all once the interpreter is finalizing (the module unregisters at exit).
    if (Py_IsInitialized() != 0) {
      PyGILState_STATE gil = PyGILState_Ensure();
      Py_XDECREF(fn_.release().ptr());
      Py_XDECREF(error_.release().ptr());
      PyGILState_Release(gil);
    } else {
      (void)fn_.release();
      (void)error_.release();
    }
  }
  std::string_view name() const override { return name_; }

  Action Choose(const Turn& turn, ActorId actor) const override {
    if (failed_.load(std::memory_order_relaxed)) return Action::kHold;
    py::gil_scoped_acquire gil;
    // The Turn's Python object is Python's own: a policy may keep it, and it then says the
    // turn is over instead of reading a Turn that is gone.
    PyTurn fresh;
    fresh.scenario = Shared(turn.scenario());
    fresh.borrowed = &turn;
    py::object handle = py::cast(std::move(fresh));
    PyTurn& view = handle.cast<PyTurn&>();
    try {
      py::object chosen = fn_(handle, turn.scenario().actors[static_cast<std::size_t>(actor)].id);
      view.over = true;  // a kept Turn is over
      const std::optional<Action> parsed = ActionOf(chosen);
      if (!parsed) {
        return Fail(PyExc_TypeError, "returned " + py::repr(chosen).cast<std::string>() +
                                         ", which is neither a brink.Action nor an action's name");
      }
      const Action action = *parsed;
      if (!turn.IsLegal(actor, action)) {
        return Fail(PyExc_ValueError,
                    "returned " + std::string(ActionName(action)) + ", not legal for '" +
                        turn.scenario().actors[static_cast<std::size_t>(actor)].id + "' on day " +
                        std::to_string(turn.day()) + " (ask turn.legal(actor))");
      }
      return action;
    } catch (py::error_already_set& error) {
      view.over = true;
      Keep(error.value());
      return Action::kHold;
    }
  }

  // Shares the scenario of a turn with the Turn's Python view: the engine owns it and outlives
  // the call, so a non-owning pointer serves.
  static std::shared_ptr<const Scenario> Shared(const Scenario& s) {
    return std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s);
  }

  bool failed() const { return failed_.load(); }
  void Clear() {
    const std::lock_guard<std::mutex> lock(mutex_);
    failed_.store(false);
    error_ = py::object();
  }
  // Raises the exception kept (GIL held).
  void RaiseKept() {
    py::object error;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      error = error_;
    }
    if (!error) return;
    PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
    throw py::error_already_set();
  }

 private:
  Action Fail(PyObject* type, const std::string& what) const {
    Keep(py::reinterpret_steal<py::object>(
        PyObject_CallFunction(type, "s", ("policy '" + name_ + "' " + what).c_str())));
    return Action::kHold;
  }
  void Keep(py::object error) const {  // GIL held
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!failed_.load()) error_ = std::move(error);
    failed_.store(true);
  }
  std::string name_;
  py::object fn_;
  mutable std::mutex mutex_;
  mutable py::object error_;  // the first exception raised since Clear
  mutable std::atomic<bool> failed_{false};
};

std::vector<PythonPolicy*> PythonPolicies(const Scenario& s) {
  std::vector<PythonPolicy*> out;
  for (const Actor& a : s.actors) {
    std::shared_ptr<const Policy> p = MakePolicy(a.policy);
    // The registry keeps it alive while registered; the const_cast only reaches the error slot.
    if (const auto* py_policy = dynamic_cast<const PythonPolicy*>(p.get())) {
      out.push_back(const_cast<PythonPolicy*>(py_policy));
    }
  }
  return out;
}

// A Game: an engine for one scenario, and the workspace its turns use.
struct PyGame {
  explicit PyGame(const PyScenario& sc)
      : scenario(sc.scenario),
        engine(sc.scenario),
        workspace(engine.NewWorkspace()),
        scratch(engine.NewWorkspace()),
        stamp(std::make_shared<uint64_t>(0)) {}
  std::shared_ptr<const Scenario> scenario;
  Engine engine;
  WorkspacePtr workspace;
  WorkspacePtr scratch;  // Game.child's: the look-ahead's own workspace
  std::shared_ptr<uint64_t> stamp;
};

py::list EventsList(const Scenario& s, const EventLog& log) {
  py::list out;
  for (const Event& e : log) out.append(JsonLoads(EventJsonLine(s, e)));
  return out;
}

// Every actor's choice by its policy, with those `choices` gives ({actor: Action or name}).
JointAction JointOf(const Engine& engine, const Turn& turn, const py::object& choices) {
  JointAction joint = engine.Decide(turn);
  if (choices.is_none()) return joint;
  for (const auto& [actor, action] : choices.cast<py::dict>()) {
    const ActorId a = ActorOf(engine.scenario(), actor);
    std::optional<Action> chosen = ActionOf(action);
    if (!chosen) Raise(PyExc_ValueError, "joint: '" + py::str(action).cast<std::string>() + "' is no action");
    joint[static_cast<std::size_t>(a)] = *chosen;
  }
  return joint;
}

py::dict ScoresDict(const Turn& turn, ActorId actor) {
  const ActionScores scores = DoctrineScores(turn, actor);
  py::dict out;
  for (int k = 0; k < static_cast<int>(Action::kCount); ++k) {
    if (scores.legal[static_cast<std::size_t>(k)])
      out[py::cast(static_cast<Action>(k))] = scores.utility[static_cast<std::size_t>(k)];
  }
  return out;
}

}  // namespace

void ClearPolicyErrors(const Scenario& s) {
  for (PythonPolicy* p : PythonPolicies(s)) p->Clear();
}
bool PolicyFailed(const Scenario& s) {
  for (PythonPolicy* p : PythonPolicies(s)) {
    if (p->failed()) return true;
  }
  return false;
}
void RaisePolicyError(const Scenario& s) {
  for (PythonPolicy* p : PythonPolicies(s)) p->RaiseKept();
}

void BindGame(py::module_& m) {
  py::enum_<Action> action(m, "Action", "What an actor may do on a day (include/brink/state.h).");
  for (int k = 0; k < static_cast<int>(Action::kCount); ++k) {
    const std::string name(ActionName(static_cast<Action>(k)));
    action.value(name.c_str(), static_cast<Action>(k));
  }

  py::class_<LegalAction>(m, "LegalAction", "One thing an actor may do today: its kind and object.")
      .def_readonly("kind", &LegalAction::kind)
      .def_readonly(
          "target", &LegalAction::target,
          "strike: the force it would hit (index into the state's forces); restrain: the feud "
          "relation; otherwise -1.")
      .def("__repr__", [](const LegalAction& a) {
        return "LegalAction(" + std::string(ActionName(a.kind)) +
               ", target=" + std::to_string(a.target) + ")";
      });

  py::class_<PyState>(m, "State",
                      R"(A position of a run: everything that changes (include/brink/state.h).

Copies are independent (state.copy()); a Game steps it in place.)")
      .def_property_readonly(
          "day", [](const PyState& p) { return p.state.day; }, "Days simulated so far.")
      .def_property_readonly(
          "level", [](const PyState& p) { return p.state.level; }, "The ladder rung today.")
      .def_property_readonly("max_level", [](const PyState& p) { return p.state.max_level; })
      .def_property_readonly(
          "at_war", [](const PyState& p) { return p.state.at_war(); },
          "Full-scale war broke out (it may since have ended in a ceasefire).")
      .def_property_readonly(
          "war_day", [](const PyState& p) { return p.state.war_day; }, "-1 if none.")
      .def_property_readonly(
          "holders",
          [](const PyState& p) {
            py::dict out;
            const Scenario& s = *p.scenario;
            for (std::size_t r = 0; r < s.regions.size(); ++r) {
              const ActorId h = p.state.holder[r];
              out[py::str(s.regions[r].id)] =
                  h >= 0 ? py::object(py::str(s.actors[static_cast<std::size_t>(h)].id))
                         : py::object(py::none());
            }
            return out;
          },
          "Each region's holder: region id -> actor id (None: nobody).")
      .def_property_readonly(
          "forces",
          [](const PyState& p) {
            py::list out;
            const Scenario& s = *p.scenario;
            const auto region_id = [&s](RegionId r) {
              return r >= 0 ? py::object(py::str(s.regions[static_cast<std::size_t>(r)].id)) : py::object(py::none());
            };
            for (const Force& f : p.state.forces) {
              if (f.strength <= 0) continue;  // spent, awaiting removal at dawn
              py::dict d;
              d["actor"] = s.actors[static_cast<std::size_t>(f.actor)].id;
              d["region"] = region_id(f.region);
              d["target"] = region_id(f.target);
              d["strength"] = f.strength;
              d["progress_km"] = f.progress_km;
              d["diverted_days"] = f.diverted_days;
              out.append(d);
            }
            return out;
          },
          "The forces in the field: a list of dicts (actor, region, target: where it is heading or "
          "None, strength in troops, progress_km along its road, diverted_days).")
      .def(
          "utility",
          [](const PyState& p, const py::handle& actor) {
            return ActorUtility(*p.scenario, p.state, ActorOf(*p.scenario, actor));
          },
          py::arg("actor"),
          "The actor's utility of this position by its own objectives (game.h ActorUtility).")
      .def(
          "to_dict",
          [](const PyState& p) { return JsonLoads(EndStateJsonLine(*p.scenario, p.state)); },
          "The state as `brink run --json` writes the end state.")
      .def(
          "copy",
          [](const PyState& p) {
            return PyState{p.scenario, p.state};
          },
          "An independent copy.")
      .def("__copy__",
           [](const PyState& p) {
             return PyState{p.scenario, p.state};
           })
      .def("__deepcopy__", [](const PyState& p, const py::dict&) {
        return PyState{p.scenario, p.state};
      });

  py::class_<PyTurn>(
      m, "Turn", R"(A day's decision point (include/brink/game.h): after dawn, before anyone acts.

Actors are named by id ("us") or index. A Turn handed to a policy lasts for that call; one
from Game.begin until Game.apply.)")
      .def_property_readonly("day", [](const PyTurn& t) { return t.Get().day(); })
      .def_property_readonly(
          "actors",
          [](const PyTurn& t) {
            py::list out;
            for (const Actor& a : t.Get().scenario().actors) out.append(a.id);
            return out;
          },
          "Actor ids, in file order.")
      .def(
          "legal",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            std::span<const LegalAction> legal = turn.Legal(ActorOf(turn.scenario(), actor));
            return std::vector<LegalAction>(legal.begin(), legal.end());
          },
          py::arg("actor"),
          "The actor's legal actions today, in Action order (hold is always one).")
      .def(
          "legal_kinds",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            std::vector<Action> out;
            for (const LegalAction& a : turn.Legal(ActorOf(turn.scenario(), actor)))
              out.push_back(a.kind);
            return out;
          },
          py::arg("actor"), "The kinds of the actor's legal actions today.")
      .def(
          "is_legal",
          [](const PyTurn& t, const py::handle& actor, const py::handle& kind) {
            const Turn& turn = t.Get();
            const std::optional<Action> action = ActionOf(kind);
            if (!action)
              Raise(PyExc_ValueError, "'" + py::str(kind).cast<std::string>() + "' is no action");
            return turn.IsLegal(ActorOf(turn.scenario(), actor), *action);
          },
          py::arg("actor"), py::arg("kind"),
          "Whether the actor may take that action (an Action or its name) today.")
      .def(
          "scores",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            return ScoresDict(turn, ActorOf(turn.scenario(), actor));
          },
          py::arg("actor"),
          "The doctrine's one-step-ahead utility of each legal action: {Action: utility}.")
      .def(
          "draw",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            return turn.Draw(ActorOf(turn.scenario(), actor));
          },
          py::arg("actor"),
          "The actor's uniform draw in [0, 1) for today: the only chance a policy may use.")
      .def(
          "utility",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            return ActorUtility(turn.scenario(), turn.state(), ActorOf(turn.scenario(), actor));
          },
          py::arg("actor"), "The actor's utility of the position now, by its own objectives.")
      .def(
          "facing",
          [](const PyTurn& t, const py::handle& actor) {
            const Turn& turn = t.Get();
            const Situation s = turn.Facing(ActorOf(turn.scenario(), actor));
            py::dict out;
            out["in_contact"] = s.in_contact;
            out["rival_in_reach"] = s.rival_in_reach;
            out["strike_cause"] = std::string(CauseName(s.strike_cause));
            out["fire_received"] = s.fire_received;
            out["line_in_reach"] = s.line_in_reach;
            out["crisis"] = s.crisis;
            return out;
          },
          py::arg("actor"),
          "What the actor faces at dawn (game.h Situation): in_contact, rival_in_reach, "
          "strike_cause, fire_received, line_in_reach, crisis.")
      .def_property_readonly(
          "state",
          [](const PyTurn& t) {
            const Turn& turn = t.Get();
            return PyState{t.scenario, turn.state()};
          },
          "A copy of the position after dawn.");

  py::class_<PyGame>(
      m, "Game",
      R"(The scenario as a game (include/brink/game.h): the Scenario is the game, a State a
position, each day one simultaneous move. An OpenSpiel-style loop:

    game = brink.Game(sc)
    state = game.initial_state()
    while not game.is_terminal(state):
        turn = game.begin(state, seed=1, run=0)
        joint = {"us": brink.Action.hold}          # the others: by their policies
        events = game.apply(turn, joint)
)")
      .def(py::init<const PyScenario&>(), py::arg("scenario"))
      .def("initial_state",
           [](const PyGame& g) {
             return PyState{g.scenario, g.engine.Initial()};
           })
      .def(
          "is_terminal",
          [](const PyGame& g, const PyState& s) { return s.state.day >= g.scenario->horizon_days; },
          py::arg("state"), "The state has reached the scenario's horizon.")
      .def(
          "begin",
          [](PyGame& g, py::object state_object, uint64_t seed, uint64_t run) {
            auto& state = state_object.cast<PyState&>();
            if (state.scenario != g.scenario)
              Raise(g_error, "the state belongs to another scenario's game");
            PyTurn t;
            t.scenario = g.scenario;
            t.stamp = g.stamp;
            t.opened = ++*g.stamp;
            t.owned.emplace(g.engine.Begin(state.state, *g.workspace, seed, run));
            t.state_owner = std::move(state_object);
            return t;
          },
          py::arg("state"), py::arg("seed") = 1, py::arg("run") = 0,
          "Opens the state's next day (dawn) and returns its Turn; randomness from (seed, run, "
          "day).")
      .def(
          "decide",
          [](const PyGame& g, const PyTurn& t) {
            const Turn& turn = t.Get();
            JointAction joint = g.engine.Decide(turn);
            py::dict out;
            for (std::size_t a = 0; a < joint.size(); ++a)
              out[py::str(g.scenario->actors[a].id)] = joint[a];
            return out;
          },
          py::arg("turn"), "Every actor's choice by its own policy: {actor id: Action}.")
      .def(
          "apply",
          [](PyGame& g, PyTurn& t, const py::object& choices) {
            const Turn& turn = t.Get();
            if (!t.owned) Raise(g_error, "apply takes a Turn from this game's begin");
            const JointAction joint = JointOf(g.engine, turn, choices);
            EventLog log;
            Status st = g.engine.Apply(*t.owned, joint, &log);
            if (!st.ok()) Raise(g_error, st.message());
            t.over = true;
            ++*g.stamp;
            return EventsList(*g.scenario, log);
          },
          py::arg("turn"), py::arg("joint") = py::none(),
          "Plays the day: `joint` maps actor ids to Actions (names work too); actors left out act "
          "by their "
          "policies. Returns the day's events (dicts as `brink run --json` writes them).")
      .def(
          "child",
          [](PyGame& g, const PyTurn& t, const py::object& choices) {
            const Turn& turn = t.Get();
            if (!t.owned) Raise(g_error, "child takes a Turn from this game's begin");
            const JointAction joint = JointOf(g.engine, turn, choices);
            PyState child{g.scenario, State()};
            EventLog log;
            Status st = g.engine.Child(turn, joint, child.state, *g.scratch, &log);
            if (!st.ok()) Raise(g_error, st.message());
            return py::make_tuple(std::move(child), EventsList(*g.scenario, log));
          },
          py::arg("turn"), py::arg("joint") = py::none(),
          "The child step (Engine::Child): what apply(turn, joint) would make of the turn's "
          "state, as a new State, with the day's events; the turn stays open, so one turn can be "
          "tried with several joint actions. Returns (state, events).")
      .def(
          "search",
          [](const PyGame& g, const PyTurn& t, const py::handle& actor, int simulations,
             int horizon_days, int course_days) {
            const Turn& turn = t.Get();
            if (simulations < 1 || horizon_days < 1 || course_days < 0)
              Raise(PyExc_ValueError, "search: simulations and horizon_days must be at least 1, course_days at least 0");
            Result<Deliberation> d = RunSearch(
                turn, ActorOf(*g.scenario, actor),
                SearchSettings{.simulations = simulations, .horizon_days = horizon_days,
                               .course_days = course_days});
            if (!d.ok()) Raise(g_error, d.message());
            return JsonLoads(DeliberationJsonLine(*g.scenario, d.value()));
          },
          py::arg("turn"), py::arg("actor"), py::arg("simulations") = 200,
          py::arg("horizon_days") = 10, py::arg("course_days") = 0,
          "The search policy's deliberation for the actor on this turn (include/brink/search.h), "
          "the turn left open: a dict as `brink run --explain --json` writes it (alternatives "
          "with value, uncertainty and visits; chosen; doctrine).")
      .def(
          "is_decision_point",
          [](const PyGame& g, const PyTurn& t, const py::handle& actor) {
            return IsDecisionPoint(t.Get(), ActorOf(*g.scenario, actor));
          },
          py::arg("turn"), py::arg("actor"),
          "Whether the search policy would search for the actor on this turn.")
      .def(
          "step",
          [](PyGame& g, PyState& state, uint64_t seed, uint64_t run) {
            if (state.scenario != g.scenario)
              Raise(g_error, "the state belongs to another scenario's game");
            EventLog log;
            ++*g.stamp;
            g.engine.Step(state.state, *g.workspace, seed, run, &log);
            if (PolicyFailed(*g.scenario)) RaisePolicyError(*g.scenario);
            return EventsList(*g.scenario, log);
          },
          py::arg("state"), py::arg("seed") = 1, py::arg("run") = 0,
          "One day by every actor's policy (begin, decide, apply); returns its events.")
      .def(
          "utility",
          [](const PyGame& g, const PyState& s, const py::handle& actor) {
            return ActorUtility(*g.scenario, s.state, ActorOf(*g.scenario, actor));
          },
          py::arg("state"), py::arg("actor"));

  m.def(
      "register_policy",
      [](const std::string& name, py::object fn) {
        if (!PyCallable_Check(fn.ptr()))
          Raise(PyExc_TypeError, "register_policy: the policy must be callable");
        if (Status st = RegisterPolicy(std::make_shared<const PythonPolicy>(name, std::move(fn)));
            !st.ok()) {
          Raise(PyExc_ValueError, st.message());
        }
      },
      py::arg("name"), py::arg("choose"),
      R"(Registers a policy written in Python under `name`, for scenarios loaded afterwards
(Scenario.with_policies(actor=name), or a scenario's `policy` key).

`choose(turn, actor_id)` returns one of turn.legal_kinds(actor_id) (a brink.Action or its name)
and must depend on the turn alone (use turn.draw(actor_id) for chance) so runs stay
reproducible. It is called with the GIL held, from the ensemble's threads: a forecast with a
Python policy runs at Python's speed (threads=1 is as fast). An exception it raises stops the
forecast and is raised again by it; an illegal action raises ValueError.)");
  m.def(
      "unregister_policy", [](const std::string& name) { return UnregisterPolicy(name); },
      py::arg("name"));
  m.def(
      "policy_names",
      [] {
        std::vector<std::string> out(PolicyNames().begin(), PolicyNames().end());
        for (std::string& name : RegisteredPolicyNames()) out.push_back(std::move(name));
        return out;
      },
      "The policies shipped, then those registered.");
  // Policies hold Python callables: drop them while the interpreter still runs.
  py::module_::import("atexit").attr("register")(py::cpp_function([] {
    for (const std::string& name : RegisteredPolicyNames()) UnregisterPolicy(name);
  }));
}

}  // namespace brink::python
