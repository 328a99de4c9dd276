"""Random graphs for the differential test of the optimizing session.

`random_graph(seed)` builds, into the default graph, a small graph from every
op family: arithmetic, activations, elementwise functions, matrix products
(transposed too), reductions, shape operations, comparisons and `where`,
losses, dropout, and operations a learner writes (pure or random, declared or
not, some named like minidl's classes). Placeholders of unknown shape, fed
intermediates and feeds of a wrong shape make some runs fail. A loss over the
variables is trained by one of the optimizers. The same seed builds the same
graph, so a plain and an optimizing session can each run their own copy.

Every node's runtime shape is tracked beside it, so that most operations get
inputs they accept and most runs compute to the end.
"""
import numpy as np

import minidl as tf
from minidl import Operation

SHAPES = [(3, 4), (4, 4), (4,), (3, 1), (), (1, 4)]


class Twice(Operation):
    """A learner's pure operation that says so: 2 x."""

    stateful = False

    def __init__(self, x):
        super().__init__([x])

    def compute(self, x):
        return 2 * x

    def gradient(self, grad):
        return [grad * 2.0]


class Cube(Operation):
    """A learner's pure operation that says nothing about it: x**3."""

    def __init__(self, x):
        super().__init__([x])

    def compute(self, x):
        return x * x * x

    def gradient(self, grad):
        x, = self.inputs
        return [grad * 3.0 * x * x]


class Jitter(Operation):
    """A learner's random operation that says nothing: x plus new noise at every run."""

    def __init__(self, x, seed):
        self.generator = np.random.default_rng(seed)
        super().__init__([x])

    def compute(self, x):
        return x + self.generator.normal(size=np.shape(x)).astype(np.result_type(x))

    def gradient(self, grad):
        return [grad]


class Add(Operation):
    """A learner's operation named like minidl's Add, of three inputs."""

    def __init__(self, x, y, z):
        super().__init__([x, y, z])

    def compute(self, x, y, z):
        return x + y + z

    def gradient(self, grad):
        return [tf.ops.broadcast.unbroadcast(grad, x) for x in self.inputs]


class MatMul(Operation):
    """A learner's operation named like minidl's MatMul, elementwise."""

    def __init__(self, x, y):
        super().__init__([x, y])

    def compute(self, x, y):
        return x * y

    def gradient(self, grad):
        x, y = self.inputs
        return [tf.ops.broadcast.unbroadcast(grad * y, x),
                tf.ops.broadcast.unbroadcast(grad * x, y)]


class Softmax(Operation):
    """A learner's operation named like minidl's Softmax, without an axis."""

    def __init__(self, x):
        super().__init__([x])

    def compute(self, x):
        e = np.exp(x - np.max(x))
        return e / e.sum()

    def gradient(self, grad):
        s = self
        return [s * (grad - tf.reduce_sum(grad * s))]


def _broadcast(*shapes):
    try:
        return tuple(np.broadcast_shapes(*shapes))
    except ValueError:
        return None


