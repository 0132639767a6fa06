"""docs/python.md's worked example runs as written (with fewer runs), and so do its other
snippets."""
import os
import re

from conftest import SOURCE_DIR


def _blocks():
    with open(os.path.join(SOURCE_DIR, "docs", "python.md")) as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def test_the_worked_example_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    example = _blocks()[0].replace("RUNS = 4000", "RUNS = 300")
    assert "RUNS = 300" in example
    exec(compile(example, "docs/python.md", "exec"), {})
    try:
        import matplotlib  # noqa: F401
        assert (tmp_path / "us_troops_in_iraq.png").stat().st_size > 1000
    except ImportError:
        pass


def test_the_policy_and_game_snippets_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    policy, game = _blocks()[1], _blocks()[2]
    policy = policy.replace("runs=1000", "runs=20")
    scope = {}
    exec(compile(policy, "docs/python.md", "exec"), scope)
    import brink
    scope["sc"] = brink.load()
    exec(compile(game, "docs/python.md", "exec"), scope)
    # The look-ahead snippet, from a fresh start.
    scope["state"] = scope["game"].initial_state()
    exec(compile(_blocks()[3], "docs/python.md", "exec"), scope)
