"""Checks for the exercises of chapter 8, real data: handwritten digits."""
import numpy as np

from .. import datasets
from ..graph import Graph
from ..plot import confusion_counts as library_confusion_counts
from . import feedback as fb
from .chapter06 import DATA_LOADERS, HELD_BACK
from .guard import refusing
from .trained import trained_network


@fb.answer_is("function")
def check_confusion_counts(confusion_counts):
    """Exercise 1: `confusion_counts(y_true, y_pred, num_classes)`[i, j] counts
    the examples of class i predicted as class j."""
    rng = np.random.default_rng(8)
    cases = [(np.array([0, 1, 2, 2]), np.array([0, 2, 2, 1]), 3),
             (np.array([1, 1, 1]), np.array([1, 1, 1]), 4),
             (rng.integers(0, 5, 60), rng.integers(0, 5, 60), 5)]
    for y_true, y_pred, num_classes in cases:
        with refusing("confusion_counts", [("tf.plot.confusion_counts",
                                            library_confusion_counts)]):
            answer = confusion_counts(y_true, y_pred, num_classes)
        fb.answered(answer, "confusion_counts")
        answer = fb.numbers(answer, "the counts confusion_counts returns")
        expected = library_confusion_counts(y_true, y_pred, num_classes)
        where = (f"with y_true = {fb.show(y_true)}, y_pred = {fb.show(y_pred)}, "
                 f"num_classes = {num_classes}")
        if len(y_true) > 10:
            where = f"with {len(y_true)} random labels of {num_classes} classes"
        if answer.shape != expected.shape:
            fb.fail(f"{where}, the counts should have shape {expected.shape}; "
                    f"they have shape {answer.shape}")
        if answer.sum() != len(y_true):
            fb.fail(f"{where}, the counts add up to {answer.sum():g}, not to the "
                    f"{len(y_true)} examples")
        fb.compare(answer, expected, f"{where}, the counts are\n{answer}\nbut should be\n"
                   f"{expected}.", (expected.T, " Rows are true classes and columns "
                                                "predictions: you have them swapped."))
    fb.correct("each example adds one to the cell of its (true, predicted) pair; the "
               "diagonal holds the right answers.")


@fb.answer_is("function")
def check_top_k_accuracy(top_k_accuracy):
    """Exercise 2: `top_k_accuracy(logits, y, k)` is the fraction of rows
    whose true class is among the k highest scores."""
    logits = np.array([[0.1, 2.0, 0.5, -1.0],
                       [3.0, 1.0, 2.0, 0.0],
                       [0.0, 0.2, 0.1, 0.3],
                       [1.0, -1.0, 0.5, 2.0],
                       [0.3, 0.4, 5.0, 0.1]])
    y = np.array([1, 2, 0, 2, 3])
    true_scores = logits[np.arange(len(y)), y]
    ranks = 1 + np.sum(logits > true_scores[:, None], axis=1)
    for k in (1, 2, 3, 4):
        answer = fb.answered(top_k_accuracy(logits, y, k), "top_k_accuracy")
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
    X_test = np.column_stack([rng.normal(7.0, 1.0, 20), rng.normal(0.0, 0.5, 20),
                              np.ones(20)])
    answer = fb.answered(standardize(X_train.copy(), X_test.copy()), "standardize")
    new_train, new_test = fb.two_arrays(answer, "standardize", "the standardized X_train",
                                        "the standardized X_test")
    if new_train.shape != X_train.shape or new_test.shape != X_test.shape:
        fb.fail(f"the shapes should stay {X_train.shape} and {X_test.shape}; they are "
                f"{new_train.shape} and {new_test.shape}")
    if not (np.all(np.isfinite(new_train)) and np.all(np.isfinite(new_test))):
        fb.fail("the result contains NaN or infinity: a column that is 0 in every training "
                "example has standard deviation 0; divide it by 1 instead")
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    if not np.allclose(new_train, (X_train - mean) / std):
        fb.fail(f"the training columns should have means 0 and standard deviations 1 "
                f"(the constant one: 0); they have means {fb.show(new_train.mean(axis=0))} "
                f"and standard deviations {fb.show(new_train.std(axis=0))}")
    if not np.allclose(new_test, (X_test - mean) / std):
        peeked = np.allclose(new_test.mean(axis=0)[:2], 0)
        why = (" The test set was standardized with its own statistics: use the "
                "training set's mean and standard deviation." if peeked else "")
        fb.fail(f"the test set should be shifted and scaled with the training set's mean "
                f"{fb.show(mean)} and standard deviation {fb.show(X_train.std(axis=0))}.{why}")
    fb.correct("the test set is transformed exactly like the training set, with numbers "
               "learned from the training set alone.")


