"""Shared helpers for the tests of the exercise checks: load a chapter's model
answers from solutions/, and assert what a check says about an answer."""
import importlib.util
from pathlib import Path

import pytest

SOLUTIONS = Path(__file__).parent.parent / "solutions"


def load_solutions(chapter):
    """The module solutions/<chapter>.py (solutions/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        f"solutions_{chapter}", SOLUTIONS / f"{chapter}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_correct(check, answer, capsys):
    check(answer)
    assert capsys.readouterr().out.startswith("Correct!")


def assert_not_yet(check, stub, capsys):
    check(stub)
    assert capsys.readouterr().out.startswith("Not implemented yet")


def assert_rejected(check, wrong_answer, *phrases):
    with pytest.raises(AssertionError) as failure:
        check(wrong_answer)
    for phrase in phrases:
        assert phrase in str(failure.value)
