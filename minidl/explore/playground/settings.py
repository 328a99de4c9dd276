"""Everything a Playground can be set to, with TensorFlow Playground's choices
and defaults, as one plain record that the code, the network and the
controls all read."""
from dataclasses import dataclass, replace

DATASETS = ("circles", "xor", "blobs", "spiral")
FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
OPTIMIZERS = ("GradientDescent", "Momentum", "Adam")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MAX_LAYERS, MAX_UNITS = 4, 8


@dataclass(frozen=True)
class Settings:
    """One Playground configuration.

    Attributes:
        dataset: one of DATASETS.
        noise: the generator's noise (circles, spiral) or spread (xor, blobs).
        train_fraction: the share of the 500 points used for training.
        features: the inputs the network sees, a tuple of names from FEATURES.
        hidden: the number of units of each hidden layer, e.g. (4, 2); () for none.
        activation: the hidden layers' activation, one of ACTIVATIONS.
        learning_rate, l2_rate: the optimizer's step size and the weight of the
            L2 penalty (the sum of the squared weights) added to the loss.
        batch_size: the examples per training step.
        optimizer: one of OPTIMIZERS.
        seed: the seed of the data and of the initial weights.
    """
    dataset: str = "circles"
    noise: float = 0.1
    train_fraction: float = 0.5
    features: tuple = ("x1", "x2")
    hidden: tuple = (4, 2)
    activation: str = "tanh"
    learning_rate: float = 0.03
    l2_rate: float = 0.0
    batch_size: int = 10
    optimizer: str = "GradientDescent"
    seed: int = 0

    def __post_init__(self):
        problems = []
        for name, value, allowed in (("dataset", self.dataset, DATASETS),
                                     ("activation", self.activation, ACTIVATIONS),
                                     ("optimizer", self.optimizer, OPTIMIZERS)):
            if value not in allowed:
                problems.append(f"{name}={value!r} (choose from {', '.join(allowed)})")
        unknown = [name for name in self.features if name not in FEATURES]
        if unknown or not self.features:
            problems.append(f"features={self.features!r} (one or more of {', '.join(FEATURES)})")
        if len(self.hidden) > MAX_LAYERS or any(not 1 <= units <= MAX_UNITS
                                                for units in self.hidden):
            problems.append(f"hidden={self.hidden!r} (0 to {MAX_LAYERS} layers of 1 to "
                            f"{MAX_UNITS} units)")
        if not 0.1 <= self.train_fraction <= 0.9:
            problems.append(f"train_fraction={self.train_fraction} (0.1 to 0.9)")
        if problems:
            raise ValueError("the Playground cannot be set to " + "; ".join(problems))

    def with_(self, **changes):
        """A copy with some settings changed."""
        return replace(self, **changes)
