"""Progress bars: drawn for a person at a terminal, never in CI, pipes or the tests' builds."""

from __future__ import annotations

import io

import pytest

from generator.engine import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    """Progress on and stderr a terminal. pytest puts its own stderr back between a fixture and
    the test, so the test calls this (it cannot be a fixture's own doing)."""
    def become() -> Terminal:
        out = Terminal()
        monkeypatch.setattr("sys.stderr", out)
        return out

    monkeypatch.delenv("CI", raising=False)
    progress.enable(True)
    yield become
    progress.enable(False)


def test_a_stage_at_a_terminal_draws_a_bar_with_its_label_and_count(terminal, monkeypatch):
    from tqdm import tqdm

    screen = terminal()
    made = []

    def bar(**options):
        made.append(options)
        return tqdm(**{**options, "delay": 0, "mininterval": 0})  # the real bar waits a second to show

    monkeypatch.setattr(progress, "_bar", bar)
    with progress.stage("render", 40, "page") as tick:
        for _ in range(40):
            tick(1)
    assert made and made[0]["total"] == 40 and made[0]["leave"] is False and made[0]["delay"] == 1.0
    assert "render" in screen.getvalue() and "40/40" in screen.getvalue()


@pytest.mark.parametrize("case", ["ci", "pipe", "off"])
def test_no_bar_in_ci_in_a_pipe_or_when_not_asked_for(terminal, monkeypatch, case):
    screen = terminal()
    if case == "ci":
        monkeypatch.setenv("CI", "true")
    elif case == "pipe":
        monkeypatch.setattr("sys.stderr", io.StringIO())
    else:
        progress.enable(False)
    with progress.stage("load", 3) as tick:
        tick(3)
    assert tick is progress.stage_nothing
    assert screen.getvalue() == ""
