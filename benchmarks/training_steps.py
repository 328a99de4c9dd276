"""One training step of a `Problem`, written in each framework the benchmark compares.

Each `*_trainer(problem)` returns a `Trainer`: `step()` runs one step of gradient
descent on the problem's batch (forward pass to the loss, backward pass,
update) and returns the loss, as a training loop that watches its loss does;
`weights()` gives the current weights as NumPy arrays, so that the
implementations can be checked to compute the same thing.

The NumPy version is the floor: the same math, in the same dtype, written by
hand as a careful person would, with no framework at all.
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np
from problems import LEARNING_RATE


@dataclass
class Trainer:
    """One implementation of a training step: its name, the step, and a way
    to read its weights."""

    name: str
    step: Callable[[], object]
    weights: Callable[[], list]


def numpy_trainer(problem):
    """Forward, backward and update by hand: the cost of the arithmetic alone."""
    layers = [(W.copy(), b.copy()) for W, b in problem.layers]
    X, Y = problem.X, problem.Y

    def step():
        activations = [X]
        for W, b in layers[:-1]:
            activations.append(0.5 * (1 + np.tanh(0.5 * (activations[-1] @ W + b))))
        W, b = layers[-1]
        logits = activations[-1] @ W + b
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(Y * (shifted - np.log(total)), axis=1))
        grad = (exp / total - Y) / len(X)
        for (W, b), inputs in zip(reversed(layers), reversed(activations)):
            grad_W, grad_b = inputs.T @ grad, grad.sum(axis=0)
            if inputs is not X:
                grad = (grad @ W.T) * inputs * (1 - inputs)
            W -= LEARNING_RATE * grad_W
            b -= LEARNING_RATE * grad_b
        return loss

    return Trainer("numpy (by hand)", step,
                   lambda: [array for layer in layers for array in layer])


def build_training_graph(tf, problem, loss_form="fused"):
    """The network and its training step as a TensorFlow-1-style graph, written
    once for any library with that API: `minidl` or `tensorflow.compat.v1`.
    `loss_form` "fused" takes `nn.softmax_cross_entropy_with_logits_v2`;
    "tutorial" writes the loss as the tutorial does, `p = softmax(logits);
    J = -reduce_mean(reduce_sum(Y * log(p), axis=1))`.

    Returns:
        graph, X, Y, layers (a list of (W, b) variables), loss, train_op.
    """
    graph = tf.Graph()
    with graph.as_default():
        X = tf.placeholder(tf.float32, shape=(None, problem.X.shape[1]), name="X")
        Y = tf.placeholder(tf.float32, shape=(None, problem.Y.shape[1]), name="Y")
        layers = [(tf.Variable(W), tf.Variable(b)) for W, b in problem.layers]
        hidden = X
        for W, b in layers[:-1]:
            hidden = tf.sigmoid(tf.matmul(hidden, W) + b)
        W, b = layers[-1]
        logits = tf.matmul(hidden, W) + b
        if loss_form == "tutorial":
            p = tf.nn.softmax(logits)
            loss = -tf.reduce_mean(tf.reduce_sum(Y * tf.log(p), axis=1))
        else:
            loss = tf.reduce_mean(
                tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
        train_op = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)
    return graph, X, Y, layers, loss, train_op


def minidl_trainer(problem, optimize=False, loss_form="fused"):
    """The network as a minidl graph; a step is `session.run([train_op, loss], feed)`
    in a plain session, or in an optimizing one (`optimize=True`)."""
    import minidl

    graph, X, Y, layers, loss, train_op = build_training_graph(minidl, problem, loss_form)
    session = minidl.Session(graph=graph, optimize=optimize)
    fetches, feed = [train_op, loss], {X: problem.X, Y: problem.Y}
    trainer = Trainer(minidl_name(optimize, loss_form), lambda: session.run(fetches, feed)[1],
                      lambda: [variable.value for layer in layers for variable in layer])
    trainer.graph, trainer.fetches, trainer.feed = graph, fetches, feed
    return trainer


def minidl_name(optimize=False, loss_form="fused"):
    """How the tables name a minidl trainer: `minidl`, `minidl optimized`, with
    `, tutorial loss` when the loss is written the tutorial's way."""
    name = "minidl optimized" if optimize else "minidl"
    return name + (", tutorial loss" if loss_form == "tutorial" else "")


def torch_trainer(problem, threads=None):
    """The same step in PyTorch (eager autograd), or None when it is not installed.
    `threads` limits its thread pool (None: PyTorch's default)."""
    try:
        import torch
    except ImportError:
        return None
    if threads:
        torch.set_num_threads(threads)
    X, Y = torch.from_numpy(problem.X), torch.from_numpy(problem.Y)
    layers = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in problem.layers]
    parameters = [parameter for layer in layers for parameter in layer]

    def step():
        hidden = X
        for W, b in layers[:-1]:
            hidden = torch.sigmoid(hidden @ W + b)
        W, b = layers[-1]
        logits = hidden @ W + b
        loss = -(Y * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()
        loss.backward()
        with torch.no_grad():
            for parameter in parameters:
                parameter -= LEARNING_RATE * parameter.grad
                parameter.grad = None
        return loss.item()

    return Trainer(f"pytorch {torch.__version__}", step,
                   lambda: [parameter.detach().numpy() for parameter in parameters])


def tensorflow_trainer(problem, threads=None):
    """The same step as a TensorFlow 1 graph (`tf.compat.v1`), or None when
    TensorFlow is not installed. `threads` limits its thread pools (None:
    TensorFlow's default)."""
    try:
        import tensorflow
    except ImportError:
        return None
    tf = tensorflow.compat.v1
    graph, X, Y, layers, loss, train_op = build_training_graph(tf, problem)
    with graph.as_default():
        initialize = tf.global_variables_initializer()
    config = tf.ConfigProto(intra_op_parallelism_threads=threads or 0,
                            inter_op_parallelism_threads=threads or 0)
    session = tf.Session(graph=graph, config=config)
    session.run(initialize)
    feed = {X: problem.X, Y: problem.Y}
    return Trainer(f"tensorflow {tensorflow.__version__} (v1 graph)",
                   lambda: session.run([train_op, loss], feed)[1],
                   lambda: session.run([variable for layer in layers for variable in layer]))
