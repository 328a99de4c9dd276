"""Deep and heavily shared graphs run in time proportional to their size:
every node is visited once, and nothing recurses once per node.

(Their speed is measured by the benchmark script, not asserted here.)"""
import numpy as np

import minidl


def test_chain_of_ten_thousand_nodes_runs_and_differentiates():
    x = minidl.placeholder(minidl.float64, ())
    y = x
    for _ in range(10_000):
        y = y + 1.0
    gradient, = minidl.gradients(y, [x])
    with minidl.Session() as session:
        value, slope = session.run([y, gradient], {x: 0.5})
    assert value == 10_000.5
    assert slope == 1.0


def test_graph_with_two_to_the_forty_paths_runs_and_differentiates():
    """x + x forty times over: 2**40 paths lead from x to the result, through
    only forty shared nodes."""
    x = minidl.placeholder(minidl.float64, (2,))
    y = x
    for _ in range(40):
        y = y + y
    gradient, = minidl.gradients(minidl.reduce_sum(y), [x])
    with minidl.Session() as session:
        value, slope = session.run([y, gradient], {x: [1.5, -3.0]})
    np.testing.assert_array_equal(value, [1.5 * 2.0**40, -3.0 * 2.0**40])
    np.testing.assert_array_equal(slope, [2.0**40, 2.0**40])
