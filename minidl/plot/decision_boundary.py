"""Decision boundaries: the class a model predicts at every point of the plane."""
import numpy as np

from .axes import axes_or_new
from .colors import class_color
from .scatter import scatter


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
                      resolution=200, threshold=0.5, alpha=0.25):
    """Shade the plane by the class a model predicts, and draw the boundary
    where the prediction changes: where the two highest class scores are equal.

    With two classes that is the line score_1 = score_0; with a single sigmoid
    output, the line where it equals `threshold`. The whole grid is computed
    in one `session.run` (see `grid_scores` for the arguments).

    Args:
        y: when given, the points X are drawn on top, coloured by these labels.
        ax: the Axes to draw on; a new figure when None.
        alpha: the opacity of the shading.

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
    return ax
