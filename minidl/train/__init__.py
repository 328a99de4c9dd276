"""The `minidl.train` namespace, as `tf.train`: optimizers and saving."""
from .adam import AdamOptimizer
from .gradient_descent import GradientDescentOptimizer
from .momentum import MomentumOptimizer
from .optimizer import Optimizer
from .saver import Saver

__all__ = ["AdamOptimizer", "GradientDescentOptimizer", "MomentumOptimizer",
           "Optimizer", "Saver"]
