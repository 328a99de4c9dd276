"""Checks for the exercises of chapter 12, what a graph buys you."""
import numpy as np

import minidl as tf

from ..optimize.codegen import GeneratedFunction
from ..optimize.constant_folding import fold_constants
from ..optimize.identities import remove_identities
from ..optimize.picture import program_for
from ..optimize.program import Program
from . import feedback as fb
from .guard import with_helpers


@fb.answer_is("function")
def check_can_fold(can_fold):
    """Exercise 1: `can_fold(node)` is True when neither `node` nor anything it
    depends on is a placeholder or a variable."""
    with tf.Graph().as_default():
        X, W = tf.placeholder("float64", (None, 2), name="X"), tf.Variable(np.eye(2), name="W")
        two, three = tf.constant(2.0, "float64", name="two"), tf.constant(3.0, "float64")
        for what, node, expected, hint in [
                ("two", two, True, ""),
                ("two * three", two * three, True, ""),
                ("sigmoid(matmul(constant, constant))",
                 tf.sigmoid(tf.matmul(tf.constant([[1.0, 2.0]]), tf.constant([[3.0], [4.0]]))),
                 True, " Operations on constants alone fold too: look at what they depend on."),
                ("X", X, False, " A placeholder's value is only known when it is fed."),
                ("X * two", X * two, False, ""),
                ("reduce_sum(X) * two", tf.reduce_sum(X) * two, False, " X is not a direct "
                 "input here: look at everything the node depends on, its inputs' inputs too."),
                ("W + 1.0", W + 1.0, False, " A variable keeps its value between runs, but "
                 "training changes it: a value computed from it before the runs would go stale.")]:
            answer = fb.call(can_fold, "can_fold", node, refuse=[
                ("optimize", tf.optimize.optimize), ("fold_constants", fold_constants)],
                reason="build no program here: decide from the node and its inputs.")
            fb.expect(fb.truth(answer, "what can_fold returns") == expected,
                      f"can_fold({what}) should be {expected}; your answer is {answer}.{hint}")
    fb.correct("a node can be folded exactly when nothing it depends on is fed or trained. "
               "The constant-folding pass decides the same, one step at a time: a step whose "
               "inputs are all constants becomes a constant, so whole constant branches fold "
               "from their leaves up.")


# (what y is, how to build it from X, how many Multiply steps the pass must leave)
_CASES = [
    ("X * 1 + 2", lambda X: tf.add(tf.multiply(X, 1.0, name="times_one"), 2.0, name="y"), 0),
    ("1 * X + 2", lambda X: tf.add(tf.multiply(tf.constant(1.0, "float64"), X, name="one_times"),
                                   2.0, name="y"), 0),
    ("(X * 1) * 1",
     lambda X: tf.multiply(tf.multiply(X, 1.0, name="times_one"), 1.0, name="y"), 0),
    ("reduce_sum(X, axis=0) * ones((4, 3))",
     lambda X: tf.multiply(tf.reduce_sum(X, axis=0), tf.constant(np.ones((4, 3))), name="y"), 1),
    ("reduce_sum(X, axis=0) * [[1]]",
     lambda X: tf.multiply(tf.reduce_sum(X, axis=0), tf.constant([[1.0]]), name="y"), 1),
    ("X * 2", lambda X: tf.multiply(X, 2.0, name="y"), 1),
]


def _value(program, X_value):
    """What `program` fetches, run as the code the optimizer generates for it,
    with X fed `X_value` (unless the program no longer reads X)."""
    generated = GeneratedFunction(program)
    return generated.run(*[X_value for _ in generated.fed_steps])[0][0]


@fb.answer_is("function")
def check_remove_times_one(remove_times_one):
    """Exercise 2: `remove_times_one(program)` lets the users of each step `x * 1` or
    `1 * x` (a constant 1 of one element) read x instead, and returns the program."""
    X_value = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.5]])
    for what, build, remaining in _CASES:
        with tf.Graph().as_default():
            X = tf.placeholder("float64", (None, 3), name="X")
            program = program_for(build(X), [X])
        expected = _value(program, X_value)
        answer = fb.call(remove_times_one, "remove_times_one", program,
                         refuse=with_helpers("remove_identities", remove_identities))
        fb.expect(isinstance(answer, Program), f"remove_times_one should return the program it "
                  f"was given (a Program, after the rewrite); it returned {fb.describe(answer)}")
        kept = set(answer.steps)
        for read in [x for step in answer.steps for x in step.inputs] + list(answer.fetches):
            if read not in kept:
                fb.fail(f"for y = {what}, the program still uses the step '{read.origin.name}', "
                        f"which is no longer among its steps: removing a step is not enough, "
                        f"its users must read its input instead (program.replace({{step: x}}) "
                        f"does both).")
        got = _value(answer, X_value)
        fb.expect(np.shape(got) == np.shape(expected), f"for y = {what}, the result now has "
                  f"shape {np.shape(got)} instead of {np.shape(expected)}: that `* 1` broadcasts "
                  f"its other input to a larger shape, so it is not x. Replace a step only by an "
                  f"input of exactly its shape (step.shape) and only when the 1 has one element "
                  f"(value.size == 1).")
        fb.compare(got, expected, f"for y = {what}, the program now computes "
                   f"{np.round(got, 4).tolist()} instead of {np.round(expected, 4).tolist()}: "
                   f"only a multiplication by a constant equal to 1 may go.")
        products = [step for step in answer.steps if step.op_type == "Multiply"]
        if len(products) > remaining:
            fb.fail(f"for y = {what}, the step '{products[0].origin.name}' still multiplies by 1."
                    + (" `1 * x` is x too: look at both inputs." if "1 * X" in what else
                       " Follow the chain: each `* 1` step reads the one before."))
    fb.correct("`x * 1` steps vanish, and a `* 1` that changes the shape stays. Gradient "
               "code makes such steps often (backpropagation starts from ones), which is why "
               "the optimizer's identities pass (minidl/optimize/identities.py) looks for "
               "them first.")
