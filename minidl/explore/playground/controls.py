"""The Playground's controls, one widget per setting, and the Settings they
say together."""
import ipywidgets as widgets

from .settings import (
    ACTIVATIONS,
    DATASETS,
    FEATURES,
    L2_RATES,
    LEARNING_RATES,
    MAX_LAYERS,
    MAX_UNITS,
    OPTIMIZERS,
    Settings,
)

NARROW = {"description_width": "initial"}


def sized(width):
    return widgets.Layout(width=width)


def make_controls(settings):
    """{name: widget} for every setting, starting at `settings`' values, each
    sized so that the Playground fits a laptop's notebook column."""
    controls = {
        "dataset": widgets.ToggleButtons(options=DATASETS, value=settings.dataset,
                                         style={"button_width": "62px"}, layout=sized("auto")),
        "noise": widgets.FloatSlider(value=settings.noise, min=0, max=0.5, step=0.05,
                                     description="noise", style=NARROW, layout=sized("175px")),
        "train_percent": widgets.IntSlider(value=round(100 * settings.train_fraction), min=10,
                                           max=90, step=10, description="train %",
                                           style=NARROW, layout=sized("175px")),
        "layers": widgets.IntSlider(value=len(settings.hidden), min=0, max=MAX_LAYERS,
                                    description="hidden layers", style=NARROW,
                                    layout=sized("210px")),
        "activation": widgets.Dropdown(options=ACTIVATIONS, value=settings.activation,
                                       description="activation", style=NARROW,
                                       layout=sized("160px")),
        "learning_rate": widgets.Dropdown(options=LEARNING_RATES, value=settings.learning_rate,
                                          description="learning rate", style=NARROW,
                                          layout=sized("170px")),
        "l2_rate": widgets.Dropdown(options=L2_RATES, value=settings.l2_rate,
                                    description="L2 rate", style=NARROW, layout=sized("130px")),
        "batch_size": widgets.IntSlider(value=settings.batch_size, min=1, max=30,
                                        description="batch size", style=NARROW,
                                        layout=sized("210px")),
        "optimizer": widgets.Dropdown(options=OPTIMIZERS, value=settings.optimizer,
                                      description="optimizer", style=NARROW,
                                      layout=sized("200px")),
    }
    for name in FEATURES:
        controls[f"feature {name}"] = widgets.ToggleButton(
            value=name in settings.features, description=name, layout=sized("72px"))
    hidden = list(settings.hidden) + [2] * (MAX_LAYERS - len(settings.hidden))
    for layer in range(MAX_LAYERS):
        controls[f"units {layer + 1}"] = widgets.Dropdown(
            options=range(1, MAX_UNITS + 1), value=hidden[layer],
            description=f"layer {layer + 1}", disabled=layer >= len(settings.hidden),
            style=NARROW, layout=sized("100px"))
    return controls


def settings_of(controls, seed):
    """The Settings the controls say (features in the order of FEATURES)."""
    layers = controls["layers"].value
    for layer in range(MAX_LAYERS):
        controls[f"units {layer + 1}"].disabled = layer >= layers
    return Settings(
        dataset=controls["dataset"].value, noise=round(controls["noise"].value, 2),
        train_fraction=controls["train_percent"].value / 100,
        features=tuple(name for name in FEATURES if controls[f"feature {name}"].value),
        hidden=tuple(controls[f"units {layer + 1}"].value for layer in range(layers)),
        activation=controls["activation"].value, learning_rate=controls["learning_rate"].value,
        l2_rate=controls["l2_rate"].value, batch_size=controls["batch_size"].value,
        optimizer=controls["optimizer"].value, seed=seed)


def rows(controls):
    """The controls in four rows: data, features, network, training."""
    def row(*names, label=None):
        label = [widgets.Label(label, layout=sized("64px"))] if label else []
        return widgets.HBox(label + [controls[name] for name in names],
                            layout=widgets.Layout(flex_flow="row wrap"))
    return [row("dataset", "noise", "train_percent", label="data"),
            row(*(f"feature {name}" for name in FEATURES), label="features"),
            row("layers", *(f"units {k + 1}" for k in range(MAX_LAYERS)), "activation"),
            row("learning_rate", "l2_rate", "batch_size", "optimizer")]
