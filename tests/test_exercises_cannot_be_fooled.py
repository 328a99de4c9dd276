"""Answers that get the numbers right without doing the exercise are refused,
and right answers written in an unexpected but honest way pass (issue 26).

Each hostile answer here was told "Correct!" once; each test failed before
the check learned to see through it."""
import sys

import numpy as np
import pytest
from exercise_helpers import assert_correct, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter05b, chapter09
from minidl.gradient_check import numerical_gradient

solutions05b = load_solutions("chapter05b")
solutions09 = load_solutions("chapter09")


# 1. Gradients asked for, gradients borrowed

class SoftplusBorrowingGradients(solutions05b.Softplus):
    def gradient(self, grad):
        x, = self.inputs
        return tf.gradients(tf.log(1 + tf.exp(x)), [x], grad_ys=[grad])


class LeakyReluBorrowingGradients(solutions09.LeakyRelu):
    def gradient(self, grad):
        x, = self.inputs
        return tf.gradients(tf.maximum(x, self.alpha * x), [x], grad_ys=[grad])


def test_a_softplus_gradient_borrowed_from_tf_gradients_is_refused():
    assert_rejected(chapter05b.check_softplus, SoftplusBorrowingGradients,
                    "Softplus.gradient calls `tf.gradients`", "the local rule")


def test_a_leaky_relu_gradient_borrowed_from_tf_gradients_is_refused():
    assert_rejected(chapter09.check_leaky_relu, LeakyReluBorrowingGradients,
                    "LeakyRelu.gradient calls `tf.gradients`", "the local rule")


# 2. The perceptron's gradient by finite differences

def cross_entropy_gradient_by_differences(X_data, Y_data, W_value, b_value, h=1e-5):
    def J(W, b):
        logits = X_data @ W + b
        logits = logits - logits.max(axis=1, keepdims=True)
        return -np.sum(Y_data * (logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))))
    grads = []
    for array in (W_value, b_value):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            step = np.zeros_like(array)
            step[index] = h
            if array is W_value:
                grad[index] = (J(W_value + step, b_value) - J(W_value - step, b_value)) / (2 * h)
            else:
                grad[index] = (J(W_value, b_value + step) - J(W_value, b_value - step)) / (2 * h)
        grads.append(grad)
    return tuple(grads)


def test_a_cross_entropy_gradient_by_finite_differences_is_told_apart():
    assert_rejected(chapter05b.check_cross_entropy_gradient,
                    cross_entropy_gradient_by_differences,
                    "not exact: this looks like finite differences")


# 3. The backprop exercise itself

def my_gradients_from_the_library_helpers(ys, xs):
    from minidl.gradients import _leading_to_ys, _sent_to_inputs, _sum
    order = tf.traversal.topological_order([ys])
    on_path = _leading_to_ys(order, xs)
    pending, totals = {ys: [tf.ones_like(ys)]}, {}
    for node in reversed(order):
        if node in pending:
            totals[node] = _sum(pending.pop(node))
            for x, grad in zip(node.inputs, _sent_to_inputs(node, totals[node], on_path)):
                if grad is not None:
                    pending.setdefault(x, []).append(grad)
    return [totals.get(x) for x in xs]


def my_gradients_with_the_watch_off(ys, xs):
    sys.setprofile(None)
    return tf.gradients(ys, xs)


def my_gradients_with_the_watch_off_and_on(ys, xs):
    watch = sys.getprofile()
    sys.setprofile(None)
    grads = tf.gradients(ys, xs)
    sys.setprofile(watch)
    return grads


def my_gradients_by_differences(ys, xs):
    needed = tf.traversal.topological_order([ys])
    return [tf.constant(numerical_gradient(ys, x)) if x in needed else None for x in xs]


def test_my_gradients_built_from_the_library_private_helpers_is_refused():
    assert_rejected(chapter05b.check_my_gradients, my_gradients_from_the_library_helpers,
                    "calls `minidl.gradients._leading_to_ys`")


def test_my_gradients_that_switches_the_watch_off_is_refused():
    for answer in (my_gradients_with_the_watch_off, my_gradients_with_the_watch_off_and_on):
        assert_rejected(chapter05b.check_my_gradients, answer,
                        "switches off the check's watch")
        assert sys.getprofile() is None


