"""Checks for the exercises of chapter 5: gradient descent (05_gradient_descent)
and backpropagation (05b_backpropagation).

Each check that builds graphs builds its own (inside `with Graph().as_default():`),
so it leaves the notebook's default graph as it was.
"""
import numpy as np

from ..datasets import blobs, one_hot
from ..gradient_check import gradient_check
from ..graph import Graph
from ..operation import Operation
from ..ops.reductions import reduce_sum
from ..placeholder import placeholder
from ..session import Session
from ..variable import Variable
from .feedback import correct, fail, not_yet, show


def _reference_descent(gradient, x0, learning_rate, num_steps):
    path = [np.asarray(x0, dtype=np.float64)]
    for _ in range(num_steps):
        path.append(path[-1] - learning_rate * gradient(path[-1]))
    return np.array(path)


def check_gradient_descent(gradient_descent):
    """Exercise 1 of 05: `gradient_descent(gradient, x0, learning_rate, num_steps)`
    returns the array of points visited, the start included."""
    problems = [
        (lambda x: 2 * (x - 3), 0.0, 0.1, 20, "f(x) = (x - 3)**2 from x0 = 0"),
        (lambda w: np.array([2, 20]) * w, np.array([-2.0, 1.0]), 0.02, 30,
         "f(w) = w1**2 + 10 w2**2 from w0 = (-2, 1)"),
    ]
    for gradient, x0, learning_rate, num_steps, description in problems:
        path = gradient_descent(gradient, x0, learning_rate, num_steps)
        if path is None:
            return not_yet("gradient_descent")
        path = np.asarray(path, dtype=np.float64)
        expected = _reference_descent(gradient, x0, learning_rate, num_steps)
        if path.shape != expected.shape:
            fail(f"for {description} with {num_steps} steps, the path should hold "
                 f"{num_steps + 1} points of shape {np.shape(x0)} (the start, then one "
                 f"per step); it has shape {path.shape}")
        if not np.allclose(path, expected):
            uphill = _reference_descent(lambda x: -gradient(x), x0, learning_rate, num_steps)
            hint = (" Your steps go uphill: subtract learning_rate * gradient."
                    if np.allclose(path, uphill) else "")
            fail(f"for {description} with learning rate {learning_rate}, your path "
                 f"starts {show(path[:3])}, but gradient descent visits "
                 f"{show(expected[:3])}.{hint}")
    correct("each step moves against the gradient, by learning_rate times its size.")


def check_largest_learning_rate(largest_learning_rate):
    """Exercise 2 of 05: the largest learning rate for which gradient descent
    on f(w) = w1**2 + 10 w2**2 converges (from almost any start)."""
    if largest_learning_rate is None:
        return not_yet("largest_learning_rate", verb="is")
    value = float(largest_learning_rate)
    if abs(value - 0.1) <= 1e-3:
        return correct("each step multiplies w2 by 1 - 20 lr, which must stay between "
                       "-1 and 1: lr < 0.1. The steepest direction sets the limit.")
    if abs(value - 1.0) <= 1e-2:
        fail("1.0 is the limit for w1 alone (each step multiplies it by 1 - 2 lr). "
             "Look at w2: its gradient is 20 w2.")
    factor = 1 - 20 * value
    if abs(factor) < 1:
        fail(f"with learning rate {value:g}, each step multiplies w2 by 1 - 20 * {value:g} "
             f"= {factor:g}, so descent converges, but a larger rate would too: find "
             f"where that factor reaches -1.")
    fail(f"with learning rate {value:g}, each step multiplies w2 by 1 - 20 * {value:g} "
         f"= {factor:g}, so w2 grows (or never shrinks) from step to step: descent "
         f"does not converge. Find where that factor reaches -1.")