class GraphBuilder:
    """Builds one random graph; `shape[node]` is each node's runtime shape."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.seed = seed
        self.dtype = tf.float32 if self.rng.random() < 0.3 else tf.float64
        self.nodes, self.shape, self.feed, self.bad_feed = [], {}, {}, {}
        self.variables = []

    def value(self, shape, positive=False):
        v = self.rng.normal(size=shape)
        return np.asarray(np.abs(v) + 0.5 if positive else v, dtype=self.dtype)

    def add(self, node, shape):
        self.nodes.append(node)
        self.shape[node] = shape
        return node

    def pick(self, shape=None):
        choices = [n for n in self.nodes if shape is None or self.shape[n] == shape]
        return choices[self.rng.integers(len(choices))] if choices else None

    def leaves(self):
        for k in range(self.rng.integers(1, 3)):
            shape = SHAPES[self.rng.integers(len(SHAPES))]
            declared = shape if self.rng.random() < 0.6 else tuple(None for _ in shape)
            x = tf.placeholder(self.dtype, declared, name=f"x{k}")
            self.feed[x] = self.value(shape)
            if None in declared:  # a wrong shape fails in the run, not when fed
                self.bad_feed[x] = self.value(shape[:-1] + (shape[-1] + 1,))
            self.add(x, shape)
        for k in range(self.rng.integers(1, 4)):
            shape = SHAPES[self.rng.integers(len(SHAPES))]
            self.variables.append(self.add(
                tf.Variable(self.value(shape), name=f"w{k}"), shape))
        for _ in range(self.rng.integers(0, 3)):
            shape = SHAPES[self.rng.integers(len(SHAPES))]
            self.add(tf.constant(self.value(shape, positive=True)), shape)
        self.add(tf.constant(np.asarray(1.0, self.dtype)), ())
        self.add(tf.constant(np.asarray(0.0, self.dtype)), ())

    def operation(self):
        """One random operation on existing nodes, or None if it does not fit."""
        rng, x = self.rng, self.pick()
        sx = self.shape[x]
        family = rng.integers(14)
        if family == 0:
            f = [tf.sigmoid, tf.tanh, tf.nn.relu, tf.square, tf.abs, tf.sign, tf.negative,
                 tf.exp][rng.integers(8)]
            return f(x), sx
        if family == 1:
            f = [tf.sqrt, tf.log][rng.integers(2)]
            return f(tf.square(x) + 0.1 if rng.random() < 0.8 else x), sx
        if family == 2:
            y = self.pick()
            shape = _broadcast(sx, self.shape[y])
            if shape is None:
                return None
            f = [tf.add, tf.subtract, tf.multiply, tf.maximum, tf.minimum,
                 lambda a, b: a * 1.0 + b * 0.0, lambda a, b: a - tf.negative(tf.negative(b)),
                 lambda a, b: a / (tf.square(b) + 1.0)][rng.integers(8)]
            return f(x, y), shape
        if family == 3 and len(sx) == 2:
            y = self.pick((sx[1], 4)) or self.pick((4, 4))
            if y is None or self.shape[y][0] != sx[1]:
                return None
            if rng.random() < 0.5 and self.shape[y][0] == self.shape[y][1]:
                return tf.matmul(x, y, transpose_b=True), (sx[0], self.shape[y][0])
            return tf.matmul(x, y), (sx[0], self.shape[y][1])
        if family == 4 and len(sx) == 2:
            axis = int(rng.integers(-1, 2)) if rng.random() < 0.8 else None
            keep = bool(rng.random() < 0.5)
            f = [tf.reduce_sum, tf.reduce_mean, tf.reduce_max][rng.integers(3)]
            value = f(x, axis=axis, keepdims=keep)
            return value, tuple(np.sum(np.zeros(sx), axis=axis, keepdims=keep).shape)
        if family == 5 and len(sx) == 2:
            axis = -1 if rng.random() < 0.7 else 0
            f = [tf.nn.softmax, tf.nn.log_softmax, lambda v, axis: tf.log(tf.nn.softmax(
                v, axis=axis))][rng.integers(3)]
            return f(x, axis=axis), sx
        if family == 6 and len(sx) == 2:
            f = [tf.transpose, tf.matrix_transpose][rng.integers(2)]
            return f(x), sx[::-1]
        if family == 7 and sx:
            size = int(np.prod(sx))
            return tf.reshape(x, (size,)), (size,)
        if family == 8 and len(sx) == 1:
            return tf.expand_dims(x, 0), (1,) + sx
        if family == 9:
            y = self.pick(sx)
            return tf.where(tf.greater(x, y), x, y), sx
        if family == 10:
            made = [lambda: Twice(x), lambda: Cube(x), lambda: Jitter(x, self.seed),
                    lambda: Softmax(x)][rng.integers(4)]
            return made(), sx
        if family == 11:
            y, z = self.pick(sx), self.pick(sx)
            return (Add(x, y, z), sx) if rng.random() < 0.5 else (MatMul(x, y), sx)
        if family == 12:
            return tf.nn.dropout(x, rate=0.5, seed=int(rng.integers(100))), sx
        if family == 13:
            return tf.add_n([x] * int(rng.integers(1, 4))), sx
        return None

    def build(self, size):
        self.leaves()
        while len(self.nodes) < size:
            try:
                made = self.operation()
            except (ValueError, TypeError):  # refused when built: a different op
                continue
            if made is not None:
                self.add(*made)

    def training(self):
        """A loss over the graph, and one optimizer's step for it (None when
        no variable can be trained through the operations chosen)."""
        last = self.nodes[-4:]
        loss = tf.add_n([tf.reduce_sum(node) for node in last])
        make = [lambda: tf.train.GradientDescentOptimizer(0.1),
                lambda: tf.train.GradientDescentOptimizer(np.float64(0.05)),
                lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
                lambda: tf.train.AdamOptimizer(0.05)][self.rng.integers(4)]
        try:
            return loss, make().minimize(loss)
        except (LookupError, ValueError, TypeError):
            return loss, None


def random_graph(seed):
    """(fetches, feeds, graph facts) for the graph of `seed`, built into the
    default graph: a list of runs, each (fetches, feed_dict)."""
    builder = GraphBuilder(seed)
    builder.build(size=int(builder.rng.integers(6, 16)))
    loss, train = builder.training()
    outputs = builder.nodes[-3:]
    gradients = []
    if builder.variables:
        try:
            gradients = [g for g in tf.gradients(loss, builder.variables) if g is not None]
        except (LookupError, ValueError, TypeError):
            gradients = []
    fetches = [*outputs, loss, *gradients[:2]]
    if train is not None:
        fetches.append(train)
    rng = builder.rng
    feed = dict(builder.feed)
    runs = [(fetches, feed)]
    inner = [n for n in builder.nodes if isinstance(n, Operation)]
    if inner and rng.random() < 0.3:  # an intermediate fed
        node = inner[rng.integers(len(inner))]
        runs.append((fetches, {**feed, node: builder.value(builder.shape[node])}))
    if builder.bad_feed:  # a run that fails
        runs.append((fetches, {**feed, **builder.bad_feed}))
    runs.append((fetches, feed))
    check_numerics = bool(rng.random() < 0.15)
    return runs, check_numerics
