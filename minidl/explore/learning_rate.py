"""Chapter 5's explorable: one learning rate slider on a narrow valley, and
the path of gradient descent converging, zig-zagging or diverging."""
import numpy as np

from ..plot import surface_path
from ..train import GradientDescentOptimizer
from .descent import descent_path
from .explorable import Explorable, slider


class LearningRateExplorer(Explorable):
    """Gradient descent on f(w) = w1**2 + steepness * w2**2 from `start`.

    The curvatures of f are 2 (along w1) and 2 * steepness (across the
    valley). Each step multiplies the distance to the minimum along a
    direction of curvature lambda by (1 - learning_rate * lambda), so the
    path goes straight in while learning_rate < 1 / lambda_max, zig-zags
    across the valley above that, and diverges above 2 / lambda_max. Its
    still shows the three side by side.
    """

    stills = ({"learning_rate": 0.02}, {"learning_rate": 0.07}, {"learning_rate": 0.11})

    def __init__(self, learning_rate=0.02, steepness=10.0, start=(-2.0, 1.0), num_steps=30):
        self.steepness, self.start = steepness, start
        self.lambda_max = 2 * max(1.0, steepness)
        super().__init__({"learning_rate": slider("learning rate", learning_rate, 0.005,
                                                  0.12, 0.005, ".3f"),
                          "num_steps": slider("steps", num_steps, 1, 100, 1, ".0f")},
                         figsize=(6, 4))

    def surface(self, w1, w2):
        return w1 ** 2 + self.steepness * w2 ** 2

    def path(self):
        """The points gradient descent visits, and the loss at each."""
        optimizer = GradientDescentOptimizer(self.value("learning_rate"))
        return descent_path(self.surface, self.start, optimizer, int(self.value("num_steps")))

    def behaviour(self):
        """'converges', 'zig-zags' or 'diverges', from the learning rate alone."""
        rate = self.value("learning_rate")
        if rate > 2 / self.lambda_max:
            return "diverges"
        return "zig-zags" if rate > 1 / self.lambda_max else "converges"

    def draw(self, figure):
        self.plot(figure.add_axes((0.12, 0.12, 0.84, 0.78)))

    def plot(self, ax):
        path, losses = self.path()
        surface_path(self.surface, {"gradient descent": np.clip(path, -10, 10)}, ax=ax,
                     x_range=(-2.5, 1), y_range=(-1.5, 1.5), levels=15, legend=False)
        ax.set(xlabel="$w_1$", ylabel="$w_2$")
        ax.set_title(f"learning rate {self.value('learning_rate'):.3f}: {self.behaviour()}\n"
                     f"f = {losses[-1]:.2g} after {len(path) - 1} steps",
                     fontsize=9)

    def describe(self):
        path, losses = self.path()
        return (f"learning rate {self.value('learning_rate'):.3f}: {self.behaviour()}, "
                f"f = {losses[-1]:.4g} after {len(path) - 1} steps")


def learning_rate_explorer(learning_rate=0.02, steepness=10.0, start=(-2.0, 1.0),
                           num_steps=30):
    """Chapter 5: a learning-rate slider for gradient descent on the narrow
    valley f(w) = w1**2 + steepness * w2**2."""
    return LearningRateExplorer(learning_rate, steepness, start, num_steps)
