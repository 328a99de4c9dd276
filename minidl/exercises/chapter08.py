"""Checks for the exercises of chapter 8, real data: handwritten digits."""
import numpy as np

import minidl as tf

from . import feedback as fb
from .chapter06 import DATA_LOADERS, HELD_BACK
from .trained import trained_network


@fb.answer_is("function")
def check_confusion_counts(confusion_counts):
    """Exercise 1: `confusion_counts(y_true, y_pred, num_classes)`[i, j] counts
    the examples of class i predicted as class j."""
    rng = np.random.default_rng(8)
    cases = [(np.array([0, 1, 2, 2]), np.array([0, 2, 2, 1]), 3),
             (np.array([1, 1, 1]), np.array([1, 1, 1]), 4),
             (rng.integers(0, 5, 60), rng.integers(0, 5, 60), 5)]
    library = tf.plot.confusion_counts
    for y_true, y_pred, num_classes in cases:
        answer = fb.call(confusion_counts, "confusion_counts", y_true, y_pred, num_classes,
                         refuse=[("tf.plot.confusion_counts", library)])
        expected = library(y_true, y_pred, num_classes)
        where = (f"with {len(y_true)} random labels of {num_classes} classes" if len(y_true) > 10
                 else f"with y_true = {fb.show(y_true)}, y_pred = {fb.show(y_pred)}, "
                      f"num_classes = {num_classes}")
        total = np.sum(fb.numbers(answer, "the counts confusion_counts returns"))
        fb.expect(total == len(y_true), f"{where}, the counts add up to {total:g}, not to the "
                  f"{len(y_true)} examples")
        fb.agrees(answer, expected, where, "the counts", (expected.T, " Rows are true classes "
                  "and columns predictions: you have them swapped."))
    fb.correct("each example adds one to the cell of its (true, predicted) pair; the "
               "diagonal holds the right answers.")


@fb.answer_is("function")
def check_top_k_accuracy(top_k_accuracy):
    """Exercise 2: `top_k_accuracy(logits, y, k)` is the fraction of rows
    whose true class is among the k highest scores."""
    logits = np.array([[0.1, 2.0, 0.5, -1.0], [3.0, 1.0, 2.0, 0.0], [0.0, 0.2, 0.1, 0.3],
                       [1.0, -1.0, 0.5, 2.0], [0.3, 0.4, 5.0, 0.1]])
    y = np.array([1, 2, 0, 2, 3])
    ranks = 1 + np.sum(logits > logits[np.arange(len(y)), y][:, None], axis=1)
    for k in (1, 2, 3, 4):
        answer = fb.call(top_k_accuracy, "top_k_accuracy", logits, y, k)
        answer = fb.number(answer, f"top_k_accuracy(logits, y, {k})", example="0.6")
        expected = np.mean(ranks <= k)
        fb.compare(answer, expected, f"with k = {k}, the answer is {answer:.4g}, but the true "
                   f"class is among the {k} highest scores in {np.sum(ranks <= k)} of the 5 "
                   f"rows, so it should be {expected:.4g}. The scores:\n{logits}\ntrue classes "
                   f"{fb.show(y)}.",
                   (np.mean(ranks >= 5 - k), " Those are the k lowest scores: sort in "
                                             "decreasing order."),
                   (np.sum(ranks <= k), " That is a count: divide by the number of rows."))
    fb.correct("top-1 accuracy is the usual accuracy, and top-k can only grow with k, "
               "reaching 1 when k is the number of classes.")


