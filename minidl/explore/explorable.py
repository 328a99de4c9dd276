"""What every explorable shares: controls, a picture redrawn when one moves, and
a still copy of that picture for wherever no kernel runs.

An explorable is an ipywidgets box: its controls on top, its picture below.
The picture is a matplotlib figure drawn off-screen and sent to the browser as
a PNG in an `ipywidgets.Image`, at twice the pixels it is shown with, so that
it is as sharp as the figures around it on a high-resolution screen, and
never wider than the notebook's column. Moving a control asks a background
thread to redraw: a slider dragged faster than the picture can follow is
redrawn for its latest value, not for every value it passed (the latest
wins, nothing queues).

Displayed in a notebook, an explorable gives three representations at once:
the live widget (JupyterLab shows it while the kernel runs), a still PNG at
twice the pixels for high-resolution screens (GitHub and other static views
show it), and a line of text saying what it shows (what nbval compares; the
widget's id changes every run). The still is the picture as it is, or, for
an explorable whose lesson is a comparison, small multiples: the picture for
each of a few control settings (`stills`), side by side.
"""
import base64
import io
import threading

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

RETINA = 2


def natural_size():
    """The layout of a picture shown at its own size: a box would otherwise
    stretch it to the width of the page."""
    return widgets.Layout(width="auto", align_self="flex-start")


def fitted_size():
    """The layout of a picture shown at its `width` (set in pixels, whatever
    its own pixels), narrower where the column is: never a horizontal scrollbar."""
    return widgets.Layout(width="auto", max_width="100%", height="auto",
                          align_self="flex-start")


class Explorable(widgets.VBox):
    """Base class: a figure that `draw` fills from the values of `controls`.

    Subclasses write `draw(figure)` (draw the picture for the current control
    values on the empty figure) and `describe()` (one line of text saying what
    the picture shows, with its numbers). One whose pictures come ready-made
    (as PNG bytes) passes figsize=None and writes `render()` instead of `draw`.

    Attributes:
        controls: {name: widget}, the controls in display order; their values
            are read by `draw`, as `self.value(name)`.
        stills: a class attribute: the control settings ({name: value}) that
            the still shows side by side; none for the picture as it is.
        figure: the matplotlib Figure (off-screen, never registered with pyplot).
        image: the Image widget showing it.
        draws: how many times the picture was drawn (the tests read it).
    """

    stills = ()

    def __init__(self, controls, figsize, dpi=100, buttons=()):
        self.controls = dict(controls)
        self._shown = {}
        if figsize is not None:
            self.figure = Figure(figsize=figsize, dpi=dpi)
            FigureCanvasAgg(self.figure)
        self.image = widgets.Image(format="png", layout=fitted_size())
        self.draws = 0
        self._lock = threading.RLock()
        self._flags = threading.Lock()
        self._changed = False
        self._thread = None
        for control in self.controls.values():
            control.observe(lambda change: self._control_moved(), names="value")
        rows = [widgets.HBox(list(self.controls.values()) + list(buttons),
                             layout=widgets.Layout(flex_flow="row wrap")), self.image]
        super().__init__(rows)
        self.update()

    def value(self, name):
        """The current value of control `name` (or the value a still shows)."""
        return self._shown.get(name, self.controls[name].value)

    def set(self, **values):
        """Move controls by name, as a learner would; the picture is redrawn
        once, before this returns."""
        with self._lock:
            for name, value in values.items():
                self.controls[name].value = value
            self.update()

    def update(self):
        """Redraw the picture from the controls' current values, and show it."""
        with self._lock:
            with self._flags:
                self._changed = False
            self.image.value = self.render(RETINA)
            self.image.layout.width = f"{self.size()[0]}px"
            self.draws += 1

    def png(self):
        """The picture as it is shown now, as PNG bytes (at twice its size)."""
        return self.image.value

    def _control_moved(self):
        """A control moved: mark it, and start the thread that redraws."""
        with self._flags:
            self._changed = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._redraw, daemon=True)
                self._thread.start()

    def _redraw(self):
        """Redraw for the latest values until no control has moved since."""
        while True:
            with self._lock:
                with self._flags:
                    if not self._changed:
                        self._thread = None
                        return
                self.update()

    def render(self, scale=1):
        """Draw the figure afresh and return it as PNG bytes, with `scale`
        times the pixels of its dpi."""
        self.figure.clear()
        self.draw(self.figure)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.figure.dpi * scale,
                            metadata={"Software": None})
        return buffer.getvalue()

    def still(self):
        """(PNG bytes at twice the pixels, (width, height) to show it at): the
        picture as it is, or, side by side, one panel per setting of `stills`,
        each drawn by `plot(ax)` (a subclass with stills writes it)."""
        if not self.stills:
            return self.png(), self.size()
        figure = Figure(figsize=(2.75 * len(self.stills), 2.9), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        with self._lock:
            for ax, values in zip(figure.subplots(1, len(self.stills)), self.stills):
                self._shown = values
                try:
                    self.plot(ax)
                finally:
                    self._shown = {}
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=figure.dpi * RETINA,
                       metadata={"Software": None})
        width, height = figure.get_size_inches() * figure.dpi
        return buffer.getvalue(), (round(width), round(height))

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
        png, (width, height) = self.still()
        bundle["image/png"] = base64.b64encode(png).decode("ascii")
        bundle["text/plain"] = self.describe()
        return bundle, {"image/png": {"width": width, "height": height}}


def slider(description, value, low, high, step, readout_format=".2f"):
    """A float slider that redraws while it is dragged, wide enough to read its label."""
    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description, readout_format=readout_format,
                               continuous_update=True,
                               style={"description_width": "initial"})
