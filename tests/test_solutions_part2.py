"""The exercise checks of chapters 6 to 9 accept the model answers in
solutions/, reject typical wrong answers with an explanation, and report an
unfinished stub (one that returns None) without failing."""
import numpy as np
import pytest
from exercise_helpers import assert_correct, assert_not_yet, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter06, chapter07, chapter08, chapter09

# Chapter 6

solutions06 = load_solutions("chapter06")


def test_chapter06_solutions_pass(capsys):
    assert_correct(chapter06.check_xor_by_hand, solutions06.xor_weights, capsys)
    assert_correct(chapter06.check_mlp_logits, solutions06.mlp_logits, capsys)
    assert_correct(chapter06.check_train_circles, solutions06.train_and_predict, capsys)


def test_chapter06_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter06.check_xor_by_hand, lambda: None, capsys)
    assert_not_yet(chapter06.check_mlp_logits, lambda X, layers: None, capsys)
    assert_not_yet(chapter06.check_train_circles, lambda X_train, y_train, X_test: None,
                   capsys)


def test_chapter06_xor_weights_too_small_to_act_as_steps_are_rejected():
    def gentle_weights():
        W1, b1, w2, b2 = solutions06.xor_weights()
        return W1 / 10, b1 / 10, w2 / 10, b2 / 10
    assert_rejected(chapter06.check_xor_by_hand, gentle_weights,
                    "should be below 0.1", "use large weights")


def test_chapter06_xor_weights_of_the_wrong_shape_are_rejected():
    def single_unit():
        return np.ones((2, 1)), np.zeros(1), np.ones(1), 0.0
    assert_rejected(chapter06.check_xor_by_hand, single_unit, "W1 should have shape (2, 2)")


def test_chapter06_mlp_with_a_sigmoid_on_the_logits_is_rejected():
    def sigmoid_everywhere(X, layers):
        return tf.sigmoid(solutions06.mlp_logits(X, layers))
    assert_rejected(chapter06.check_mlp_logits, sigmoid_everywhere,
                    "sigmoid to the last layer too")


def test_chapter06_mlp_without_nonlinearity_is_rejected():
    def linear_layers(X, layers):
        h = X
        for W, b in layers:
            h = h @ W + b
        return h
    assert_rejected(chapter06.check_mlp_logits, linear_layers, "need the sigmoid")


def test_chapter06_single_layer_on_circles_is_rejected():
    def linear_model(X_train, y_train, X_test):
        X = tf.placeholder(tf.float64, shape=(None, 2))
        Y = tf.placeholder(tf.float64, shape=(None, 2))
        W, b = tf.Variable(np.zeros((2, 2))), tf.Variable(np.zeros(2))
        logits = X @ W + b
        J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
        train_step = tf.train.AdamOptimizer(0.05).minimize(J)
        with tf.Session() as session:
            for _ in range(200):
                session.run(train_step, {X: X_train, Y: tf.datasets.one_hot(y_train, 2)})
            return session.run(tf.argmax(logits, axis=1), {X: X_test})
    assert_rejected(chapter06.check_train_circles, linear_model, "at least 95%",
                    "hidden layer")


def test_chapter06_scores_instead_of_labels_are_rejected():
    def scores(X_train, y_train, X_test):
        return tf.datasets.one_hot(solutions06.train_and_predict(X_train, y_train, X_test), 2)
    assert_rejected(chapter06.check_train_circles, scores, "tf.argmax")


def test_chapter06_checks_leave_the_default_graph_alone(capsys):
    before = len(tf.get_default_graph().nodes)
    chapter06.check_mlp_logits(solutions06.mlp_logits)
    chapter06.check_train_circles(solutions06.train_and_predict)
    assert len(tf.get_default_graph().nodes) == before


# Chapter 7

solutions07 = load_solutions("chapter07")


def test_chapter07_solutions_pass(capsys):
    assert_correct(chapter07.check_momentum_warmup, solutions07.steps_to_reach, capsys)
    assert_correct(chapter07.check_adam_path, solutions07.adam_path, capsys)
    assert_correct(chapter07.check_rmsprop, solutions07.RMSPropOptimizer, capsys)


