"""What every explorable shares: controls, a picture redrawn when one moves, and
a still copy of that picture for wherever no kernel runs.

An explorable is an ipywidgets box: its controls on top, its picture below.
The picture is a matplotlib figure drawn off-screen and sent to the browser as
a PNG in an `ipywidgets.Image`. Moving a control calls `update`, which redraws.

Displayed in a notebook, an explorable gives three representations at once:
the live widget (JupyterLab shows it while the kernel runs), a PNG of the
picture as it is, at twice the pixels for high-resolution screens (GitHub and
other static views show it), and a line of text saying what it shows (what
nbval compares; the widget's id changes every run).
"""
import base64
import io

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

RETINA = 2


def natural_size():
    """The layout of a picture shown at its own size: a box would otherwise
    stretch it to the width of the page."""
    return widgets.Layout(width="auto", align_self="flex-start")


class Explorable(widgets.VBox):
    """Base class: a figure that `draw` fills from the values of `controls`.

    Subclasses write `draw(figure)` (draw the picture for the current control
    values on the empty figure) and `describe()` (one line of text saying what
    the picture shows, with its numbers). One whose pictures come ready-made
    (as PNG bytes) passes figsize=None and writes `render()` instead of `draw`.

    Attributes:
        controls: {name: widget}, the controls in display order; their values
            are read by `draw`, as `self.value(name)`.
        figure: the matplotlib Figure (off-screen, never registered with pyplot).
        image: the Image widget showing it.
        draws: how many times the picture was drawn (the tests read it).
    """

    def __init__(self, controls, figsize, dpi=100, buttons=()):
        self.controls = dict(controls)
        if figsize is not None:
            self.figure = Figure(figsize=figsize, dpi=dpi)
            FigureCanvasAgg(self.figure)
        self.image = widgets.Image(format="png", layout=natural_size())
        self.draws = 0
        for control in self.controls.values():
            control.observe(lambda change: self.update(), names="value")
        rows = [widgets.HBox(list(self.controls.values()) + list(buttons),
                             layout=widgets.Layout(flex_flow="row wrap")), self.image]
        super().__init__(rows)
        self.update()

    def value(self, name):
        """The current value of control `name`."""
        return self.controls[name].value

    def set(self, **values):
        """Move controls by name, as a learner would (each move redraws)."""
        for name, value in values.items():
            self.controls[name].value = value

    def update(self):
        """Redraw the picture from the controls' current values, and show it."""
        self.image.value = self.render()
        self.draws += 1

    def png(self):
        """The picture as it is shown now, as PNG bytes."""
        return self.image.value

    def render(self, scale=1):
        """Draw the figure afresh and return it as PNG bytes, with `scale`
        times the pixels of its dpi."""
        self.figure.clear()
        self.draw(self.figure)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.figure.dpi * scale,
                            metadata={"Software": None})
        return buffer.getvalue()

    def size(self):
        """(width, height) of the picture in pixels, as shown."""
        width, height = self.figure.get_size_inches() * self.figure.dpi
        return round(width), round(height)

    def draw(self, figure):
        raise NotImplementedError

    def describe(self):
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.render(RETINA)).decode("ascii")
        bundle["text/plain"] = self.describe()
        width, height = self.size()
        return bundle, {"image/png": {"width": width, "height": height}}


def slider(description, value, low, high, step, readout_format=".2f"):
    """A float slider that redraws while it is dragged, wide enough to read its label."""
    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description, readout_format=readout_format,
                               continuous_update=True,
                               style={"description_width": "initial"})
