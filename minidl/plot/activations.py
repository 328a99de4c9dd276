"""Inside a network: how much each hidden unit's output varies from example to example.

A unit passes information on only through the differences between its outputs
for different inputs. Its spread across a batch, the standard deviation

    s_j = sqrt( mean_i (h_ij - mean_i h_ij)^2 )      (i: examples, j: units)

is therefore the one number to look at: a unit whose spread is near 0 outputs
nearly the same value for every example, a constant the next layer cannot use,
whether it sits in the sigmoid's middle (0.5) or at 0 (a dead relu).
"""
import numpy as np

from . import style

SPREAD_FLOOR = 1e-7  # spreads below this (exact 0 included) are drawn at it on the log scale


def unit_spreads(activations):
    """Each unit's standard deviation across the examples, per layer.

    Args:
        activations: a list of arrays, one per layer, of shape (examples, units).

    Returns:
        A list of arrays of shape (units,).
    """
    return [np.std(values, axis=0) for values in activations]


def unit_spread_plot(rows, ax=None):
    """One dot per hidden unit: its spread across the batch (log scale), layer by layer.

    Args:
        rows: {name: the hidden layers' activations (a list of (examples, units) arrays)},
            one series of dots per name, in the series colours.
        ax: the Axes to draw on; a new figure when None.

    Returns:
        The Axes.
    """
    ax = style.axes_or_new(ax, figsize=(6, 3.6))
    rng = np.random.default_rng(0)  # the dots' sideways jitter, the same every time
    offsets = np.linspace(-0.2, 0.2, len(rows))
    for index, ((name, activations), offset) in enumerate(zip(rows.items(), offsets)):
        color = style.series_color(index)
        for layer, spread in enumerate(unit_spreads(activations), 1):
            x = layer + offset + rng.uniform(-0.06, 0.06, spread.size)
            ax.scatter(x, np.maximum(spread, SPREAD_FLOOR), s=9, color=color, alpha=0.6,
                       label=name if layer == 1 else None)
            ax.plot([layer + offset - 0.1, layer + offset + 0.1], [np.median(spread)] * 2,
                    color="black", linewidth=1.5)
    ax.set_yscale("log")
    ax.set_xticks(range(1, len(activations) + 1))
    ax.set(xlabel="hidden layer", ylabel="spread of a unit across the batch")
    ax.grid(alpha=0.3, axis="y")
    style.legend(ax)
    return ax
