"""Chapter 7's explorable: gradient descent, Momentum and Adam race down one
valley, each with sliders for its own settings."""
from ..plot import surface_path, training_curves
from ..train import AdamOptimizer, GradientDescentOptimizer, MomentumOptimizer
from .descent import descent_path
from .explorable import Explorable, slider


class OptimizerRace(Explorable):
    """Three optimizers from one start on one loss surface, `num_steps` each.

    Left, their paths over the contours; right, their losses (log scale).
    The sliders set each one's learning rate, Momentum's momentum and Adam's
    beta1 (the memory of its running mean of gradients).
    """

    def __init__(self, surface, start, num_steps=100, x_range=None, y_range=None,
                 gd_rate=0.18, momentum_rate=0.04, momentum=0.9, adam_rate=0.3, beta1=0.9):
        self.surface, self.start, self.num_steps = surface, start, num_steps
        self.x_range, self.y_range = x_range, y_range
        super().__init__({
            "gd_rate": slider("GD rate", gd_rate, 0.01, 0.25, 0.01),
            "momentum_rate": slider("Momentum rate", momentum_rate, 0.005, 0.2, 0.005, ".3f"),
            "momentum": slider("momentum", momentum, 0.0, 0.99, 0.01),
            "adam_rate": slider("Adam rate", adam_rate, 0.01, 1.0, 0.01),
            "beta1": slider("beta1", beta1, 0.0, 0.99, 0.01)}, figsize=(9, 3.6))

    def optimizers(self):
        """{name: optimizer} with the sliders' settings."""
        return {"gradient descent": GradientDescentOptimizer(self.value("gd_rate")),
                "momentum": MomentumOptimizer(self.value("momentum_rate"),
                                              self.value("momentum")),
                "adam": AdamOptimizer(self.value("adam_rate"), beta1=self.value("beta1"))}

    def race(self):
        """{name: (path, losses)} for every optimizer."""
        return {name: descent_path(self.surface, self.start, optimizer, self.num_steps)
                for name, optimizer in self.optimizers().items()}

    def draw(self, figure):
        results = self.race()
        left, right = figure.subplots(1, 2)
        surface_path(self.surface, {name: path for name, (path, _) in results.items()},
                     x_range=self.x_range, y_range=self.y_range, levels=20, ax=left,
                     legend=False)
        left.set_title("paths across the loss surface")
        training_curves({name: losses for name, (_, losses) in results.items()},
                        log_scale=True, ax=right, title="loss")
        figure.subplots_adjust(left=0.07, right=0.76, bottom=0.14, top=0.92, wspace=0.28)

    def describe(self):
        finals = ", ".join(f"{name} {losses[-1]:.2e}" for name, (_, losses) in self.race().items())
        return f"loss after {self.num_steps} steps: {finals}"


def optimizer_race(surface, start, num_steps=100, x_range=None, y_range=None, **settings):
    """Chapter 7: gradient descent, Momentum and Adam on `surface(w1, w2)` from
    `start`, with sliders for their learning rates, the momentum and Adam's
    beta1 (defaults as the chapter: gd_rate=0.18, momentum_rate=0.04,
    momentum=0.9, adam_rate=0.3, beta1=0.9)."""
    return OptimizerRace(surface, start, num_steps, x_range, y_range, **settings)
