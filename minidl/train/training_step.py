"""An optimizer step that reads nodes besides the gradients: a learning rate
that is a node (a placeholder fed each run, or a rate decayed with the global
step), and the global step it counts (`minimize(loss, global_step=step)`)."""
import contextlib

from ..graph import Node
from ..variable import Variable, VariableUpdate


class TrainingStep(VariableUpdate):
    """One optimizer step over (gradient, variable) pairs, like ApplyGradients,
    whose learning rate is this run's value of a node when the optimizer was
    given one, and which adds 1 to `global_step` if given."""

    def __init__(self, optimizer, grads_and_vars, name, global_step=None):
        if global_step is not None and not isinstance(global_step, Variable):
            raise TypeError(f"global_step must be a variable, such as "
                            f"tf.train.get_or_create_global_step(), not {global_step!r}")
        self.optimizer = optimizer
        self.variables = [variable for _, variable in grads_and_vars]
        self.global_step = global_step
        rate = optimizer.learning_rate
        self.rate_is_node = isinstance(rate, Node)
        super().__init__([grad for grad, _ in grads_and_vars] + ([rate] if self.rate_is_node
                                                                 else []), name)

    def compute(self, *values):
        """Every variable's new value, and the global step's, as {variable: new value}."""
        grads = values[:len(self.variables)]
        new_values = {}
        with _learning_rate(self.optimizer, values[-1] if self.rate_is_node else None):
            for variable, grad in zip(self.variables, grads):
                new_values.update(self.optimizer.step(variable, grad))
        if self.global_step is not None:
            new_values[self.global_step] = self.global_step.value + 1
        return new_values


@contextlib.contextmanager
def _learning_rate(optimizer, value):
    """The optimizer's update rule reads `optimizer.learning_rate`: during this
    block it is this run's value of the rate node (nothing changes if None)."""
    if value is None:
        yield
        return
    node, optimizer.learning_rate = optimizer.learning_rate, value
    try:
        yield
    finally:
        optimizer.learning_rate = node
