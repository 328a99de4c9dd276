"""What every optimizer shares: from a loss to gradients to one update op.

An optimizer subclass only says how far one variable moves given its gradient
(`update_rule`) and what it remembers between steps (`initial_slots`, like
Momentum's accumulated velocity).
"""
import numpy as np

from ..gradients import gradients
from ..graph import Node
from ..traversal import topological_order
from ..variable import Variable, VariableUpdate, trainable_variables
from .training_step import TrainingStep


class Optimizer:
    """Base class of the optimizers (`tf.train.Optimizer`).

    Subclasses write `update_rule`, and `initial_slots` if they remember
    anything between steps (kept in non-trainable variables named like
    `W/Momentum/momentum`, so savers and initializers treat them as variables).
    """

    def __init__(self, learning_rate, name):
        self.learning_rate = learning_rate
        self.name = name
        self._slots = {}

    def compute_gradients(self, loss, var_list=None):
        """A list of (gradient, variable) pairs, for the trainable variables of
        the loss's graph (or `var_list`); the gradient is None for a variable
        the loss does not depend on."""
        var_list = trainable_variables(loss.graph) if var_list is None else list(var_list)
        used = set(topological_order([loss]))
        _refuse_integer_variables([variable for variable in var_list if variable in used])
        pairs = list(zip(gradients(loss, var_list), var_list))
        if all(grad is None for grad, _ in pairs):
            names = [variable.name for variable in var_list]
            raise ValueError(f"no gradients: the loss '{loss.name}' depends on none of "
                             f"the trainable variables {names}")
        return pairs

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """An operation that moves each variable by the update rule, given its gradient.

        Running it computes the gradients (and the forward pass they need)
        from that run's feed, then updates every variable at once. It adds 1
        to `global_step` if given; a learning rate that is a node is read in
        each run (training_step.py)."""
        pairs = [(grad, variable) for grad, variable in grads_and_vars if grad is not None]
        _refuse_integer_variables([variable for _, variable in pairs])
        _refuse_repeated_variables([variable for _, variable in pairs])
        for _, variable in pairs:
            self.slots_for(variable)  # built now, as nodes of the graph
        if global_step is not None or isinstance(self.learning_rate, Node):
            return TrainingStep(self, pairs, name or self.name, global_step)
        return ApplyGradients(self, pairs, name or self.name)

    def minimize(self, loss, global_step=None, var_list=None, name=None):
        """`compute_gradients` then `apply_gradients`: one training step as one op."""
        return self.apply_gradients(self.compute_gradients(loss, var_list), global_step, name)

    def initial_slots(self, value):
        """What the optimizer remembers for a variable of this value, before any
        step: {slot name: initial array}. Nothing, by default."""
        return {}

    def slots_for(self, variable):
        """The optimizer's memory for `variable`, as {slot name: Variable},
        created the first time it is asked for."""
        if variable not in self._slots:
            with variable.graph.as_default():
                self._slots[variable] = {
                    slot: Variable(initial, name=f"{variable.name}/{self.name}/{slot}",
                                   trainable=False)
                    for slot, initial in self.initial_slots(variable.initial_value).items()}
        return self._slots[variable]

    def update_rule(self, value, grad, slots):
        """Return the variable's update, the change to add to its value
        (w <- w + update), and its slots' new values, given its value, its
        gradient and its slots' values (a dict)."""
        raise NotImplementedError

    def update(self, variable, grad):
        """The change one step makes to `variable`, given its gradient:
        (update, {slot: new value}), where w <- w + update. Nothing changes yet.

        The update keeps its variable's dtype and shape: a float64 gradient
        (from a loss mixing in float64 data) does not turn a float32 variable
        into a float64 one, and an update of another shape is an error
        (adding it would silently stretch a smaller one)."""
        slots = self.slots_for(variable)
        update, new_slots = self.update_rule(
            variable.value, grad, {name: slot.value for name, slot in slots.items()})
        update = np.asarray(update, dtype=variable.dtype)
        if update.shape != variable.shape:
            raise ValueError(f"{type(self).__name__}.update_rule gave an update "
                             f"of shape {update.shape} for variable '{variable.name}' of "
                             f"shape {variable.shape}; it should have the variable's shape")
        return update, {slots[name]: np.asarray(value, dtype=slots[name].dtype)
                        for name, value in new_slots.items()}

    def step(self, variable, grad):
        """The new values one step gives `variable` (value + update) and its
        slots, as {Variable: array}. Nothing changes until they are applied."""
        update, new_slots = self.update(variable, grad)
        return {variable: variable.value + update, **new_slots}


def _refuse_integer_variables(variables):
    """A TypeError naming the first variable that does not hold floats: an
    update added to integers would be truncated (to 0 for a small step), so
    it would never learn, silently. TensorFlow refuses it too."""
    for variable in variables:
        if not np.issubdtype(variable.dtype, np.floating):
            raise TypeError(
                f"variable '{variable.name}' holds {variable.dtype.name} values, which an "
                f"optimizer cannot train (every update would be truncated to an integer). "
                f"Make it hold floats: write its initial value with floats, as in "
                f"tf.Variable([1.0, 2.0]), or give dtype=tf.float32; or build it with "
                f"trainable=False if it is not meant to be trained")


def _refuse_repeated_variables(variables):
    """A ValueError naming a variable listed twice: one step computes each
    update from the value before it, so the second would undo the first
    (TensorFlow 1 applies both)."""
    names = [variable.name for variable in variables]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"variables {repeated} appear more than once in one optimizer step; "
                         f"list each variable once (to take two steps, run the step twice)")


class ApplyGradients(VariableUpdate):
    """One optimizer step over a list of (gradient, variable) pairs: each
    variable w moves to w + update, the update given by the optimizer's rule."""

    def __init__(self, optimizer, grads_and_vars, name):
        self.optimizer = optimizer
        self.variables = [variable for _, variable in grads_and_vars]
        super().__init__([grad for grad, _ in grads_and_vars], name)

    def compute(self, *grads):
        """Every variable's new value, as {variable: new value}, from its gradient."""
        new_values = {}
        for variable, grad in zip(self.variables, grads):
            new_values.update(self.optimizer.step(variable, grad))
        return new_values
