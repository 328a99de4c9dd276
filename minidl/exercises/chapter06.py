"""Checks for the exercises of chapter 6, multi-layer perceptrons."""
import numpy as np

from .. import datasets
from ..datasets import circles
from ..graph import Graph
from ..layers import dense
from ..ops.activations import sigmoid
from ..placeholder import placeholder
from ..variable import Variable
from . import feedback as fb
from .guard import refusing
from .trained import trained_network

# Training on held-back points is one shortcut a training exercise has (splitting
# the training data handed over, to choose when to stop, is fair); labels that
# no trained network gave (`trained_network`) are the other.
DATA_LOADERS = [(f"tf.datasets.{name}", getattr(datasets, name))
                for name in ("blobs", "xor", "circles", "spiral", "load_digits")]
HELD_BACK = ("the check hands you the training data and holds back the examples it "
             "tests on; loading a data set yourself could show your network those very "
             "examples. Train on the data you are given.")

XOR_CORNERS = [((0.0, 0.0), 0), ((0.0, 1.0), 1), ((1.0, 0.0), 1), ((1.0, 1.0), 0)]


@fb.answer_is("function")
def check_xor_by_hand(xor_weights):
    """Exercise 1: `xor_weights()` returns W1 (2, 2), b1 (2,), w2 (2,) and b2
    (a number) such that sigmoid(sigmoid(x W1 + b1) w2 + b2) computes XOR on
    the corners of the unit square: above 0.9 for (0, 1) and (1, 0), below
    0.1 for (0, 0) and (1, 1)."""
    answer = fb.answered(xor_weights(), "xor_weights")
    if not (isinstance(answer, (tuple, list)) and len(answer) == 4):
        fb.fail(f"xor_weights should return the four values (W1, b1, w2, b2); "
                f"it returned {fb.describe(answer)}")
    expected_shapes = {"W1": (2, 2), "b1": (2,), "w2": (2,), "b2": ()}
    values = {}
    for (name, shape), value in zip(expected_shapes.items(), answer):
        values[name] = fb.numbers(value, name)
        if values[name].shape != shape:
            fb.fail(f"{name} should have shape {shape}, but has shape {values[name].shape}")
    with Graph().as_default():
        x = placeholder(np.float64, shape=(None, 2), name="x")
        hidden = sigmoid(x @ Variable(values["W1"]) + Variable(values["b1"]))
        output = sigmoid(hidden @ Variable(values["w2"]) + Variable(values["b2"]))
        corners = np.array([corner for corner, _ in XOR_CORNERS])
        hidden_values, outputs = fb.run([hidden, output], {x: corners})
    for (corner, label), value, hidden_value in zip(XOR_CORNERS, outputs, hidden_values):
        good = value > 0.9 if label == 1 else value < 0.1
        if not good:
            wanted = "above 0.9" if label == 1 else "below 0.1"
            fb.fail(f"at {corner} the network outputs {value:.4f}, but XOR is {label} there, "
                    f"so it should be {wanted}. The hidden units give {fb.show(hidden_value)} "
                    f"at that corner; each should be close to 0 or 1 (use large weights).")
    fb.correct("two lines (OR and AND), and an output that says \"OR but not AND\": "
               "a hidden layer at work.")


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _numpy_mlp(x, layers, activation=_sigmoid):
    """The reference: `activation` layers, then a linear last layer."""
    for W, b in layers[:-1]:
        x = activation(x @ W + b)
    W, b = layers[-1]
    return x @ W + b


@fb.answer_is("function")
def check_mlp_logits(mlp_logits):
    """Exercise 2: `mlp_logits(X, layers)` applies sigmoid(h W + b) for every
    (W, b) in `layers` but the last, and h W + b for the last."""
    rng = np.random.default_rng(6)
    for sizes in ([3, 5, 4, 2], [3, 2], [3, 6, 3]):
        arrays = [(rng.standard_normal((n_in, n_out)), rng.standard_normal(n_out))
                  for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        with Graph().as_default():
            X = placeholder(np.float64, shape=(None, sizes[0]), name="X")
            layers = [(Variable(W, name=f"W{i + 1}"), Variable(b, name=f"b{i + 1}"))
                      for i, (W, b) in enumerate(arrays)]
            with refusing("mlp_logits", [("tf.layers.dense", dense)]):
                logits = fb.answered(mlp_logits(X, layers), "mlp_logits")
            X_value = rng.standard_normal((4, sizes[0]))
            got = fb.value_of(logits, "mlp_logits", {X: X_value},
                              "built from X and the layers' variables")
        expected = _numpy_mlp(X_value, arrays)
        description = f"layer sizes {sizes} ({len(arrays)} (W, b) pairs)"
        if got.shape != expected.shape:
            fb.fail(f"with {description} and 4 input rows, the logits should have shape "
                    f"{expected.shape}, but have shape {got.shape}")
        fb.compare(got, expected, f"with {description}, the logits are {fb.show(got[0])} "
                   f"for the first row, but should be {fb.show(expected[0])}.",
                   (_sigmoid(expected), " You applied the sigmoid to the last layer too: "
                                        "logits are h W + b."),
                   (_numpy_mlp(X_value, arrays, activation=lambda z: z),
                    " The hidden layers need the sigmoid: sigmoid(h W + b)."))
    fb.correct("one loop builds a network of any depth; the last layer has no sigmoid, "
               "so its outputs are scores for the softmax.")


@fb.answer_is("function")
def check_train_circles(train_and_predict):
    """Exercise 3: `train_and_predict(X_train, y_train, X_test)` trains a
    network on one sample of `circles` and returns int labels for X_test;
    at least 95% of them must be right."""
    X_train, y_train = circles(n=200, seed=1)
    X_test, y_test = circles(n=200, seed=2)
    runs = []
    with Graph().as_default(), refusing("train_and_predict", DATA_LOADERS,
                                        reason=HELD_BACK, runs=runs):
        predictions = train_and_predict(X_train, y_train, X_test)
    fb.answered(predictions, "train_and_predict")
    predictions = fb.numbers(predictions, "the predictions train_and_predict returns")
    if predictions.shape != y_test.shape:
        hint = (" Those look like scores: take tf.argmax(logits, axis=1)."
                if predictions.shape == (len(y_test), 2) else "")
        fb.fail(f"train_and_predict should return one label per test point, shape "
                f"{y_test.shape}; it returned shape {predictions.shape}.{hint}")
    accuracy = np.mean(predictions == y_test)
    if accuracy < 0.95:
        fb.fail(f"{accuracy:.1%} of the test points are classified right; at least 95% "
                f"should be. A single layer gets about half: is there a hidden layer "
                f"(with a nonlinearity), and does the loss still fall when training stops?")
    trained_network(runs, predictions, "train_and_predict")
    fb.correct(f"{accuracy:.1%} of fresh points right: the network learned the ring, "
               f"not the training points.")
