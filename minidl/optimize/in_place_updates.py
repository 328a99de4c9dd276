"""In-place updates: a training step that writes into the weights' own arrays.

The plain session gives each variable a new array at every step
(`w + update`), so an array that a run returned never changes. Writing the
update into the variable's array instead saves making a new one (for a
784x256 weight matrix, 800 KB a step). It is safe only when nothing else can
see the old array, so the update writes in place only into an array that
nobody but its variable holds (no result of a run, no view, no learner's
name: CPython's reference count tells), while no other thread runs (which
could be reading it); otherwise it makes a new array, as the plain step does.

Plain gradient descent gets a step of its own, "InPlaceGradientDescent", whose
update is one multiplication per variable, `grad * -learning_rate`, which code
generation writes out; every other optimizer computes its update with its
own `Optimizer.update`, the method the plain step uses too. Where a gradient
is a matrix product that nothing else reads, the multiplication writes into
the product's own array: no second weight-sized array per step.
"""
import sys
import threading
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
            step.apply = _add_updates(step.origin.variables)
        else:
            step.compute, step.apply = _optimizer_updates(step.origin)
    return program


def _plain_gradient_descent(step):
    """Whether `step` is gradient descent at a rate that is a Python number,
    with gradients known, before running, to have their variables' shapes and
    dtypes: then `grad * -rate` is the update, in the variable's dtype, and
    the optimizer's checks have nothing to do. (A NumPy float64 rate would
    compute a float32 gradient's update in float64.)"""
    optimizer = step.origin.optimizer
    return (type(optimizer) is GradientDescentOptimizer
            and type(optimizer.learning_rate) in (int, float)
            and all(grad.shape == variable.shape and grad.dtype == variable.dtype
                    for grad, variable in zip(step.inputs, step.origin.variables)))


def _add_updates(variables):
    def apply(updates):
        alone = threading.active_count() == 1  # no other thread can be reading a weight
        for variable, update in zip(variables, updates):
            add_to(variable, update, alone)
        return None
    return apply


def _optimizer_updates(apply_gradients):
    """The compute and apply of an optimizer step that updates in place.

    As in the plain step, nothing changes until every value of the run is
    computed: `compute` works out each variable's update and its slots' new
    values (`Optimizer.update`, which also checks them), and `apply` then
    adds the updates to the variables, which cannot fail halfway."""
    optimizer, variables = apply_gradients.optimizer, apply_gradients.variables

    def compute(*grads):
        return [(variable, *optimizer.update(variable, grad))
                for variable, grad in zip(variables, grads)]

    def apply(changes):
        alone = threading.active_count() == 1
        for variable, update, new_slot_values in changes:
            add_to(variable, update, alone)
            for slot, value in new_slot_values.items():
                slot.value = value
        return None

    return compute, apply


def add_to(variable, update, alone):
    """w <- w + update: into w's own array when no one else can see it (and,
    `alone`, no other thread runs), otherwise as a new array, exactly as the
    plain step does."""
    value = variable.value
    if alone and _private(value):
        np.add(value, update, out=value)
    else:
        variable.value = value + update


def _private(value):
    """Whether writing into `value` can change nothing anyone sees: an array
    (not a 0-d one: the plain step makes those NumPy scalars) owning its
    memory and referred to only by its variable (the 4 counts: the variable,
    `add_to`'s name, this function's argument, `getrefcount`'s argument)."""
    return (type(value) is np.ndarray and value.ndim > 0 and value.flags.owndata
            and value.flags.writeable and sys.getrefcount(value) <= 4)
