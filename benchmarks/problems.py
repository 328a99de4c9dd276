"""The two training problems the benchmark times, with seeded random data.

Both are classifiers with sigmoid hidden layers, a softmax cross-entropy loss
averaged over the batch, and plain gradient descent, all in float32:

- the tutorial's network, 2-8-8-2, on 100 points (the whole data set as one batch);
- an MNIST-shaped network, 784-256-10, on a batch of 128 images.

Every implementation starts from copies of the same weights and trains on the
same data, so their results can be compared as well as their speed.
"""
from dataclasses import dataclass

import numpy as np

SEED = 7
LEARNING_RATE = 0.1


@dataclass
class Problem:
    """One network and one batch to train it on.

    Attributes:
        name: how the tables name it.
        layers: the initial (weights, biases) of each layer, float32.
        X: the inputs, one row per example, float32.
        Y: the one-hot labels, float32.
        target: the fraction of the NumPy floor's steps per second below which
            minidl must not fall on this problem (the interpreter the chapters
            show trades some speed for readability; below this, something
            else got slow).
        optimized_targets: the fraction an optimizing session (`optimize=True`)
            aims to reach, by loss form: {"fused": ..., "tutorial": ...}.
    """

    name: str
    layers: list
    X: np.ndarray
    Y: np.ndarray
    target: float
    optimized_targets: dict


def make_problem(name, sizes, batch_size, target, optimized_targets, seed=SEED):
    """Random inputs, random labels and scaled normal weights for layer `sizes`."""
    rng = np.random.default_rng(seed)
    layers = [(rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out)).astype(np.float32),
               np.zeros(n_out, dtype=np.float32))
              for n_in, n_out in zip(sizes, sizes[1:])]
    X = rng.normal(size=(batch_size, sizes[0])).astype(np.float32)
    labels = rng.integers(0, sizes[-1], size=batch_size)
    Y = np.eye(sizes[-1], dtype=np.float32)[labels]
    return Problem(name, layers, X, Y, target, optimized_targets)


def problems():
    """The benchmark's two problems, small first. On the small one a step is a
    few dozen tiny NumPy calls, so the engine's own cost shows; on the large
    one two matrix products take most of the time."""
    return [make_problem("tutorial 2-8-8-2, 100 points", [2, 8, 8, 2], 100, target=0.55,
                         optimized_targets={"fused": 0.85, "tutorial": 0.8}),
            make_problem("MNIST-shaped 784-256-10, batch 128", [784, 256, 10], 128,
                         target=0.85, optimized_targets={"fused": 0.98, "tutorial": 0.98})]
