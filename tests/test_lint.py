"""Lint and types: `ruff check` and `mypy` over generator/ and build.py, as pyproject.toml
configures them (the rules and settings, and why, are there), must find nothing. They run with
this interpreter, so in the virtualenv scripts/setup made with requirements-test.txt's pins.

Alone: `bash scripts/test -m lint`, or `.venv/bin/ruff check` and `.venv/bin/mypy` from the
project folder. (`ruff format --check` is not run: the code is not written in ruff's format.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.seeds import ROOT

pytestmark = pytest.mark.lint


def _run(*command: str) -> None:
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited {done.returncode}:\n{done.stdout}{done.stderr}", pytrace=False)


def test_ruff() -> None:
    # The files are pyproject.toml's `include`; --no-fix so that a test never edits the code.
    _run("ruff", "check", "--no-fix", "--output-format", "concise")


def test_mypy() -> None:
    # The files and the cache (.cache/mypy/, not committed: a run after no change takes a second)
    # are pyproject.toml's.
    _run("mypy")
