"""Variables: the values a model learns, kept from one run to the next."""
import numpy as np

from .dtypes import as_dtype
from .graph import Node, format_shape, get_default_graph
from .operation import Operation
from .placeholder import Placeholder
from .traversal import topological_order


class Variable(Node):
    """A node that holds a value between runs, like the weights of a model.

    As in the tutorial, a variable has its value from the moment it is built;
    as in TensorFlow, `global_variables_initializer()` resets it to its initial
    value. Its value only changes through an update operation (`assign`, an
    optimizer's step), which a session applies after a run has succeeded.

    An update gives the variable a new array (`variable.value = new_value`)
    rather than writing into the one it has. So an array that
    `session.run(variable)` returned keeps its values while training goes on.
    (Chapter 12's optimizing session writes into the array instead, but only
    when nothing else holds it: no result of a run, no view, no name of yours.)

    Args:
        initial_value: anything NumPy turns into an array (it is copied), or
            a node such as `tf.random_normal([784, 256])` or `tf.zeros([10])`:
            its value is computed once, now, and kept as the initial value.
        dtype: e.g. `minidl.float32`; by default NumPy's choice (float64 for floats).
        name: a readable name; the default is `variable`, `variable_1`, ...
        trainable: whether optimizers may change it.
    """

    def __init__(self, initial_value, dtype=None, name=None, trainable=True):
        if isinstance(initial_value, Node):
            initial_value = _value_now(initial_value)
        self.initial_value = np.array(initial_value, dtype=as_dtype(dtype))
        self.value = self.initial_value.copy()
        self.trainable = trainable
        super().__init__(get_default_graph(), name,
                         dtype=self.value.dtype, shape=self.value.shape)
        self.graph.variables.append(self)

    def compute(self):
        """A variable's value in a run is the value it holds."""
        return self.value

    def assign(self, value, name=None):
        """An operation that, when run, sets this variable to `value` (`tf.assign`)."""
        return Assign(self, value, name)


def _value_now(node):
    """The value of `node`, computed now from the values its inputs have now
    (a random op draws once). TensorFlow 1 computes it each time the
    initializer runs; minidl's variables have a value from the start."""
    values = {}
    for each in topological_order([node]):
        if isinstance(each, Placeholder):
            raise ValueError(f"a variable's initial value cannot depend on placeholder "
                             f"'{each.name}': it is computed when the variable is built, "
                             f"before anything is fed")
        values[each] = each.compute(*[values[x] for x in each.inputs])
    return values[node]


class VariableUpdate(Operation):
    """An operation that changes variables.

    Its `compute` only works out their new values, as {variable: new value}.
    The session calls `apply` after every node of the run has been computed,
    so all updates of a run happen together, and a run that fails halfway
    changes no variable.
    """

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        """An update has no value of its own to infer."""
        return None, None

    def apply(self, new_values):
        """Give each variable its new value (what `compute` returned), and
        return what fetching this operation gives: None."""
        for variable, value in new_values.items():
            variable.value = value
        return None

    def __repr__(self):
        return f"<{self.type} '{self.name}'>"


class Assign(VariableUpdate):
    """Sets a variable to a copy of a value of the same shape; fetching it
    gives the new value."""

    def __init__(self, variable, value, name=None):
        self.variable = variable
        super().__init__([value], name)
        self.shape, self.dtype = variable.shape, variable.dtype

    def compute(self, value):
        value = np.array(value, dtype=self.variable.dtype)
        if value.shape != self.variable.shape:
            raise ValueError(f"variable '{self.variable.name}' has shape "
                             f"{format_shape(self.variable.shape)}; it cannot be "
                             f"assigned a value of shape {value.shape}")
        return {self.variable: value}

    def apply(self, new_values):
        super().apply(new_values)
        return new_values[self.variable]

    def __repr__(self):
        return Operation.__repr__(self)


class InitializeVariables(VariableUpdate):
    """Resets the given variables to their initial values; fetching it gives None."""

    default_name = "init"

    def __init__(self, variables, name=None):
        self.variables = list(variables)
        super().__init__([], name)

    def compute(self):
        return {variable: variable.initial_value.copy() for variable in self.variables}


def global_variables(graph=None):
    """Every variable of the (default) graph."""
    return list((graph or get_default_graph()).variables)


def trainable_variables(graph=None):
    """The variables of the (default) graph that optimizers may change."""
    return [v for v in global_variables(graph) if v.trainable]


def global_variables_initializer():
    """An operation that resets every variable of the default graph to its
    initial value (`tf.global_variables_initializer`)."""
    return InitializeVariables(global_variables())


def variables_initializer(var_list, name="init"):
    """An operation that resets the variables in `var_list` to their initial values."""
    return InitializeVariables(var_list, name)


def assign(ref, value, name=None):
    """An operation that sets variable `ref` to `value` when run; fetching it
    gives the new value (`tf.assign`)."""
    return Assign(ref, value, name)


def assign_add(ref, value, name=None):
    """An operation that adds `value` to variable `ref` when run (`tf.assign_add`)."""
    return Assign(ref, ref + value, name or "assign_add")


def assign_sub(ref, value, name=None):
    """An operation that subtracts `value` from variable `ref` when run (`tf.assign_sub`)."""
    return Assign(ref, ref - value, name or "assign_sub")


def refuse_two_updates_of_one_variable(nodes):
    """A ValueError naming two updates among `nodes` that change the same
    variable. Every update of a run is computed from the values the variables
    had before it, so the second would silently undo the first (TensorFlow 1
    applies both, one after the other, in an order it does not promise)."""
    changed_by = {}
    for node in nodes:
        for variable in _variables_changed_by(node):
            if variable in changed_by:
                raise ValueError(
                    f"'{changed_by[variable].name}' and '{node.name}' both change variable "
                    f"'{variable.name}' in one run, and minidl computes each update from "
                    f"the values before the run, so one would undo the other. Run them in "
                    f"separate session.run calls (or minimize the sum of the losses)")
            changed_by[variable] = node


def _variables_changed_by(node):
    """The variables an update changes, as far as it says: `variable`,
    `variables` and `global_step` attributes (none for other nodes)."""
    if not isinstance(node, VariableUpdate):
        return []
    changed = list(getattr(node, "variables", []))
    for attribute in ("variable", "global_step"):
        if getattr(node, attribute, None) is not None:
            changed.append(getattr(node, attribute))
    return changed
