"""Checks for the exercises of chapter 12, what a graph buys you."""
import numpy as np

from ..constant import constant
from ..graph import Graph
from ..ops.activations import sigmoid
from ..ops.arithmetic import add, multiply
from ..ops.matmul import matmul
from ..ops.reductions import reduce_sum
from ..optimize.constant_folding import fold_constants
from ..optimize.identities import remove_identities
from ..optimize.picture import program_for
from ..optimize.plan import optimize
from ..optimize.program import Program
from ..placeholder import placeholder
from ..variable import Variable
from . import feedback as fb
from .guard import refusing, with_helpers


@fb.answer_is("function")
def check_can_fold(can_fold):
    """Exercise 1: `can_fold(node)` is True when neither `node` nor anything it
    depends on is a placeholder or a variable."""
    graph = Graph()
    with graph.as_default():
        X = placeholder("float64", (None, 2), name="X")
        W = Variable([[1.0, 0.0], [0.0, 1.0]], name="W")
        two, three = constant(2.0, "float64", name="two"), constant(3.0, "float64")
        cases = [
            ("two", two, True, ""),
            ("two * three", multiply(two, three), True, ""),
            ("sigmoid(matmul(constant, constant))",
             sigmoid(matmul(constant([[1.0, 2.0]]), constant([[3.0], [4.0]]))), True,
             " Operations on constants alone fold too: look at what they depend on."),
            ("X", X, False, " A placeholder's value is only known when it is fed."),
            ("X * two", multiply(X, two), False, ""),
            ("reduce_sum(X) * two", multiply(reduce_sum(X), two), False,
             " X is not a direct input here: look at everything the node depends on, "
             "its inputs' inputs too."),
            ("W + 1.0", add(W, 1.0), False,
             " A variable keeps its value between runs, but training changes it: a value "
             "computed from it before the runs would go stale."),
        ]
    for what, node, expected, hint in cases:
        with refusing("can_fold", [("optimize", optimize), ("fold_constants", fold_constants)],
                      reason="build no program here: decide from the node and its inputs."):
            answer = can_fold(node)
        fb.answered(answer, "can_fold")
        if fb.truth(answer, "what can_fold returns") != expected:
            fb.fail(f"can_fold({what}) should be {expected}; your answer is {answer}.{hint}")
    fb.correct("a node can be folded exactly when nothing it depends on is fed or trained. "
               "The constant-folding pass decides the same, one step at a time: a step whose "
               "inputs are all constants becomes a constant, so whole constant branches fold "
               "from their leaves up.")


_X_VALUE = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.5]])


# (what y is, how to build it from X, how many Multiply steps the pass must leave)
_CASES = [
    ("X * 1 + 2", lambda X: add(multiply(X, 1.0, name="times_one"), 2.0, name="y"), 0),
    ("1 * X + 2", lambda X: add(multiply(constant(1.0, "float64"), X, name="one_times"), 2.0,
                                name="y"), 0),
    ("(X * 1) * 1", lambda X: multiply(multiply(X, 1.0, name="times_one"), 1.0, name="y"), 0),
    ("reduce_sum(X, axis=0) * ones((4, 3))",
     lambda X: multiply(reduce_sum(X, axis=0), constant(np.ones((4, 3))), name="y"), 1),
    ("reduce_sum(X, axis=0) * [[1]]",
     lambda X: multiply(reduce_sum(X, axis=0), constant([[1.0]]), name="y"), 1),
    ("X * 2", lambda X: multiply(X, 2.0, name="y"), 1),
]


def _run(program, feed):
    """The fetched values of `program`, one step at a time."""
    values = {}
    for step in program.steps:
        inputs = [values[x] for x in step.inputs]
        values[step] = (feed[step.origin] if step.kind == "feed" else
                        step.value if step.kind == "constant" else step.compute(*inputs))
    return [values[step] for step in program.fetches]


@fb.answer_is("function")
def check_remove_times_one(remove_times_one):
    """Exercise 2: `remove_times_one(program)` lets the users of each step
    `x * 1` or `1 * x` (a constant 1 of one element) read x instead, and
    returns the program."""
    for what, build, remaining in _CASES:
        with Graph().as_default():
            X = placeholder("float64", (None, 3), name="X")
            program = program_for(build(X), [X])
        expected = _run(program, {X: _X_VALUE})[0]
        with refusing("remove_times_one", with_helpers("remove_identities",
                                                            remove_identities)):
            answer = remove_times_one(program)
        fb.answered(answer, "remove_times_one")
        if not isinstance(answer, Program):
            fb.fail(f"remove_times_one should return the program it was given (a Program, "
                    f"after the rewrite); it returned {fb.describe(answer)}")
        _check_rewired(answer, what)
        got = _run(answer, {X: _X_VALUE})[0]
        if np.shape(got) != np.shape(expected):
            fb.fail(f"for y = {what}, the result now has shape {np.shape(got)} instead of "
                    f"{np.shape(expected)}: that `* 1` broadcasts its other input to a larger "
                    f"shape, so it is not x. Replace a step only by an input of exactly its "
                    f"shape (step.shape) and only when the 1 has one element (value.size == 1).")
        fb.compare(got, expected, f"for y = {what}, the program now computes "
                   f"{np.round(got, 4).tolist()} instead of {np.round(expected, 4).tolist()}: "
                   f"only a multiplication by a constant equal to 1 may go.")
        products = [step for step in answer.steps if step.op_type == "Multiply"]
        if len(products) > remaining:
            hint = (" `1 * x` is x too: look at both inputs." if "1 * X" in what
                    else " Follow the chain: each `* 1` step reads the one before.")
            fb.fail(f"for y = {what}, the step '{products[0].origin.name}' still multiplies by "
                    f"1.{hint}")
    fb.correct("`x * 1` steps vanish, and a `* 1` that changes the shape stays. Gradient "
               "code makes such steps often (backpropagation starts from ones), which is why "
               "the optimizer's identities pass (minidl/optimize/identities.py) looks for "
               "them first.")


def _check_rewired(program, what):
    """Fail when a step reads a step that is no longer in the program."""
    kept = set(program.steps)
    for step in list(program.steps) + list(program.fetches):
        for x in ([step] if step in program.fetches and step not in kept else step.inputs):
            if x not in kept:
                fb.fail(f"for y = {what}, the program still uses the step "
                        f"'{x.origin.name}', which is no longer among its steps: removing a "
                        f"step is not enough, its users must read its input instead "
                        f"(program.replace({{step: x}}) does both).")
