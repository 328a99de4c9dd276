"""What `Session.run` costs on top of the NumPy calls it makes.

A chain of N additions on a scalar, `x + 1 + 1 + ... + 1`, does next to no
arithmetic, so running it as a graph measures the engine: looking up the
plan, then for each node gathering its inputs and calling its `compute`.
Subtracting the time of the same N additions called directly in NumPy
leaves the engine's cost, per node and per run.
"""
import time

import numpy as np

import minidl


def _best_time(function, repeats, calls):
    """The fastest of `repeats` timings of `calls` calls, per call, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def chain_of_additions(length):
    """A graph adding the constant 1 to a scalar placeholder `length` times:
    (graph, x, one, result)."""
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder(minidl.float64, shape=(), name="x")
        one = minidl.constant(1.0, name="one")
        result = x
        for _ in range(length):
            result = result + one
    return graph, x, one, result


def session_overhead(length=1000, repeats=7, calls=50):
    """What `Session.run` adds to the NumPy calls it makes, in microseconds:
    {"per node": ..., "per run": ...}, from runs of chains of 1 and `length`
    additions, each minus the same additions called directly.

    "per run" is what a run of a one-node chain costs beyond its one NumPy call:
    checking the feed, finding the plan, gathering the fetches.
    """
    costs = {}
    for n in (1, length):
        graph, x, one, result = chain_of_additions(n)
        session = minidl.Session(graph)
        feed, one_value = {x: np.array(0.0)}, one.value

        def by_hand():
            value = feed[x]
            for _ in range(n):
                value = value + one_value
            return value

        assert session.run(result, feed) == by_hand() == n
        costs[n] = (_best_time(lambda: session.run(result, feed), repeats, calls)
                    - _best_time(by_hand, repeats, calls))
    per_node = (costs[length] - costs[1]) / (length - 1)
    return {"per node": per_node * 1e6, "per run": (costs[1] - per_node) * 1e6}
