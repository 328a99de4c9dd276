"""Code generation: the optimized program as one straight-line Python function.

The interpreter that chapter 2 builds loops over the nodes and calls each
one's `compute`. Once a program is fixed, that loop can be written out as
Python source, one line per step, and compiled: a run is then one function
call with no loop, no list of values and, for arithmetic, no method call at
all (`v5 = v3 @ v4`). `source` keeps the text, so it can be printed and read.
"""

# Steps whose compute is exactly one of Python's operators on arrays.
_OPERATORS = {"Add": "{0} + {1}", "Subtract": "{0} - {1}", "Multiply": "{0} * {1}",
              "Divide": "{0} / {1}", "Negative": "-{0}", "Square": "{0} * {0}"}


class GeneratedFunction:
    """A program compiled to `run(*fed_values) -> (fetched values, update values)`.

    Attributes:
        source: the Python text of `run`, one line per step, each commented
            with the learner's node it computes.
        run: the compiled function; it takes the fed values in the order of
            `fed_steps`.
        fed_steps: the program's feed steps, in the order `run` takes them.
    """

    def __init__(self, program):
        self.fed_steps = [step for step in program.steps if step.kind == "feed"]
        names, lines, namespace = {}, [], {}
        for k, step in enumerate(program.steps):
            names[step] = f"v{k}"
            if step.kind != "feed":
                lines.append(f"    v{k} = {_expression(step, k, names, namespace)}"
                             f"  # {_comment(step)}")
        fetched = "".join(f"{names[step]}, " for step in program.fetches)
        updated = "".join(f"{names[step]}, " for step in program.updates)
        arguments = ", ".join(names[step] for step in self.fed_steps)
        self.source = "\n".join([f"def run({arguments}):", *lines,
                                 f"    return ({fetched}), ({updated})"])
        exec(compile(self.source, "<minidl optimized run>", "exec"), namespace)
        self.run = namespace["run"]


def _expression(step, k, names, namespace):
    """The right-hand side that computes `step`, given its inputs' names."""
    args = [names[x] for x in step.inputs]
    if step.kind == "constant":
        namespace[f"c{k}"] = step.value
        return f"c{k}"
    if step.kind == "variable":
        namespace[f"var{k}"] = step.origin
        return f"var{k}.value"
    if step.op_type in _OPERATORS:
        return _OPERATORS[step.op_type].format(*args)
    if step.op_type == "MatMul" and (not _transposes(step) or _matrices(step.inputs)):
        a, b = (f"{name}.mT" if getattr(step.origin, flag) else name
                for name, flag in zip(args, ("transpose_a", "transpose_b")))
        return f"{a} @ {b}"
    if step.op_type == "ReduceSum":
        return f"{args[0]}.sum(axis={step.origin.axis!r}, keepdims={step.origin.keepdims})"
    if step.op_type == "Unbroadcast" and _leading_axes_summed(step) is not None:
        axes = _leading_axes_summed(step)
        return f"{args[0]}.sum(axis={axes!r})" if axes else args[0]
    namespace[f"f{k}"] = step.compute
    return f"f{k}({', '.join(args)})"


def _transposes(step):
    origin = step.origin
    return getattr(origin, "transpose_a", False) or getattr(origin, "transpose_b", False)


def _matrices(steps):
    """Whether every step is known, before running, to hold a matrix (or a stack)."""
    return all(x.shape is not None and len(x.shape) >= 2 for x in steps)


def _leading_axes_summed(step):
    """For an Unbroadcast whose shapes are known before running (a bias's
    gradient: (None, 8) summed to (8,)), the leading axes it sums; None when
    only the run can tell."""
    grad, like = (x.shape for x in step.inputs)
    if grad is None or like is None or None in like or len(grad) < len(like):
        return None
    extra = len(grad) - len(like)
    if tuple(grad[extra:]) != tuple(like):
        return None
    return tuple(range(extra))


def _comment(step):
    name = step.origin.name if step.origin is not None else ""
    return f"{step.op_type} '{name}'" if name else step.op_type
