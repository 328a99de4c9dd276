"""The path an optimizer takes across a loss of two weights, trained by minidl."""
import numpy as np

from ..graph import Graph
from ..session import Session
from ..variable import Variable

ESCAPED = 1e6


def descent_path(surface, start, optimizer, num_steps):
    """Train two weights (w1, w2) from `start` to minimize `surface(w1, w2)`.

    Args:
        surface: a function of two numbers written with + - * ** (it runs on
            minidl Variables here, and on NumPy arrays to draw the contours).
        start: (w1, w2) before the first step.
        optimizer: a `minidl.train` optimizer, e.g. GradientDescentOptimizer(0.1).
        num_steps: the number of training steps.

    Returns:
        path: the points visited, shape (steps + 1, 2), the start first;
        losses: the loss at each of them. A diverging run stops early, once a
        weight is past 1e6, rather than overflowing.
    """
    with Graph().as_default() as graph:
        w1, w2 = Variable(float(start[0]), name="w1"), Variable(float(start[1]), name="w2")
        J = surface(w1, w2)
        train_step = optimizer.minimize(J)
    session = Session(graph)
    path, losses = [], []
    for step in range(num_steps + 1):
        w1_value, w2_value, J_value = session.run([w1, w2, J])
        path.append((w1_value, w2_value))
        losses.append(J_value)
        if step == num_steps or max(abs(w1_value), abs(w2_value)) > ESCAPED:
            break
        session.run(train_step)
    return np.array(path), np.array(losses)