def test_my_gradients_that_never_asks_the_operations_is_refused():
    assert_rejected(chapter05b.check_my_gradients, my_gradients_by_differences,
                    "never asked", "gradient methods")


def test_the_model_backprop_answers_still_pass(capsys):
    assert_correct(chapter05b.check_my_gradients, solutions05b.my_gradients, capsys)
    assert_correct(chapter05b.check_cross_entropy_gradient,
                   solutions05b.cross_entropy_gradient, capsys)


# 4. "Train a network" with no network

solutions06 = load_solutions("chapter06")
solutions08 = load_solutions("chapter08")


def _radius_rule(X_train, y_train, X_new):
    """The class whose mean radius in the training data is nearer."""
    radius = np.hypot(*X_train.T)
    means = [radius[y_train == label].mean() for label in (0, 1)]
    new_radius = np.hypot(*X_new.T)
    return (abs(new_radius - means[1]) < abs(new_radius - means[0])).astype(int)


def circles_by_a_radius_threshold(X_train, y_train, X_test):
    return _radius_rule(X_train, y_train, X_test)


def circles_by_a_rule_beside_a_trained_network(X_train, y_train, X_test):
    solutions06.train_and_predict(X_train, y_train, X_test)
    return _radius_rule(X_train, y_train, X_test)


def circles_by_a_rule_passed_through_the_network(X_train, y_train, X_test):
    solutions06.train_and_predict(X_train, y_train, X_test)
    W1 = next(v for v in tf.get_default_graph().variables if v.name == "W1")
    rule = tf.constant(_radius_rule(X_train, y_train, X_test).astype(float))
    return tf.Session().run(rule + 0.0 * tf.reduce_sum(W1))


def circles_by_an_untrained_network(X_train, y_train, X_test):
    return solutions06.train_and_predict(X_train, y_train, X_test, num_steps=0)


def xor_by_the_sign_of_x1_x2(X_train, y_train):
    return lambda X: (X[:, 0] * X[:, 1] < 0).astype(int)


