"""The `minidl.train` namespace, as `tf.train`: optimizers and saving."""
from .adagrad import AdagradOptimizer
from .adam import AdamOptimizer
from .gradient_descent import GradientDescentOptimizer
from .momentum import MomentumOptimizer
from .optimizer import Optimizer
from .rmsprop import RMSPropOptimizer
from .saver import Saver

__all__ = ["AdagradOptimizer", "AdamOptimizer", "GradientDescentOptimizer",
           "MomentumOptimizer", "Optimizer", "RMSPropOptimizer", "Saver"]
