"""Losses computed straight from scores (logits), stable for any scores.

Built from separate steps, cross-entropy takes log(softmax(z)); for a score
far below the others softmax rounds to 0 and log(0) = -inf. These fused
versions work with log_softmax directly, so scores of +-1000 give finite
losses and finite gradients.
"""
import numpy as np

from ..operation import Operation
from .activations import log_softmax, sigmoid, softmax
from .reductions import reduce_sum
from .shape_ops import expand_dims


def _require_same_shape(operation, labels, logits):
    if labels.shape != logits.shape:
        raise ValueError(f"{operation.type} '{operation.name}': labels of shape "
                         f"{labels.shape} do not match logits of shape {logits.shape}")


class SoftmaxCrossEntropyWithLogits(Operation):
    """-sum(labels * log(softmax(logits))) along `axis`: one loss per example.

    d/dlogits = sum(labels) softmax(logits) - labels  (softmax - labels for
    one-hot labels);  d/dlabels = -log_softmax(logits).
    """

    default_name = "softmax_cross_entropy"

    def __init__(self, labels, logits, axis=-1, name=None):
        self.axis = axis
        super().__init__([labels, logits], name)

    def compute(self, labels, logits):
        _require_same_shape(self, labels, logits)
        shifted = logits - logits.max(axis=self.axis, keepdims=True)
        log_probabilities = shifted - np.log(np.exp(shifted).sum(axis=self.axis, keepdims=True))
        return -(labels * log_probabilities).sum(axis=self.axis)

    def gradient(self, grad):
        labels, logits = self.inputs
        grad = expand_dims(grad, self.axis)
        label_mass = reduce_sum(labels, self.axis, keepdims=True)
        return [-grad * log_softmax(logits, self.axis),
                grad * (softmax(logits, self.axis) * label_mass - labels)]


class SigmoidCrossEntropyWithLogits(Operation):
    """The cross-entropy of a sigmoid, elementwise:
    -labels log(sigmoid(x)) - (1 - labels) log(1 - sigmoid(x)),
    computed as max(x, 0) - x labels + log(1 + e**-|x|), which never overflows.

    d/dx = sigmoid(x) - labels;  d/dlabels = -x.
    """

    default_name = "sigmoid_cross_entropy"

    def __init__(self, labels, logits, name=None):
        super().__init__([labels, logits], name)

    def compute(self, labels, logits):
        _require_same_shape(self, labels, logits)
        return (np.maximum(logits, 0) - logits * labels
                + np.log1p(np.exp(-np.abs(logits))))

    def gradient(self, grad):
        labels, logits = self.inputs
        return [-grad * logits, grad * (sigmoid(logits) - labels)]


def softmax_cross_entropy_with_logits_v2(labels, logits, axis=-1, name=None):
    """The cross-entropy between `labels` (probabilities, often one-hot) and
    softmax(`logits`), one value per example (`tf.nn.softmax_cross_entropy_with_logits_v2`)."""
    return SoftmaxCrossEntropyWithLogits(labels, logits, axis, name)


def sigmoid_cross_entropy_with_logits(labels, logits, name=None):
    """The cross-entropy between 0/1 `labels` and sigmoid(`logits`), elementwise
    (`tf.nn.sigmoid_cross_entropy_with_logits`)."""
    return SigmoidCrossEntropyWithLogits(labels, logits, name)
