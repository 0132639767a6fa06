"""One course of events from Python, and the same from the command line."""
from conftest import cli

import brink


def test_run_is_the_command_lines_json_byte_for_byte(default):
    r = brink.run(default, seed=5, days=60)
    assert r.json_lines.encode() == cli("run", "--json", "-", "--seed", "5", "--days", "60")
    assert r.header["seed"] == 5
    assert all(e["type"] == "event" for e in r.events) and len(r.events) > 0
    assert r.end["type"] == "end_state"
    assert "Day 1" in r.narrative


def test_run_events_are_dicts_in_day_order(default):
    r = brink.run(default, seed=2, days=30)
    days = [e["day"] for e in r.events]
    assert days == sorted(days) and days[-1] <= 30


def test_run_with_a_set_matches_the_command_line(small):
    r = brink.run(small.set("rules.signalling=false"), seed=9)
    assert r.json_lines.encode() == cli("run", "--scenario", small.source, "--set", "rules.signalling=false",
                                        "--json", "-", "--seed", "9")
