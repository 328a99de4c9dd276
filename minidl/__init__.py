"""minidl: a small deep-learning library with TensorFlow 1's API, built from
first principles in NumPy. `import minidl as tf` runs TF1-style graph code.

Every name below is public; its docstring says where it lives.

`import minidl` loads NumPy and the core only (graphs, operations, sessions,
gradients, optimizers, the saver, the data sets). The pictures and the
explorables (`minidl.plot`, `minidl.draw`, `minidl.explore`, which need
matplotlib and ipywidgets: `pip install "minidl[notebooks]"`), the exercises'
checks (`minidl.exercises`) and the names they give (`draw_graph`,
`playground`, ...) load the first time they are used.
"""
import importlib

from . import datasets, layers, nn, optimize, train
from . import operators as _operators  # noqa: F401  (gives nodes + - * / @ **)
from .constant import Constant, constant
from .default_session import get_default_session
from .dtypes import bool_ as bool
from .dtypes import float32, float64, int32, int64
from .gradient_check import GradientCheckReport, gradient_check
from .gradients import RegisterGradient, gradients
from .graph import Graph, Node, get_default_graph, reset_default_graph
from .initializers import (
    constant_initializer,
    glorot_uniform_initializer,
    random_normal_initializer,
    zeros_initializer,
)
from .interactive_session import InteractiveSession
from .operation import Operation
from .ops.activations import log_softmax, relu, sigmoid, softmax, tanh
from .ops.arithmetic import (
    add,
    add_n,
    clip_by_value,
    divide,
    maximum,
    minimum,
    multiply,
    negative,
    pow,
    subtract,
)
from .ops.comparison import equal, greater, greater_equal, less, less_equal, where
from .ops.elementwise import abs, exp, log, sign, sqrt, square
from .ops.fill import fill, ones, zeros
from .ops.indexing import newaxis
from .ops.matmul import matmul
from .ops.random_ops import random_normal, random_uniform, truncated_normal
from .ops.reductions import arg_max, arg_min, argmax, argmin, reduce_max, reduce_mean, reduce_sum
from .ops.shape_ops import (
    cast,
    expand_dims,
    matrix_transpose,
    ones_like,
    reshape,
    shape,
    stop_gradient,
    transpose,
    zeros_like,
)
from .placeholder import Placeholder, placeholder
from .random_seed import get_seed, set_random_seed
from .session import Session
from .source import show_source
from .variable import (
    Variable,
    assign,
    assign_add,
    assign_sub,
    global_variables,
    global_variables_initializer,
    trainable_variables,
    variables_initializer,
)

# Loaded on first use: the submodules, and the names they give minidl.
_LAZY_SUBMODULES = ("draw", "exercises", "explore", "plot")
_LAZY_NAMES = {"backprop_trace": "draw", "draw_expression": "draw", "draw_graph": "draw",
               "graph_layout": "draw", "playground": "explore"}


def __getattr__(name):
    """`minidl.plot`, `minidl.draw_graph`, ...: import the submodule the first
    time a name from it is asked for (PEP 562), then keep the name here."""
    if name in _LAZY_SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_NAMES:
        value = getattr(importlib.import_module(f".{_LAZY_NAMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'minidl' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY_SUBMODULES) | set(_LAZY_NAMES))


# `from minidl import *` gives everything except the names that would hide
# Python's own `abs`, `pow` and `bool`: use minidl.abs, minidl.pow, minidl.bool.
__all__ = [
    "Constant", "GradientCheckReport", "Graph", "Node", "Operation", "Placeholder",
    "RegisterGradient", "Session", "Variable",
    "add", "add_n", "argmax", "backprop_trace", "cast", "constant", "constant_initializer",
    "datasets", "divide", "draw_expression", "draw_graph", "equal", "exp", "expand_dims",
    "explore", "float32",
    "float64", "get_default_graph", "get_seed", "global_variables", "global_variables_initializer",
    "glorot_uniform_initializer", "gradient_check", "gradients", "graph_layout", "greater",
    "greater_equal", "int32", "int64", "layers", "less", "less_equal", "log", "log_softmax",
    "matmul", "matrix_transpose", "maximum", "minimum", "multiply", "negative", "nn",
    "ones_like", "placeholder", "playground", "plot", "random_normal_initializer", "reduce_max",
    "reduce_mean", "reduce_sum", "relu", "reset_default_graph", "reshape", "set_random_seed",
    "show_source", "sigmoid", "sign", "softmax", "sqrt", "square", "subtract", "tanh", "train",
    "trainable_variables", "transpose", "variables_initializer", "where", "zeros_initializer",
    "zeros_like",
    # TensorFlow 1 names the next tutorial uses (API_INDEX.md, last table)
    "InteractiveSession", "arg_max", "arg_min", "argmin", "assign", "assign_add", "assign_sub",
    "clip_by_value", "fill", "get_default_session", "newaxis", "ones", "random_normal",
    "random_uniform", "shape", "stop_gradient", "truncated_normal", "zeros",
]
