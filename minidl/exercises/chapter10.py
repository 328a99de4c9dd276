"""Checks for the exercises of chapter 10, generalization and regularization."""
import numpy as np

import minidl as tf

from ..traversal import topological_order
from . import feedback as fb


@fb.answer_is("function")
def check_l2_penalty(l2_penalty):
    """Exercise 1: `l2_penalty(weights, weight_decay)` builds
    weight_decay * sum over W of sum(W**2) / 2, without tf.nn.l2_loss."""
    values = [np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[-1.0], [4.0]])]
    weight_decay = 0.1
    with tf.Graph().as_default():
        weights = [tf.Variable(value, name=f"W{i}") for i, value in enumerate(values, 1)]
        answer = fb.call(l2_penalty, "l2_penalty", weights, weight_decay)
        got = fb.value_of(answer, "l2_penalty", why="part of the graph, so that its gradient "
                          "reaches the weights")
        fb.expect("L2Loss" not in {node.type for node in topological_order([answer])}, "build the "
                  "penalty yourself from tf.square and tf.reduce_sum, without tf.nn.l2_loss")
    squares = [np.sum(value ** 2) for value in values]
    expected = weight_decay * sum(squares) / 2
    fb.expect(np.shape(got) == (), f"the penalty should be one number; it has shape "
              f"{np.shape(got)}. reduce_sum with no axis sums every element")
    fb.compare(got, expected, f"for weight_decay = {weight_decay} and the matrices "
               f"{fb.show(values[0])} and {fb.show(values[1])}, the penalty is {got:.4f}; it "
               f"should be {weight_decay} * ({squares[0]:.2f} + {squares[1]:.2f}) / 2 = "
               f"{expected:.4f}.",
               (2 * expected, " That is twice the answer: the penalty has a factor 1/2."),
               (sum(squares) / 2, " The weight_decay factor is missing."),
               (weight_decay * squares[0] / 2, " Only the first matrix counts: add up the "
                                               "penalties of every matrix in the list."),
               (weight_decay * sum(np.mean(value ** 2) for value in values) / 2,
                " That uses the mean of the squares: use their sum."))
    fb.correct("the penalty grows with the square of every weight; its gradient, "
               "weight_decay * W, pulls each weight towards 0 at every step.")


@fb.answer_is("function")
def check_dropout_mask(dropout_mask):
    """Exercise 2: `dropout_mask(shape, rate, rng)` is a NumPy array with
    1 / (1 - rate) where rng.random(shape) >= rate, and 0 elsewhere."""
    for shape, rate in [((4, 5), 0.5), ((200, 100), 0.2), ((3,), 0.0)]:
        answer = fb.call(dropout_mask, "dropout_mask", shape, rate, np.random.default_rng(10))
        fb.expect(not isinstance(answer, tf.Node), "dropout_mask should return a NumPy array, not "
                  "a minidl node: write it with rng.random and NumPy, without tf.nn.dropout")
        answer = fb.numbers(answer, "the mask dropout_mask returns")
        fb.expect(answer.shape == shape, f"with shape {shape}, the mask has shape {answer.shape}")
        kept = np.random.default_rng(10).random(shape) >= rate
        where = f"with shape {shape} and rate {rate}"
        if not np.array_equal(answer, kept / (1 - rate)):
            fb.expect(not np.array_equal(answer, kept), f"{where}, the kept elements are 1: "
                      f"scale them by 1 / (1 - rate) = {1 / (1 - rate):.4g}, so that the expected "
                      f"value of every unit stays the same")
            fb.expect(not np.array_equal(answer, ~kept / (1 - rate)), f"{where}, the mask keeps "
                      f"the elements whose draw is below the rate: `rate` is the probability of "
                      f"*dropping*, so keep draws >= rate")
            fb.fail(f"{where}, the mask should keep the elements where rng.random(shape) >= rate "
                    f"(scaled by 1 / (1 - rate)) and zero the others; it keeps "
                    f"{np.mean(answer != 0):.1%} of them, with values {fb.show(np.unique(answer))}"
                    f". Draw the numbers once, with rng.random(shape)")
    fb.correct("multiplying activations by this mask is dropout: on average every unit "
               "keeps its value, and a dropped unit passes no gradient back.")


@fb.answer_is("function")
def check_early_stopping(early_stopping):
    """Exercise 3: `early_stopping(validation_losses, patience)` is the step whose weights
    are kept when training stops `patience` steps after the lowest loss so far."""
    cases = [([1.0, 0.8, 0.7, 0.75, 0.72, 0.9, 0.95], 2, 2),
             ([1.0, 0.8, 0.9, 0.85, 0.6, 0.5, 0.4], 2, 1),
             ([1.0, 0.9, 0.8, 0.7], 3, 3), ([0.5, 0.6, 0.4, 0.7, 0.8, 0.9, 0.3], 3, 2)]
    for losses, patience, expected in cases:
        answer = fb.call(early_stopping, "early_stopping", losses, patience)
        fb.expect(isinstance(answer, (int, np.integer)) and not isinstance(answer, bool),
                  f"early_stopping should return a step number, an int; for the losses {losses} "
                  f"it returned {answer!r}")
        stop = next((step for step in range(len(losses))
                     if step - int(np.argmin(losses[:step + 1])) == patience), len(losses) - 1)
        fb.compare(answer, expected, f"for the losses {losses} with patience {patience}, early "
                   f"stopping keeps the weights of step {expected}; your answer is {answer}.",
                   (int(np.argmin(losses)), f" Step {answer} has the lowest loss of the whole "
                    f"list, but training stopped at step {stop} and never saw it."),
                   (stop, f" Step {stop} is where training stops; early stopping keeps the "
                    f"weights of the best step before it."))
    fb.correct("training stops once the validation loss has not improved for `patience` "
               "steps, and the weights saved at the best step so far are the ones kept.")
