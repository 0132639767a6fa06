"""Scores and comparisons from Python, as the command line makes them."""
import pytest

import brink
from conftest import SMALL, cli


def test_score_is_the_command_lines_json(default):
    s = brink.score(default, runs=200, seed=3)
    assert s.json.encode() == cli("score", "--json", "-", "-n", "200", "--seed", "3", "--no-progress")
    assert len(s.data["observations"]) > 10
    assert 0 <= s.totals["mean_brier"] <= 1


def test_score_against_observations_given_as_a_file_or_text(small):
    path = SMALL.replace("small.toml", "small-observations.toml")
    by_file = brink.score(small, observations=path, runs=100, seed=2)
    with open(path) as f:
        by_text = brink.score(small, observations_text=f.read(), runs=100, seed=2)
    assert by_file.data["totals"] == by_text.data["totals"]
    assert by_file.json.encode() == cli("score", "--scenario", SMALL, "--observations", path, "--json", "-",
                                        "-n", "100", "--seed", "2", "--no-progress")
    with pytest.raises(brink.ScenarioError, match=r"<observations>:2:6: "):
        brink.score(small, observations_text="[[observation]]\nid = 3\n", runs=10)


def test_compare_two_scenarios_with_paired_intervals_as_the_command_line(default):
    c = brink.compare(default, default.set("faction.us_hawks.influence=0.8"), runs=300, seed=2, days=150)
    printed = cli("compare", "--set", "faction.us_hawks.influence=0.8", "-n", "300", "--seed", "2",
                  "--days", "150", "--no-progress").decode()
    assert c.text in printed
    rows = {r["id"]: r for r in c.rows}
    assert rows["war"]["paired_low"] is not None
    assert rows["direct_clash"]["difference"] == pytest.approx(rows["direct_clash"]["b"] - rows["direct_clash"]["a"])


def test_compare_two_saved_forecasts(small):
    a = brink.forecast(small, runs=300, seed=1)
    b = brink.forecast(small.set("rules.signalling=false"), runs=300, seed=1)
    c = brink.compare(a, b)
    assert all(r["paired_low"] is None for r in c.rows)
    assert {r["id"] for r in c.rows} >= set(a.binary_ids)
    with pytest.raises(brink.Error, match="not a forecast"):
        brink.compare(a, "{}")
