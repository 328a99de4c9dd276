"""Pictures of the plane: points coloured by class, the class a model predicts
everywhere (its decision boundary), and what each hidden unit computes."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

from . import style
from .style import axes_or_new, class_color


def scatter(X, y, ax=None, size=20, alpha=0.9, legend=False, xlabel="$x_1$",
            ylabel="$x_2$"):
    """Draw the 2-D points X, each in the colour of its class.

    Args:
        X: points, shape (n, 2).
        y: int labels, shape (n,); class 0 is red, class 1 blue.
        ax: the Axes to draw on; a new figure when None.
        size: the marker area in points**2.
        alpha: the markers' opacity.
        legend: whether to add a legend, beside the plot, naming the classes
            "class 0", "class 1", ...
        xlabel, ylabel: the axis labels (None leaves an axis as it is).

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
    _label_axes(ax, xlabel, ylabel)
    if legend:
        style.legend(ax)
    return ax


def grid_scores(session, scores, X_placeholder, X, feed_dict=None, resolution=200,
                threshold=0.5, margin=0.1):
    """Evaluate a model's class scores on a square grid of points covering X,
    all grid points in one `session.run`.

    Args:
        session: the Session that runs the model.
        scores: the node computing one row of class scores per input point,
            shape (n, k); or a single score per point, shape (n,) or (n, 1),
            such as a sigmoid's probability of class 1.
        X_placeholder: the placeholder the model reads its points from.
        X: the data the grid must cover, shape (n, 2).
        feed_dict: values for any other placeholders the model needs.
        resolution: the number of grid points along each axis.
        threshold: a single score above it means class 1 (0.5 for a probability,
            0 for a logit). It becomes two scores, `threshold` for class 0 and
            the model's score for class 1, so that one rule handles every model.
        margin: how far the grid extends beyond the data, as a fraction of its range.

    Returns:
        xx, yy: the grid coordinates, each of shape (resolution, resolution).
        grid: the class scores at each grid point, shape (resolution, resolution, k).
    """
    X = np.asarray(X, dtype=np.float64)
    low, high = X.min(axis=0), X.max(axis=0)
    padding = np.where(high > low, margin * (high - low), 0.5)
    xx, yy = np.meshgrid(np.linspace(low[0] - padding[0], high[0] + padding[0], resolution),
                         np.linspace(low[1] - padding[1], high[1] + padding[1], resolution))
    points = np.column_stack([xx.ravel(), yy.ravel()])
    values = np.asarray(session.run(scores, {**(feed_dict or {}), X_placeholder: points}))
    if values.ndim == 1 or values.shape[1:] == (1,):
        values = np.column_stack([np.full(len(points), threshold), values.reshape(-1)])
    if values.ndim != 2 or len(values) != len(points):
        raise ValueError(f"'{scores.name}' gave shape {values.shape} for {len(points)} grid "
                         f"points; it should give one row of scores per point fed to "
                         f"'{X_placeholder.name}'")
    return xx, yy, values.reshape(resolution, resolution, -1)


def decision_boundary(session, scores, X_placeholder, X, y=None, feed_dict=None, ax=None,
                      resolution=200, threshold=0.5, alpha=0.25, legend=True, title=None,
                      xlabel="$x_1$", ylabel="$x_2$"):
    """Shade the plane by the class a model predicts, and draw the boundary
    where the prediction changes: where the two highest class scores are equal.

    With two classes that is the line score_1 = score_0; with a single sigmoid
    output, the line where it equals `threshold`. The whole grid is computed
    in one `session.run` (see `grid_scores` for the arguments).

    Args:
        y: when given, the points X are drawn on top, coloured by these labels.
        ax: the Axes to draw on; a new figure when None.
        alpha: the opacity of the shading.
        legend: whether to name the classes and the boundary in a legend
            beside the plot (when the points are drawn).
        title: what to look at, written above the plot.
        xlabel, ylabel: the axis labels: the two coordinates of a point.

    Returns:
        The Axes.
    """
    xx, yy, grid = grid_scores(session, scores, X_placeholder, X, feed_dict, resolution,
                               threshold)
    num_classes = grid.shape[-1]
    ax = axes_or_new(ax)
    ax.contourf(xx, yy, grid.argmax(axis=-1), levels=np.arange(num_classes + 1) - 0.5,
                colors=[class_color(label) for label in range(num_classes)], alpha=alpha)
    # Class `label` leads its best rival by `lead`: zero exactly on the edge of
    # its region. Every boundary has a class other than 0 on one side.
    for label in range(1, num_classes):
        lead = grid[..., label] - np.delete(grid, label, axis=-1).max(axis=-1)
        if lead.min() < 0 < lead.max():
            ax.contour(xx, yy, lead, levels=[0], colors="black", linewidths=1.5)
    if y is not None:
        scatter(X, y, ax=ax)
    ax.set_xlim(xx[0, 0], xx[0, -1])
    ax.set_ylim(yy[0, 0], yy[-1, 0])
    _label_axes(ax, xlabel, ylabel, title)
    if legend and y is not None:
        boundary = Line2D([], [], color="black", linewidth=1.5, label="boundary")
        style.legend(ax, ax.get_legend_handles_labels()[0] + [boundary])
    return ax


def hidden_units(session, layer, X_placeholder, X, y=None, feed_dict=None, titles=None,
                 value_range=(0.0, 1.0), columns=4, resolution=100, panel_size=2.2,
                 title=None):
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
        title: what to look at, written above all the panels.

    Returns:
        The Figure, with one Axes per unit, in order; the axes of the plane,
        x1 and x2, are named once for all panels.
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
            scatter(X, y, ax=ax, size=8, xlabel=None, ylabel=None)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(titles[unit], fontsize=9)
    figure.supxlabel("$x_1$", fontsize=10)
    figure.supylabel("$x_2$", fontsize=10)
    if title is not None:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout()
    return figure


def _label_axes(ax, xlabel, ylabel, title=None):
    """Set the labels and the title that are given (not None)."""
    for setter, text in ((ax.set_xlabel, xlabel), (ax.set_ylabel, ylabel), (ax.set_title, title)):
        if text is not None:
            setter(text)

