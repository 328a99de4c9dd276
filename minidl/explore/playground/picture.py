"""The Playground's still picture, drawn by matplotlib: the network with a
small picture per unit and its weights as lines, the decision boundary with
the points, and the losses. It is what a notebook stores for wherever no
kernel runs (GitHub, the website); the live picture is canvas.py's.

`unit_values` reads, in one session run over a grid of the plane, what both
pictures show. The still is drawn in two layers:

- The parts that do not depend on the weights (labels, axes, ticks) are drawn
  first and kept as a background bitmap, then what moves is added on top
  ("blitting"); `update` and `frame` can redraw it as the network trains.
- The moving lines (weights, boundary line, losses) are matplotlib artists
  updated in place. The boundary line (where p(blue) = 0.5) comes from
  contourpy, the contour tracer inside matplotlib.
- The shaded squares (each unit's values over the plane, and p(blue) behind
  the points) are painted straight into the frame's pixels, resized by Pillow.
"""
import io

import contourpy
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from PIL import Image

from ...plot import class_color

EXTENT = 6.0
HALF = 0.38
RED_WHITE_BLUE = LinearSegmentedColormap.from_list(
    "red_white_blue", [class_color(0), "#ffffff", class_color(1)])
# The same colours as a table of 256 RGB rows, looked up by value * 255.
COLOUR_TABLE = RED_WHITE_BLUE(np.linspace(0, 1, 256), bytes=True)[:, :3]


def grid_points(resolution):
    """A resolution x resolution grid over the square [-6, 6]^2, as rows of (x1, x2)."""
    ticks = np.linspace(-EXTENT, EXTENT, resolution)
    xx, yy = np.meshgrid(ticks, ticks)
    return np.column_stack([xx.ravel(), yy.ravel()])


def unit_picture(values, activation, resolution):
    """A unit's values on the grid, scaled to [-1, 1] for the red-white-blue
    colours: tanh as it is, sigmoid from [0, 1], anything else by its largest size."""
    if activation == "tanh":
        scaled = values
    elif activation == "sigmoid":
        scaled = 2 * values - 1
    else:
        scaled = values / max(float(np.abs(values).max()), 1e-12)
    return scaled.reshape(resolution, resolution)


def unit_values(network, resolution):
    """What the pictures show, from one session run over the grid: each unit's
    values in [-1, 1], one list per column (inputs, hidden layers, and the
    output 2 p(blue) - 1), and p(blue) itself, each resolution x resolution."""
    inputs, layers, p_blue = network.on_points(grid_points(resolution))
    activation = network.settings.activation
    boundary = p_blue.reshape(resolution, resolution)
    columns = [[unit_picture(values, "linear", resolution) for values in inputs.T],
               *[[unit_picture(values, activation, resolution) for values in layer.T]
                 for layer in layers],
               [2 * boundary - 1]]
    return columns, boundary


