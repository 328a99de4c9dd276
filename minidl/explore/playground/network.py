"""A Playground's network: built and trained by running the program that
code.py writes, as it is, so that the code a learner is shown is the code
that made every picture."""

from ...graph import get_default_graph
from ...ops.activations import softmax
from .code import playground_code, setup_code


class PlaygroundNetwork:
    """The data, the minidl graph and the session of one Playground setting.

    Attributes:
        settings: the Settings it was built from.
        code: the program that built it (`setup_code(settings)`).
        names: the program's variables after it ran: X, Y, loss, session,
            train, test, features, optimizer, batch_size, W1, b1, hidden1...
        hidden: the hidden layers' nodes, first to last.
        epoch: the number of epochs trained.
        changes: the learning-rate and batch-size changes made while
            training, as (epoch, name, value): `code()` writes them out.
        train_losses, test_losses: the losses after each epoch (epoch 0 first).
    """

    def __init__(self, settings):
        self.settings = settings
        self.code = setup_code(settings)
        self.names = {}
        # The program makes its graph the default one, as a chapter does;
        # the learner's own default graph is put back afterwards.
        previous = get_default_graph()
        try:
            exec(compile(self.code, "<playground code>", "exec"), self.names)
            self.p = softmax(self.names["logits"], name="p")
        finally:
            previous.as_default()
        self.hidden = [self.names[f"hidden{k}"] for k in range(1, len(settings.hidden) + 1)]
        self.weights = [self.names[f"W{k}"] for k in range(1, len(settings.hidden) + 2)]
        self.epoch = 0
        self.changes = []
        train, test = self.losses()
        self.train_losses, self.test_losses = [train], [test]

    def __getattr__(self, name):
        names = self.__dict__.get("names", {})
        if name in names:
            return names[name]
        raise AttributeError(f"the Playground's network has no '{name}'")

    def train_epochs(self, count=1):
        """Train `count` epochs with the program's `train_one_epoch`."""
        for _ in range(count):
            self.names["train_one_epoch"]()
            self.epoch += 1
            train, test = self.losses()
            self.train_losses.append(train)
            self.test_losses.append(test)

    def losses(self):
        """(train loss, test loss), the mean cross-entropy on each set."""
        run = self.session.run
        return float(run(self.loss, self.train)), float(run(self.loss, self.test))

    def set_learning_rate(self, rate):
        """Change the optimizer's step size from the next epoch on."""
        if rate != self.optimizer.learning_rate:
            self.optimizer.learning_rate = rate
            self.changes.append((self.epoch, "learning_rate", rate))

    def set_batch_size(self, size):
        """Change the batch size from the next epoch on."""
        if int(size) != self.names["batch_size"]:
            self.names["batch_size"] = int(size)
            self.changes.append((self.epoch, "batch_size", int(size)))

    def program(self):
        """The program that builds this network and trains it as far as it
        is, with every change made on the way."""
        return playground_code(self.settings, self.epoch, self.changes)

    def on_points(self, points):
        """Everything the pictures show, at the 2-D `points` (shape (n, 2)), from
        one session run: the features (n, f), each hidden layer's units (n, k),
        and p(blue) (n,)."""
        inputs = self.features(points)
        values = self.session.run([*self.hidden, self.p], {self.X: inputs})
        return inputs, values[:-1], values[-1][:, 1]

    def weight_values(self):
        """The weight matrices, first layer first."""
        return self.session.run(self.weights)
