"""The Playground: TensorFlow Playground's controls and pictures over a
minidl network, training live in the notebook's kernel.

Play trains in a background thread, one epoch per picture, so that the
buttons and sliders stay responsive while it runs; a lock keeps a control's
change and a training step from overlapping.
"""
import base64
import html
import threading
import time

import ipywidgets as widgets

from ...draw import draw_graph
from ..explorable import RETINA, natural_size
from .code import playground_code
from .controls import make_controls, rows, settings_of
from .network import PlaygroundNetwork
from .picture import PlaygroundPicture
from .settings import Settings

LIVE_CHANGES = {"learning_rate", "batch_size"}


class Playground(widgets.VBox):
    """A network to build and train by clicking (see `minidl.playground`).

    Attributes:
        settings: the current Settings.
        network: the PlaygroundNetwork (its data, graph, session, losses).
        picture: the PlaygroundPicture.
        controls: {name: widget}; `set(name=value)` moves them as a learner would.
        frames: the number of pictures sent so far.
    """

    def __init__(self, settings=None, epochs_per_frame=1, max_frames_per_second=25):
        self.settings = settings or Settings()
        self.epochs_per_frame = epochs_per_frame
        self.min_interval = 1 / max_frames_per_second
        self.frames = 0
        self._lock = threading.RLock()
        self._thread = None
        self._frame_times = []
        self.controls = make_controls(self.settings)
        for control in self.controls.values():
            control.observe(lambda change: self._settings_changed(), names="value")
        self.play_button = widgets.ToggleButton(description="Play", icon="play",
                                                button_style="success")
        self.play_button.observe(lambda change: self._play_changed(change["new"]),
                                 names="value")
        self.step_button = widgets.Button(description="Step", icon="step-forward")
        self.step_button.on_click(lambda _: self.step())
        self.reset_button = widgets.Button(description="Reset", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.status = widgets.HTML()
        self.image = widgets.Image(format="jpeg", layout=natural_size())
        self.code_button = widgets.ToggleButton(description="show the code", icon="code")
        self.graph_button = widgets.ToggleButton(description="show the graph",
                                                 icon="project-diagram")
        self.code_view = widgets.HTML()
        self.graph_view = widgets.Image(format="png", layout=natural_size())
        self.code_button.observe(lambda change: self._show_extras(), names="value")
        self.graph_button.observe(lambda change: self._show_extras(), names="value")
        buttons = widgets.HBox([self.play_button, self.step_button, self.reset_button,
                                self.status])
        extras = widgets.HBox([self.code_button, self.graph_button])
        super().__init__(rows(self.controls) + [buttons, self.image, extras, self.code_view,
                                                self.graph_view])
        self._build()

    # What a learner does: the buttons and the controls.

    def step(self):
        """Train one epoch and show it."""
        with self._lock:
            self.network.train_epochs(self.epochs_per_frame)
            self._show()

    def reset(self):
        """Start again from epoch 0 with the current settings."""
        with self._lock:
            self._build()

    def play(self):
        """Train continuously, one picture per epoch, until `pause`."""
        self.play_button.value = True

    def pause(self):
        """Stop training after the current epoch."""
        self.play_button.value = False

    def set(self, **values):
        """Move controls by name (e.g. `set(dataset="xor", layers=2)`)."""
        for name, value in values.items():
            self.controls[name].value = value

    def frames_per_second(self):
        """Pictures per second over the last two seconds of playing."""
        recent = [t for t in self._frame_times if t > time.perf_counter() - 2]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / (recent[-1] - recent[0])

    def code(self):
        """The minidl program that builds this network and trains it as far as it is."""
        return playground_code(self.settings, self.network.epoch)

    def graph(self):
        """The picture of the network's computational graph, up to the loss J."""
        return draw_graph(self.network.J, dpi=70)

    # How it works inside.

    def _build(self):
        self.network = PlaygroundNetwork(self.settings)
        names = self.network.names
        self.picture = PlaygroundPicture(self.network, names["X_train"], names["y_train"],
                                         names["X_test"], names["y_test"])
        self._show()
        self._show_extras()

    def _settings_changed(self):
        new = settings_of(self.controls, self.settings.seed)
        changed = {name for name in new.__dataclass_fields__
                   if getattr(new, name) != getattr(self.settings, name)}
        with self._lock:
            self.settings = new
            if changed <= LIVE_CHANGES:
                self.network.set_learning_rate(new.learning_rate)
                self.network.set_batch_size(new.batch_size)
                self._show_extras()
            else:
                self._build()

    def _show(self):
        self.picture.update()
        self.image.value = self.picture.frame()
        self.frames += 1
        self._frame_times = self._frame_times[-100:] + [time.perf_counter()]
        network = self.network
        rate = f", {self.frames_per_second():.1f} pictures/s" if self._thread else ""
        self.status.value = (f"<b>epoch {network.epoch}</b>: train loss "
                             f"{network.train_losses[-1]:.3f}, test loss "
                             f"{network.test_losses[-1]:.3f}{rate}")

    def _show_extras(self):
        code = html.escape(self.code()) if self.code_button.value else ""
        self.code_view.value = f"<pre>{code}</pre>" if code else ""
        self.graph_view.value = self.graph().png() if self.graph_button.value else b""
        self.graph_view.layout.display = None if self.graph_button.value else "none"

    def _play_changed(self, playing):
        self.play_button.description = "Pause" if playing else "Play"
        self.play_button.icon = "pause" if playing else "play"
        if playing and self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self):
        while self.play_button.value:
            started = time.perf_counter()
            self.step()
            time.sleep(max(self.min_interval - (time.perf_counter() - started), 0.002))
        self._thread = None
        with self._lock:
            self._show_extras()

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.picture.still(RETINA)).decode("ascii")
        network = self.network
        hidden = ", ".join(str(units) for units in self.settings.hidden) or "no"
        bundle["text/plain"] = (f"Playground: {self.settings.dataset}, features "
                                f"{', '.join(self.settings.features)}; hidden layers {hidden} "
                                f"({self.settings.activation}); epoch {network.epoch}, "
                                f"train loss {network.train_losses[-1]:.3f}, "
                                f"test loss {network.test_losses[-1]:.3f}")
        width, height = self.picture.size()
        return bundle, {"image/png": {"width": width, "height": height}}


def playground(**settings):
    """TensorFlow Playground on minidl: pick data, features and a network,
    press Play, and watch the units, the weights, the boundary and the loss.

    Keyword arguments set where it starts (see `Settings` for all of them),
    e.g. `playground(dataset="xor", hidden=(8, 8), activation="relu")`.
    "show the code" prints the minidl program that builds and trains the
    network on screen; pasted in a cell, it runs as it is.
    """
    return Playground(Settings(**settings))
