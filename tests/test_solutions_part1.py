"""The exercise checks of chapters 1 to 5 accept the model answers in
solutions/, reject typical wrong answers with an explanation, and report an
unfinished stub (one that returns None) without failing."""
import numpy as np
import pytest
from exercise_helpers import assert_correct, assert_not_yet, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter01, chapter02, chapter03, chapter04, chapter05, chapter05b

# Chapter 1

solutions01 = load_solutions("chapter01")


class AffineStub(tf.Operation):
    def __init__(self, A, x, b, name=None):
        super().__init__([A, x, b], name)

    def compute(self, A_value, x_value, b_value):
        return None


class AffineWithoutBias(AffineStub):
    def compute(self, A_value, x_value, b_value):
        return A_value @ x_value


def test_chapter01_solutions_pass(capsys):
    assert_correct(chapter01.check_difference_of_squares,
                   solutions01.build_difference_of_squares, capsys)
    assert_correct(chapter01.check_depends_on, solutions01.depends_on, capsys)
    assert_correct(chapter01.check_affine, solutions01.Affine, capsys)


def test_chapter01_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter01.check_difference_of_squares, lambda: None, capsys)
    assert_not_yet(chapter01.check_depends_on, lambda node, other: None, capsys)
    assert_not_yet(chapter01.check_affine, AffineStub, capsys)


def test_chapter01_difference_of_squares_with_x_used_once_is_rejected():
    def separate_copies():
        x, y = tf.placeholder(), tf.placeholder()
        return x, y, (x + y) * (tf.placeholder() - y)
    assert_rejected(chapter01.check_difference_of_squares, separate_copies,
                    "x should have two consumers")


def test_chapter01_difference_of_squares_with_wrong_formula_is_rejected():
    def difference_the_wrong_way_round():
        x, y = tf.placeholder(), tf.placeholder()
        return x, y, (x + y) * (y - x)
    assert_rejected(chapter01.check_difference_of_squares, difference_the_wrong_way_round,
                    "with x = 3.0 and y = 2.0")


def test_chapter01_depends_on_following_consumers_is_rejected():
    def follows_consumers(node, other):
        return other is node or any(follows_consumers(c, other) for c in node.consumers)
    assert_rejected(chapter01.check_depends_on, follows_consumers,
                    "depends_on(d, a) returned False")


def test_chapter01_affine_without_bias_is_rejected():
    assert_rejected(chapter01.check_affine, AffineWithoutBias, "That is A @ x: add b.")


# Chapter 2

solutions02 = load_solutions("chapter02")


def order_without_visited(target):
    order = []

    def visit(node):
        for input_node in node.inputs:
            visit(input_node)
        order.append(node)
    visit(target)
    return order


def pre_order(target):
    order, visited = [], set()

    def visit(node):
        if node not in visited:
            visited.add(node)
            order.append(node)
            for input_node in node.inputs:
                visit(input_node)
    visit(target)
    return order


def run_computing_fed_inputs(target, feed_dict):
    values = {}
    for node in tf.traversal.topological_order([target]):
        if node in feed_dict:
            values[node] = np.asarray(feed_dict[node])
        else:
            values[node] = node.compute(*[values[x] for x in node.inputs])
    return values[target]


def test_chapter02_solutions_pass(capsys):
    assert_correct(chapter02.check_topological_order, solutions02.my_topological_order,
                   capsys)
    assert_correct(chapter02.check_run, solutions02.my_run, capsys)


def test_chapter02_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter02.check_topological_order, lambda target: None, capsys)
    assert_not_yet(chapter02.check_run, lambda target, feed_dict: None, capsys)


def test_chapter02_order_without_visited_set_is_rejected():
    assert_rejected(chapter02.check_topological_order, order_without_visited,
                    "appears 4096 times")


def test_chapter02_pre_order_is_rejected():
    assert_rejected(chapter02.check_topological_order, pre_order,
                    "comes before its input")


def run_in_the_order_nodes_were_built(target, feed_dict):
    values = {node: np.asarray(value) for node, value in feed_dict.items()}
    for node in reversed(tf.traversal.topological_order([target])):
        if node not in values:
            values[node] = node.compute(*[values[x] for x in node.inputs])
    return values[target]


