"""Small data sets for the chapters: seeded point clouds in the plane, and
real handwritten digits.

Every generator takes a `seed` and draws only from `np.random.default_rng(seed)`,
so the same call gives the same points on every machine, and returns `(X, y)`:
X float64 of shape (n, 2), one point per row, and y int64 labels 0..k-1, in
random order (so that any slice of them, such as a mini-batch, mixes the classes).

- `blobs`: Gaussian clusters a straight line can separate (the perceptron).
- `xor`, `circles`, `spiral`: classes no straight line separates (hidden layers).
- `load_digits`: 1,797 images of 8x8 pixels of the digits 0..9.
- `train_test_split`, `train_validation_test_split`: seeded splits of the rows.
"""
import gzip
from importlib.resources import files

import numpy as np

# Package data: it travels with minidl into every install (data/README.md
# there gives its source and licence).
DIGITS_FILE = files(__package__) / "data" / "digits.csv.gz"


def blobs(n=100, seed=0, classes=2, centers=None, spread=1.0):
    """Round Gaussian clusters, one per class.

    Args:
        n: the number of points, shared between the classes as evenly as possible.
        seed: the seed of the random generator.
        classes: the number of clusters (and labels).
        centers: the clusters' centers, shape (classes, 2); by default evenly
            spaced on a circle of radius 2.83, which puts two classes at
            (-2, -2) (class 0, red) and (2, 2) (class 1, blue).
        spread: the standard deviation of each cluster along each axis.
    """
    rng = np.random.default_rng(seed)
    if centers is None:
        angles = 5 * np.pi / 4 + 2 * np.pi * np.arange(classes) / classes
        centers = 2 * np.sqrt(2) * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    centers = np.asarray(centers, dtype=np.float64)
    if centers.shape != (classes, 2):
        raise ValueError(f"blobs needs one 2-D center per class: centers has shape "
                         f"{centers.shape}, expected ({classes}, 2)")
    y = _labels(n, classes)
    X = centers[y] + spread * rng.standard_normal((n, 2))
    return _shuffled(X, y, rng)


def xor(n=200, seed=0, spread=0.35):
    """Four clusters at the corners (+-1, +-1); opposite corners share a class.

    Class 0 sits at (1, 1) and (-1, -1), class 1 at (-1, 1) and (1, -1): the
    label is the exclusive or of "x > 0" and "y > 0", which no straight line
    can compute.

    Args:
        n: the number of points, shared between the four corners.
        seed: the seed of the random generator.
        spread: the standard deviation of each cluster along each axis.
    """
    rng = np.random.default_rng(seed)
    corner = _labels(n, 4)
    corners = np.array([[1.0, 1.0], [-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0]])
    X = corners[corner] + spread * rng.standard_normal((n, 2))
    y = corner // 2
    return _shuffled(X, y, rng)


def circles(n=200, seed=0, inner_radius=0.5, noise=0.1):
    """Two concentric rings: class 0 outside (radius 1), class 1 inside.

    Args:
        n: the number of points, half on each ring.
        seed: the seed of the random generator.
        inner_radius: the radius of the inner ring (the outer one has radius 1).
        noise: the standard deviation of each point's distance from its ring.
    """
    rng = np.random.default_rng(seed)
    y = _labels(n, 2)
    radius = np.where(y == 0, 1.0, inner_radius) + noise * rng.standard_normal(n)
    angle = rng.uniform(0, 2 * np.pi, n)
    X = radius[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return _shuffled(X, y, rng)


def spiral(n=300, seed=0, classes=3, noise=0.2):
    """Interleaved spiral arms, one per class, winding out from the origin.

    Along each arm the distance from the origin grows from 0 to 1 while the
    angle turns through 4 radians; arm k starts 4k radians further round.

    Args:
        n: the number of points, shared between the arms.
        seed: the seed of the random generator.
        classes: the number of arms (and labels).
        noise: the standard deviation of the random jitter added to each angle.
    """
    rng = np.random.default_rng(seed)
    y = _labels(n, classes)
    position = np.concatenate([np.linspace(0, 1, np.sum(y == k)) for k in range(classes)])
    angle = 4 * (y + position) + noise * rng.standard_normal(n)
    X = position[:, None] * np.stack([np.sin(angle), np.cos(angle)], axis=1)
    return _shuffled(X, y, rng)


def one_hot(y, num_classes=None):
    """Labels as one-hot rows: label k becomes a row of zeros with a 1 at column k.

    Args:
        y: int labels 0..num_classes-1, shape (n,).
        num_classes: the number of columns; by default the largest label + 1.

    Returns:
        float64 array of shape (n, num_classes).
    """
    y = np.asarray(y)
    if y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"one_hot needs a 1-D array of int labels, got {y.dtype} "
                         f"of shape {y.shape}")
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"one_hot: labels must lie in 0..{num_classes - 1}, "
                         f"found {y.min()}..{y.max()}")
    return np.eye(num_classes)[y]