def check_softplus(Softplus):
    """Exercise 1 of 05b: `Softplus(x)` computes log(1 + e**x) and its gradient."""
    x_value = np.array([-3.0, -0.5, 0.0, 0.7, 2.5])
    with Graph().as_default():
        x = Variable(x_value, name="x")
        node = Softplus(x)
        if not isinstance(node, Operation):
            fail(f"Softplus(x) should build an operation (a subclass of tf.Operation); "
                 f"it built {node!r}")
        with Session() as session:
            value = session.run(node)
        if value is None:
            return not_yet("Softplus.compute")
        expected = np.log1p(np.exp(x_value))
        if np.shape(value) != expected.shape or not np.allclose(value, expected):
            fail(f"for x = {show(x_value)}, Softplus gives {show(value)}, but "
                 f"log(1 + e**x) = {show(expected)}")
        grads = node.gradient(placeholder(name="grad"))
        if grads is None or (isinstance(grads, (list, tuple)) and len(grads) == 1
                             and grads[0] is None):
            return not_yet("Softplus.gradient")
        if not isinstance(grads, (list, tuple)) or len(grads) != 1:
            fail(f"gradient should return a list with one node per input (here one); "
                 f"it returned {grads!r}")
        loss = reduce_sum(node * np.array([1.0, -2.0, 0.5, 3.0, -1.0]))
        try:
            report = gradient_check(loss, [x])
        except TypeError as error:
            fail(f"computing the gradient failed: {error}")
        if not report.ok:
            fail(f"the gradient of Softplus disagrees with finite differences: {report}. "
                 f"d/dx log(1 + e**x) = e**x / (1 + e**x) = sigmoid(x), times grad")
    correct("the derivative of softplus is the sigmoid, and backprop multiplies it "
            "by the incoming gradient.")


def check_cross_entropy_gradient(cross_entropy_gradient):
    """Exercise 2 of 05b: `cross_entropy_gradient(X_data, Y_data, W_value, b_value)`
    returns (dJ/dW, dJ/db) of J = sum(softmax_cross_entropy(Y, X W + b)), in NumPy."""
    rng = np.random.default_rng(5)
    X_data, y_data = blobs(n=7, seed=5, classes=3)
    Y_data = one_hot(y_data, 3)
    W_value, b_value = rng.standard_normal((2, 3)), rng.standard_normal(3)
    answer = cross_entropy_gradient(X_data, Y_data, W_value, b_value)
    if answer is None:
        return not_yet("cross_entropy_gradient")
    dW, db = (np.asarray(value, dtype=np.float64) for value in answer)
    if dW.shape != W_value.shape or db.shape != b_value.shape:
        fail(f"dJ/dW must have W's shape {W_value.shape} and dJ/db b's shape "
             f"{b_value.shape}; yours have {dW.shape} and {db.shape}")
    expected_dW, expected_db = _numerical_gradients(X_data, Y_data, W_value, b_value)
    if not np.allclose(db, expected_db, atol=1e-6):
        hint = (" That is the negative: the gradient is P - Y, not Y - P."
                if np.allclose(db, -expected_db, atol=1e-6) else "")
        fail(f"dJ/db is {show(db)}, but finite differences give {show(expected_db)}. "
             f"It is the sum over the examples of P - Y.{hint}")
    if not np.allclose(dW, expected_dW, atol=1e-6):
        fail(f"dJ/dW is {show(dW)}, but finite differences give {show(expected_dW)}. "
             f"Each example i adds the outer product of x_i and (p_i - y_i): X^T (P - Y).")
    correct("dJ/dlogits = P - Y, then the matrix product sends it back: "
            "dJ/dW = X^T (P - Y), and dJ/db sums P - Y over the examples.")


def _cross_entropy(X_data, Y_data, W_value, b_value):
    """J = -sum(Y log softmax(X W + b)), in NumPy."""
    logits = X_data @ W_value + b_value
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return -np.sum(Y_data * log_p)


def _numerical_gradients(X_data, Y_data, W_value, b_value, epsilon=1e-6):
    """dJ/dW and dJ/db by central differences, one element at a time."""
    W_value, b_value = W_value.copy(), b_value.copy()
    grads = []
    for array in (W_value, b_value):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            original = array[index]
            array[index] = original + epsilon
            above = _cross_entropy(X_data, Y_data, W_value, b_value)
            array[index] = original - epsilon
            below = _cross_entropy(X_data, Y_data, W_value, b_value)
            array[index] = original
            grad[index] = (above - below) / (2 * epsilon)
        grads.append(grad)
    return grads