def run_forgetting_all_but_the_last_value(target, feed_dict):
    value = None
    for node in tf.traversal.topological_order([target], stop_at=feed_dict):
        value = (feed_dict[node] if node in feed_dict
                 else node.compute(*[value for _ in node.inputs]))
    return value


def test_chapter02_run_that_walks_the_order_backwards_is_rejected():
    assert_rejected(chapter02.check_run, run_in_the_order_nodes_were_built,
                    "raised KeyError", "inputs must have values before")


def test_chapter02_run_that_keeps_only_the_last_value_is_rejected():
    assert_rejected(chapter02.check_run, run_forgetting_all_but_the_last_value,
                    "my_run for z with x = [1, 2]", "keyed by node")


def test_chapter01_depends_on_that_forgets_a_node_depends_on_itself_is_rejected():
    def only_through_inputs(node, other):
        return any(solutions01.depends_on(input_node, other) for input_node in node.inputs)
    assert_rejected(chapter01.check_depends_on, only_through_inputs,
                    "depends_on(d, d) returned False", "depends on itself")


def test_chapter01_affine_multiplying_the_wrong_way_round_is_rejected():
    class AffineTransposed(AffineStub):
        def compute(self, A_value, x_value, b_value):
            return x_value @ A_value + b_value
    assert_rejected(chapter01.check_affine, AffineTransposed, "failed",
                    "np.matmul(A_value, x_value)")


def test_chapter02_run_that_computes_what_is_fed_is_rejected():
    assert_rejected(chapter02.check_run, run_computing_fed_inputs,
                    "with y fed as [10, 20]", "stop_at")


# Chapter 3

solutions03 = load_solutions("chapter03")


def test_chapter03_solutions_pass(capsys):
    assert_correct(chapter03.check_softmax, solutions03.my_softmax, capsys)
    assert_correct(chapter03.check_three_class_weights, solutions03.three_class_weights,
                   capsys)


def test_chapter03_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter03.check_softmax, lambda logits: None, capsys)
    assert_not_yet(chapter03.check_three_class_weights, lambda centers: None, capsys)


def test_chapter03_softmax_over_the_wrong_axis_is_rejected():
    def columns_add_up_to_one(logits):
        e = tf.exp(logits)
        return e / tf.reduce_sum(e, axis=0, keepdims=True)
    assert_rejected(chapter03.check_softmax, columns_add_up_to_one, "sum over axis=1")


def test_chapter03_softmax_without_keepdims_is_rejected():
    def sum_loses_its_axis(logits):
        e = tf.exp(logits)
        return e / tf.reduce_sum(e, axis=1)
    assert_rejected(chapter03.check_softmax, sum_loses_its_axis, "keepdims=True")


def test_chapter03_softmax_from_the_library_is_rejected():
    assert_rejected(chapter03.check_softmax, tf.nn.softmax,
                    "Write it yourself", "`tf.nn.softmax`")


def test_chapter03_weights_without_bias_are_rejected():
    def centers_without_bias(centers):
        return centers.T, np.zeros(3)
    assert_rejected(chapter03.check_three_class_weights, centers_without_bias,
                    "it should be at least 95%")


def test_chapter03_weights_with_centers_as_rows_are_rejected():
    assert_rejected(chapter03.check_three_class_weights,
                    lambda centers: (centers, -0.5 * np.sum(centers ** 2, axis=1)),
                    "W should have shape (2, 3)")


# Chapter 4

solutions04 = load_solutions("chapter04")


def test_chapter04_solutions_pass(capsys):
    assert_correct(chapter04.check_cross_entropy, solutions04.binary_cross_entropy, capsys)
    assert_correct(chapter04.check_log_softmax, solutions04.stable_log_softmax, capsys)
    assert_correct(chapter04.check_error_rate, solutions04.error_rate, capsys)
    assert_correct(chapter04.check_sigmoid_cross_entropy, solutions04.SigmoidCrossEntropy,
                   capsys)


def test_chapter04_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter04.check_cross_entropy, lambda y, p: None, capsys)
    assert_not_yet(chapter04.check_log_softmax, lambda logits: None, capsys)
    assert_not_yet(chapter04.check_error_rate, lambda p, y: None, capsys)
    assert_not_yet(chapter04.check_sigmoid_cross_entropy, SigmoidCrossEntropyStub, capsys)


