"""A loss surface seen from above, with the paths optimizers take across it."""
import numpy as np

from .axes import axes_or_new
from .colors import class_color


def surface_path(f, paths, x_range=None, y_range=None, ax=None, resolution=200, levels=30,
                 log_scale=False):
    """Draw the contour lines of a function of two numbers and, over them,
    the path of each optimizer from its start (circle) to where it stopped (cross).

    Args:
        f: a NumPy function f(x, y) of two arrays of the same shape, e.g.
            `lambda x, y: x**2 + 10 * y**2`.
        paths: {label: array of shape (steps, 2)}, the points each optimizer
            visited, in the class colours (red, blue, ...) in order.
        x_range, y_range: (low, high) of each axis; by default the paths'
            extent with a margin.
        ax: the Axes to draw on; a new figure when None.
        resolution: the number of grid points along each axis.
        levels: the number of contour lines.
        log_scale: space the contour lines logarithmically, from the smallest
            positive value of f to its largest, to see the floor of a valley
            as well as its walls.

    Returns:
        The Axes.
    """
    if not paths:
        raise ValueError("surface_path needs at least one path: {label: array (steps, 2)}")
    paths = {label: np.asarray(path, dtype=np.float64) for label, path in paths.items()}
    for label, path in paths.items():
        if path.ndim != 2 or path.shape[1] != 2:
            raise ValueError(f"the path '{label}' has shape {path.shape}; "
                             f"expected (steps, 2), one (x, y) point per step")
    visited = np.concatenate(list(paths.values()))
    low, high = visited.min(axis=0), visited.max(axis=0)
    padding = np.where(high > low, 0.2 * (high - low), 1.0)
    x_range = x_range or (low[0] - padding[0], high[0] + padding[0])
    y_range = y_range or (low[1] - padding[1], high[1] + padding[1])
    xx, yy = np.meshgrid(np.linspace(*x_range, resolution), np.linspace(*y_range, resolution))
    zz = f(xx, yy)
    if log_scale:
        levels = np.geomspace(zz[zz > 0].min(), zz.max(), levels)
    ax = axes_or_new(ax)
    ax.contour(xx, yy, zz, levels=levels, cmap="viridis", linewidths=0.8)
    for index, (label, path) in enumerate(paths.items()):
        color = class_color(index)
        ax.plot(path[:, 0], path[:, 1], color=color, marker=".", markersize=4, label=label)
        ax.plot(*path[0], "o", color=color)
        ax.plot(*path[-1], "x", color=color, markersize=9, markeredgewidth=2)
    ax.legend()
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    return ax