def digits_by_the_nearest_neighbour(X_train, y_train):
    def predict(X):
        distances = ((X[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
        return y_train[np.argmin(distances, axis=1)]
    return predict


def digits_stopping_on_a_validation_split(X_train, y_train):
    X_fit, X_valid, y_fit, y_valid = tf.datasets.train_test_split(X_train, y_train, seed=3)
    predict = solutions08.train(X_fit, y_fit, num_epochs=4)
    assert np.mean(predict(X_valid) == y_valid) > 0.9
    return solutions08.train(X_train, y_train, num_epochs=8)


def test_circles_labelled_without_a_trained_network_are_refused():
    from minidl.exercises import chapter06
    check = chapter06.check_train_circles
    assert_rejected(check, circles_by_a_radius_threshold, "no session.run it made gave them")
    assert_rejected(check, circles_by_a_rule_beside_a_trained_network,
                    "no session.run it made gave them")
    assert_rejected(check, circles_by_a_rule_passed_through_the_network,
                    "put back to their initial values")
    assert_rejected(check, circles_by_an_untrained_network, "% of the test points")


def test_held_out_labels_without_a_trained_network_are_refused():
    from minidl.exercises import chapter08
    assert_rejected(lambda train: chapter08.check_train_held_out("xor", train),
                    xor_by_the_sign_of_x1_x2, "no session.run it made gave them")
    assert_rejected(lambda train: chapter08.check_train_held_out("digits", train),
                    digits_by_the_nearest_neighbour, "no session.run it made gave them")


def test_a_validation_split_of_the_training_data_is_fair(capsys):
    from minidl.exercises import chapter08
    chapter08.check_train_held_out("digits", digits_stopping_on_a_validation_split)
    assert capsys.readouterr().out.startswith("Correct!")


# 5. Chapter 12's remove_times_one

def remove_times_one_by_the_library_helper(program):
    from minidl.optimize import identities
    replacements = {}
    for step in program.steps:
        same = identities._identity_of(step)
        if same is not None and step.op_type == "Multiply" and same.shape == step.shape:
            replacements[step] = same
    program.replace(replacements)
    return program


def remove_times_one_without_a_shape_check(program):
    replacements = {}
    for step in program.steps:
        if step.kind == "compute" and step.op_type == "Multiply":
            for x, one in (step.inputs, step.inputs[::-1]):
                if one.kind == "constant" and one.value.size == 1 and one.value == 1:
                    replacements[step] = x
                    break
    program.replace(replacements)
    return program


def test_remove_times_one_may_not_call_the_library_pass_helpers():
    from minidl.exercises import chapter12
    assert_rejected(chapter12.check_remove_times_one, remove_times_one_by_the_library_helper,
                    "calls `minidl.optimize.identities._identity_of`")


def test_remove_times_one_without_a_shape_check_is_refused():
    from minidl.exercises import chapter12
    assert_rejected(chapter12.check_remove_times_one, remove_times_one_without_a_shape_check,
                    "reduce_sum(X, axis=0) * [[1]]", "broadcasts its other input")


# 6 and 7: right answers that must pass, wrong ones that get feedback, not a crash

def gradient_descent_in_place(gradient, x0, learning_rate, num_steps):
    x = np.asarray(x0, dtype=np.float64)
    path = [x.copy()]
    for _ in range(num_steps):
        x -= learning_rate * gradient(x)
        path.append(x.copy())
    return np.array(path)


def test_gradient_descent_that_updates_x_in_place_passes(capsys):
    from minidl.exercises import chapter05
    assert_correct(chapter05.check_gradient_descent, gradient_descent_in_place, capsys)


def weights_for_centers_of_its_own(centers):
    centers[:] = [[-10.0, 0.0], [10.0, 0.0], [0.0, 10.0]]  # the check's own, were it handed them
    return load_solutions("chapter03").three_class_weights(centers)


def test_an_answer_that_moves_the_points_it_was_given_does_not_move_the_check():
    from minidl.exercises import chapter03
    assert_rejected(chapter03.check_three_class_weights, weights_for_centers_of_its_own,
                    "classifies", "of the points correctly")


# An optimizing session's stable softmax leaves these planted graphs finite.
@pytest.mark.plain_session_only
def test_first_nonfinite_returning_a_value_is_told_to_return_a_name():
    from minidl.exercises import chapter11

    def the_value(loss, feed_dict):
        order = tf.traversal.topological_order([loss])
        with np.errstate(all="ignore"):
            values = tf.Session().run(order, feed_dict)
        return next((value for value in values if not np.all(np.isfinite(value))), None)
    assert_rejected(chapter11.check_first_nonfinite, the_value,
                    "should return a node's name (a string) or None", "a NumPy array")


def test_momentum_warmup_that_is_not_finite_gets_feedback():
    from minidl.exercises import chapter07
    for value in (float("nan"), float("inf"), -float("inf")):
        def steps_to_reach(momentum, fraction, value=value):
            return value
        assert_rejected(chapter07.check_momentum_warmup, steps_to_reach,
                        "should be a whole number of steps")


def circles_by_one_sigmoid_output(X_train, y_train, X_test):
    rng = np.random.default_rng(0)
    X = tf.placeholder(tf.float64, shape=(None, 2))
    y = tf.placeholder(tf.float64, shape=(None,))
    W1, b1 = tf.Variable(rng.standard_normal((2, 8))), tf.Variable(np.zeros(8))
    w2, b2 = tf.Variable(rng.standard_normal(8)), tf.Variable(0.0)
    z = tf.reduce_sum(tf.tanh(X @ W1 + b1) * w2, axis=1) + b2
    J = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z))
    step = tf.train.AdamOptimizer(0.05).minimize(J)
    session = tf.Session()
    for _ in range(500):
        session.run(step, {X: X_train, y: y_train})
    return (session.run(tf.sigmoid(z), {X: X_test}) > 0.5).astype(int)


def digits_predicted_in_batches(X_train, y_train):
    predict = solutions08.train(X_train, y_train, num_epochs=8)
    return lambda X: np.concatenate([predict(X[i:i + 100]) for i in range(0, len(X), 100)])


def test_honest_networks_read_another_way_pass(capsys):
    from minidl.exercises import chapter06, chapter08
    assert_correct(chapter06.check_train_circles, circles_by_one_sigmoid_output, capsys)
    chapter08.check_train_held_out("digits", digits_predicted_in_batches)
    assert capsys.readouterr().out.startswith("Correct!")