class SigmoidCrossEntropyStub(tf.Operation):
    def __init__(self, labels, logits, name=None):
        super().__init__([labels, logits], name)

    def compute(self, labels, logits):
        return None


class SigmoidCrossEntropyAsWritten(SigmoidCrossEntropyStub):
    def compute(self, labels, logits):
        p = 1 / (1 + np.exp(-logits))
        return -labels * np.log(p) - (1 - labels) * np.log(1 - p)


class SigmoidCrossEntropySwapped(SigmoidCrossEntropyStub):
    def compute(self, logits, labels):
        return solutions04.SigmoidCrossEntropy.compute(self, labels, logits)


class SigmoidCrossEntropyMean(SigmoidCrossEntropyStub):
    def compute(self, labels, logits):
        return np.mean(solutions04.SigmoidCrossEntropy.compute(self, labels, logits))


@pytest.mark.parametrize("wrong_operation, phrases", [
    (SigmoidCrossEntropyAsWritten, ["with scores of +-1000", "not all finite", "log1p"]),
    (SigmoidCrossEntropySwapped, ["(labels, logits), in that order"]),
    (SigmoidCrossEntropyMean, ["one loss per element", "That is their mean"]),
])
def test_chapter04_wrong_sigmoid_cross_entropy_is_rejected(wrong_operation, phrases):
    assert_rejected(chapter04.check_sigmoid_cross_entropy, wrong_operation, *phrases)


def test_chapter04_cross_entropy_without_the_minus_sign_is_rejected():
    assert_rejected(chapter04.check_cross_entropy,
                    lambda y, p: tf.reduce_sum(y * tf.log(p) + (1 - y) * tf.log(1 - p)),
                    "wrong sign")


def test_chapter04_cross_entropy_averaged_over_examples_is_rejected():
    def mean_over_examples(y, p):
        return -tf.reduce_mean(y * tf.log(p) + (1 - y) * tf.log(1 - p))
    assert_rejected(chapter04.check_cross_entropy, mean_over_examples,
                    "the mean over the 5 examples")


def test_chapter04_cross_entropy_of_class_one_only_is_rejected():
    assert_rejected(chapter04.check_cross_entropy, lambda y, p: -tf.reduce_sum(y * tf.log(p)),
                    "Only the examples of class 1 count", "-log(1 - p)")


def test_chapter04_cross_entropy_per_example_is_rejected():
    assert_rejected(chapter04.check_cross_entropy,
                    lambda y, p: -(y * tf.log(p) + (1 - y) * tf.log(1 - p)), "one number")


def test_chapter04_log_of_softmax_is_rejected_as_not_finite():
    def log_of_shifted_softmax(logits):
        e = tf.exp(logits - tf.reduce_max(logits, axis=1, keepdims=True))
        return tf.log(e / tf.reduce_sum(e, axis=1, keepdims=True))
    assert_rejected(chapter04.check_log_softmax, log_of_shifted_softmax,
                    "not finite", "log(0)")


def test_chapter04_log_softmax_without_subtracting_the_maximum_is_rejected():
    def overflowing(logits):
        return logits - tf.log(tf.reduce_sum(tf.exp(logits), axis=1, keepdims=True))
    assert_rejected(chapter04.check_log_softmax, overflowing, "not finite",
                    "subtract each row's largest score")


def test_chapter04_log_softmax_from_the_library_is_rejected():
    assert_rejected(chapter04.check_log_softmax, tf.nn.log_softmax,
                    "Write it yourself", "`tf.nn.log_softmax`")


def test_chapter04_argmax_over_examples_is_rejected():
    def best_example_per_class(p, y):
        return 1 - tf.reduce_mean(tf.cast(tf.equal(tf.argmax(p), y), tf.float64))
    assert_rejected(chapter04.check_error_rate, best_example_per_class, "axis=1")


def test_chapter04_accuracy_is_rejected():
    def accuracy(p, y):
        return tf.reduce_mean(tf.cast(tf.equal(tf.argmax(p, axis=1), y), tf.float64))
    assert_rejected(chapter04.check_error_rate, accuracy, "That is the accuracy")


