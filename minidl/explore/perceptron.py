"""Chapter 3's explorable: set a perceptron's weights by hand and watch its
decision boundary and its accuracy follow."""
import numpy as np

from ..dtypes import float64
from ..graph import Graph
from ..ops.activations import sigmoid
from ..ops.matmul import matmul
from ..placeholder import placeholder
from ..plot import decision_boundary
from ..session import Session
from ..variable import Variable
from .explorable import Explorable, slider


class PerceptronExplorer(Explorable):
    """Sliders for w1, w2 and b of p(blue) = sigmoid(w1 x1 + w2 x2 + b).

    The picture is `tf.plot.decision_boundary` of that perceptron, a minidl
    graph fed the sliders' values: the boundary is the line w1 x1 + w2 x2 + b = 0,
    perpendicular to w, and b slides it along w. Its still shows exactly
    that: b slid, w turned, and w reversed (every colour on the wrong side).
    """

    stills = ({"w1": 1.0, "w2": 1.0, "b": -3.0}, {"w1": 1.0, "w2": 0.0, "b": 0.0},
              {"w1": -1.0, "w2": -1.0, "b": 0.0})

    def __init__(self, X_data, y_data, w=(1.0, 1.0), b=0.0):
        self.X_data, self.y_data = np.asarray(X_data), np.asarray(y_data)
        self.graph = Graph()
        with self.graph.as_default():
            self.X = placeholder(float64, shape=(None, 2), name="X")
            self.w = Variable(np.array(w, dtype=np.float64).reshape(2, 1), name="w")
            self.b = Variable(float(b), name="b")
            self.p_blue = sigmoid(matmul(self.X, self.w) + self.b)
        self.session = Session(self.graph)
        super().__init__({"w1": slider("w1", w[0], -3, 3, 0.1),
                          "w2": slider("w2", w[1], -3, 3, 0.1),
                          "b": slider("b", b, -5, 5, 0.1)}, figsize=(4.5, 4))

    def weights(self):
        """The feed that sets w and b to the sliders' values."""
        return {self.w: np.array([[self.value("w1")], [self.value("w2")]]),
                self.b: self.value("b")}

    def accuracy(self):
        """The fraction of points on their own colour's side of the boundary."""
        p = self.session.run(self.p_blue, {**self.weights(), self.X: self.X_data})
        return float(np.mean((p[:, 0] > 0.5) == (self.y_data == 1)))

    def draw(self, figure):
        self.plot(figure.add_axes((0.13, 0.13, 0.83, 0.78)))

    def plot(self, ax):
        decision_boundary(self.session, self.p_blue, self.X, self.X_data, self.y_data,
                          feed_dict=self.weights(), ax=ax, resolution=100, legend=False)
        ax.set_title(f"w = ({self.value('w1'):.1f}, {self.value('w2'):.1f}), "
                     f"b = {self.value('b'):.1f}\naccuracy {self.accuracy():.0%}", fontsize=9)

    def describe(self):
        return (f"perceptron w = ({self.value('w1'):.1f}, {self.value('w2'):.1f}), "
                f"b = {self.value('b'):.1f}: accuracy {self.accuracy():.0%}")


def perceptron_explorer(X_data, y_data, w=(1.0, 1.0), b=0.0):
    """Chapter 3: sliders for a perceptron's w1, w2 and b over the points
    (X_data, y_data); the red/blue boundary and the accuracy move as you drag."""
    return PerceptronExplorer(X_data, y_data, w, b)
