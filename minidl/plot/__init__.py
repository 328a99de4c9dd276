"""`minidl.plot`: the pictures of the chapters, one call each.

Every function draws on the `ax` it is given or on a new figure, returns the
Axes (or the Figure, for grids of several Axes), and colours classes the same
way everywhere: class 0 red, class 1 blue (see colors.py).
"""
from .colors import CLASS_COLORS, class_color
from .confusion_matrix import confusion_counts, confusion_matrix
from .curve_path import curve_path
from .decision_boundary import decision_boundary, grid_scores
from .digit_grid import digit_grid
from .function_curve import function_curve
from .hidden_units import hidden_units
from .loss_curves import loss_curves
from .scatter import scatter
from .surface_path import surface_path

__all__ = ["CLASS_COLORS", "class_color", "confusion_counts", "confusion_matrix", "curve_path",
           "decision_boundary", "digit_grid", "function_curve", "grid_scores", "hidden_units",
           "loss_curves", "scatter", "surface_path"]
