"""Chapter 5b's build-it exercise, `my_gradients(ys, xs)`: the check accepts the
model answer and refuses the typical wrong walks, each with its own reason."""
from collections import Counter

from exercise_helpers import assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter05b

solutions05b = load_solutions("chapter05b")


def overwrites_contributions(ys, xs):
    grads = {ys: tf.ones_like(ys)}
    for node in reversed(tf.traversal.topological_order([ys])):
        if node in grads and node.inputs:
            for input_node, grad in zip(node.inputs, node.gradient(grads[node])):
                if grad is not None:
                    grads[input_node] = grad
    return [grads.get(x) for x in xs]


def waits_for_every_consumer(ys, xs):
    grads, ready, heard_from = {ys: tf.ones_like(ys)}, [ys], Counter()
    while ready:
        node = ready.pop()
        for input_node, grad in zip(node.inputs, node.gradient(grads[node]) if node.inputs
                                    else []):
            grads[input_node] = grads[input_node] + grad if input_node in grads else grad
            heard_from[input_node] += 1
            if heard_from[input_node] == len(input_node.consumers):
                ready.append(input_node)
    return [grads.get(x) for x in xs]


def passes_each_contribution_on_at_once(ys, xs):
    grads = {}

    def send(node, grad):
        grads[node] = grads[node] + grad if node in grads else grad
        for input_node, input_grad in zip(node.inputs, node.gradient(grad) if node.inputs
                                          else []):
            send(input_node, input_grad)
    send(ys, tf.ones_like(ys))
    return [grads.get(x) for x in xs]


def orders_without_a_visited_set(ys, xs):
    order = []

    def visit(node):
        for input_node in node.inputs:
            visit(input_node)
        if node not in order:
            order.append(node)
    visit(ys)
    return solutions05b.my_gradients(ys, xs) if order else None


def zeros_for_unrelated_variables(ys, xs):
    return [tf.zeros_like(x) if grad is None else grad
            for x, grad in zip(xs, solutions05b.my_gradients(ys, xs))]


def test_overwriting_a_contribution_is_rejected_on_a_node_used_twice():
    assert_rejected(chapter05b.check_my_gradients, overwrites_contributions,
                    "gets W twice", "add them, never overwrite")


def test_waiting_for_every_consumer_is_rejected():
    assert_rejected(chapter05b.check_my_gradients, waits_for_every_consumer,
                    "is None, but J depends on it", "reversed(topological order")


def test_passing_contributions_on_at_once_stops_at_the_second_visit():
    assert_rejected(chapter05b.check_my_gradients, passes_each_contribution_on_at_once,
                    "a second time", "2**60", "once: walk the nodes in reverse topological")


def test_an_exponential_traversal_is_stopped_by_the_time_limit(monkeypatch):
    monkeypatch.setattr(chapter05b, "DEEP_SECONDS", 0.5)
    assert_rejected(chapter05b.check_my_gradients, orders_without_a_visited_set,
                    "stopped after 0.5 seconds", "visited set")


def test_a_gradient_for_a_variable_the_loss_does_not_use_must_be_none():
    assert_rejected(chapter05b.check_my_gradients, zeros_for_unrelated_variables,
                    "J does not depend on 'V'", "should be None")

