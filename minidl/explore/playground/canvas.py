"""The Playground's live picture: the kernel sends the numbers a picture is
made of, and the browser draws them on a canvas (canvas.js), as TensorFlow
Playground does.

A picture is each unit's values over a grid of the plane (one byte per grid
point: 0 is red, 255 blue), the weights and the losses: about 40 kB for the
2-8-8-2 network, where an encoded image of the whole figure is larger and
costs the kernel more to make than the training step itself.
"""
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from ...plot import class_color
from .picture import COLOUR_TABLE, EXTENT, unit_values


class LivePicture(anywidget.AnyWidget):
    """The picture of one Playground network, redrawn by the browser whenever
    `show` sends new numbers.

    Traits (synced with the browser):
        network: what stays while a network trains: the names of each
            column's units, the points, the colours, the grid's resolution.
        units: every unit's picture as bytes, column after column, the
            output p(blue) last.
        weights: every weight, in the order of the lines drawn.
        losses: [train losses, test losses], one per epoch so far.
    """

    _esm = Path(__file__).with_name("canvas.js")
    network = traitlets.Dict().tag(sync=True)
    units = traitlets.Bytes().tag(sync=True)
    weights = traitlets.List().tag(sync=True)
    losses = traitlets.List().tag(sync=True)

    def __init__(self, resolution=40):
        super().__init__()
        self.resolution = resolution

    def start(self, network):
        """Describe a new network: its columns, its points, its colours."""
        names = network.names
        points = [[*point, int(label), test]
                  for X, y, test in ((names["X_train"], names["y_train"], 0),
                                     (names["X_test"], names["y_test"], 1))
                  for point, label in zip(np.round(X, 3).tolist(), y)]
        settings = network.settings
        layers = len(settings.hidden)
        self.network = {
            "columns": [list(settings.features),
                        *[[f"unit {j + 1}" for j in range(units)] for units in settings.hidden],
                        ["p(blue)"]],
            "title": f"{layers} hidden layer{'s' * (layers != 1)}: blue lines positive "
                     f"weights, red negative; thicker is larger",
            "points": points, "extent": EXTENT, "resolution": self.resolution,
            "colors": [class_color(0), class_color(1)],
            "table": COLOUR_TABLE.ravel().tolist()}

    def show(self, network):
        """Send the network's state now: its units, its weights, its losses."""
        columns, _ = unit_values(network, self.resolution)
        values = np.concatenate([square.ravel() for column in columns for square in column])
        weights = np.concatenate([W.ravel() for W in network.weight_values()])
        with self.hold_sync():
            self.weights = finite(weights)
            self.losses = [finite(network.train_losses), finite(network.test_losses)]
            values = np.nan_to_num(values, nan=0.0)
            self.units = np.clip((values + 1) * 127.5, 0, 255).astype(np.uint8).tobytes()


def finite(values):
    """`values` rounded to 4 decimals, as a list, with None (JSON's null) for
    a value that overflowed: JSON has no NaN or infinity."""
    values = np.round(np.asarray(values, dtype=float), 4)
    return [value if np.isfinite(value) else None for value in values.tolist()]
