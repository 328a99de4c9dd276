"""Seeds: how a graph's random numbers become the same on every run of a notebook.

As in TensorFlow 1, two numbers fix the sequence an operation draws:

- the *graph-level* seed, `tf.set_random_seed(seed)`, shared by the whole graph;
- the *op-level* seed, the `seed=` argument of a random operation or initializer.

`get_seed` combines them with TensorFlow 1's rules:

- graph seed and op seed both set: the sequence is fixed by both;
- graph seed only: fixed too, the op seed being the number of nodes built
  before the operation (the same graph built in the same order draws the same
  numbers);
- op seed only: fixed, with `DEFAULT_GRAPH_SEED` as the graph seed;
- neither: different in every process.
"""
import weakref

import numpy as np

from .graph import get_default_graph

DEFAULT_GRAPH_SEED = 87654321  # TensorFlow 1's, used when only the op seed is given

# Each graph's seed, kept here rather than on the Graph (TensorFlow's `graph.seed`),
# so that a graph stays the plain container of nodes chapter 1 shows.
_graph_seeds = weakref.WeakKeyDictionary()


def set_random_seed(seed):
    """Set the graph-level seed of the default graph (`tf.set_random_seed`).

    Random operations and initializers built afterwards draw sequences fixed
    by it and by their own op-level seeds (see `get_seed`). Set it right after
    `tf.reset_default_graph()`: a fresh graph has no seed.
    """
    _graph_seeds[get_default_graph()] = None if seed is None else int(seed)


def get_seed(op_seed, graph=None):
    """The (graph seed, op seed) pair that fixes a random operation's numbers
    (`tf.get_seed`): (None, None) when neither seed is set.

    Args:
        op_seed: the operation's own seed, or None.
        graph: the graph the operation is built in; the default graph when None.
    """
    graph = graph or get_default_graph()
    graph_seed = _graph_seeds.get(graph)
    if graph_seed is not None:
        return graph_seed, len(graph.nodes) if op_seed is None else int(op_seed)
    if op_seed is not None:
        return DEFAULT_GRAPH_SEED, int(op_seed)
    return None, None


def random_generator(op_seed, graph=None):
    """A NumPy generator for a random operation or initializer: seeded by
    `get_seed(op_seed, graph)`, or from fresh entropy when no seed is set."""
    graph_seed, op_seed = get_seed(op_seed, graph)
    return np.random.default_rng(None if graph_seed is None else [graph_seed, op_seed])
