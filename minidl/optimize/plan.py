"""An optimized plan: what `Session(optimize=True)` runs for one set of fetches and feeds.

Made once, on the first run of those fetches and feeds: the needed nodes
become a program, the passes rewrite it, and code generation compiles it.
Every later run is one call of the generated function, then the variable
updates, applied after everything was computed, as in the plain session.
"""
import numpy as np

from .codegen import GeneratedFunction
from .common_subexpressions import eliminate_common_subexpressions
from .constant_folding import fold_constants
from .identities import remove_identities
from .in_place_updates import update_in_place
from .program import Program
from .softmax_cross_entropy import fuse_softmax_cross_entropy_gradient
from .stable_softmax import stabilize_softmax

PASSES = (fold_constants, eliminate_common_subexpressions, remove_identities,
          stabilize_softmax, eliminate_common_subexpressions,
          fuse_softmax_cross_entropy_gradient, update_in_place)


def optimize(order, fetch_nodes, fed_nodes, passes=PASSES):
    """The program for `fetch_nodes` given values for `fed_nodes` (`order`
    lists the other nodes they need, inputs first), after each pass in turn."""
    program = Program.from_nodes(order, fetch_nodes, fed_nodes)
    for rewrite in passes:
        program = rewrite(program)
    return program


class OptimizedPlan:
    """Runs one set of fetches from a rewritten, compiled program.

    Args:
        order, fetch_nodes, fed_nodes: as for `optimize`.
        check_numerics: whether a run stops at the first NaN or infinity.
        compute_error, check_finite: the session's own reports,
            `compute_error(node, values, error)` and `check_finite(node,
            values)`, so that an optimized run names the learner's node just
            as the plain session does.

    Attributes:
        program: the steps after the passes.
        source: the generated Python code.
    """

    def __init__(self, order, fetch_nodes, fed_nodes, check_numerics=False,
                 compute_error=None, check_finite=None):
        # check_numerics checks each variable's new value, so it keeps the plain updates
        passes = [p for p in PASSES if not (check_numerics and p is update_in_place)]
        self.program = optimize(order, fetch_nodes, fed_nodes, passes)
        self.function = GeneratedFunction(self.program)
        self.source = self.function.source
        self.check_numerics = check_numerics
        self.compute_error, self.check_finite = compute_error, check_finite

    def run(self, feed):
        """The fetched values of one run given `feed` ({node: array}); the
        variables are updated once everything has been computed."""
        __tracebackhide__ = True
        fed_values = [feed[step.origin] for step in self.function.fed_steps]
        if self.check_numerics:  # the run names the first NaN itself, not NumPy
            with np.errstate(all="ignore"):
                fetched, updates = self._interpret(fed_values)
        else:
            try:
                fetched, updates = self.function.run(*fed_values)
            except Exception:
                self._interpret(fed_values)  # again, step by step, to name the node
                raise
        fetched = [_unshared(step, value) for step, value in zip(self.program.fetches, fetched)]
        applied = {step: step.apply(value) for step, value in zip(self.program.updates, updates)}
        return [applied.get(step, value) for step, value in zip(self.program.fetches, fetched)]

    def _interpret(self, fed_values):
        """The same run one step at a time: slower, but it can say which step
        failed or made the first NaN, by the learner's node it stands for."""
        __tracebackhide__ = True
        values = dict(zip(self.function.fed_steps, fed_values))
        for step in self.program.steps:
            if step.kind == "feed":
                continue
            inputs = [values[x] for x in step.inputs]
            try:
                values[step] = step.value if step.kind == "constant" else (
                    step.origin.value if step.kind == "variable" else step.compute(*inputs))
            except (ValueError, TypeError, IndexError, ArithmeticError) as error:
                node, named = _as_node(step, values)
                raise self.compute_error(node, named, error) from error
            if self.check_numerics and step.kind in ("compute", "update"):
                self.check_finite(*_as_node(step, values))
        return ([values[step] for step in self.program.fetches],
                [values[step] for step in self.program.updates])


def _unshared(step, value):
    """A fetched value, copied if it could share memory with a variable (a
    variable's own array, or a view of one), which an update may write into."""
    if isinstance(value, np.ndarray) and (step.kind == "variable" or value.base is not None):
        return value.copy()
    return value


class _StepAsNode:
    """A step seen as the learner's node it stands for, with the inputs it
    really reads (a rewritten step may read other nodes than its origin)."""

    def __init__(self, step):
        self.type, self.name = step.origin.type, step.origin.name
        self.inputs = tuple(x.origin for x in step.inputs)


def _as_node(step, values):
    """The step as a node, and its value and its inputs' values by node."""
    node = _StepAsNode(step)
    named = {x.origin: values[x] for x in step.inputs}
    if step in values:
        named[node] = values[step]
    return node, named
