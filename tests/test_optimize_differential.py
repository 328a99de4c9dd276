"""The optimizing session against the plain one, on random graphs.

Each seed builds the same random graph twice (tests/random_graphs.py), once
for an explicitly plain session and once for an optimizing one, and runs the
same sequence of runs in both: a training run, perhaps one with a fed
intermediate, perhaps one with a feed of the wrong shape, and another
training run. After every run they must agree on the values fetched (to
rounding: the stable softmax rewrites round differently), their types, the
error's type and message, and every variable's value; and the optimized
results must share no memory with what the graph keeps, nor change when a
later run trains. `--random-graphs N` runs N seeds instead of 300.
"""
import numpy as np
from random_graphs import random_graph

import minidl as tf
from minidl.constant import Constant


def outcome(session, fetches, feed):
    """("values", values) or ("error", type, message) of one run."""
    try:
        with np.errstate(all="ignore"):
            return ("values", session.run(fetches, feed))
    except Exception as error:  # every error the plain session raises is compared
        return ("error", type(error), str(error))


def kept_arrays(graph):
    """The arrays the graph keeps: variables' values and constants' values."""
    return ([v.value for v in graph.variables]
            + [n.value for n in graph.nodes if isinstance(n, Constant)])


def finite(values):
    return all(np.all(np.isfinite(v)) for v in values
               if v is not None and np.issubdtype(np.asarray(v).dtype, np.inexact))


def runs_of(seed, optimize):
    """Everything the runs of the graph of `seed` showed, in a session of one kind."""
    graph = tf.Graph()
    with graph.as_default():
        runs, check_numerics = random_graph(seed)
        session = tf.Session(graph, check_numerics=check_numerics, optimize=optimize)
        seen, earlier = [], []
        for fetches, feed in runs:
            result = outcome(session, fetches, feed)
            shared = []
            if result[0] == "values":
                shared = [isinstance(v, np.ndarray) and any(
                    np.shares_memory(v, k) for k in kept_arrays(graph)) for v in result[1]]
                earlier.append((result[1], [None if v is None else np.copy(v)
                                            for v in result[1]]))
            states = [(type(v.value), np.copy(v.value)) for v in graph.variables]
            seen.append((result, shared, states))
        unchanged = all(v is None or np.array_equal(v, copy, equal_nan=True)
                        for values, copies in earlier for v, copy in zip(values, copies))
    return seen, unchanged


def assert_same_runs(seed):
    plain_runs, plain_unchanged = runs_of(seed, optimize=False)
    optimized_runs, optimized_unchanged = runs_of(seed, optimize=True)
    assert optimized_unchanged or not plain_unchanged, "a later run changed an earlier result"
    for k, (plain, optimized) in enumerate(zip(plain_runs, optimized_runs)):
        (plain_result, plain_shared, plain_states) = plain
        (result, shared, states) = optimized
        where = f"seed {seed}, run {k}"
        assert result[0] == plain_result[0], f"{where}: {result} but plain {plain_result}"
        if result[0] == "error":
            assert result[1:] == plain_result[1:], where
        else:
            if not finite(plain_result[1]):
                return  # the stable softmax makes finite what the plain run made inf
            for value, expected in zip(result[1], plain_result[1]):
                assert type(value) is type(expected), f"{where}: {type(value)}"
                if expected is not None:
                    np.testing.assert_allclose(value, expected, rtol=2e-5, atol=1e-6,
                                               err_msg=where)
            for mine, theirs in zip(shared, plain_shared):
                assert theirs or not mine, f"{where}: a result shares the graph's memory"
        for (kind, value), (plain_kind, expected) in zip(states, plain_states):
            assert kind is plain_kind, where
            np.testing.assert_allclose(value, expected, rtol=2e-5, atol=1e-6, err_msg=where)


def pytest_generate_tests(metafunc):
    if "seed" in metafunc.fixturenames:
        count = metafunc.config.getoption("--random-graphs")
        metafunc.parametrize("seed", range(count))


def test_an_optimized_run_agrees_with_the_plain_one(seed):
    assert_same_runs(seed)
