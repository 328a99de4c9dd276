"""Every exercise check refuses the library's own version of the answer (where
the library has one) and an answer of the wrong type, each with a message that
says what was given and what is expected.

A shortcut is tried the way a learner would write it, under any name it is
imported as: the check watches the calls, not the spelling."""
import numpy as np
import pytest
from exercise_helpers import assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import (
    chapter01,
    chapter02,
    chapter03,
    chapter04,
    chapter05,
    chapter05b,
    chapter06,
    chapter07,
    chapter08,
    chapter09,
    chapter10,
    chapter11,
)

solutions01 = load_solutions("chapter01")
solutions02 = load_solutions("chapter02")
solutions04 = load_solutions("chapter04")
solutions05b = load_solutions("chapter05b")
solutions06 = load_solutions("chapter06")
solutions07 = load_solutions("chapter07")
solutions08 = load_solutions("chapter08")
solutions09 = load_solutions("chapter09")

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


class SoftplusReturningText(solutions05b.Softplus):
    def compute(self, x_value):
        return "log(1 + e**x)"


def cross_entropy_gradient_by_tf_gradients(X_data, Y_data, W_value, b_value):
    with tf.Graph().as_default():
        W, b = tf.Variable(W_value), tf.Variable(b_value)
        logits = tf.constant(X_data) @ W + b
        J = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y_data,
                                                                     logits=logits))
        with tf.Session() as session:
            return session.run(tf.gradients(J, [W, b]))


def train_on_a_fresh_sample_of_circles(X_train, y_train, X_test):
    X_more, y_more = tf.datasets.circles(n=200, seed=2)
    return solutions06.train_and_predict(np.vstack([X_train, X_more]),
                                         np.concatenate([y_train, y_more]), X_test)


def mlp_logits_by_dense_layers(X, layers):
    h = X
    for W, _ in layers[:-1]:
        h = tf.layers.dense(h, W.shape[1], activation=tf.sigmoid)
    return tf.layers.dense(h, layers[-1][0].shape[1])


def steps_by_running_momentum(momentum, fraction):
    with tf.Graph().as_default():
        w = tf.Variable(0.0)
        step = tf.train.MomentumOptimizer(1.0, momentum).minimize(w)
        session, before, n = tf.Session(), 0.0, 0
        while True:
            n += 1
            session.run(step)
            after = session.run(w)
            if abs(after - before) >= fraction / (1 - momentum):
                return n
            before = after


def adam_path_by_the_library(gradient, w0, learning_rate, num_steps):
    with tf.Graph().as_default():
        w = tf.Variable(w0)
        J = tf.reduce_sum(w * tf.constant(0.0))
        step = tf.train.AdamOptimizer(learning_rate).minimize(J)
        session = tf.Session()
        path = [session.run(w)]
        for _ in range(num_steps):
            session.run(step)
            path.append(session.run(w))
        return np.array(path)


class RMSPropReturningText(solutions07.RMSPropOptimizer):
    def update_rule(self, value, grad, slots):
        return "-learning_rate g / sqrt(s)", slots


def train_on_all_the_digits(X_train, y_train):
    X, y = tf.datasets.load_digits()
    return solutions08.train(X, y, num_epochs=1)


def train_predicting_words(X_train, y_train):
    return lambda X_new: np.array(["seven"] * len(X_new))


class LeakyReluReturningText(solutions09.LeakyRelu):
    def compute(self, x_value):
        return "x if x > 0 else alpha x"


