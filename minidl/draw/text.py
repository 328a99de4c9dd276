"""What pictures and traces write: values in a few characters (`0.693`,
`[0.1, -2.3]`, `mean 0.12, shape (100, 2)`) and the lines of text on each node."""
import re

import numpy as np

from ..graph import default_name
from .layout import node_kind

MAX_LISTED = 4  # arrays with at most this many elements are written out in full
NAME_WIDTH = 12  # names longer than this many characters are wrapped after a '_' or '/'
LINE_WIDTH = 24  # values and gradients longer than this are wrapped after a ', '


def summarize(value, digits=3, with_shape=True):
    """A short, deterministic description of a value: a number to `digits`
    significant digits, a small array in full, a bigger one by its mean and
    (when `with_shape`) its shape."""
    array = np.asarray(value)
    if array.size == 0:
        return f"empty, shape {array.shape}"
    if is_listed(array):
        return _listed(array, digits)
    mean = f"mean {format_number(array.mean(), digits)}"
    return f"{mean}, shape {array.shape}" if with_shape else mean


def summarize_gradient(grad, digits=3):
    """A gradient in a few characters: a small one in full, a bigger one by the
    mean of its absolute values, `|grad| mean 0.012`. (Its plain mean can be 0
    while every entry is not: the positive and negative entries cancel.)"""
    if is_listed(grad):
        return summarize(grad, digits)
    return f"|grad| mean {format_number(np.abs(grad).mean(), digits)}"


def is_listed(value):
    """Whether `summarize` writes every element of `value` out."""
    return 0 < np.size(value) <= MAX_LISTED


def format_number(number, digits=3):
    """`number` to `digits` significant digits (`0.693`, `1.2e+03`, `-4`)."""
    number = np.asarray(number).item()
    if isinstance(number, bool):
        return str(number)
    return f"{number + 0:.{digits}g}"  # + 0 turns -0.0 into 0.0


def _listed(array, digits):
    if array.ndim == 0:
        return format_number(array, digits)
    return "[" + ", ".join(_listed(part, digits) for part in array) + "]"


def node_label(node, value=None, grad=None):
    """The lines of text for `node`, each as (text, style) with style one of
    'name', 'type', 'value', 'grad'.

    A long name takes two lines or more (see `wrap_name`). `value` and `grad`
    (arrays) are shown when given: small ones in full, after a line with the
    shape of bigger ones, a value by its mean and a gradient by its mean size
    (a gradient has the shape of its node's value).
    """
    lines = [(part, "name") for part in wrap_name(node.name)]
    if node_kind(node) == "operation" and not _named_after_type(node):
        lines.append((node.type, "type"))
    if value is not None and not is_listed(value):
        lines.append((f"shape {np.shape(value)}", "value"))
    if value is not None:
        text = f"value {summarize(value, with_shape=False)}"
        lines += [(part, "value") for part in _wrap(text, r"[^,]*(?:, )?", LINE_WIDTH)]
    if grad is not None:
        text = summarize_gradient(grad)
        text = text if text.startswith("|grad|") else f"grad {text}"
        lines += [(part, "grad") for part in _wrap(text, r"[^,]*(?:, )?", LINE_WIDTH)]
    return lines


def wrap_name(name, width=NAME_WIDTH):
    """`name` cut into lines of at most `width` characters where it can be:
    after a '_' or a '/', so `cross_entropy_1` gives `cross_`, `entropy_1`."""
    return _wrap(name, r"[^_/]*[_/]?", width)


def _wrap(text, part_pattern, width):
    """`text` cut into lines of at most `width` characters, between the parts
    that `part_pattern` matches (a line longer than `width` when one part is)."""
    lines = [""]
    for part in re.findall(part_pattern, text)[:-1]:
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
    return [line.rstrip() for line in lines]


def _named_after_type(node):
    """Whether the name is the default one for its type (`matmul_2` for a MatMul)."""
    return re.fullmatch(re.escape(default_name(type(node))) + r"(_\d+)?", node.name) is not None