def load_digits():
    """The 1,797 handwritten digits of 8x8 pixels (UCI, CC BY 4.0; see
    minidl/data/README.md).

    Read from `minidl/data/digits.csv.gz`, which ships inside the package: a
    checkout, an editable install and a wheel find it the same way, from any
    working directory, with no network.

    Returns:
        X: float64 of shape (1797, 64), each row one image read row by row,
            pixel intensities scaled from 0..16 to [0, 1].
        y: int64 of shape (1797,), the digits 0..9.
    """
    with DIGITS_FILE.open("rb") as compressed, gzip.open(compressed, "rt") as text:
        table = np.loadtxt(text, delimiter=",", dtype=np.int64)
    return table[:, :64] / 16.0, table[:, 64]


def train_test_split(X, y, test_fraction=0.2, seed=0):
    """Shuffle the rows and hold back a fraction of them for testing.

    Args:
        X, y: the inputs and labels, with one row per example.
        test_fraction: the share of the rows put in the test set (rounded).
        seed: the seed of the random generator that shuffles the rows.

    Returns:
        X_train, X_test, y_train, y_test (in that order, like scikit-learn).
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}: they must match")
    num_test = round(len(X) * test_fraction)
    if not 0 < num_test < len(X):
        raise ValueError(f"test_fraction={test_fraction} of {len(X)} rows leaves "
                         f"{num_test} for testing: both sets must be non-empty")
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:num_test], order[num_test:]
    return X[train], X[test], y[train], y[test]


def train_validation_test_split(X, y, validation_fraction=0.2, test_fraction=0.2, seed=0):
    """Shuffle the rows and cut them into three sets, each with its own job:

    - training: the model's weights are fitted to it;
    - validation: choices *about* the model (its size, when to stop, how much
      to regularize) are made by looking at it;
    - test: looked at once, at the end, for an honest estimate of how the
      model does on data it has never influenced.

    Args:
        X, y: the inputs and labels, with one row per example.
        validation_fraction, test_fraction: the share of the rows put in the
            validation and the test set (each rounded); the rest is for training.
        seed: the seed of the random generator that shuffles the rows.

    Returns:
        (X_train, y_train), (X_validation, y_validation), (X_test, y_test).
    """
    X, y = np.asarray(X), np.asarray(y)
    num_train, num_validation = _split_sizes(X, y, validation_fraction, test_fraction)
    order = np.random.default_rng(seed).permutation(len(X))
    train, validation, test = np.split(order, [num_train, num_train + num_validation])
    return (X[train], y[train]), (X[validation], y[validation]), (X[test], y[test])


def _split_sizes(X, y, validation_fraction, test_fraction):
    """How many rows go to training and to validation (the rest is the test
    set); a clear error when X and y differ in length or a set would be empty."""
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}: they must match")
    num_validation = round(len(X) * validation_fraction)
    num_test = round(len(X) * test_fraction)
    num_train = len(X) - num_validation - num_test
    if min(num_train, num_validation, num_test) <= 0:
        raise ValueError(f"validation_fraction={validation_fraction} and "
                         f"test_fraction={test_fraction} of {len(X)} rows leave {num_train} "
                         f"for training, {num_validation} for validation and {num_test} "
                         f"for testing: every set must be non-empty")
    return num_train, num_validation


def _labels(n, classes):
    """n int64 labels 0..classes-1 in order, as evenly shared as possible."""
    return np.arange(n, dtype=np.int64) * classes // n


def _shuffled(X, y, rng):
    """X and y with their rows in the same random order."""
    order = rng.permutation(len(y))
    return X[order], y[order]
