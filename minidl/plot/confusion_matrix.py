"""Confusion matrices: which classes a classifier mistakes for which."""
import numpy as np

from .axes import axes_or_new


def confusion_counts(y_true, y_pred, num_classes=None):
    """Count the examples of each (true class, predicted class) pair.

    Args:
        y_true, y_pred: int labels, shape (n,).
        num_classes: the number of classes; by default the largest label + 1.

    Returns:
        int64 array of shape (num_classes, num_classes): entry [i, j] is the
        number of examples of class i predicted as class j, so the diagonal
        holds the correct predictions.
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 1:
        raise ValueError(f"y_true and y_pred must be label arrays of the same shape (n,), "
                         f"got {y_true.shape} and {y_pred.shape}")
    if num_classes is None:
        num_classes = int(max(y_true.max(), y_pred.max())) + 1 if y_true.size else 0
    counts = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts


def confusion_matrix(y_true, y_pred, num_classes=None, ax=None, cmap="Blues"):
    """Draw the confusion counts as a shaded table, each cell printed with its count.

    Args:
        y_true, y_pred, num_classes: as for `confusion_counts`.
        ax: the Axes to draw on; a new figure when None.
        cmap: the colour map shading the cells from few to many.

    Returns:
        The Axes: rows are true classes, columns predicted ones.
    """
    counts = confusion_counts(y_true, y_pred, num_classes)
    ax = axes_or_new(ax, figsize=(5, 5))
    ax.imshow(counts, cmap=cmap)
    for (row, column), count in np.ndenumerate(counts):
        dark = count > counts.max() / 2
        ax.text(column, row, str(count), ha="center", va="center", fontsize=9,
                color="white" if dark else "black")
    ticks = np.arange(len(counts))
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    return ax
