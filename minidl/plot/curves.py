"""Curves: a function of one number, the paths optimizers take on a curve or
across a surface, and how training went, step by step or epoch by epoch.

A series that is not a class (a learning rate, an optimizer, the training or
the test set) takes the series colours, never the classes' red and blue.
"""
import numpy as np
from matplotlib.ticker import MaxNLocator

from . import style
from .style import axes_or_new, series_color


def function_curve(f, x_range=(-6, 6), ax=None, num_points=400, label=None, color="black",
                   xlabel="$x$", ylabel="$f(x)$"):
    """Draw y = f(x) over an interval, with the axes x = 0 and y = 0 marked.

    Args:
        f: a NumPy function of an array of x values, e.g. `lambda x: 1 / (1 + np.exp(-x))`.
        x_range: (low, high), the interval of x.
        ax: the Axes to draw on (to put several curves together); a new figure when None.
        num_points: how many x values the curve joins.
        label: the curve's name in a legend (a legend is drawn, beside the plot, when given).
        color: the curve's colour.
        xlabel, ylabel: the axis labels.

    Returns:
        The Axes.
    """
    x = np.linspace(x_range[0], x_range[1], num_points)
    ax = axes_or_new(ax)
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.plot(x, f(x), color=color, label=label)
    if label is not None:
        style.legend(ax)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.grid(alpha=0.3)
    return ax


def curve_path(f, paths, x_range=None, ax=None, num_points=400, xlabel="$x$",
               ylabel="$f(x)$"):
    """Draw y = f(x) and, on the curve, the points each run of an optimizer
    visited, from its start (circle) to where it stopped (cross): the
    one-dimensional companion of `surface_path`.

    Args:
        f: a NumPy function of an array of x values, e.g. `lambda x: x**4 - 3 * x**2 + x`.
        paths: {label: sequence of x values visited, in order}, one path per
            entry, in the series colours in order, named in a legend beside the plot.
        x_range: (low, high) of the x axis; by default the paths' extent with a margin.
        ax: the Axes to draw on; a new figure when None.
        num_points: how many x values the curve joins.
        xlabel, ylabel: the axis labels.

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
    ax.plot(x, f(x), color="gray", linewidth=1)
    for index, (label, path) in enumerate(paths.items()):
        color = series_color(index)
        ax.plot(path, f(path), color=color, marker=".", markersize=6, linewidth=0.8,
                label=label)
        ax.plot(path[0], f(path[0]), "o", color=color)
        ax.plot(path[-1], f(path[-1]), "x", color=color, markersize=9, markeredgewidth=2)
    style.legend(ax)
    ax.set_xlim(*x_range)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.grid(alpha=0.3)
    return ax


def surface_path(f, paths, x_range=None, y_range=None, ax=None, resolution=200, levels=30,
                 log_scale=False, legend=True, xlabel="$w_1$", ylabel="$w_2$"):
    """Draw the contour lines of a loss of two weights and, over them, the
    path of each optimizer from its start (circle) to where it stopped (cross).

    Args:
        f: a NumPy function f(w1, w2) of two arrays of the same shape, e.g.
            `lambda w1, w2: w1**2 + 10 * w2**2`.
        paths: {label: array of shape (steps, 2)}, the points each optimizer
            visited, in the series colours in order.
        x_range, y_range: (low, high) of each axis; by default the paths'
            extent with a margin.
        ax: the Axes to draw on; a new figure when None.
        resolution: the number of grid points along each axis.
        levels: the number of contour lines.
        log_scale: space the contour lines logarithmically, from the smallest
            positive value of f to its largest, to see the floor of a valley
            as well as its walls.
        legend: whether to name the paths in a legend beside the plot (leave
            it out when a plot next to it names the same series).
        xlabel, ylabel: the axis labels: the two weights.

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
    ax.contour(xx, yy, zz, levels=levels, colors="#bbbbbb", linewidths=0.8)
    for index, (label, path) in enumerate(paths.items()):
        color = series_color(index)
        ax.plot(path[:, 0], path[:, 1], color=color, marker=".", markersize=4, label=label)
        ax.plot(*path[0], "o", color=color)
        ax.plot(*path[-1], "x", color=color, markersize=9, markeredgewidth=2)
    if legend:
        style.legend(ax)
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    return ax


def training_curves(curves, ax=None, log_scale=False, xlabel="step", ylabel="loss",
                    title=None, start=0):
    """Draw one or several curves of how training went, on one plot: losses,
    or accuracies, step by step or epoch by epoch.

    Args:
        curves: {label: sequence of values}, one curve per entry, in the
            series colours in order, named in a legend beside the plot; or a
            single sequence of values (no legend).
        ax: the Axes to draw on; a new figure when None.
        log_scale: a logarithmic value axis, to see the late, small improvements.
        xlabel, ylabel, title: the axis labels and the title.
        start: the x of each curve's first value (1 when the first value is
            the one after epoch 1).

    Returns:
        The Axes, with one line per curve.
    """
    named = isinstance(curves, dict)
    ax = axes_or_new(ax)
    for index, (label, values) in enumerate((curves if named else {ylabel: curves}).items()):
        values = np.asarray(values, dtype=np.float64)
        ax.plot(start + np.arange(len(values)), values, color=series_color(index), label=label)
    if log_scale:
        ax.set_yscale("log")
    if named:
        style.legend(ax)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # steps and epochs are whole
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title is not None:
        ax.set_title(title)
    ax.grid(alpha=0.3)
    return ax