# The data sets the last exercise offers, how the check splits each into the
# examples it hands over and those it holds back, and the accuracy to reach on
# the held-back ones.
HELD_OUT_TARGETS = {"xor": 0.95, "circles": 0.95, "spiral": 0.90, "digits": 0.95}


def _held_out_split(data):
    """(X_train, y_train, X_test, y_test) for the named data set."""
    if data == "digits":
        X_train, X_test, y_train, y_test = datasets.train_test_split(
            *datasets.load_digits(), test_fraction=0.25, seed=88)
        return X_train, y_train, X_test, y_test
    make = getattr(datasets, data)
    return (*make(n=600, seed=81), *make(n=600, seed=82))


@fb.answer_is("function")
def check_train_held_out(data, train):
    """Exercise 4: `train(X_train, y_train)` trains a network on the chosen data
    set (`data`, one of HELD_OUT_TARGETS) and returns `predict(X)`, which gives
    int labels; on examples the check holds back they must reach the target."""
    if data is None:
        fb.not_yet("DATA", verb="is")
    if not (isinstance(data, str) and data in HELD_OUT_TARGETS):
        fb.fail(f"DATA should name one of the four data sets, "
                f"{', '.join(repr(name) for name in HELD_OUT_TARGETS)}; it is {fb.describe(data)}")
    target = HELD_OUT_TARGETS[data]
    X_train, y_train, X_test, y_test = _held_out_split(data)
    runs = []
    with Graph().as_default():
        with refusing("train", DATA_LOADERS, reason=HELD_BACK):
            predict = train(X_train.copy(), y_train.copy())
        fb.answered(predict, "train")
        if not callable(predict):
            fb.fail(f"train should return a function, predict(X), that gives the labels of "
                    f"the rows of X; it returned {fb.describe(predict)}. (The check calls it on "
                    f"examples it has held back.)")
        with refusing("predict", DATA_LOADERS, reason=HELD_BACK, runs=runs):
            predicted = predict(X_test.copy())
        predicted_train = predict(X_train.copy())
    predicted = fb.numbers(predicted, "the labels predict returns")
    if predicted.shape != y_test.shape:
        why = (" Those look like scores: take the argmax of each row."
                if predicted.shape == (len(y_test), y_test.max() + 1) else "")
        fb.fail(f"predict(X) for {len(y_test)} rows should return {len(y_test)} labels, shape "
                f"{y_test.shape}; it returned shape {predicted.shape}.{why}")
    accuracy = np.mean(predicted == y_test)
    train_accuracy = np.mean(fb.numbers(predicted_train, "the labels predict returns")
                             == y_train)
    if accuracy < target:
        why = (" It does much better on the training examples: it has learned them "
                "rather than the pattern. A smaller network, or fewer steps, may do better."
                if train_accuracy > accuracy + 0.1 else
                " It does no better on the training examples: train longer, with a "
                "hidden layer (and a nonlinearity), or with another learning rate.")
        fb.fail(f"on the {len(y_test)} held-back examples of '{data}', {accuracy:.1%} of your "
                f"network's labels are right; the target is {target:.0%}. On the "
                f"{len(y_train)} training examples it gets {train_accuracy:.1%}.{why}")
    trained_network(runs, predicted, "predict")
    fb.correct(f"{accuracy:.1%} of examples your network never saw are right "
               f"({train_accuracy:.1%} of those it trained on): it learned the pattern.")
