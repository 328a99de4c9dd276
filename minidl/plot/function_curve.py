"""The graph of a function of one number, such as the sigmoid."""
import numpy as np

from .axes import axes_or_new


def function_curve(f, x_range=(-6, 6), ax=None, num_points=400, label=None, color="black"):
    """Draw y = f(x) over an interval, with the axes x = 0 and y = 0 marked.

    Args:
        f: a NumPy function of an array of x values, e.g. `lambda x: 1 / (1 + np.exp(-x))`.
        x_range: (low, high), the interval of x.
        ax: the Axes to draw on (to put several curves together); a new figure when None.
        num_points: how many x values the curve joins.
        label: the curve's name in a legend (a legend is drawn when given).
        color: the curve's colour.

    Returns:
        The Axes.
    """
    x = np.linspace(x_range[0], x_range[1], num_points)
    ax = axes_or_new(ax)
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.plot(x, f(x), color=color, label=label)
    if label is not None:
        ax.legend()
    ax.set_xlabel("x")
    ax.grid(alpha=0.3)
    return ax
