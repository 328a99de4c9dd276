"""Loss curves: how training went, step by step."""
import numpy as np

from .axes import axes_or_new
from .colors import class_color


def loss_curves(curves, ax=None, log_scale=False, xlabel="step", ylabel="loss", title=None):
    """Draw one or several loss curves on one plot.

    Args:
        curves: {label: sequence of losses}, one curve per entry, in the class
            colours (red, blue, ...) in order; or a single sequence of losses.
        ax: the Axes to draw on; a new figure when None.
        log_scale: a logarithmic loss axis, to see the late, small improvements.
        xlabel, ylabel, title: the axis labels and the title.

    Returns:
        The Axes, with one line per curve.
    """
    named = isinstance(curves, dict)
    ax = axes_or_new(ax)
    for index, (label, losses) in enumerate((curves if named else {"loss": curves}).items()):
        losses = np.asarray(losses, dtype=np.float64)
        ax.plot(np.arange(len(losses)), losses, color=class_color(index), label=label)
    if log_scale:
        ax.set_yscale("log")
    if named:
        ax.legend()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)
    ax.grid(alpha=0.3)
    return ax
