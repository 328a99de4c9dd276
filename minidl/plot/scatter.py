"""Points in the plane, coloured by class."""
import numpy as np

from .axes import axes_or_new
from .colors import class_color


def scatter(X, y, ax=None, size=20, alpha=0.9, legend=False):
    """Draw the 2-D points X, each in the colour of its class.

    Args:
        X: points, shape (n, 2).
        y: int labels, shape (n,); class 0 is red, class 1 blue (see colors.py).
        ax: the Axes to draw on; a new figure when None.
        size: the marker area in points**2.
        alpha: the markers' opacity.
        legend: whether to add a legend naming the classes "class 0", "class 1", ...

    Returns:
        The Axes, holding one collection of points per class, in label order.
    """
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),):
        raise ValueError(f"scatter needs points of shape (n, 2) and labels of shape (n,), "
                         f"got {X.shape} and {y.shape}")
    ax = axes_or_new(ax)
    for label in np.unique(y):
        points = X[y == label]
        ax.scatter(points[:, 0], points[:, 1], s=size, alpha=alpha, color=class_color(label),
                   edgecolors="white", linewidths=0.5, label=f"class {label}")
    if legend:
        ax.legend()
    return ax
