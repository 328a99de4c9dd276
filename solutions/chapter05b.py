"""Model answers to the exercises of chapter 5b, backpropagation."""
import numpy as np

import minidl as tf


class Softplus(tf.Operation):
    """log(1 + e**x).  d/dx = e**x / (1 + e**x) = sigmoid(x)."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x_value):
        return np.logaddexp(0, x_value)

    def gradient(self, grad):
        x, = self.inputs
        return [grad * tf.sigmoid(x)]


def cross_entropy_gradient(X_data, Y_data, W_value, b_value):
    """dJ/dlogits = P - Y for the softmax cross-entropy; the logits X W + b send
    it back as X^T (P - Y) to W and as its sum over the examples to b."""
    logits = X_data @ W_value + b_value
    P = np.exp(logits - logits.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return X_data.T @ (P - Y_data), np.sum(P - Y_data, axis=0)


def my_gradients(ys, xs):
    """Reverse-mode differentiation of the node `ys` with respect to each of `xs`.

    Walking the topological order backwards, every consumer of a node is done
    before the node itself, so its gradient is complete (the sum of all the
    contributions sent to it) when its operation is asked, once, for the
    contributions to its own inputs."""
    contributions = {ys: [tf.ones_like(ys)]}
    grads = {}
    for node in reversed(tf.traversal.topological_order([ys])):
        if node not in contributions:
            continue
        grads[node] = tf.add_n(contributions.pop(node))
        if not node.inputs:
            continue
        for input_node, grad in zip(node.inputs, node.gradient(grads[node])):
            if grad is not None:
                contributions.setdefault(input_node, []).append(grad)
    return [grads.get(x) for x in xs]
