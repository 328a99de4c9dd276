"""How long drawing a graph takes, up to the ~60-node graphs of the MLP chapters.

Target: under 2 s from `draw_graph(...)` to PNG bytes for about 60 nodes.
Run from the repository root:

    PYTHONPATH=$PWD python benchmarks/draw_graph_speed.py

Each graph is an MLP (sigmoid hidden layers, softmax, the tutorial's
cross-entropy) with the gradient nodes `minidl.gradients` adds for all its
weights; layer sizes 2-4-2 are the chapter-6 network. Times are the median
of several runs.
"""
import statistics
import time

import numpy as np

import minidl

REPEATS = 5


def mlp_with_gradients(sizes, seed=0):
    """(nodes to draw, loss, feed) for an MLP with the given layer sizes."""
    rng = np.random.default_rng(seed)
    graph = minidl.Graph()
    with graph.as_default():
        X = minidl.placeholder(minidl.float64, (None, sizes[0]), name="X")
        c = minidl.placeholder(minidl.float64, (None, sizes[-1]), name="c")
        activations, variables = X, []
        for layer, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:]), start=1):
            W = minidl.Variable(rng.normal(size=(fan_in, fan_out)), name=f"W{layer}")
            b = minidl.Variable(np.zeros(fan_out), name=f"b{layer}")
            variables += [W, b]
            scores = minidl.matmul(activations, W) + b
            last = layer == len(sizes) - 1
            activations = minidl.softmax(scores) if last else minidl.sigmoid(scores)
        J = minidl.negative(minidl.reduce_sum(minidl.reduce_sum(
            c * minidl.log(activations), axis=1)), name="J")
        nodes = [J] + minidl.gradients(J, variables)
    feed = {X: rng.normal(size=(100, sizes[0])),
            c: np.eye(sizes[-1])[rng.integers(0, sizes[-1], 100)]}
    return nodes, J, feed


def median_seconds(action):
    """Median wall-clock and CPU seconds of `action` (CPU time is what this
    process used, so it stays meaningful when other work shares the machine)."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main():
    print(f"{'graph':<12}{'nodes':>6}{'edges':>6}{'layers':>7}{'layout':>9}"
          f"{'picture':>16}{'+values':>16}{'size (px)':>12}")
    print(f"{'':<40}{'wall / cpu':>16}{'wall / cpu':>16}")
    for sizes in ([2, 4, 2], [2, 4, 4, 2], [2, 4, 4, 4, 2]):
        nodes, J, feed = mlp_with_gradients(sizes)
        layout = minidl.graph_layout(nodes)
        layout_wall, _ = median_seconds(lambda: minidl.graph_layout(nodes))
        plain = median_seconds(lambda: minidl.draw_graph(nodes).png())
        valued = median_seconds(lambda: minidl.draw_graph(nodes, feed_dict=feed, loss=J).png())
        figure = minidl.draw_graph(nodes, feed_dict=feed, loss=J).figure
        width, height = figure.get_size_inches() * figure.dpi
        print(f"{'-'.join(map(str, sizes)):<12}{len(layout.nodes):>6}{len(layout.edges):>6}"
              f"{len(layout.layers):>7}{layout_wall:>8.3f}s"
              f"{plain[0]:>8.2f}s /{plain[1]:>5.2f}s{valued[0]:>8.2f}s /{valued[1]:>5.2f}s"
              f"{width:>7.0f}x{height:<5.0f}")
    print("picture: draw_graph(nodes) to PNG bytes; +values: with feed_dict and loss "
          "(a value and a gradient on every node); median of", REPEATS, "runs")


if __name__ == "__main__":
    main()