class RMSPropStub(tf.train.Optimizer):
    def __init__(self, learning_rate, decay=0.9, epsilon=1e-8, name="RMSProp"):
        super().__init__(learning_rate, name)
        self.decay, self.epsilon = decay, epsilon

    def initial_slots(self, value):
        return None

    def update_rule(self, value, grad, slots):
        return None


class RMSPropWithoutUpdateRule(RMSPropStub):
    def initial_slots(self, value):
        return {"s": np.zeros_like(value)}


def test_chapter07_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter07.check_momentum_warmup, lambda momentum, fraction: None, capsys)
    assert_not_yet(chapter07.check_adam_path, lambda *args: None, capsys)
    assert_not_yet(chapter07.check_rmsprop, RMSPropStub, capsys)
    assert_not_yet(chapter07.check_rmsprop, RMSPropWithoutUpdateRule, capsys)


def test_chapter07_warmup_counted_from_zero_is_rejected():
    assert_rejected(chapter07.check_momentum_warmup,
                    lambda momentum, fraction: solutions07.steps_to_reach(momentum, fraction) - 1,
                    "your answer is step 21", "Count from 1")


def test_chapter07_warmup_as_a_fraction_of_a_step_is_rejected():
    assert_rejected(chapter07.check_momentum_warmup,
                    lambda momentum, fraction: np.log(1 - fraction) / np.log(momentum),
                    "a whole number of steps", "21.85")


def adam_without_correction(gradient, w0, learning_rate, num_steps):
    w = np.asarray(w0, dtype=np.float64)
    m, v, path = np.zeros_like(w), np.zeros_like(w), [w]
    for _ in range(num_steps):
        g = gradient(w)
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        w = w - learning_rate * m / (np.sqrt(v) + 1e-8)
        path.append(w)
    return np.array(path)


def adam_along_the_gradient(gradient, w0, learning_rate, num_steps):
    w = np.asarray(w0, dtype=np.float64)
    m, v, path = np.zeros_like(w), np.zeros_like(w), [w]
    for t in range(1, num_steps + 1):
        g = gradient(w)
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        lr_t = learning_rate * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        w = w - lr_t * g / (np.sqrt(v) + 1e-8)
        path.append(w)
    return np.array(path)


@pytest.mark.parametrize("wrong_adam, phrases", [
    (adam_without_correction, ["point 1 of your path", "3.16 times too long"]),
    (adam_along_the_gradient, ["Step along m"]),
    (lambda *args: solutions07.adam_path(*args)[1:],
     ["should have shape (31, 2)", "The path holds w0, then one point per step"]),
])
def test_chapter07_wrong_adam_is_rejected(wrong_adam, phrases):
    assert_rejected(chapter07.check_adam_path, wrong_adam, *phrases)


class RMSPropDividingByOldS(solutions07.RMSPropOptimizer):
    def update_rule(self, value, grad, slots):
        s = self.decay * slots["s"] + (1 - self.decay) * grad * grad
        return -self.learning_rate * grad / (np.sqrt(slots["s"]) + self.epsilon), {"s": s}


class RMSPropWithoutRoot(solutions07.RMSPropOptimizer):
    def update_rule(self, value, grad, slots):
        s = self.decay * slots["s"] + (1 - self.decay) * grad * grad
        return -self.learning_rate * grad / (s + self.epsilon), {"s": s}


class RMSPropReturningTheNewValue(solutions07.RMSPropOptimizer):
    def update_rule(self, value, grad, slots):
        s = self.decay * slots["s"] + (1 - self.decay) * grad * grad
        return value - self.learning_rate * grad / (np.sqrt(s) + self.epsilon), {"s": s}


class RMSPropStartingAtOne(solutions07.RMSPropOptimizer):
    def initial_slots(self, value):
        return {"s": np.ones_like(value)}


@pytest.mark.parametrize("wrong_optimizer, phrase", [
    (RMSPropDividingByOldS, "Update s first"),
    (RMSPropWithoutRoot, "square root"),
    (RMSPropReturningTheNewValue, "not the new w"),
    (RMSPropStartingAtOne, "s should start as zeros"),
])
def test_chapter07_wrong_rmsprop_is_rejected(wrong_optimizer, phrase):
    assert_rejected(chapter07.check_rmsprop, wrong_optimizer, phrase)


