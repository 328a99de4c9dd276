"""The `minidl.train` namespace, as `tf.train`: optimizers, learning-rate decay,
the global step, and saving."""
from .adagrad import AdagradOptimizer
from .adam import AdamOptimizer
from .gradient_descent import GradientDescentOptimizer
from .learning_rate_decay import exponential_decay, get_global_step, get_or_create_global_step
from .momentum import MomentumOptimizer
from .optimizer import Optimizer
from .rmsprop import RMSPropOptimizer
from .saver import Saver

__all__ = ["AdagradOptimizer", "AdamOptimizer", "GradientDescentOptimizer",
           "MomentumOptimizer", "Optimizer", "RMSPropOptimizer", "Saver", "exponential_decay",
           "get_global_step", "get_or_create_global_step"]
