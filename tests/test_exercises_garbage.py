"""Every exercise check answers every garbage answer with feedback: it prints
a verdict or raises the AssertionError that explains what is wrong, and never
crashes inside minidl/exercises with a traceback of its own (issue 26).

The garbage: values of every wrong kind, functions that return them (alone,
in pairs, in fours, or as a function), and classes whose every method
returns them. Each check gets each one, in the place of its answer."""
import importlib
import inspect
import traceback
from pathlib import Path

import numpy as np
import pytest

import minidl as tf
from minidl.exercises import chapter08

EXERCISES = Path(tf.__file__).parent / "exercises"
CHAPTERS = ["chapter01", "chapter02", "chapter03", "chapter04", "chapter05", "chapter05b",
            "chapter05c", "chapter06", "chapter07", "chapter08", "chapter09", "chapter10",
            "chapter11", "chapter12"]


def _checks():
    """(id, function of one answer) for every check, the two halves of
    check_train_held_out(data, train) apart."""
    checks = []
    for chapter in CHAPTERS:
        module = importlib.import_module(f"minidl.exercises.{chapter}")
        for name, check in vars(module).items():
            if name.startswith("check_") and inspect.getmodule(check) is module:
                checks.append((f"{chapter}.{name}", check))
    held_out = chapter08.check_train_held_out
    checks.remove(("chapter08.check_train_held_out", held_out))
    checks.append(("chapter08.check_train_held_out(data)",
                   lambda data: held_out(data, lambda X, y: None)))
    checks.append(("chapter08.check_train_held_out(train)",
                   lambda train: held_out("xor", train)))
    return checks


def _values():
    """Values of every wrong kind, made fresh for each use."""
    with tf.Graph().as_default():
        foreign_node = tf.constant([1.0, 2.0], name="elsewhere")
    return [0, 1, -2.5, float("nan"), float("inf"), True, "x", "0.25", [], [1, 2], (1, 2),
            {}, {"s": 1}, np.zeros(3), np.zeros((2, 2)), np.array(["a"]), np.array(np.nan),
            object(), foreign_node, print]


def _class_returning(value, base):
    """A subclass of `base` whose every method returns `value`."""
    def method(self, *args, **kwargs):
        return value

    def init(self, *args, **kwargs):
        nodes = [a for a in args if isinstance(a, tf.Node)]
        if base is tf.Operation:
            base.__init__(self, nodes)

    methods = {name: method for name in ("compute", "gradient", "initial_slots",
                                         "update_rule", "backward", "tanh", "__mul__",
                                         "__add__", "__rmul__", "__radd__")}
    return type("Garbage", (base,), {"__init__": init, **methods})


def _answers(value):
    """Answers built from `value`, with what each is."""
    yield "the value", value
    yield "a function returning it", lambda *args, **kwargs: value
    yield "a function returning two", lambda *args, **kwargs: (value, value)
    yield "a function returning four", lambda *args, **kwargs: (value,) * 4
    yield "a function returning a function", lambda *args, **kwargs: (
        lambda *more, **keywords: value)
    for base in (tf.Operation, tf.train.Optimizer, object):
        yield f"a {base.__name__} subclass returning it", _class_returning(value, base)


CASES = [pytest.param(check, name, id=name) for name, check in _checks()]


def _from_the_checks(error):
    """Whether `error` comes from the checks' own code: the innermost frame of
    minidl or of this file is in minidl/exercises. (An error the library
    raises about the answer, with its own message, or that the answer itself
    raises, is not a crash of the check.)"""
    ours = [Path(frame.filename) for frame in traceback.extract_tb(error.__traceback__)
            if Path(frame.filename).is_relative_to(EXERCISES.parent)
            or frame.filename == __file__]
    return bool(ours) and ours[-1].parent == EXERCISES


@pytest.mark.parametrize("check, name", CASES)
def test_every_garbage_answer_gets_feedback(check, name, capsys):
    crashes = []
    for value in _values():
        for what, answer in _answers(value):
            try:
                with np.errstate(all="ignore"):
                    check(answer)
            except AssertionError:
                continue
            except Exception as error:  # noqa: BLE001 - the point is to see any
                if _from_the_checks(error):
                    crashes.append(f"{what} ({value!r}): {type(error).__name__}: {error}")
                continue
            assert not capsys.readouterr().out.startswith("Correct!"), (what, value)
    assert not crashes, f"{name} crashed on {len(crashes)} garbage answers:\n" + "\n".join(
        crashes)
