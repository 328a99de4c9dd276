"""In-place updates: a training step that writes into the weights' own arrays.

The plain session gives each variable a new array at every step
(`w + update`), so an array that a run returned never changes. Writing the
update into the variable's array instead saves making a new one (for a
784x256 weight matrix, 800 KB a step). It is safe when nothing else can see
the old array: an optimized run copies any fetched value that could share
memory with a variable (`OptimizedPlan.run`), so what a run returned still
never changes. (A learner who holds `W.value` itself does see it move.)

Plain gradient descent gets a step of its own, "InPlaceGradientDescent", whose
update is one multiplication per variable, `grad * -learning_rate`, which code
generation writes out; every other optimizer keeps its own update rule. Where
a gradient is a matrix product that nothing else reads, the multiplication
writes into the product's own array: no second weight-sized array per step.
"""
import numbers
from collections import Counter

import numpy as np

from ..train import GradientDescentOptimizer


def update_in_place(program):
    """Make every optimizer step of the program update its variables in place."""
    readers = Counter(x for step in program.steps for x in step.inputs)
    readers.update(program.fetches)
    for step in program.updates:
        if step.op_type != "ApplyGradients":
            continue
        if _plain_gradient_descent(step):
            optimizer = step.origin.optimizer
            private = tuple(grad.op_type == "MatMul" and grad.shape != () and readers[grad] == 1
                            for grad in step.inputs)
            step.op_type = "InPlaceGradientDescent"
            step.attrs = (("scale_in_place", private),)
            # the rate is read at every run, as the plain step does: it may be changed
            step.compute = lambda *grads, optimizer=optimizer: tuple(
                grad * -optimizer.learning_rate for grad in grads)
            step.apply = _add_in_place(step.origin.variables)
        else:
            step.compute, step.apply = _in_place(step.origin)
    return program


def _plain_gradient_descent(step):
    """Whether `step` is gradient descent at a rate that is a number, with
    gradients known, before running, to have their variables' shapes and
    dtypes: then `grad * -rate` is the update, and the optimizer's checks have
    nothing to do."""
    optimizer = step.origin.optimizer
    return (type(optimizer) is GradientDescentOptimizer
            and isinstance(optimizer.learning_rate, numbers.Real)
            and all(grad.shape == variable.shape and grad.dtype == variable.dtype
                    for grad, variable in zip(step.inputs, step.origin.variables)))


def _add_in_place(variables):
    def apply(updates):
        for variable, update in zip(variables, updates):
            variable.value += update
        return None
    return apply


def _in_place(apply_gradients):
    """The compute and apply of an optimizer step that updates in place.

    As in the plain step, nothing changes until every value of the run is
    computed: `compute` only works out each variable's update and its slots'
    new values, and `apply` then adds the updates into the variables' arrays."""
    optimizer = apply_gradients.optimizer
    variables = [(variable, optimizer.slots_for(variable))
                 for variable in apply_gradients.variables]

    def compute(*grads):
        changes = []
        for (variable, slots), grad in zip(variables, grads):
            update, new_slots = optimizer.update_rule(
                variable.value, grad, {name: slot.value for name, slot in slots.items()})
            new_slot_values = {slots[name]: np.asarray(value, dtype=slots[name].dtype)
                               for name, value in new_slots.items()}
            # the optimizer's own check: the update in the variable's dtype and shape
            changes.append((variable, optimizer._checked_update(variable, update),
                            new_slot_values))
        return changes

    def apply(changes):
        for variable, update, new_slot_values in changes:
            np.add(variable.value, update, out=variable.value)
            for slot, value in new_slot_values.items():
                slot.value = value
        return None

    return compute, apply
