"""Chapter 5c, autodiff in one page: the checks accept the model engine and the
notebook's engine once its three holes are filled, report the holes as not yet
done, and refuse typical wrong answers, a wrong type and the library's
tf.gradients, each with its own reason."""
import inspect
import json
import math
import textwrap
from pathlib import Path

import pytest
from exercise_helpers import assert_correct, assert_not_yet, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter05c

solutions05c = load_solutions("chapter05c")
Scalar = solutions05c.Scalar
right_backward = Scalar.backward
NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "05c_autodiff_in_one_page.ipynb"
CHECKS = (chapter05c.check_mul, chapter05c.check_tanh, chapter05c.check_backward)


def notebook_engine(fill=()):
    """The Scalar class of the notebook's engine cell, with the holes named in
    `fill` filled by the model answer's methods (defined in the cell's namespace,
    so that they build the notebook's Scalars)."""
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    source = next("".join(cell["source"]) for cell in cells
                  if "class Scalar" in "".join(cell["source"]))
    namespace = {}
    exec(source, namespace)
    engine = namespace["Scalar"]
    for name in fill:
        exec(textwrap.dedent(inspect.getsource(getattr(Scalar, name))), namespace)
        setattr(engine, name, namespace[name])
    return engine


def test_the_model_engine_passes(capsys):
    for check in CHECKS:
        assert_correct(check, Scalar, capsys)


def test_the_notebook_engine_reports_its_holes_as_not_yet_done(capsys):
    engine = notebook_engine()
    for check in CHECKS:
        assert_not_yet(check, engine, capsys)


def test_the_notebook_engine_with_its_holes_filled_passes(capsys):
    assert_not_yet(chapter05c.check_backward, notebook_engine(fill=["__mul__", "tanh"]),
                   capsys)
    engine = notebook_engine(fill=["__mul__", "tanh", "backward"])
    for check in CHECKS:
        assert_correct(check, engine, capsys)


def topological_order(output):
    order, visited = [], set()

    def visit(node):
        if id(node) not in visited:
            visited.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)
    visit(output)
    return order


def backward_overwriting(self):
    self.grad = 1.0
    for node in reversed(topological_order(self)):
        for parent, local in node.parents:
            parent.grad = local * node.grad


def backward_from_the_inputs(self):
    self.grad = 1.0
    for node in topological_order(self):
        for parent, local in node.parents:
            parent.grad += local * node.grad


def backward_along_every_path(self):
    def send(node, grad):
        node.grad += grad
        for parent, local in node.parents:
            send(parent, local * grad)
    send(self, 1.0)


def backward_writing_text(self):
    right_backward(self)
    for node in topological_order(self):
        node.grad = f"{node.grad:.2f}"


def backward_by_tf_gradients(self):
    tf.gradients(tf.constant(self.value), [])


def mul_storing_its_own_inputs(self, other):
    other = solutions05c.lift(other)
    return Scalar(self.value * other.value, ((self, self.value), (other, other.value)))


def mul_returning_a_float(self, other):
    return self.value * solutions05c.lift(other).value


def mul_adding(self, other):
    other = solutions05c.lift(other)
    return Scalar(self.value + other.value, ((self, other.value), (other, self.value)))


def mul_keeping_one_parent(self, other):
    other = solutions05c.lift(other)
    return Scalar(self.value * other.value, ((self, other.value),))


def tanh_derivative_without_the_square(self):
    t = math.tanh(self.value)
    return Scalar(t, ((self, 1 - t),))


def tanh_derivative_from_the_input(self):
    return Scalar(math.tanh(self.value), ((self, 1 - self.value ** 2),))


def tanh_returning_a_float(self):
    return math.tanh(self.value)


@pytest.mark.parametrize("method, wrong, check, phrases", [
    ("__mul__", mul_storing_its_own_inputs, chapter05c.check_mul,
     ["the local derivative stored for a is 3", "the other factor, b"]),
    ("__mul__", mul_adding, chapter05c.check_mul, ["has the value 1.0, not -6.0", "the sum"]),
    ("__mul__", mul_keeping_one_parent, chapter05c.check_mul,
     ["does not have b among its parents", "two pairs"]),
    ("tanh", tanh_derivative_without_the_square, chapter05c.check_tanh,
     ["That is 1 - tanh(x): square the tanh"]),
    ("__mul__", mul_returning_a_float, chapter05c.check_mul,
     ["should return a new Scalar", "a float, -6.0"]),
    ("tanh", tanh_derivative_from_the_input, chapter05c.check_tanh,
     ["1 - tanh(x)**2", "That is 1 - x**2"]),
    ("tanh", tanh_returning_a_float, chapter05c.check_tanh,
     ["should return a new Scalar", "a float"]),
    ("backward", backward_overwriting, chapter05c.check_backward,
     ["for a * b + a", "add (+=), never overwrite"]),
    ("backward", backward_from_the_inputs, chapter05c.check_backward,
     ["for a * b + a", "walk the topological order backwards"]),
    ("backward", backward_writing_text, chapter05c.check_backward,
     ["the grad of a after backward() should be a number", "the string '-0.20'"]),
    ("backward", backward_by_tf_gradients, chapter05c.check_backward,
     ["Write it yourself", "`tf.gradients`"]),
])
def test_wrong_engines_are_rejected(monkeypatch, method, wrong, check, phrases):
    monkeypatch.setattr(Scalar, method, wrong)
    assert_rejected(check, Scalar, *phrases)


def test_a_walk_along_every_path_is_stopped_by_the_time_limit(monkeypatch):
    monkeypatch.setattr(chapter05c, "DEEP_SECONDS", 0.5)
    monkeypatch.setattr(Scalar, "backward", backward_along_every_path)
    assert_rejected(chapter05c.check_backward, Scalar, "stopped after 0.5 seconds",
                    "2**60 paths", "topological order")
