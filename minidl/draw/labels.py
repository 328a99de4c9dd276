"""The text written on each node of a picture: its name, its operation type
(unless the name already says it), and optionally its value and gradient."""
import re

import numpy as np

from ..graph import default_name
from .layout import node_kind
from .summary import is_listed, summarize


def node_label(node, value=None, grad=None):
    """The lines of text for `node`, each as (text, style) with style one of
    'name', 'type', 'value', 'grad'.

    `value` and `grad` (arrays) are shown when given: small ones in full,
    bigger ones by their mean, after a line with their shape (a gradient has
    the shape of its node's value).
    """
    lines = [(node.name, "name")]
    if node_kind(node) == "operation" and not _named_after_type(node):
        lines.append((node.type, "type"))
    if value is not None and not is_listed(value):
        lines.append((f"shape {np.shape(value)}", "value"))
    if value is not None:
        lines.append((f"value {summarize(value, with_shape=False)}", "value"))
    if grad is not None:
        lines.append((f"grad {summarize(grad, with_shape=value is None)}", "grad"))
    return lines


def _named_after_type(node):
    """Whether the name is the default one for its type (`matmul_2` for a MatMul)."""
    return re.fullmatch(re.escape(default_name(type(node))) + r"(_\d+)?", node.name) is not None
