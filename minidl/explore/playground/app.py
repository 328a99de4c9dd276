"""The Playground: TensorFlow Playground's controls and pictures over a
minidl network, training live in the notebook's kernel.

One background thread does the work, so that the buttons and sliders stay
responsive: it trains while Play is on, one epoch per picture, and it applies
the controls' latest settings. A control's change only marks the settings as
changed; however many changes arrive while the thread is busy, it applies
the newest once (the latest wins, nothing queues). A lock keeps a change and
a training step from overlapping.
"""
import base64
import html
import threading
import time

import ipywidgets as widgets
import numpy as np

from ...draw import draw_graph
from ..explorable import RETINA, fitted_size
from .canvas import LivePicture
from .controls import make_controls, rows, settings_of
from .network import PlaygroundNetwork
from .picture import PlaygroundPicture
from .settings import FEATURES, Settings

LIVE_CHANGES = {"learning_rate", "batch_size"}


class Playground(widgets.VBox):
    """A network to build and train by clicking (see `minidl.playground`).

    Attributes:
        settings: the current Settings.
        network: the PlaygroundNetwork (its data, graph, session, losses).
        picture: the LivePicture the browser draws.
        controls: {name: widget}; `set(name=value)` moves them as a learner would.
        frames: the number of pictures sent so far.
    """

    def __init__(self, settings=None, epochs_per_frame=1, max_frames_per_second=40):
        self.settings = settings or Settings()
        self.epochs_per_frame = epochs_per_frame
        self.min_interval = 1 / max_frames_per_second
        self.frames = 0
        self._lock = threading.RLock()
        self._flags = threading.Lock()
        self._changed = False
        self._thread = None
        self._frame_times = []
        self.controls = make_controls(self.settings)
        for control in self.controls.values():
            control.observe(lambda change: self._control_moved(), names="value")
        self.play_button = widgets.ToggleButton(description="Play", icon="play",
                                                button_style="success",
                                                layout=widgets.Layout(width="90px"))
        self.play_button.observe(lambda change: self._play_changed(change["new"]),
                                 names="value")
        self.step_button = widgets.Button(description="Step", icon="step-forward",
                                          layout=widgets.Layout(width="80px"))
        self.step_button.on_click(lambda _: self.step())
        self.reset_button = widgets.Button(description="Reset", icon="undo",
                                           layout=widgets.Layout(width="80px"))
        self.reset_button.on_click(lambda _: self.reset())
        # A fixed width and one line: a status that wraps would move the picture.
        self.status = widgets.HTML(layout=widgets.Layout(width="460px", overflow="hidden"))
        self.picture = LivePicture()
        self.code_button = widgets.ToggleButton(description="show the code", icon="code")
        self.graph_button = widgets.ToggleButton(description="show the graph",
                                                 icon="project-diagram")
        self.code_view = widgets.HTML()
        self.graph_view = widgets.Image(format="png", layout=fitted_size())
        self.code_button.observe(lambda change: self._show_extras(), names="value")
        self.graph_button.observe(lambda change: self._show_extras(), names="value")
        buttons = widgets.HBox([self.play_button, self.step_button, self.reset_button,
                                self.status])
        extras = widgets.HBox([self.code_button, self.graph_button])
        super().__init__([*rows(self.controls), buttons, self.picture, extras,
                          self.code_view, self.graph_view],
                         layout=widgets.Layout(max_width="100%", overflow="hidden"))
        self._build()

    # What a learner does: the buttons and the controls.

    def step(self):
        """Train one epoch and show it."""
        self.train(self.epochs_per_frame)

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
        """Move controls by name (e.g. `set(dataset="xor", layers=2)`); the
        Playground follows before this returns."""
        for name, value in values.items():
            self.controls[name].value = value
        self._apply_settings()

    def train(self, num_epochs):
        """Train `num_epochs` at once and show where they lead. A loss that
        overflows (too large a learning rate) pauses Play, and the status says
        so, rather than NumPy warning at every step."""
        with self._lock, np.errstate(over="ignore", invalid="ignore"):
            self.network.train_epochs(num_epochs)
            self._show()
        if not np.isfinite(self.network.train_losses[-1]):
            self.pause()

    def frames_per_second(self):
        """Pictures per second over the last two seconds of playing."""
        recent = [t for t in self._frame_times if t > time.perf_counter() - 2]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / (recent[-1] - recent[0])

    def code(self):
        """The minidl program that builds this network and trains it as far as
        it is: pasted in a cell, it prints the losses shown. A learning rate or
        batch size changed while training is changed in the program at the
        same epoch; any other change starts a new network (and program) at
        epoch 0."""
        return self.network.program()

    def graph(self):
        """The picture of the network's computational graph, up to the loss J."""
        return draw_graph(self.network.J, dpi=70)

    # How it works inside.

    def _build(self):
        self.network = PlaygroundNetwork(self.settings)
        self.picture.start(self.network)
        self._show()
        self._show_extras()

    def _control_moved(self):
        """A control moved: mark it, and let the background thread follow."""
        with self._flags:
            self._changed = True
        self._wake()

    def _apply_settings(self):
        """Follow the controls: retune the network for a new learning rate or
        batch size, rebuild it for anything else. Turning off the only input
        left is refused (the button turns back on): a network needs one."""
        with self._flags:
            self._changed = False
        with self._lock:
            if not any(self.controls[f"feature {name}"].value for name in FEATURES):
                for name in self.settings.features:
                    self.controls[f"feature {name}"].value = True
            new = settings_of(self.controls, self.settings.seed)
            changed = {name for name in new.__dataclass_fields__
                       if getattr(new, name) != getattr(self.settings, name)}
            self.settings = new
            if not changed:
                return
            if changed <= LIVE_CHANGES and self.network.epoch > 0:
                self.network.set_learning_rate(new.learning_rate)
                self.network.set_batch_size(new.batch_size)
                self._show_extras()
            else:
                self._build()

    def _show(self):
        self.picture.show(self.network)
        self.frames += 1
        self._frame_times = self._frame_times[-100:] + [time.perf_counter()]
        network = self.network
        rate = f", {self.frames_per_second():4.1f} pictures/s" if self.play_button.value else ""
        if not np.isfinite(network.train_losses[-1]):
            rate = ": it overflowed; lower the learning rate and Reset"
        self.status.value = (f"<b>epoch {network.epoch}</b>: train loss "
                             f"{network.train_losses[-1]:.3f}, test loss "
                             f"{network.test_losses[-1]:.3f}{rate}")

    def _show_extras(self):
        code = html.escape(self.code()) if self.code_button.value else ""
        self.code_view.value = f"<pre>{code}</pre>" if code else ""
        if self.graph_button.value:
            graph = self.graph()
            self.graph_view.value = graph.png(RETINA)
            self.graph_view.layout.width = f"{graph.size()[0]}px"
        else:
            self.graph_view.value = b""
        self.graph_view.layout.display = None if self.graph_button.value else "none"

    def _play_changed(self, playing):
        self.play_button.description = "Pause" if playing else "Play"
        self.play_button.icon = "pause" if playing else "play"
        self._wake()

    def _wake(self):
        """Start the background thread, unless it is running."""
        with self._flags:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self):
        """Apply the latest settings and train while playing; stop when idle."""
        played = False
        while True:
            with self._flags:
                if not self._changed and not self.play_button.value:
                    self._thread = None
                    break
                changed = self._changed
            started = time.perf_counter()
            if changed:
                self._apply_settings()
            if self.play_button.value:
                played = True
                self.step()
                time.sleep(max(self.min_interval - (time.perf_counter() - started), 0.002))
        if played:
            with self._lock:
                self._show_extras()

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        names = self.network.names
        still = PlaygroundPicture(self.network, names["X_train"], names["y_train"],
                                  names["X_test"], names["y_test"])
        bundle["image/png"] = base64.b64encode(still.still(RETINA)).decode("ascii")
        network = self.network
        hidden = ", ".join(str(units) for units in self.settings.hidden) or "no"
        bundle["text/plain"] = (f"Playground: {self.settings.dataset}, features "
                                f"{', '.join(self.settings.features)}; hidden layers {hidden} "
                                f"({self.settings.activation}); epoch {network.epoch}, "
                                f"train loss {network.train_losses[-1]:.3f}, "
                                f"test loss {network.test_losses[-1]:.3f}")
        width, height = still.size()
        return bundle, {"image/png": {"width": width, "height": height}}


def playground(**settings):
    """TensorFlow Playground on minidl: pick data, features and a network,
    press Play, and watch the units, the weights, the boundary and the loss.

    Keyword arguments set where it starts (see `Settings` for all of them),
    e.g. `playground(dataset="xor", hidden=(8, 8), activation="relu")`.
    "show the code" prints the minidl program that builds and trains the
    network on screen, with the learning-rate and batch-size changes made
    while it trained; pasted in a cell, it runs as it is and prints the
    losses shown.
    """
    return Playground(Settings(**settings))
