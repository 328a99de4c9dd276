"""What each hidden unit of a network computes, shown over the whole plane."""
import matplotlib.pyplot as plt

from .decision_boundary import grid_scores
from .scatter import scatter


def hidden_units(session, layer, X_placeholder, X, y=None, feed_dict=None, titles=None,
                 value_range=(0.0, 1.0), columns=4, resolution=100, panel_size=2.2):
    """One small panel per unit of a hidden layer, shaded by the unit's value
    at every point of the plane: white where it is low, black where it is high
    (grey, not red and blue, so that the points' class colours stand out).

    The values of all units at all grid points come from one `session.run`
    (see `grid_scores`).

    Args:
        session: the Session that runs the model.
        layer: the node computing the hidden layer, shape (n, k) with k >= 2:
            one row of k unit values per input point.
        X_placeholder: the placeholder the model reads its points from.
        X: the data the panels must cover, shape (n, 2).
        y: when given, the points X are drawn on every panel, coloured by these labels.
        feed_dict: values for any other placeholders the model needs.
        titles: one title per unit; "unit 1", "unit 2", ... by default.
        value_range: the unit values shaded white and black: (0, 1) for a
            sigmoid, (-1, 1) for tanh.
        columns: the number of panels per row.
        resolution: the number of grid points along each axis.
        panel_size: the width and height of one panel, in inches.

    Returns:
        The Figure, with one Axes per unit, in order.
    """
    if layer.shape is not None and layer.shape[-1] == 1:
        raise ValueError(f"'{layer.name}' has a single unit: hidden_units draws a layer "
                         f"of shape (n, k) with k >= 2")
    xx, yy, grid = grid_scores(session, layer, X_placeholder, X, feed_dict, resolution)
    num_units = grid.shape[-1]
    titles = titles or [f"unit {unit + 1}" for unit in range(num_units)]
    rows = -(-num_units // columns)
    figure, axes = plt.subplots(rows, min(columns, num_units), squeeze=False,
                                figsize=(panel_size * min(columns, num_units), panel_size * rows))
    for unit, ax in enumerate(axes.flat):
        if unit >= num_units:
            ax.set_visible(False)
            continue
        ax.pcolormesh(xx, yy, grid[..., unit], cmap="Greys", vmin=value_range[0],
                      vmax=value_range[1], shading="auto")
        if y is not None:
            scatter(X, y, ax=ax, size=8)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(titles[unit], fontsize=9)
    figure.tight_layout()
    return figure