def check_chapter08_train_on_digits(train):
    chapter08.check_train_held_out("digits", train)


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
                 lambda y, p: tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(
                     y, tf.log(p) - tf.log(1 - p))),
                 [WRITE_IT, "`tf.nn.sigmoid_cross_entropy_with_logits`"],
                 id="04-cross_entropy"),
    pytest.param(chapter04.check_cross_entropy,
                 lambda y, p: tf.reduce_sum(tf.ops.losses.SigmoidCrossEntropyWithLogits(
                     y, tf.log(p / (1 - p)))),
                 [WRITE_IT, "library's SigmoidCrossEntropyWithLogits operation"],
                 id="04-cross_entropy-class"),
    pytest.param(chapter04.check_log_softmax, lambda logits: tf.nn.log_softmax(logits),
                 [WRITE_IT, "`tf.nn.log_softmax`"], id="04-log_softmax"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyBorrowingCompute,
                 [WRITE_IT, "`SigmoidCrossEntropyWithLogits.compute`"],
                 id="04-sigmoid_cross_entropy"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyInherited,
                 [WRITE_IT, "inherits the library's"], id="04-sigmoid_cross_entropy-inherited"),
    pytest.param(chapter05b.check_cross_entropy_gradient, cross_entropy_gradient_by_tf_gradients,
                 [WRITE_IT, "`tf.gradients`"], id="05b-cross_entropy_gradient"),
    pytest.param(chapter05b.check_my_gradients, lambda ys, xs: tf.gradients(ys, xs),
                 [WRITE_IT, "my_gradients calls `tf.gradients`"], id="05b-my_gradients"),
    pytest.param(chapter06.check_mlp_logits, mlp_logits_by_dense_layers,
                 [WRITE_IT, "`tf.layers.dense`"], id="06-mlp_logits"),
    pytest.param(chapter06.check_train_circles, train_on_a_fresh_sample_of_circles,
                 ["calls `tf.datasets.circles`", "holds back the examples it tests on"],
                 id="06-train_circles"),
    pytest.param(chapter07.check_momentum_warmup, steps_by_running_momentum,
                 ["calls `tf.train.MomentumOptimizer.update_rule`", "work it out"],
                 id="07-momentum_warmup"),
    pytest.param(chapter07.check_adam_path, adam_path_by_the_library,
                 [WRITE_IT, "`tf.train.AdamOptimizer.update_rule`"], id="07-adam_path"),
    pytest.param(chapter08.check_confusion_counts,
                 lambda y_true, y_pred, n: tf.plot.confusion_counts(y_true, y_pred, n),
                 [WRITE_IT, "`tf.plot.confusion_counts`"], id="08-confusion_counts"),
    pytest.param(check_chapter08_train_on_digits, train_on_all_the_digits,
                 ["train calls `tf.datasets.load_digits`", "holds back the examples"],
                 id="08-train_held_out"),
    pytest.param(chapter09.check_leaky_relu,
                 lambda x, alpha=0.2: tf.maximum(x, alpha * x),
                 ["a class of your own", "the function <lambda>"], id="09-leaky_relu"),
    pytest.param(chapter10.check_l2_penalty,
                 lambda weights, weight_decay: weight_decay * tf.add_n(
                     [tf.nn.l2_loss(W) for W in weights]),
                 ["without tf.nn.l2_loss"], id="10-l2_penalty"),
    pytest.param(chapter10.check_dropout_mask,
                 lambda shape, rate, rng: tf.nn.dropout(np.ones(shape), rate=rate),
                 ["without tf.nn.dropout"], id="10-dropout_mask"),
    pytest.param(chapter11.check_glorot_uniform,
                 lambda fan_in, fan_out, rng: tf.glorot_uniform_initializer(seed=1)(
                     (fan_in, fan_out), tf.float64),
                 ["tf.glorot_uniform_initializer has its own generator"],
                 id="11-glorot_uniform"),
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
    pytest.param(chapter04.check_cross_entropy, lambda y, p: 2.31,
                 ["what binary_cross_entropy returns should be a minidl node", "a float, 2.31"],
                 id="04-cross_entropy"),
    pytest.param(chapter04.check_log_softmax, lambda logits: np.zeros((3, 3)),
                 ["should be a minidl node", "a NumPy array"], id="04-log_softmax"),
    pytest.param(chapter04.check_error_rate, lambda p, y: "0.5",
                 ["should be a minidl node", "the string '0.5'"], id="04-error_rate"),
    pytest.param(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyReturningText,
                 ["should be numbers", "the string '-y log p'"], id="04-sigmoid_cross_entropy"),
    pytest.param(chapter05.check_gradient_descent, lambda *args: "x - learning_rate * g",
                 ["the path gradient_descent returns should be numbers", "the string"],
                 id="05-gradient_descent"),
    pytest.param(chapter05.check_largest_learning_rate, "0.25",
                 ["should be a number", "write 0.25, not '0.25'"], id="05-largest_learning_rate"),
    pytest.param(chapter05b.check_softplus, SoftplusReturningText,
                 ["Softplus.compute returns should be numbers", "the string"], id="05b-softplus"),
    pytest.param(chapter05b.check_cross_entropy_gradient, lambda *args: ("X^T (P - Y)", "P - Y"),
                 ["dJ/dW should be numbers", "the string 'X^T (P - Y)'"],
                 id="05b-cross_entropy_gradient"),
    pytest.param(chapter05b.check_my_gradients, lambda ys, xs: ["dJ/dx"] * len(xs),
                 ["should be a minidl node", "the string 'dJ/dx'"], id="05b-my_gradients"),
    pytest.param(chapter06.check_xor_by_hand, lambda: ("20", "-10", "20", "-10"),
                 ["W1 should be numbers", "the string '20'"], id="06-xor_by_hand"),
    pytest.param(chapter06.check_mlp_logits, lambda X, layers: np.zeros((4, 2)),
                 ["mlp_logits returns should be a minidl node", "a NumPy array"],
                 id="06-mlp_logits"),
    pytest.param(chapter06.check_train_circles, lambda X_train, y_train, X_test: ["inner"] * 200,
                 ["the predictions train_and_predict returns should hold numbers"],
                 id="06-train_circles"),
    pytest.param(chapter07.check_momentum_warmup, lambda momentum, fraction: "22",
                 ["should be a number", "write 22, not '22'"], id="07-momentum_warmup"),
    pytest.param(chapter07.check_adam_path, lambda *args: "path",
                 ["adam_path returns should be numbers"], id="07-adam_path"),
    pytest.param(chapter07.check_rmsprop, RMSPropReturningText,
                 ["the update that update_rule returns should be numbers"], id="07-rmsprop"),
    pytest.param(chapter08.check_confusion_counts, lambda y_true, y_pred, n: "[[1, 0], [0, 1]]",
                 ["the counts confusion_counts returns should be numbers"],
                 id="08-confusion_counts"),
    pytest.param(chapter08.check_top_k_accuracy, lambda logits, y, k: "0.6",
                 ["should be a number", "write 0.6, not '0.6'"], id="08-top_k_accuracy"),
    pytest.param(chapter08.check_standardize, lambda X_train, X_test: ("X_train", "X_test"),
                 ["the standardized X_train should be numbers"], id="08-standardize"),
    pytest.param(lambda train: chapter08.check_train_held_out(3, train), solutions08.train,
                 ["DATA should name one of the four data sets", "'digits'", "an int, 3"],
                 id="08-train_held_out-data"),
    pytest.param(check_chapter08_train_on_digits, train_predicting_words,
                 ["the labels predict returns should hold numbers"], id="08-train_held_out"),
    pytest.param(chapter09.check_leaky_relu, LeakyReluReturningText,
                 ["LeakyRelu.compute returns should be numbers"], id="09-leaky_relu"),
    pytest.param(chapter09.check_sparse_cross_entropy,
                 lambda labels, logits: np.zeros(4),
                 ["should be a minidl node", "a NumPy array"], id="09-sparse_cross_entropy"),
    pytest.param(chapter10.check_l2_penalty, lambda weights, weight_decay: "0.1 * sum(W**2) / 2",
                 ["should be a minidl node", "'0.1 * sum(W**2) / 2'"], id="10-l2_penalty"),
    pytest.param(chapter10.check_dropout_mask, lambda shape, rate, rng: "keep half",
                 ["the mask dropout_mask returns should be numbers", "the string 'keep half'"],
                 id="10-dropout_mask"),
    pytest.param(chapter10.check_early_stopping, lambda losses, patience: "2",
                 ["should return a step number, an int", "'2'"], id="10-early_stopping"),
    pytest.param(chapter11.check_expected_initial_loss, lambda class_counts: "0.69",
                 ["should be a number", "write 0.69, not '0.69'"],
                 id="11-expected_initial_loss"),
    pytest.param(chapter11.check_glorot_uniform, lambda fan_in, fan_out, rng: "uniform",
                 ["the weights glorot_uniform returns should be numbers"],
                 id="11-glorot_uniform"),
    pytest.param(chapter11.check_dead_units, lambda activations: "0.3",
                 ["should be a number", "write 0.3, not '0.3'"], id="11-dead_units"),
]


@pytest.mark.parametrize("check, answer, phrases", SHORTCUTS)
def test_the_library_version_is_refused(check, answer, phrases):
    assert_rejected(check, answer, *phrases)


@pytest.mark.parametrize("check, answer, phrases", WRONG_TYPES)
def test_an_answer_of_the_wrong_type_is_refused(check, answer, phrases):
    assert_rejected(check, answer, *phrases)
