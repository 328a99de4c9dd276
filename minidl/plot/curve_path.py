"""A function of one number, with the points gradient descent visits on it."""
import numpy as np

from .axes import axes_or_new
from .colors import class_color


def curve_path(f, paths, x_range=None, ax=None, num_points=400):
    """Draw y = f(x) and, on the curve, the points each run of an optimizer
    visited, from its start (circle) to where it stopped (cross): the
    one-dimensional companion of `surface_path`.

    Args:
        f: a NumPy function of an array of x values, e.g. `lambda x: x**4 - 3 * x**2 + x`.
        paths: {label: sequence of x values visited, in order}, one path per
            entry, in the class colours (red, blue, ...) in order.
        x_range: (low, high) of the x axis; by default the paths' extent with a margin.
        ax: the Axes to draw on; a new figure when None.
        num_points: how many x values the curve joins.

    Returns:
        The Axes.
    """
    if not paths:
        raise ValueError("curve_path needs at least one path: {label: x values visited}")
    paths = {label: np.asarray(path, dtype=np.float64) for label, path in paths.items()}
    for label, path in paths.items():
        if path.ndim != 1 or len(path) == 0:
            raise ValueError(f"the path '{label}' has shape {path.shape}; expected a "
                             f"non-empty sequence of x values, one per step")
    if x_range is None:
        visited = np.concatenate(list(paths.values()))
        low, high = visited.min(), visited.max()
        padding = 0.2 * (high - low) if high > low else 1.0
        x_range = (low - padding, high + padding)
    x = np.linspace(*x_range, num_points)
    ax = axes_or_new(ax)
    ax.plot(x, f(x), color="black", linewidth=1)
    for index, (label, path) in enumerate(paths.items()):
        color = class_color(index)
        ax.plot(path, f(path), color=color, marker=".", markersize=6, linewidth=0.8,
                label=label)
        ax.plot(path[0], f(path[0]), "o", color=color)
        ax.plot(path[-1], f(path[-1]), "x", color=color, markersize=9, markeredgewidth=2)
    ax.legend()
    ax.set_xlim(*x_range)
    ax.set_xlabel("x")
    ax.grid(alpha=0.3)
    return ax
