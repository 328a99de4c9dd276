"""Losses computed straight from scores (logits), stable for any scores.

Built from separate steps, cross-entropy takes log(softmax(z)); for a score
far below the others softmax rounds to 0 and log(0) = -inf. These losses work
with log_softmax instead, which never takes log(0), so scores of +-1000 give
finite losses and finite gradients.
"""
import numpy as np

from ..graph import format_shape
from ..operation import Operation
from ..shapes import one_element_dtype, reduced_shape, same_shapes
from .activations import log_softmax, sigmoid
from .shape_ops import expand_dims, stop_gradient


def _same_shape(operation, input_shapes):
    """The one shape labels and logits share, from what each knows; an error
    naming both shapes if they differ."""
    try:
        return same_shapes(operation, input_shapes)
    except ValueError:
        labels, logits = input_shapes
        raise ValueError(f"{operation.type} '{operation.name}': labels of shape "
                         f"{format_shape(labels)} do not match logits of shape "
                         f"{format_shape(logits)}") from None


def _require_same_shape(operation, labels, logits):
    if labels.shape != logits.shape:
        raise ValueError(f"{operation.type} '{operation.name}': labels of shape "
                         f"{labels.shape} do not match logits of shape {logits.shape}")


class CrossEntropy(Operation):
    """-sum(labels * log_probabilities) along `axis`: one loss per example,
    from the labels and the log of the predicted probabilities.

    d/dlog_probabilities = -labels;  d/dlabels = -log_probabilities.
    Behind log_softmax(logits), LogSoftmax's gradient turns -labels into
    sum(labels) softmax(logits) - labels: softmax(logits) - labels for one-hot labels.
    """

    def __init__(self, labels, log_probabilities, axis=-1, name=None):
        self.axis = axis
        super().__init__([labels, log_probabilities], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        shape = _same_shape(self, input_shapes)
        return (reduced_shape(self, shape, self.axis, False),
                one_element_dtype(self, input_shapes, input_dtypes))

    def compute(self, labels, log_probabilities):
        _require_same_shape(self, labels, log_probabilities)
        return -(labels * log_probabilities).sum(axis=self.axis)

    def gradient(self, grad):
        labels, log_probabilities = self.inputs
        grad = -expand_dims(grad, self.axis)
        return [grad * log_probabilities, grad * labels]


class SigmoidCrossEntropyWithLogits(Operation):
    """The cross-entropy of a sigmoid, elementwise:
    -labels log(sigmoid(x)) - (1 - labels) log(1 - sigmoid(x)),
    computed as max(x, 0) - x labels + log(1 + e**-|x|), which never overflows.

    d/dx = sigmoid(x) - labels;  d/dlabels = -x.
    """

    default_name = "sigmoid_cross_entropy"

    def __init__(self, labels, logits, name=None):
        super().__init__([labels, logits], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (_same_shape(self, input_shapes),
                one_element_dtype(self, input_shapes, input_dtypes))

    def compute(self, labels, logits):
        _require_same_shape(self, labels, logits)
        return (np.maximum(logits, 0) - logits * labels
                + np.log1p(np.exp(-np.abs(logits))))

    def gradient(self, grad):
        labels, logits = self.inputs
        return [-grad * logits, grad * (sigmoid(logits) - labels)]


def softmax_cross_entropy_with_logits_v2(labels, logits, axis=-1, name=None):
    """The cross-entropy between `labels` (probabilities, often one-hot) and
    softmax(`logits`), one value per example (`tf.nn.softmax_cross_entropy_with_logits_v2`).

    It is the cross-entropy of log_softmax(logits), kept as a node of its own so
    that the gradient reuses its value: softmax(logits) is e**log_softmax(logits),
    one exp instead of a second softmax."""
    return CrossEntropy(labels, log_softmax(logits, axis), axis, name)


def sigmoid_cross_entropy_with_logits(labels, logits, name=None):
    """The cross-entropy between 0/1 `labels` and sigmoid(`logits`), elementwise
    (`tf.nn.sigmoid_cross_entropy_with_logits`)."""
    return SigmoidCrossEntropyWithLogits(labels, logits, name)


class L2Loss(Operation):
    """sum(x**2) / 2, one number for the whole array: the usual weight penalty
    (`tf.nn.l2_loss`). The 1/2 cancels the 2 of the derivative: d/dx = x.
    """

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return np.asarray((x * x).sum() / 2, dtype=x.dtype)

    def gradient(self, grad):
        x, = self.inputs
        return [grad * x]


def l2_loss(t, name=None):
    """Half the sum of the squares of `t`'s elements, a scalar (`tf.nn.l2_loss`)."""
    return L2Loss(t, name)


def softmax_cross_entropy_with_logits(_sentinel=None, labels=None, logits=None, dim=-1,
                                      name=None, axis=None):
    """TensorFlow 1's first spelling of the softmax cross-entropy
    (`tf.nn.softmax_cross_entropy_with_logits`), which every TF1-era MNIST
    tutorial uses: the values of `softmax_cross_entropy_with_logits_v2`, but
    no gradient flows into `labels` (they are data, not something trained).
    As in TensorFlow 1, labels and logits must be given by name."""
    if _sentinel is not None or labels is None or logits is None:
        raise ValueError("call softmax_cross_entropy_with_logits with named arguments: "
                         "softmax_cross_entropy_with_logits(labels=..., logits=...)")
    return softmax_cross_entropy_with_logits_v2(
        stop_gradient(labels), logits, dim if axis is None else axis, name)