@fb.answer_is("function")
def check_standardize(standardize):
    """Exercise 3: `standardize(X_train, X_test)` shifts and scales each column
    by the training set's mean and standard deviation, leaving constant
    columns unscaled."""
    rng = np.random.default_rng(8)
    X_train = np.column_stack([rng.normal(5.0, 2.0, 50), rng.normal(-1.0, 0.5, 50),
                               np.zeros(50)])
    X_test = np.column_stack([rng.normal(7.0, 1.0, 20), rng.normal(0.0, 0.5, 20), np.ones(20)])
    new_train, new_test = fb.two_arrays(fb.call(standardize, "standardize", X_train, X_test),
                                        "standardize", "the standardized X_train",
                                        "the standardized X_test")
    fb.expect(new_train.shape == X_train.shape and new_test.shape == X_test.shape,
              f"the shapes should stay {X_train.shape} and {X_test.shape}; they are "
              f"{new_train.shape} and {new_test.shape}")
    fb.expect(np.all(np.isfinite(new_train)) and np.all(np.isfinite(new_test)),
              "the result contains NaN or infinity: a column that is 0 in every training "
              "example has standard deviation 0; divide it by 1 instead")
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    scale = np.where(std > 0, std, 1.0)
    fb.expect(np.allclose(new_train, (X_train - mean) / scale),
              f"the training columns should have means 0 and standard deviations 1 (the "
              f"constant one: 0); they have means {fb.show(new_train.mean(axis=0))} and "
              f"standard deviations {fb.show(new_train.std(axis=0))}")
    peeked = np.allclose(new_test.mean(axis=0)[:2], 0)
    fb.expect(np.allclose(new_test, (X_test - mean) / scale),
              f"the test set should be shifted and scaled with the training set's mean "
              f"{fb.show(mean)} and standard deviation {fb.show(std)}."
              + (" The test set was standardized with its own statistics: use the training "
                 "set's mean and standard deviation." if peeked else ""))
    fb.correct("the test set is transformed exactly like the training set, with numbers "
               "learned from the training set alone.")


# The data sets the last exercise offers, and the accuracy to reach on the
# examples the check holds back.
HELD_OUT_TARGETS = {"xor": 0.95, "circles": 0.95, "spiral": 0.90, "digits": 0.95}


def _held_out_split(data):
    """(X_train, y_train, X_test, y_test) for the named data set."""
    if data == "digits":
        X_train, X_test, y_train, y_test = tf.datasets.train_test_split(
            *tf.datasets.load_digits(), test_fraction=0.25, seed=88)
        return X_train, y_train, X_test, y_test
    make = getattr(tf.datasets, data)
    return (*make(n=600, seed=81), *make(n=600, seed=82))


@fb.answer_is("function")
def check_train_held_out(data, train):
    """Exercise 4: `train(X_train, y_train)` trains a network on the chosen data
    set (`data`, one of HELD_OUT_TARGETS) and returns `predict(X)`, which gives
    int labels; on examples the check holds back they must reach the target."""
    if data is None:
        fb.not_yet("DATA", verb="is")
    fb.expect(isinstance(data, str) and data in HELD_OUT_TARGETS, f"DATA should name one of "
              f"the four data sets, {', '.join(repr(name) for name in HELD_OUT_TARGETS)}; it "
              f"is {fb.describe(data)}")
    target = HELD_OUT_TARGETS[data]
    X_train, y_train, X_test, y_test = _held_out_split(data)
    runs = []
    with tf.Graph().as_default():
        predict = fb.call(train, "train", X_train, y_train, refuse=DATA_LOADERS, reason=HELD_BACK)
        fb.expect(callable(predict), f"train should return a function, predict(X), that gives "
                  f"the labels of the rows of X; it returned {fb.describe(predict)}. (The check "
                  f"calls it on examples it has held back.)")
        predicted = fb.call(predict, "predict", X_test, refuse=DATA_LOADERS, reason=HELD_BACK,
                            runs=runs)
        predicted_train = predict(X_train.copy())
    predicted = fb.numbers(predicted, "the labels predict returns")
    scores = predicted.shape == (len(y_test), y_test.max() + 1)
    fb.expect(predicted.shape == y_test.shape, f"predict(X) for {len(y_test)} rows should "
              f"return {len(y_test)} labels, shape {y_test.shape}; it returned shape "
              f"{predicted.shape}." + (" Those look like scores: take the argmax of each row."
                                       if scores else ""))
    accuracy = np.mean(predicted == y_test)
    train_accuracy = np.mean(fb.numbers(predicted_train, "the labels predict returns") == y_train)
    why = (" It does much better on the training examples: it has learned them rather than the "
           "pattern. A smaller network, or fewer steps, may do better."
           if train_accuracy > accuracy + 0.1 else
           " It does no better on the training examples: train longer, with a hidden layer "
           "(and a nonlinearity), or with another learning rate.")
    fb.expect(accuracy >= target, f"on the {len(y_test)} held-back examples of '{data}', "
              f"{accuracy:.1%} of your network's labels are right; the target is {target:.0%}. "
              f"On the {len(y_train)} training examples it gets {train_accuracy:.1%}.{why}")
    trained_network(runs, predicted, "predict")
    fb.correct(f"{accuracy:.1%} of examples your network never saw are right "
               f"({train_accuracy:.1%} of those it trained on): it learned the pattern.")
