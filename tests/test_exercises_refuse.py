"""Every exercise check refuses the library's own version of the answer (where
the library has one) and an answer of the wrong type, each with a message that
says what was given and what is expected.

A shortcut is tried the way a learner would write it, under any name it is
imported as: the check watches the calls, not the spelling."""
import numpy as np
import pytest
from exercise_helpers import assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter01, chapter02, chapter03, chapter04

solutions01 = load_solutions("chapter01")
solutions02 = load_solutions("chapter02")
solutions04 = load_solutions("chapter04")

WRITE_IT = "Write it yourself"


class AffineReturningText(solutions01.Affine):
    def compute(self, A_value, x_value, b_value):
        return "A x + b"


class SigmoidCrossEntropyBorrowingCompute(tf.Operation):
    def __init__(self, labels, logits, name=None):
        super().__init__([labels, logits], name)

    compute = tf.ops.losses.SigmoidCrossEntropyWithLogits.compute


class SigmoidCrossEntropyInherited(tf.ops.losses.SigmoidCrossEntropyWithLogits):
    pass


class SigmoidCrossEntropyReturningText(solutions04.SigmoidCrossEntropy):
    def compute(self, labels, logits):
        return "-y log p"


def depends_on_through_an_alias(node, other):
    from minidl.traversal import topological_order as nodes_needed_by
    return other in nodes_needed_by([node])


SHORTCUTS = [
    pytest.param(chapter01.check_depends_on, depends_on_through_an_alias,
                 ["depends_on calls `tf.traversal.topological_order`", WRITE_IT],
                 id="01-depends_on"),
    pytest.param(chapter01.check_affine, lambda A, x, b: tf.matmul(A, x) + b,
                 [WRITE_IT, "a class of your own", "matmul(A, x) + b"],
                 id="01-affine"),
    pytest.param(chapter02.check_topological_order,
                 lambda target: tf.traversal.topological_order([target]),
                 [WRITE_IT, "`tf.traversal.topological_order`"], id="02-topological_order"),
    pytest.param(chapter02.check_run,
                 lambda target, feed_dict: tf.Session().run(target, feed_dict),
                 [WRITE_IT, "my_run calls `tf.Session.run`"], id="02-run"),
    pytest.param(chapter03.check_softmax, lambda logits: tf.nn.softmax(logits, axis=1),
                 [WRITE_IT, "`tf.nn.softmax`"], id="03-softmax"),
    pytest.param(chapter03.check_softmax, tf.ops.activations.Softmax,
                 [WRITE_IT, "library's Softmax operation"], id="03-softmax-class"),
    pytest.param(chapter04.check_cross_entropy,
                 lambda Y, p: tf.reduce_sum(
                     tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=tf.log(p))),
                 [WRITE_IT, "`tf.nn.softmax_cross_entropy_with_logits_v2`"],
                 id="04-cross_entropy"),
    pytest.param(chapter04.check_cross_entropy,
                 lambda Y, p: tf.reduce_sum(tf.ops.losses.CrossEntropy(Y, tf.log(p))),
                 [WRITE_IT, "library's CrossEntropy operation"], id="04-cross_entropy-class"),
    pytest.param(chapter04.check_log_softmax, lambda logits: tf.nn.log_softmax(logits),
                 [WRITE_IT, "`tf.nn.log_softmax`"], id="04-log_softmax"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyBorrowingCompute,
                 [WRITE_IT, "`SigmoidCrossEntropyWithLogits.compute`"],
                 id="04-sigmoid_cross_entropy"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyInherited,
                 [WRITE_IT, "inherits the library's"], id="04-sigmoid_cross_entropy-inherited"),
]

WRONG_TYPES = [
    pytest.param(chapter01.check_difference_of_squares, lambda: ("x", "y", "(x + y) * (x - y)"),
                 ["x should be a placeholder", "it is the string 'x'"],
                 id="01-difference_of_squares"),
    pytest.param(chapter01.check_depends_on, lambda node, other: "False",
                 ["should be True or False", "the string 'False'"], id="01-depends_on"),
    pytest.param(chapter01.check_affine, AffineReturningText,
                 ["Affine.compute returns should be numbers", "the string 'A x + b'"],
                 id="01-affine"),
    pytest.param(chapter02.check_topological_order,
                 lambda target: [node.name for node in solutions02.my_topological_order(target)],
                 ["should hold nodes (not their names)", "the string 'A'"],
                 id="02-topological_order"),
    pytest.param(chapter02.check_run,
                 lambda target, feed_dict: str(solutions02.my_run(target, feed_dict)),
                 ["my_run returns for z with x = [1, 2] should be numbers", "the string '[ 2 -1]'"],
                 id="02-run"),
    pytest.param(chapter03.check_softmax,
                 lambda logits: np.exp([2.0, 1.0, 0.1]) / np.exp([2.0, 1.0, 0.1]).sum(),
                 ["should be a minidl node", "a NumPy array"], id="03-softmax"),
    pytest.param(chapter03.check_three_class_weights, lambda centers: ("centers.T", "0"),
                 ["W should be numbers", "the string 'centers.T'"], id="03-three_class_weights"),
    pytest.param(chapter04.check_cross_entropy, lambda Y, p: 2.31,
                 ["what cross_entropy returns should be a minidl node", "a float, 2.31"],
                 id="04-cross_entropy"),
    pytest.param(chapter04.check_log_softmax, lambda logits: np.zeros((3, 3)),
                 ["should be a minidl node", "a NumPy array"], id="04-log_softmax"),
    pytest.param(chapter04.check_error_rate, lambda p, y: "0.5",
                 ["should be a minidl node", "the string '0.5'"], id="04-error_rate"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyReturningText,
                 ["should be numbers", "the string '-y log p'"], id="04-sigmoid_cross_entropy"),
]


@pytest.mark.parametrize("check, answer, phrases", SHORTCUTS)
def test_the_library_version_is_refused(check, answer, phrases):
    assert_rejected(check, answer, *phrases)


@pytest.mark.parametrize("check, answer, phrases", WRONG_TYPES)
def test_an_answer_of_the_wrong_type_is_refused(check, answer, phrases):
    assert_rejected(check, answer, *phrases)
