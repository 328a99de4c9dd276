"""`minidl.plot`: the pictures of the chapters, one call each.

Every function draws on the `ax` it is given or on a new figure, returns the
Axes (or the Figure, for grids of several Axes), labels its axes, and puts
its legend beside the plot, where it covers no data. Colours mean one thing
each (style.py): class 0 red, class 1 blue; anything else the series colours.

- style.py: the colours, `legend`.
- plane.py: points by class, decision boundaries, hidden units.
- curves.py: function curves, optimizer paths, training curves.
- digits.py: digit images, confusion matrices, a first layer's weights as images.
- activations.py: how much each hidden unit's output varies across examples.
"""
from ..optional import require

require("minidl.plot", "matplotlib")

from .activations import unit_spread_plot, unit_spreads
from .curves import curve_path, function_curve, surface_path, training_curves
from .digits import confusion_counts, confusion_matrix, digit_grid, weight_images
from .plane import decision_boundary, grid_scores, hidden_units, scatter
from .style import CLASS_COLORS, SERIES_COLORS, class_color, legend, series_color

__all__ = ["CLASS_COLORS", "SERIES_COLORS", "class_color", "confusion_counts",
           "confusion_matrix", "curve_path", "decision_boundary", "digit_grid",
           "function_curve", "grid_scores", "hidden_units", "legend", "scatter",
           "series_color", "surface_path", "training_curves", "unit_spread_plot",
           "unit_spreads", "weight_images"]