# Chapter 8

solutions08 = load_solutions("chapter08")


def test_chapter08_solutions_pass(capsys):
    assert_correct(chapter08.check_confusion_counts, solutions08.confusion_counts, capsys)
    assert_correct(chapter08.check_top_k_accuracy, solutions08.top_k_accuracy, capsys)
    assert_correct(chapter08.check_standardize, solutions08.standardize, capsys)
    assert_correct(lambda train: chapter08.check_train_held_out(solutions08.DATA, train),
                   solutions08.train, capsys)


def test_chapter08_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter08.check_confusion_counts, lambda y_true, y_pred, n: None, capsys)
    assert_not_yet(chapter08.check_top_k_accuracy, lambda logits, y, k: None, capsys)
    assert_not_yet(chapter08.check_standardize, lambda X_train, X_test: None, capsys)
    assert_not_yet(lambda train: chapter08.check_train_held_out(None, train),
                   lambda X_train, y_train: None, capsys)
    assert_not_yet(lambda train: chapter08.check_train_held_out("digits", train),
                   lambda X_train, y_train: None, capsys)


def train_a_single_layer(X_train, y_train):
    num_features, num_classes = X_train.shape[1], int(y_train.max()) + 1
    X = tf.placeholder(tf.float64, shape=(None, num_features))
    Y = tf.placeholder(tf.float64, shape=(None, num_classes))
    W, b = tf.Variable(np.zeros((num_features, num_classes))), tf.Variable(np.zeros(num_classes))
    logits = X @ W + b
    J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
    train_step = tf.train.AdamOptimizer(0.05).minimize(J)
    session = tf.Session()
    for _ in range(200):
        session.run(train_step, {X: X_train, Y: tf.datasets.one_hot(y_train, num_classes)})
    return lambda X_new: session.run(tf.argmax(logits, axis=1), {X: X_new})


def train_predicting_scores(X_train, y_train):
    predict = solutions08.train(X_train, y_train, num_epochs=1)
    return lambda X_new: tf.datasets.one_hot(predict(X_new), 10)


def train_returning_labels(X_train, y_train):
    return solutions08.train(X_train, y_train, num_epochs=1)(X_train)


@pytest.mark.parametrize("data, wrong_train, phrases", [
    ("spiral", train_a_single_layer, ["held-back examples of 'spiral'", "the target is 90%",
                                      "no better on the training examples"]),
    ("digits", train_predicting_scores, ["should return 449 labels", "look like scores"]),
    ("digits", train_returning_labels, ["train should return a function"]),
])
def test_chapter08_wrong_training_is_rejected(data, wrong_train, phrases):
    assert_rejected(lambda train: chapter08.check_train_held_out(data, train), wrong_train,
                    *phrases)


def test_chapter08_transposed_confusion_counts_are_rejected():
    assert_rejected(chapter08.check_confusion_counts,
                    lambda y_true, y_pred, n: solutions08.confusion_counts(y_true, y_pred, n).T,
                    "swapped")


def test_chapter08_confusion_counts_that_miss_an_example_say_so():
    def one_example_short(y_true, y_pred, num_classes):
        return solutions08.confusion_counts(y_true[1:], y_pred[1:], num_classes)
    assert_rejected(chapter08.check_confusion_counts, one_example_short,
                    "the counts add up to 3, not to the 4 examples")


def test_chapter08_confusion_counts_of_the_wrong_size_are_rejected():
    def sized_by_the_labels_seen(y_true, y_pred, num_classes):
        return solutions08.confusion_counts(y_true, y_pred, max(max(y_true), max(y_pred)) + 1)
    assert_rejected(chapter08.check_confusion_counts, sized_by_the_labels_seen,
                    "should have shape (4, 4)")


def test_chapter08_top_k_of_the_lowest_scores_is_rejected():
    assert_rejected(chapter08.check_top_k_accuracy,
                    lambda logits, y, k: solutions08.top_k_accuracy(-logits, y, k),
                    "k lowest scores")


