"""`minidl.explore`: explorables, pictures with controls to move, one per idea.

Each is a widget shown by a notebook cell: move a control and the picture
follows, computed by minidl graphs and sessions (explorable.py says how).

- `perceptron_explorer`: chapter 3, a perceptron's weights by hand.
- `criterion_explorer`: chapter 4, the error rate jumps, the cross-entropy slides.
- `learning_rate_explorer`: chapter 5, gradient descent on a narrow valley.
- `backprop_stepper`: chapter 5b, Previous/Next through a backpropagation trace.
- `optimizer_race`: chapter 7, gradient descent, Momentum and Adam on one valley.
- `playground` (also `minidl.playground`): TensorFlow Playground on minidl, chapter 6.
"""
from ..optional import require

require("minidl.explore", "matplotlib", "ipywidgets", "anywidget")

from .backprop_steps import BackpropStepper, backprop_stepper
from .criterion import CriterionExplorer, criterion_explorer
from .descent import descent_path
from .explorable import Explorable
from .learning_rate import LearningRateExplorer, learning_rate_explorer
from .optimizer_race import OptimizerRace, optimizer_race
from .perceptron import PerceptronExplorer, perceptron_explorer
from .playground import Playground, playground

__all__ = ["BackpropStepper", "CriterionExplorer", "Explorable", "LearningRateExplorer",
           "OptimizerRace", "PerceptronExplorer", "Playground", "backprop_stepper",
           "criterion_explorer", "descent_path", "learning_rate_explorer", "optimizer_race",
           "perceptron_explorer", "playground"]
