"""An optimized plan: what the optimizing session runs for one set of fetches and feeds.

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

    Attributes:
        program: the steps after the passes.
        source: the generated Python code.
    """

    def __init__(self, order, fetch_nodes, fed_nodes):
        self.program = optimize(order, fetch_nodes, fed_nodes)
        self.function = GeneratedFunction(self.program)
        self.source = self.function.source

    def run(self, feed):
        """The fetched values of one run given `feed` ({node: array}); the
        variables are updated once everything has been computed."""
        __tracebackhide__ = True
        fetched, updates = self.function.run(*[feed[step.origin]
                                               for step in self.function.fed_steps])
        fetched = [_unshared(step, value) for step, value in zip(self.program.fetches, fetched)]
        applied = {step: step.apply(value) for step, value in zip(self.program.updates, updates)}
        return [applied.get(step, value) for step, value in zip(self.program.fetches, fetched)]

    def drawn_before(self, error):
        """{node: value} of the stateful steps (random numbers) that the run
        which raised `error` computed before it failed: a run that is repeated
        to explain the error takes them as given, so nothing is drawn twice."""
        traceback = error.__traceback__
        while traceback is not None and traceback.tb_frame.f_code is not self.function.code:
            traceback = traceback.tb_next
        if traceback is None:
            return {}
        local_values = traceback.tb_frame.f_locals
        return {step.origin: local_values[name] for step, name in self.function.names.items()
                if step.kind == "compute" and step.stateful and name in local_values}


def _unshared(step, value):
    """A fetched value, copied if it could share memory with what the graph or
    the caller keeps: a constant (folded ones too), a fed array (when `x * 1`
    became x itself), or a view of one. A variable's own array is not copied:
    the in-place update never writes into an array someone else holds."""
    if isinstance(value, np.ndarray) and (step.kind in ("constant", "feed")
                                          or value.base is not None):
        return value.copy()
    return value
