"""Chapter 4's explorable: turn a perceptron's boundary and watch the error
rate jump while the cross-entropy slides."""
import numpy as np

from ..datasets import one_hot
from ..dtypes import float64
from ..graph import Graph
from ..ops.losses import softmax_cross_entropy_with_logits_v2
from ..ops.matmul import matmul
from ..ops.reductions import reduce_sum
from ..placeholder import placeholder
from ..plot import decision_boundary
from ..session import Session
from ..variable import Variable
from .explorable import Explorable, slider

ANGLES = np.arange(-180, 181)


class CriterionExplorer(Explorable):
    """Chapter 4's two-class perceptron with W = scale * [-u, u], u = (cos angle,
    sin angle): class blue's score minus red's is 2 scale u.x, so the boundary
    is the line through the origin perpendicular to u.

    Left, the boundary; middle and right, the error rate and the cross-entropy
    J of every angle, with the current one marked. The error rate is a
    staircase: flat, then a jump when a point changes sides. J slides smoothly,
    so its slope says which way to turn. The scale changes J, never the error rate.
    """

    def __init__(self, X_data, y_data, angle=45, scale=1.0):
        self.X_data, self.y_data = np.asarray(X_data), np.asarray(y_data)
        self.graph = Graph()
        with self.graph.as_default():
            self.X = placeholder(float64, shape=(None, 2), name="X")
            self.Y = placeholder(float64, shape=(None, 2), name="Y")
            self.W = Variable(np.zeros((2, 2)), name="W")
            self.logits = matmul(self.X, self.W)
            self.J = reduce_sum(softmax_cross_entropy_with_logits_v2(labels=self.Y,
                                                                      logits=self.logits))
        self.session = Session(self.graph)
        self._curves = {}
        super().__init__({"angle": slider("angle (degrees)", angle, -180, 180, 1, ".0f"),
                          "scale": slider("scale", scale, 0.2, 5, 0.1, ".1f")},
                         figsize=(9, 3.2))

    def weights(self, angle=None):
        """W for `angle` (the slider's by default) and the scale slider's value."""
        angle = self.value("angle") if angle is None else angle
        u = np.array([np.cos(np.radians(angle)), np.sin(np.radians(angle))])
        return self.value("scale") * np.stack([-u, u], axis=1)

    def measure(self, angle=None):
        """(error rate, J) of the perceptron at `angle` on all the points."""
        feed = {self.X: self.X_data, self.Y: one_hot(self.y_data, 2),
                self.W: self.weights(angle)}
        logits, J = self.session.run([self.logits, self.J], feed)
        return float(np.mean(logits.argmax(axis=1) != self.y_data)), float(J)

    def curves(self):
        """Error rate and J for every whole angle, computed once per scale."""
        scale = self.value("scale")
        if scale not in self._curves:
            self._curves[scale] = np.array([self.measure(angle) for angle in ANGLES]).T
        return self._curves[scale]

    def draw(self, figure):
        left, middle, right = figure.subplots(1, 3, gridspec_kw={"width_ratios": (1, 1.2, 1.2)})
        decision_boundary(self.session, self.logits, self.X, self.X_data, self.y_data,
                          feed_dict={self.W: self.weights()}, ax=left, resolution=80,
                          legend=False)
        error_rates, losses = self.curves()
        error_rate, J = self.measure()
        middle.plot(ANGLES, error_rates, color="black")
        middle.set_title(f"error rate: {error_rate:.0%}")
        right.plot(ANGLES, losses, color="black")
        right.set(title=f"cross-entropy J: {J:.2f}", yscale="log")
        for ax in (middle, right):
            ax.axvline(self.value("angle"), color="gray", linestyle="--")
            ax.set_xlabel("angle (degrees)")
            ax.grid(alpha=0.3)
        figure.subplots_adjust(left=0.06, right=0.98, bottom=0.17, top=0.9, wspace=0.3)

    def describe(self):
        error_rate, J = self.measure()
        return (f"boundary at angle {self.value('angle'):.0f} degrees, scale "
                f"{self.value('scale'):.1f}: error rate {error_rate:.0%}, J = {J:.4f}")


def criterion_explorer(X_data, y_data, angle=45, scale=1.0):
    """Chapter 4: turn the boundary of a perceptron on (X_data, y_data) with a
    slider and watch the error rate jump while the cross-entropy slides."""
    return CriterionExplorer(X_data, y_data, angle, scale)
