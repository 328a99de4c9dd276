"""The minidl program behind a Playground: the code that makes its data,
builds its network and trains it, written out for the settings on screen.

The Playground runs exactly this text (see network.py), and "show the code"
shows it: pasted into a notebook cell, it builds and trains the same network
and prints the same losses, with nothing from the Playground needed.
"""
from .settings import FEATURES

# How each dataset's noise setting is passed, and how far its points are
# stretched to fill the Playground's square of side 12 around the origin.
DATA_CALLS = {"circles": ("noise", 5.0), "xor": ("spread", 3.0), "blobs": ("spread", 1.5),
              "spiral": ("noise", 5.0)}
EXTRA_ARGUMENTS = {"spiral": ", classes=2"}
FEATURE_CODE = dict(zip(FEATURES, ("x1", "x2", "x1 ** 2", "x2 ** 2", "x1 * x2", "np.sin(x1)",
                                   "np.sin(x2)")))
ACTIVATION_CODE = {"tanh": "tf.tanh({})", "relu": "tf.nn.relu({})", "sigmoid": "tf.sigmoid({})",
                   "linear": "{}"}
OPTIMIZER_CODE = {"GradientDescent": "tf.train.GradientDescentOptimizer(learning_rate={})",
                  "Momentum": "tf.train.MomentumOptimizer(learning_rate={}, momentum=0.9)",
                  "Adam": "tf.train.AdamOptimizer(learning_rate={})"}
NUM_POINTS = 500


def setup_code(settings):
    """The program up to the training loop: data, features, network, loss,
    optimizer, session, and `train_one_epoch()`."""
    noise_name, stretch = DATA_CALLS[settings.dataset]
    widths = [len(settings.features), *settings.hidden, 2]
    layer_lines = []
    previous = "X"
    for number, (fan_in, fan_out) in enumerate(zip(widths, widths[1:]), start=1):
        last = number == len(widths) - 1
        layer_lines += [
            f'W{number} = tf.Variable(rng.normal(0, {1 / fan_in ** 0.5:.4f}, '
            f'({fan_in}, {fan_out})), name="W{number}")',
            f'b{number} = tf.Variable(np.zeros({fan_out}), name="b{number}")']
        if last:
            layer_lines.append(f'logits = tf.add({previous} @ W{number}, b{number}, '
                               f'name="logits")')
        else:
            scores = f"{previous} @ W{number} + b{number}"
            layer_lines.append(f"hidden{number} = "
                               + ACTIVATION_CODE[settings.activation].format(scores))
            previous = f"hidden{number}"
    weights = ", ".join(f"W{number}" for number in range(1, len(widths)))
    hidden_text = (", ".join(str(units) for units in settings.hidden) or "no")
    lines = [
        "import numpy as np",
        "",
        "import minidl as tf",
        "",
        f"# The data: {NUM_POINTS} points, {settings.train_fraction:.0%} of them for training.",
        f"X_data, y_data = tf.datasets.{settings.dataset}(n={NUM_POINTS}, "
        f"seed={settings.seed}, {noise_name}={settings.noise:g}"
        f"{EXTRA_ARGUMENTS.get(settings.dataset, '')})",
        f"X_data = {stretch:g} * X_data",
        "X_train, X_test, y_train, y_test = tf.datasets.train_test_split(",
        f"    X_data, y_data, test_fraction={1 - settings.train_fraction:.1f}, "
        f"seed={settings.seed})",
        "",
        "",
        "def features(X):",
        '    """The inputs the network sees, one column each."""',
        "    x1, x2 = X[:, 0], X[:, 1]",
        "    return np.column_stack(["
        + ", ".join(FEATURE_CODE[name] for name in settings.features) + "])",
        "",
        "",
        f"# The network: {len(settings.features)} inputs, {hidden_text} hidden "
        f"{settings.activation} units, 2 class scores.",
        "graph = tf.Graph()",
        "graph.as_default()",
        f"rng = np.random.default_rng({settings.seed})",
        f'X = tf.placeholder(tf.float64, shape=(None, {len(settings.features)}), name="X")',
        'Y = tf.placeholder(tf.float64, shape=(None, 2), name="Y")',
        *layer_lines,
        "cross_entropy = tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits)",
        'loss = tf.reduce_mean(cross_entropy, name="loss")',
        f"l2_rate = {settings.l2_rate:g}",
        f"penalty = tf.add_n([tf.reduce_sum(tf.square(W)) for W in ({weights},)])",
        "J = loss + l2_rate * penalty",
        "optimizer = " + OPTIMIZER_CODE[settings.optimizer].format(f"{settings.learning_rate:g}"),
        "train_step = optimizer.minimize(J)",
        "session = tf.Session()",
        "session.run(tf.global_variables_initializer())",
        "",
        "# Training: one epoch passes over every training point once, in batches.",
        f"batch_size = {settings.batch_size}",
        "train = {X: features(X_train), Y: tf.datasets.one_hot(y_train, 2)}",
        "test = {X: features(X_test), Y: tf.datasets.one_hot(y_test, 2)}",
        "",
        "",
        "def train_one_epoch():",
        "    order = rng.permutation(len(X_train))",
        "    for start in range(0, len(order), batch_size):",
        "        batch = order[start:start + batch_size]",
        "        session.run(train_step, {X: train[X][batch], Y: train[Y][batch]})",
    ]
    return "\n".join(lines) + "\n"


def training_code(num_epochs, changes=()):
    """The loop that trains for `num_epochs` and prints the losses, with the
    `changes` made while training, as (epoch, name, value) with name
    "learning_rate" or "batch_size", each made after that many epochs."""
    lines, trained = ["", ""], 0
    for epoch, name, value in changes:
        if epoch > trained:
            lines += [f"for _ in range({epoch - trained}):", "    train_one_epoch()"]
            trained = epoch
        lines.append(f"optimizer.learning_rate = {value:g}" if name == "learning_rate"
                     else f"batch_size = {value}")
    if num_epochs > trained or not changes:
        lines += [f"for _ in range({max(num_epochs - trained, 1)}):", "    train_one_epoch()"]
    lines += [f'print(f"epoch {max(num_epochs, 1)}: train loss '
              f'{{session.run(loss, train):.3f}}, "',
              '      f"test loss {session.run(loss, test):.3f}")']
    return "\n".join(lines) + "\n"


def playground_code(settings, num_epochs, changes=()):
    """The whole program: what `setup_code` builds, trained for `num_epochs`
    with the learning-rate and batch-size `changes` made on the way."""
    return setup_code(settings) + training_code(num_epochs, changes)