# Chapter 5: gradient descent and backpropagation

solutions05 = load_solutions("chapter05")
solutions05b = load_solutions("chapter05b")


class SoftplusStub(tf.Operation):
    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x_value):
        return None

    def gradient(self, grad):
        return [None]


class SoftplusWithoutGradient(SoftplusStub):
    def compute(self, x_value):
        return np.log1p(np.exp(x_value))


class SoftplusWithExpGradient(SoftplusWithoutGradient):
    def gradient(self, grad):
        x, = self.inputs
        return [grad * tf.exp(x)]


class SoftplusWithArrayGradient(SoftplusWithoutGradient):
    def gradient(self, grad):
        return [np.ones(5)]


def test_chapter05_solutions_pass(capsys):
    assert_correct(chapter05.check_gradient_descent, solutions05.gradient_descent, capsys)
    assert_correct(chapter05.check_largest_learning_rate,
                   solutions05.largest_learning_rate, capsys)
    assert_correct(chapter05b.check_softplus, solutions05b.Softplus, capsys)
    assert_correct(chapter05b.check_cross_entropy_gradient,
                   solutions05b.cross_entropy_gradient, capsys)
    assert_correct(chapter05b.check_my_gradients, solutions05b.my_gradients, capsys)


def test_chapter05_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter05.check_gradient_descent, lambda *args: None, capsys)
    assert_not_yet(chapter05.check_largest_learning_rate, None, capsys)
    assert_not_yet(chapter05b.check_softplus, SoftplusStub, capsys)
    assert_not_yet(chapter05b.check_softplus, SoftplusWithoutGradient, capsys)
    assert_not_yet(chapter05b.check_cross_entropy_gradient, lambda *args: None, capsys)
    assert_not_yet(chapter05b.check_my_gradients, lambda ys, xs: None, capsys)


def test_chapter05_gradient_ascent_is_rejected():
    def ascent(gradient, x0, learning_rate, num_steps):
        return solutions05.gradient_descent(lambda x: -gradient(x), x0, learning_rate,
                                            num_steps)
    assert_rejected(chapter05.check_gradient_descent, ascent, "go uphill")


def test_chapter05_path_without_its_start_is_rejected():
    def without_start(gradient, x0, learning_rate, num_steps):
        return solutions05.gradient_descent(gradient, x0, learning_rate, num_steps)[1:]
    assert_rejected(chapter05.check_gradient_descent, without_start, "the start, then")


@pytest.mark.parametrize("rate, phrase", [(1.0, "limit for w2 alone"),
                                          (0.1, "the chapter's f(w)"),
                                          (0.2, "a larger rate would too"),
                                          (0.3, "does not converge")])
def test_chapter05_wrong_learning_rate_limits_are_rejected(rate, phrase):
    assert_rejected(chapter05.check_largest_learning_rate, rate, phrase)


def test_chapter05_softplus_with_a_wrong_gradient_fails_the_gradient_check():
    assert_rejected(chapter05b.check_softplus, SoftplusWithExpGradient,
                    "disagrees with finite differences")


def test_chapter05_softplus_gradient_that_is_not_a_node_is_rejected():
    assert_rejected(chapter05b.check_softplus, SoftplusWithArrayGradient,
                    "one minidl node per input")


def test_chapter05_cross_entropy_gradient_with_the_wrong_sign_is_rejected():
    def y_minus_p(X_data, Y_data, W_value, b_value):
        dW, db = solutions05b.cross_entropy_gradient(X_data, Y_data, W_value, b_value)
        return -dW, -db
    assert_rejected(chapter05b.check_cross_entropy_gradient, y_minus_p, "P - Y, not Y - P")


def test_chapter05_cross_entropy_gradient_without_the_inputs_is_rejected():
    def forgets_X(X_data, Y_data, W_value, b_value):
        dW, db = solutions05b.cross_entropy_gradient(X_data, Y_data, W_value, b_value)
        return np.tile(db, (2, 1)), db
    assert_rejected(chapter05b.check_cross_entropy_gradient, forgets_X, "X^T (P - Y)")