def test_chapter08_top_k_count_instead_of_fraction_is_rejected():
    assert_rejected(chapter08.check_top_k_accuracy,
                    lambda logits, y, k: len(y) * solutions08.top_k_accuracy(logits, y, k),
                    "divide by the number of rows")


def standardize_each_set_by_itself(X_train, X_test):
    return solutions08.standardize(X_train, X_train)[0], solutions08.standardize(X_test, X_test)[0]


def standardize_dividing_by_zero(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    with np.errstate(all="ignore"):
        return (X_train - mean) / std, (X_test - mean) / std


def test_chapter08_standardizing_the_test_set_by_its_own_statistics_is_rejected():
    assert_rejected(chapter08.check_standardize, standardize_each_set_by_itself,
                    "its own statistics")


def test_chapter08_standardizing_a_constant_column_into_nan_is_rejected():
    assert_rejected(chapter08.check_standardize, standardize_dividing_by_zero,
                    "standard deviation 0")


# Chapter 9

solutions09 = load_solutions("chapter09")


def test_chapter09_solutions_pass(capsys):
    assert_correct(chapter09.check_leaky_relu, solutions09.LeakyRelu, capsys)
    assert_correct(chapter09.check_sparse_cross_entropy,
                   solutions09.sparse_softmax_cross_entropy_with_logits, capsys)


class LeakyReluStub(tf.Operation):
    def __init__(self, x, alpha=0.2, name=None):
        self.alpha = alpha
        super().__init__([x], name)

    def compute(self, x_value):
        return None

    def gradient(self, grad):
        return None


class LeakyReluWithoutGradient(solutions09.LeakyRelu):
    def gradient(self, grad):
        return None


def test_chapter09_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter09.check_leaky_relu, LeakyReluStub, capsys)
    assert_not_yet(chapter09.check_leaky_relu, LeakyReluWithoutGradient, capsys)
    assert_not_yet(chapter09.check_sparse_cross_entropy, lambda labels, logits: None, capsys)


class PlainRelu(solutions09.LeakyRelu):
    def compute(self, x_value):
        return np.maximum(x_value, 0)


class LeakyReluWithReluGradient(solutions09.LeakyRelu):
    def gradient(self, grad):
        x, = self.inputs
        return [tf.where(x > 0, grad, tf.zeros_like(grad))]


class LeakyReluGradientAsArray(solutions09.LeakyRelu):
    def gradient(self, grad):
        return [np.ones(5)]


@pytest.mark.parametrize("wrong_operation, phrase", [
    (PlainRelu, "that is relu"),
    (LeakyReluWithReluGradient, "disagrees with finite differences"),
    (LeakyReluGradientAsArray, "one minidl node"),
])
def test_chapter09_wrong_leaky_relu_is_rejected(wrong_operation, phrase):
    assert_rejected(chapter09.check_leaky_relu, wrong_operation, phrase)


def cross_entropy_through_log_of_softmax(labels, logits):
    one_hot = tf.cast(tf.equal(tf.expand_dims(labels, -1), np.arange(logits.shape[-1])),
                      logits.dtype)
    return -tf.reduce_sum(one_hot * tf.log(tf.nn.softmax(logits)), axis=-1)


@pytest.mark.plain_session_only  # the optimizer makes log(softmax) stable: nothing to reject
def test_chapter09_cross_entropy_taking_log_of_softmax_is_rejected_for_large_scores():
    assert_rejected(chapter09.check_sparse_cross_entropy, cross_entropy_through_log_of_softmax,
                    "tf.nn.log_softmax")


def test_chapter09_mean_cross_entropy_is_rejected():
    def mean_loss(labels, logits):
        return tf.reduce_mean(solutions09.sparse_softmax_cross_entropy_with_logits(labels, logits))
    assert_rejected(chapter09.check_sparse_cross_entropy, mean_loss, "one loss per example")


def test_chapter09_cross_entropy_with_the_wrong_sign_is_rejected():
    def log_probability(labels, logits):
        return -solutions09.sparse_softmax_cross_entropy_with_logits(labels, logits)
    assert_rejected(chapter09.check_sparse_cross_entropy, log_probability,
                    "minus the log probability")
