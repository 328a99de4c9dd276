"""An optimized plan: what `Session(optimize=True)` runs for one set of fetches and feeds.

Built once, on the first run of those fetches and feeds: the needed nodes
become a program, the passes rewrite it, and code generation compiles it.
Every later run is one call of the generated function, then the variable
updates, applied after everything was computed, as in the plain session.
"""
from .codegen import GeneratedFunction
from .common_subexpressions import eliminate_common_subexpressions
from .constant_folding import fold_constants
from .identities import remove_identities
from .program import Program
from .stable_softmax import stabilize_softmax

PASSES = (fold_constants, eliminate_common_subexpressions, remove_identities,
          stabilize_softmax, eliminate_common_subexpressions)


def optimize(order, fetch_nodes, fed_nodes, passes=PASSES):
    """The program for `fetch_nodes`, given `order` (the nodes they need,
    inputs first) and the fed nodes, after every pass in `passes`."""
    program = Program.from_nodes(order, fetch_nodes, fed_nodes)
    for rewrite in passes:
        program = rewrite(program)
    return program


class OptimizedPlan:
    """Runs one set of fetches from a rewritten, compiled program.

    Attributes:
        program: the steps after the passes.
        function: the generated code (`function.source` is its text).
    """

    def __init__(self, order, fetch_nodes, fed_nodes):
        self.program = optimize(order, fetch_nodes, fed_nodes)
        self.function = GeneratedFunction(self.program)

    def execute(self, feed, check_numerics, on_error, check_finite):
        """The fetched values of one run, after applying its updates.

        `on_error(node, input_values, error)` and `check_finite(node, value,
        input_values)` come from the session, so an error names the learner's
        node (the step's origin) just as the plain session does."""
        fed_values = [feed[step.origin] for step in self.function.fed_steps]
        if check_numerics:
            fetched, updates = self._interpret(fed_values, on_error, check_finite)
        else:
            try:
                fetched, updates = self.function.run(*fed_values)
            except Exception:  # noqa: BLE001  (run again, step by step, to name the node)
                self._interpret(fed_values, on_error, None)
                raise
        applied = {}
        for step, value in zip(self.program.updates, updates):
            applied[step] = step.origin.apply(value)
        return [applied.get(step, value)
                for step, value in zip(self.program.fetches, fetched)]

    def _interpret(self, fed_values, on_error, check_finite):
        """The same run, one step at a time: slower, but it can tell which
        step failed or made the first NaN."""
        values = dict(zip(self.function.fed_steps, fed_values))
        for step in self.program.steps:
            if step.kind == "feed":
                continue
            inputs = [values[x] for x in step.inputs]
            if step.kind == "constant":
                values[step] = step.value
            elif step.kind == "variable":
                values[step] = step.origin.value
            else:
                try:
                    values[step] = step.compute(*inputs)
                except (ValueError, TypeError, IndexError, ArithmeticError) as error:
                    raise on_error(step.origin, inputs, error) from error
                if check_finite is not None:
                    check_finite(step.origin, values[step], inputs)
        return ([values[step] for step in self.program.fetches],
                [values[step] for step in self.program.updates])

