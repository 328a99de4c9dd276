"""Model answers to the exercises of chapter 5, gradient descent."""
import numpy as np


def gradient_descent(gradient, x0, learning_rate, num_steps):
    """x <- x - learning_rate * gradient(x), num_steps times; every point visited."""
    path = [np.asarray(x0, dtype=np.float64)]
    for _ in range(num_steps):
        path.append(path[-1] - learning_rate * gradient(path[-1]))
    return np.array(path)


# For f(w) = 4 w1**2 + w2**2, each step multiplies w1 by 1 - 8 lr (its gradient
# is 8 w1), which must lie strictly between -1 and 1: 0 < lr < 0.25.
# (w2 alone would allow lr < 1.)
largest_learning_rate = 0.25
