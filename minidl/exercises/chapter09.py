"""Checks for the exercises of chapter 9, from minidl to TensorFlow."""
import numpy as np

from ..graph import Graph
from ..operation import Operation
from ..ops.activations import log_softmax
from ..ops.elementwise import square
from ..ops.reductions import reduce_sum
from ..placeholder import placeholder
from ..shapes import shape_matches
from ..variable import Variable
from . import feedback as fb
from .chapter05b import gradient_agrees, own_gradient


@fb.answer_is("class", Operation, " with compute and gradient methods")
def check_leaky_relu(LeakyRelu):
    """Exercise 1: `LeakyRelu(x, alpha)` is an operation computing x where
    x > 0 and alpha x elsewhere (`tf.nn.leaky_relu`), with its gradient."""
    x_value = np.array([-2.0, -0.5, 0.5, 3.0])
    for alpha in (0.2, 0.1):
        with Graph().as_default():
            x = placeholder(np.float64, shape=(None,), name="x")
            got = fb.run(LeakyRelu(x, alpha=alpha), {x: x_value})
        got = fb.numbers(fb.answered(got, "LeakyRelu.compute"),
                         "the value LeakyRelu.compute returns")
        expected = np.where(x_value > 0, x_value, alpha * x_value)
        fb.compare(got, expected, f"with alpha = {alpha}, LeakyRelu of {fb.show(x_value)} "
                   f"gives {fb.show(got)}, but should give {fb.show(expected)}.",
                   (np.maximum(x_value, 0),
                    " Negative inputs are scaled by alpha, not set to 0: that is relu."))
    start = np.array([-1.5, -0.3, 0.4, 1.2, 2.0])
    with Graph().as_default():
        W = Variable(start, name="W")
        node = LeakyRelu(W, alpha=0.2)
        own_gradient(node, "LeakyRelu")
        gradient_agrees(reduce_sum(square(node)), [W], f"of J = sum(LeakyRelu(W)**2) at W = "
                        f"{fb.show(start)}", " The derivative of LeakyRelu is 1 where x > 0 "
                                             "and alpha elsewhere; multiply it by grad.")
    fb.correct("forward and gradient side by side, in one class. TensorFlow keeps the "
               "two apart (a compiled kernel, and a Python function registered with "
               "tf.RegisterGradient), but they are the same two pieces.")


@fb.answer_is("function")
def check_sparse_cross_entropy(sparse_softmax_cross_entropy_with_logits):
    """Exercise 2: `sparse_softmax_cross_entropy_with_logits(labels, logits)`
    gives one loss per example, -log softmax(logits)[label], for int labels,
    with a gradient, and finite even for huge scores."""
    rng = np.random.default_rng(9)
    labels_value = np.array([0, 2, 1, 2])
    for scale in (1.0, 1000.0):
        logits_value = scale * rng.standard_normal((4, 3))
        with Graph().as_default():
            labels = placeholder(np.int64, shape=(None,), name="labels")
            logits = Variable(logits_value, name="logits")
            losses = fb.answered(sparse_softmax_cross_entropy_with_logits(labels, logits),
                                 "sparse_softmax_cross_entropy_with_logits")
            fb.node(losses, "what sparse_softmax_cross_entropy_with_logits returns",
                    "from labels and logits, so that it can be trained through")
            got = fb.numbers(fb.run(losses, {labels: labels_value}), "the value of your losses")
            expected = -fb.run(log_softmax(logits))[np.arange(4), labels_value]
            if got.shape != expected.shape:
                hint = (" That is their mean: return one loss per example, as TensorFlow "
                        "does, and let the caller take tf.reduce_mean."
                        if np.allclose(got, expected.mean()) else "")
                fb.fail(f"for 4 examples the result should have shape (4,), one loss per "
                        f"example; it has shape {got.shape}.{hint}")
            if not np.all(np.isfinite(got)):
                fb.fail(f"with scores as large as {np.abs(logits_value).max():.0f}, the losses "
                        f"are {fb.show(got)}: log(softmax) rounds to log(0). Use "
                        f"tf.nn.log_softmax, which is computed without it.")
            fb.compare(got, expected, f"with labels {fb.show(labels_value)} and logits\n"
                       f"{logits_value}\nthe losses are {fb.show(got)}, but should be "
                       f"{fb.show(expected)}.", (-expected, " Cross-entropy is minus the log "
                                                            "probability of the true class."))
            if scale == 1.0:
                gradient_agrees(reduce_sum(losses), [logits], "with respect to the logits",
                                feed_dict={labels: labels_value})
    if not shape_matches((4,), losses.shape):
        fb.fail(f"the static shape of the result is {losses.shape}; it should be one loss "
                f"per example, (None,)")
    fb.correct("integer labels in, one loss per example out, stable for any scores: "
               "tf.nn.sparse_softmax_cross_entropy_with_logits, and, averaged over the "
               "batch, PyTorch's cross_entropy.")
