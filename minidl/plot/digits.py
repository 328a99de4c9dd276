"""Pictures of digit classifiers: the images themselves, with labels and
guesses, and the confusion matrix of which digits are taken for which."""
import matplotlib.pyplot as plt
import numpy as np

from .style import axes_or_new

WRONG_COLOR = "#d62728"  # the title of a wrong guess (digits have no class colours)

def digit_grid(images, labels=None, predictions=None, columns=10, cell_size=0.9, title=None):
    """Show 8x8 digit images side by side, each titled with its true label
    and/or the predicted one; a wrong prediction's title is red.

    Args:
        images: shape (n, 64) (rows of `load_digits`) or (n, 8, 8).
        labels: the true digits, shape (n,), or None.
        predictions: the predicted digits, shape (n,), or None.
        columns: the number of images per row of the grid.
        cell_size: the width and height of one image, in inches.
        title: what to look at, written above the grid.

    Returns:
        The Figure, with one Axes per image, in order; titles read "7" (label),
        "pred 7" (prediction) or "7, pred 1" (both).
    """
    images = np.asarray(images, dtype=np.float64).reshape(len(images), 8, 8)
    rows = -(-len(images) // columns)
    figure = plt.figure(figsize=(cell_size * min(columns, len(images)), cell_size * 1.3 * rows))
    for index, image in enumerate(images):
        ax = figure.add_subplot(rows, columns, index + 1)
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=image.max() or 1)
        ax.set_xticks([])
        ax.set_yticks([])
        label = None if labels is None else labels[index]
        prediction = None if predictions is None else predictions[index]
        wrong = label is not None and prediction is not None and label != prediction
        ax.set_title(_title(label, prediction), fontsize=8,
                     color=WRONG_COLOR if wrong else "black")
    if title is not None:
        figure.suptitle(title, fontsize=11)
    figure.tight_layout()
    return figure


def _title(label, prediction):
    """ "7", "pred 7" or "7, pred 1", leaving out what is None."""
    parts = [] if label is None else [f"{label}"]
    if prediction is not None:
        parts.append(f"pred {prediction}")
    return ", ".join(parts)


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


def weight_images(kernel, columns=8, cell_size=0.9, title=None):
    """Show each column of a first layer's kernel, one weight per pixel, as an
    8x8 image: what the unit looks for. Red is a positive weight (ink there
    raises the unit's sum), blue a negative one (ink there lowers it), white 0;
    one colour scale for all images, symmetric around 0, so they compare.

    Args:
        kernel: shape (64, units), e.g. the value of `hidden/kernel`.
        columns: the number of images per row of the grid.
        cell_size: the width and height of one image, in inches.
        title: what to look at, written above the grid.

    Returns:
        The Figure, with one Axes per unit, in order, titled with the unit's index.
    """
    kernel = np.asarray(kernel, dtype=np.float64)
    limit = np.abs(kernel).max() or 1
    num_units = kernel.shape[1]
    rows = -(-num_units // columns)
    figure = plt.figure(figsize=(cell_size * min(columns, num_units), cell_size * 1.2 * rows))
    for unit in range(num_units):
        ax = figure.add_subplot(rows, columns, unit + 1)
        ax.imshow(kernel[:, unit].reshape(8, 8), cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"unit {unit}", fontsize=8)
    if title is not None:
        figure.suptitle(title)
    figure.tight_layout()
    return figure
