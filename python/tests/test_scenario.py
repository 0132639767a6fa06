"""Loading scenarios, setting parameters, and brink's errors as Python exceptions."""
import pytest

import brink
from conftest import SMALL


def test_default_by_name_file_and_text_load_the_same_scenario(default):
    assert brink.load("eastern-syria-2017").content_hash == default.content_hash
    assert default.horizon_days > 0 and len(default.actors) > 2
    text = brink.default_scenario_text()
    from_text = brink.loads(text, "mine.toml")
    assert from_text.content_hash == default.content_hash
    assert from_text.source == "mine.toml"
    small = brink.load(SMALL)
    assert small.source == SMALL
    with open(SMALL) as f:
        assert brink.loads(f.read()).content_hash == small.content_hash


def test_set_returns_a_new_scenario_with_the_override(default):
    fewer = default.set("exposure.us_iraq.troops=2000")
    assert fewer.overrides == ["exposure.us_iraq.troops=2000"]
    assert default.overrides == []
    both = fewer.set({"rules.signalling": False}, **{"faction.us_hawks.influence": 0.8})
    assert both.overrides == ["exposure.us_iraq.troops=2000", "rules.signalling=false",
                              "faction.us_hawks.influence=0.8"]


def test_with_policies_sets_an_actors_policy(default):
    held = default.with_policies(us="hold")
    assert {a["id"]: a["policy"] for a in held.actors}["us"] == "hold"
    assert held.policies == ["us=hold"]
    assert "doctrine" in brink.policy_names() and "hold" in brink.policy_names()


def test_a_scenario_error_names_file_line_and_column():
    lines = brink.default_scenario_text().splitlines()
    line = next(i for i, text in enumerate(lines) if text.startswith("horizon_days ="))
    lines[line] = "horizon_days = 'soon'"
    with pytest.raises(brink.ScenarioError) as error:
        brink.loads("\n".join(lines), "what-if.toml")
    assert str(error.value).startswith(f"what-if.toml:{line + 1}:16:"), str(error.value)
    assert isinstance(error.value, brink.Error) and isinstance(error.value, RuntimeError)


def test_a_syntax_error_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[scenario\n")
    with pytest.raises(brink.ScenarioError, match=r"broken\.toml:1:\d+: syntax error"):
        brink.load(str(path))


def test_a_bad_override_or_policy_is_refused_with_brinks_message(default):
    with pytest.raises(brink.ScenarioError, match="unknown path 'nope.x'"):
        default.set("nope.x=1")
    with pytest.raises(brink.ScenarioError, match="no policy 'nobody'"):
        default.with_policies(us="nobody")
    with pytest.raises(brink.ScenarioError, match="no actor 'martians'"):
        default.with_policies(martians="hold")


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(brink.ScenarioError, match="missing.toml"):
        brink.load(str(tmp_path / "missing.toml"))


def test_embedded_scenarios_load_by_name_as_on_the_command_line():
    assert brink.embedded_scenarios() == ["eastern-syria-2017", "eastern-syria-2018", "idlib-2020"]
    later = brink.load("eastern-syria-2018")
    assert later.source == "<eastern-syria-2018.toml>"
    assert later.start_date == "2018-01-01"
    # The same run as `brink run --scenario eastern-syria-2018 --json -`.
    from conftest import cli
    assert brink.run(later, seed=7, days=60).json_lines.encode() == cli(
        "run", "--scenario", "eastern-syria-2018", "--seed", "7", "--days", "60", "--json", "-")
