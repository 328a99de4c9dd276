"""What every plot shares: the colours, where a plot draws, and where its legend goes.

Colours mean one thing each. Red and blue are the two classes, in every
chapter (class 0 red, class 1 blue, as in the tutorial this course follows);
more classes continue with matplotlib's "tab10" colours. Anything that is not
a class (learning rates, optimizers, training and test curves) takes the
series colours instead: the Okabe-Ito palette, chosen to stay distinguishable
with every common form of colour blindness, without its red and blue.
"""
import matplotlib.pyplot as plt

CLASS_COLORS = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
SERIES_COLORS = ("#e69f00", "#009e73", "#cc79a7", "#000000", "#56b4e9", "#f0e442")


def class_color(label):
    """The colour of class `label` (the palette repeats after ten classes)."""
    return CLASS_COLORS[int(label) % len(CLASS_COLORS)]


def series_color(index):
    """The colour of the `index`-th series of a plot that is not about classes."""
    return SERIES_COLORS[int(index) % len(SERIES_COLORS)]


def axes_or_new(ax, figsize=(5, 4)):
    """`ax` itself, or the Axes of a new figure of `figsize` inches when ax is None."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def legend(ax, handles=None, title=None):
    """A legend beside the Axes, to the right, where it cannot cover any data.

    Args:
        ax: the Axes whose labelled lines and points the legend names.
        handles: the artists to name, when not all of the labelled ones.
        title: a heading for the legend.

    Returns:
        The Legend.
    """
    handles = ax.get_legend_handles_labels()[0] if handles is None else handles
    return ax.legend(handles=handles, title=title, loc="upper left",
                     bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, frameon=False)
