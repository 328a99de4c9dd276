"""Where a plot draws: on the Axes it was given, or on a new figure's."""
import matplotlib.pyplot as plt


def axes_or_new(ax, figsize=(5, 4)):
    """`ax` itself, or the Axes of a new figure of `figsize` inches when ax is None."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax
