"""The game interface and policies written in Python."""
import pytest

import brink
from conftest import cli


def test_a_game_loop_plays_days_and_values_positions(default):
    game = brink.Game(default)
    state = game.initial_state()
    start = state.copy()
    while state.day < 10:
        turn = game.begin(state, seed=1, run=0)
        assert brink.Action.hold in turn.legal_kinds("us")
        assert set(turn.scores("us")) == set(turn.legal_kinds("us"))
        assert 0 <= turn.draw("us") < 1
        game.apply(turn, {"us": "hold"})
    assert state.day == 10 and start.day == 0
    assert isinstance(state.utility("us"), float)
    assert state.to_dict()["type"] == "end_state"
    assert set(state.holders) == {r["id"] for r in default.regions}



def test_forces_list_where_each_actor_stands(default):
    """state.forces lists the scenario's forces at the start, and they move as days pass."""
    game = brink.Game(default)
    state = game.initial_state()
    start = state.forces
    assert len(start) > 20  # the default scenario places dozens of forces
    regions = {r["id"] for r in default.regions}
    actors = {a["id"] for a in default.actors}
    for f in start:
        assert f["actor"] in actors and f["region"] in regions and f["strength"] > 0
        assert f["target"] is None or f["target"] in regions
    troops = {}
    for f in start:
        troops[f["actor"]] = troops.get(f["actor"], 0) + f["strength"]
    assert troops["us"] > 0 and troops["isis"] > 1000
    while state.day < 30:
        game.step(state, 1, 0)
    moved = [(f["actor"], f["region"]) for f in state.forces]
    assert moved != [(f["actor"], f["region"]) for f in start]

def test_game_steps_are_the_runs_of_the_engine(default):
    game = brink.Game(default)
    state = game.initial_state()
    events = []
    while state.day < 40:
        turn = game.begin(state, seed=5, run=0)
        events += game.apply(turn, game.decide(turn))
    assert events == brink.run(default, seed=5, days=40).events


def test_a_turn_cannot_be_used_after_apply(default):
    game = brink.Game(default)
    state = game.initial_state()
    turn = game.begin(state)
    game.apply(turn)
    with pytest.raises(brink.Error, match="Turn is over"):
        turn.legal("us")
    with pytest.raises(brink.Error, match="Turn is over"):
        game.apply(turn)


def test_an_illegal_joint_action_is_refused(default):
    game = brink.Game(default)
    turn = game.begin(game.initial_state())
    illegal = next(k for k in brink.Action.__members__.values() if not turn.is_legal("isis", k))
    with pytest.raises(brink.Error):
        game.apply(turn, {"isis": illegal})
    with pytest.raises(KeyError, match="no actor 'zz'"):
        turn.legal("zz")


def test_a_python_policy_that_holds_is_the_hold_policy(default):
    brink.register_policy("py_hold", lambda turn, actor: brink.Action.hold)
    py = brink.forecast(default.with_policies(us="py_hold"), runs=60, seed=2, days=150)
    assert py.json.replace('"us=py_hold"', '"us=hold"').encode() == cli(
        "forecast", "--json", "-", "-n", "60", "--seed", "2", "--days", "150", "--policy", "us=hold",
        "--no-progress")


def test_the_doctrine_written_in_python_decides_as_the_cpp_doctrine(default):
    # conftest.python_doctrine: the same softmax over the same scores and draws.
    everyone = [f"{a['id']}=py_doctrine" for a in default.actors]
    py = brink.forecast(default.with_policies(*everyone), runs=40, seed=3, days=120, threads=2)
    cpp = brink.forecast(default, runs=40, seed=3, days=120)
    assert py.data["binary"] == cpp.data["binary"]
    assert py.data["numbers"] == cpp.data["numbers"]


def test_a_python_policys_exception_stops_the_forecast_and_is_raised(default):
    def broken(turn, actor):
        raise ZeroDivisionError("the policy's own bug")
    brink.register_policy("py_broken", broken)
    with pytest.raises(ZeroDivisionError, match="the policy's own bug"):
        brink.forecast(default.with_policies(us="py_broken"), runs=1000)
    brink.register_policy("py_illegal", lambda turn, actor: "withdraw" if not turn.is_legal(actor, "withdraw") else "cross")
    with pytest.raises(ValueError, match="not legal for 'us'"):
        brink.run(default.with_policies(us="py_illegal"), days=5)
    brink.register_policy("py_nonsense", lambda turn, actor: 3.5)
    with pytest.raises(TypeError, match="neither a brink.Action"):
        brink.forecast(default.with_policies(us="py_nonsense"), runs=10)


def test_a_kept_turn_is_over(default):
    kept = []

    def keeper(turn, actor):
        kept.append(turn)
        return "hold"
    brink.register_policy("py_keeper", keeper)
    brink.run(default.with_policies(us="py_keeper"), days=2)
    with pytest.raises(brink.Error, match="Turn is over"):
        kept[0].scores("us")


def test_registering_refuses_shipped_names_and_bad_names():
    with pytest.raises(ValueError, match="one brink ships"):
        brink.register_policy("doctrine", lambda t, a: "hold")
    with pytest.raises(ValueError, match="expected 1 to 64"):
        brink.register_policy("no spaces", lambda t, a: "hold")
    with pytest.raises(TypeError):
        brink.register_policy("not_callable", 3)
    brink.register_policy("py_temporary", lambda t, a: "hold")
    assert brink.unregister_policy("py_temporary") and "py_temporary" not in brink.policy_names()


def test_a_child_step_is_what_apply_makes_and_leaves_the_turn_open(default):
    """Game.child (Engine::Child) plays the turn's day into a new State: the same state and
    events as apply with that joint action, and the turn can be tried again first."""
    game = brink.Game(default)
    state = game.initial_state()
    while state.day < 20:
        game.step(state, 1, 0)
    turn = game.begin(state, seed=1, run=0)
    held, held_events = game.child(turn, {"us": "hold"})
    advanced, _ = game.child(turn, {"us": "advance"})
    assert held.day == advanced.day == 21
    events = game.apply(turn, {"us": "hold"})
    assert events == held_events
    assert held.to_dict() == state.to_dict()
    with pytest.raises(brink.Error, match="Turn is over"):
        game.child(turn)


def test_search_weighs_the_alternatives_at_a_decision_point(default):
    """Game.search runs the search policy's tree search for one actor on a turn: every legal
    action weighed, the budget spent, the choice and the doctrine's choice named."""
    game = brink.Game(default)
    state = game.initial_state()
    turn = game.begin(state, seed=1, run=0)
    while not game.is_decision_point(turn, "syria"):
        game.apply(turn)
        turn = game.begin(state, seed=1, run=0)
    facing = turn.facing("syria")
    assert any(facing[k] for k in ("fire_received", "rival_in_reach", "line_in_reach", "crisis"))
    d = game.search(turn, "syria", simulations=12, horizon_days=3)
    assert d["type"] == "deliberation" and d["actor"] == "syria" and d["simulations"] == 12
    assert {a["action"] for a in d["alternatives"]} == {k.name for k in turn.legal_kinds("syria")}
    assert sum(a["visits"] for a in d["alternatives"]) == 12
    assert d["chosen"] in {a["action"] for a in d["alternatives"]} and d["doctrine"]
    assert game.search(turn, "syria", simulations=12, horizon_days=3) == d  # deterministic
    game.apply(turn)  # the search left it open
