"""A grid of small digit images, with their labels and a model's guesses."""
import matplotlib.pyplot as plt
import numpy as np

from .colors import class_color


def digit_grid(images, labels=None, predictions=None, columns=10, cell_size=0.9):
    """Show 8x8 digit images side by side, each titled with its true label
    and/or the predicted one; a wrong prediction's title is red.

    Args:
        images: shape (n, 64) (rows of `load_digits`) or (n, 8, 8).
        labels: the true digits, shape (n,), or None.
        predictions: the predicted digits, shape (n,), or None.
        columns: the number of images per row of the grid.
        cell_size: the width and height of one image, in inches.

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
                     color=class_color(0) if wrong else "black")
    figure.tight_layout()
    return figure


def _title(label, prediction):
    """ "7", "pred 7" or "7, pred 1", leaving out what is None."""
    parts = [] if label is None else [f"{label}"]
    if prediction is not None:
        parts.append(f"pred {prediction}")
    return ", ".join(parts)