class PlaygroundPicture:
    """The figure for one network; `update()` reads the network's state,
    `frame()` draws it.

    Args:
        network: a PlaygroundNetwork.
        X_train, y_train, X_test, y_test: the points, drawn on the boundary
            (test points with a dark edge).
        resolution: grid points per side of the shaded squares (one grid,
            computed in one session run, serves the units and the boundary).
    """

    def __init__(self, network, X_train, y_train, X_test, y_test, resolution=40, dpi=80):
        self.network = network
        self.resolution = resolution
        self.figure = Figure(figsize=(11, 3.9), dpi=dpi)
        FigureCanvasAgg(self.figure)
        self.net_ax = self.figure.add_axes((0.0, 0.02, 0.5, 0.9))
        self.boundary_ax = self.figure.add_axes((0.52, 0.08, 0.26, 0.8))
        self.loss_ax = self.figure.add_axes((0.83, 0.14, 0.16, 0.7))
        self.background = None
        self._draw_network()
        self._draw_boundary(X_train, y_train, X_test, y_test)
        self._draw_losses()
        self.update()

    def _columns(self):
        """The names of the nodes, one list per column: inputs, hidden layers, output."""
        settings = self.network.settings
        return [list(settings.features),
                *[[f"unit {j + 1}" for j in range(units)] for units in settings.hidden],
                ["p(blue)"]]

    def _draw_network(self):
        ax = self.net_ax
        columns = self._columns()
        tallest = max(len(column) for column in columns)
        self.positions = [[(2.4 * c, (len(column) - 1) / 2 - i) for i in range(len(column))]
                          for c, column in enumerate(columns)]
        for (x, y), name in zip(self.positions[0], columns[0]):
            ax.text(x - HALF - 0.1, y, name, ha="right", va="center", fontsize=8)
        segments = [((x0 + HALF, y0), (x1 - HALF, y1))
                    for c in range(len(columns) - 1)
                    for (x0, y0) in self.positions[c] for (x1, y1) in self.positions[c + 1]]
        self.weight_lines = LineCollection(segments, zorder=0, animated=True)
        ax.add_collection(self.weight_lines)
        ax.set_xlim(-1.6, 2.4 * (len(columns) - 1) + 0.6)
        ax.set_ylim(-tallest / 2 - 0.1, tallest / 2 + 0.1)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        hidden = self.network.settings.hidden
        ax.set_title(f"{len(hidden)} hidden layer{'s' * (len(hidden) != 1)}: "
                     f"blue lines positive weights, red negative; thicker is larger",
                     fontsize=9)

    def _draw_boundary(self, X_train, y_train, X_test, y_test):
        ax = self.boundary_ax
        # One line of markers per set and class: much quicker to draw than a
        # scatter with a colour per point.
        self.points = [ax.plot(*X[y == label].T, "o", markersize=3.5, color=class_color(label),
                               markeredgecolor=edge, markeredgewidth=0.6, animated=True)[0]
                       for X, y, edge in ((X_train, y_train, "white"),
                                          (X_test, y_test, "#333333"))
                       for label in (0, 1)]
        ax.set_xlim(-EXTENT, EXTENT)
        ax.set_ylim(-EXTENT, EXTENT)
        ax.tick_params(labelsize=7)
        ax.set_title("output (test points edged dark)", fontsize=9)
        self.boundary_line = LineCollection([], colors="black", linewidths=1, animated=True)
        ax.add_collection(self.boundary_line)

    def _draw_losses(self):
        ax = self.loss_ax
        self.train_line, = ax.plot([], [], color="black", label="train", animated=True)
        self.test_line, = ax.plot([], [], color="gray", linestyle="--", label="test",
                                  animated=True)
        ax.legend(fontsize=7, loc="upper right")
        ax.tick_params(labelsize=7)
        ax.set_xlabel("epoch", fontsize=8)
        ax.set_title("loss", fontsize=9)
        ax.grid(alpha=0.3)

    def update(self):
        """Read everything the picture shows from the network, in one session run."""
        network = self.network
        self.unit_values, self.boundary = unit_values(network, self.resolution)
        self._update_boundary_line()
        weights = np.concatenate([W.ravel() for W in network.weight_values()])
        self.weight_lines.set_linewidths(np.minimum(0.3 + 1.5 * np.abs(weights), 5.0))
        self.weight_lines.set_colors([class_color(1) if w > 0 else class_color(0)
                                      for w in weights])
        self._update_losses()

    def _update_boundary_line(self):
        ticks = np.linspace(-EXTENT, EXTENT, self.resolution)
        tracer = contourpy.contour_generator(ticks, ticks, self.boundary,
                                             line_type=contourpy.LineType.Separate)
        self.boundary_line.set_segments(tracer.lines(0.5))

    def _update_losses(self):
        train, test = self.network.train_losses, self.network.test_losses
        epochs = np.arange(len(train))
        self.train_line.set_data(epochs, train)
        self.test_line.set_data(epochs, test)
        # The axes grow by doubling, so that the background is redrawn rarely.
        limits = (0, 2 ** int(np.ceil(np.log2(max(len(train) - 1, 8)))))
        top = max(max(train), max(test))
        ceiling = 2.0 ** np.ceil(np.log2(top)) if np.isfinite(top) and top > 0 else 1.0
        if self.loss_ax.get_xlim() != limits or self.loss_ax.get_ylim() != (0, ceiling):
            self.loss_ax.set_xlim(*limits)
            self.loss_ax.set_ylim(0, ceiling)
            self.background = None

    def frame(self):
        """The picture as it is now, as PNG bytes."""
        canvas = self.figure.canvas
        if self.background is None:
            canvas.draw()
            self.background = canvas.copy_from_bbox(self.figure.bbox)
            self.squares = self._square_pixels()
        canvas.restore_region(self.background)
        pixels = np.asarray(canvas.buffer_rgba())
        values = [(square + 1) / 2 for column in self.unit_values for square in column]
        for box, square in zip(self.squares, values):
            paint(pixels, box, square)
        # Inside the axes' frame, lighter, for the points to stand out on it.
        paint(pixels, self.squares[-1], self.boundary, strength=0.8)
        for artist in (self.weight_lines, self.boundary_line, *self.points, self.train_line,
                       self.test_line):
            self.figure.draw_artist(artist)
        image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
        buffer = io.BytesIO()
        image.save(buffer, format="png")
        return buffer.getvalue()

    def size(self):
        """(width, height) of the picture in pixels."""
        return self.figure.canvas.get_width_height()

    def still(self, scale):
        """The picture as a PNG with `scale` times the pixels (for a still
        copy that stays sharp on a high-resolution screen)."""
        dpi = self.figure.dpi
        self.figure.set_dpi(dpi * scale)
        self.background = None
        try:
            return self.frame()
        finally:
            self.figure.set_dpi(dpi)
            self.background = None

    def _square_pixels(self):
        """Where the shaded squares go, as (left, top, right, bottom) pixel
        boxes with rows counted from the top: one per unit, column by column,
        then the inside of the boundary's axes (1 pixel in, to keep its frame)."""
        height = self.figure.canvas.get_width_height()[1]

        def box(ax, left, right, bottom, top, inset=0):
            (x0, y0), (x1, y1) = ax.transData.transform([(left, bottom), (right, top)])
            return (int(round(x0)) + inset, height - int(round(y1)) + inset,
                    int(round(x1)) - inset, height - int(round(y0)) - inset)
        return [box(self.net_ax, x - HALF, x + HALF, y - HALF, y + HALF)
                for column in self.positions for x, y in column] + [
                box(self.boundary_ax, -EXTENT, EXTENT, -EXTENT, EXTENT, inset=1)]


def paint(pixels, box, values, strength=1.0):
    """Paint `values` (in [0, 1], rows bottom to top) red through white to blue
    over the pixel `box` (left, top, right, bottom) of the canvas's `pixels`
    (rows top to bottom), blended with white by `strength`."""
    left, top, right, bottom = box
    colours = COLOUR_TABLE[np.clip(values[::-1] * 255, 0, 255).astype(np.uint8)]
    square = np.asarray(Image.fromarray(colours).resize((right - left, bottom - top),
                                                        Image.Resampling.BILINEAR))
    if strength != 1.0:
        square = strength * square + (1 - strength) * 255
    pixels[top:bottom, left:right, :3] = square
