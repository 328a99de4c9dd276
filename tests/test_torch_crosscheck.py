"""A second opinion where PyTorch is installed: a few gradients compared with
torch.autograd (skipped when torch is missing; it is not a dependency)."""
import numpy as np
import pytest

import minidl as tf

torch = pytest.importorskip("torch")

RNG = np.random.default_rng(3)
X = RNG.normal(size=(5, 4))
LABELS = np.eye(3)[RNG.integers(0, 3, 5)]
BINARY_LABELS = RNG.integers(0, 2, (5, 3)).astype(float)


def minidl_gradients(build, *arrays):
    """The gradients of the scalar build(*nodes) with respect to each array, by minidl."""
    nodes = [tf.placeholder(tf.float64, array.shape) for array in arrays]
    with tf.Session() as sess:
        return sess.run(tf.gradients(build(*nodes), nodes), dict(zip(nodes, arrays)))


def torch_gradients(build, *arrays):
    """The same gradients by torch.autograd."""
    tensors = [torch.tensor(array, dtype=torch.float64, requires_grad=True) for array in arrays]
    return [grad.numpy() for grad in torch.autograd.grad(build(*tensors), tensors)]


def assert_same_gradients(minidl_build, torch_build, *arrays):
    for ours, theirs in zip(minidl_gradients(minidl_build, *arrays),
                            torch_gradients(torch_build, *arrays)):
        np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_linear_softmax_cross_entropy():
    assert_same_gradients(
        lambda W, b: tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
            labels=LABELS, logits=tf.matmul(X, W) + b)),
        lambda W, b: torch.nn.functional.cross_entropy(
            torch.tensor(X) @ W + b, torch.tensor(LABELS)),
        RNG.normal(size=(4, 3)), RNG.normal(size=3))


def test_two_layer_network_with_sigmoid_cross_entropy():
    def ours(W1, W2):
        hidden = tf.nn.relu(tf.matmul(X, W1))
        logits = tf.matmul(tf.tanh(hidden), W2)
        return tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=BINARY_LABELS,
                                                                     logits=logits))

    def theirs(W1, W2):
        logits = torch.tanh(torch.relu(torch.tensor(X) @ W1)) @ W2
        return torch.nn.functional.binary_cross_entropy_with_logits(
            logits, torch.tensor(BINARY_LABELS), reduction="sum")

    assert_same_gradients(ours, theirs, RNG.normal(size=(4, 6)), RNG.normal(size=(6, 3)))


def test_sigmoid_and_softmax():
    weights = RNG.uniform(0.5, 1.5, (5, 4))
    assert_same_gradients(
        lambda x: tf.reduce_sum((tf.sigmoid(x) + tf.nn.softmax(x, axis=0)) * weights),
        lambda x: torch.sum((torch.sigmoid(x) + torch.softmax(x, dim=0)) * torch.tensor(weights)),
        X)


def test_reduce_max_along_an_axis():
    weights = RNG.uniform(0.5, 1.5, 5)
    assert_same_gradients(
        lambda x: tf.reduce_sum(tf.reduce_max(x, axis=1) * weights),
        lambda x: torch.sum(torch.max(x, dim=1).values * torch.tensor(weights)),
        X)


def test_broadcast_division_and_power():
    assert_same_gradients(
        lambda x, b: tf.reduce_sum((x / (b * b + 1)) ** 3 + tf.log_softmax(x)),
        lambda x, b: torch.sum((x / (b * b + 1)) ** 3 + torch.log_softmax(x, dim=-1)),
        X, RNG.normal(size=4))


def test_second_derivative_of_tanh():
    def ours(x):
        grad, = tf.gradients(tf.reduce_sum(tf.tanh(x) * x), x)
        return tf.reduce_sum(grad * grad)

    def theirs(x):
        grad, = torch.autograd.grad(torch.sum(torch.tanh(x) * x), x, create_graph=True)
        return torch.sum(grad * grad)

    assert_same_gradients(ours, theirs, X)
