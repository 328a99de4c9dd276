"""The `minidl.nn` namespace, as `tf.nn`: activations, losses and dropout for networks."""
from .ops.activations import log_softmax, relu, sigmoid, softmax, tanh
from .ops.dropout import dropout
from .ops.losses import (
    l2_loss,
    sigmoid_cross_entropy_with_logits,
    softmax_cross_entropy_with_logits,
    softmax_cross_entropy_with_logits_v2,
)

__all__ = ["dropout", "l2_loss", "log_softmax", "relu", "sigmoid", "softmax", "tanh",
           "sigmoid_cross_entropy_with_logits", "softmax_cross_entropy_with_logits",
           "softmax_cross_entropy_with_logits_v2"]
