"""Code generation: the optimized program as one straight-line Python function.

The interpreter that chapter 2 builds loops over the nodes and calls each
one's `compute`. Once a program is fixed, that loop can be written out as
Python source, one line per step, and compiled: a run is then one function
call with no loop, no list of values and, for arithmetic, no method call at
all (`v5 = v3 @ v4`). `source` keeps the text, so it can be printed and read.
"""
import numpy as np

# Steps whose compute is exactly one of Python's operators or NumPy's functions.
_OPERATORS = {"Add": "{0} + {1}", "Subtract": "{0} - {1}", "Multiply": "{0} * {1}",
              "Divide": "{0} / {1}", "Negative": "-{0}", "Square": "{0} * {0}",
              "Exp": "np.exp({0})", "Log": "np.log({0})", "Tanh": "np.tanh({0})"}


class GeneratedFunction:
    """A program compiled to `run(*fed_values) -> (fetched values, update values)`.

    Attributes:
        source: the Python text of `run`, one line per step, each commented
            with the learner's node it computes.
        run: the compiled function; it takes the fed values in the order of
            `fed_steps`.
        fed_steps: the program's feed steps, in the order `run` takes them.
        names: each step's variable in `source` (`v5`).
        code: the code object of `run`, to find its frame in a traceback.
    """

    def __init__(self, program):
        self.fed_steps = [step for step in program.steps if step.kind == "feed"]
        names, lines, namespace = {}, [], {"np": np}
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
        self.names, self.code = names, self.run.__code__


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
    if step.op_type == "ExpandDims" and _ndim(step.inputs[0]) is not None:
        return args[0] + _new_axis(step.origin.axis, _ndim(step.inputs[0]) + 1)
    if step.op_type == "Unreduce" and _unreduced_axis(step) is not None:
        grad, like = args
        return f"np.full({like}.shape, {grad}{_unreduced_axis(step)})"
    if step.op_type == "ReduceMean" and _mean_of_all_floats(step):
        return f"{args[0]}.sum() / {args[0]}.size"
    if step.op_type == "InPlaceGradientDescent":  # (grad * -rate, ...): one per variable
        namespace[f"optimizer{k}"] = step.origin.optimizer
        rate, in_place = f"-optimizer{k}.learning_rate", dict(step.attrs)["scale_in_place"]
        return "(" + "".join(f"np.multiply({name}, {rate}, out={name}), " if private
                             else f"{name} * {rate}, "
                             for name, private in zip(args, in_place)) + ")"
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


def _ndim(step):
    return None if step.shape is None else len(step.shape)


def _new_axis(axis, ndim):
    """The index that gives an array a new axis of size 1 at `axis` of the
    result's `ndim` axes: `[:, None]` for axis 1 (or -1 of 2)."""
    position = axis % ndim
    return f"[{':, ' * position}None]"


def _unreduced_axis(step):
    """For an Unreduce, what indexing gives the reduced gradient its axis back
    ("" when it has it already); None when only the run can tell."""
    origin = step.origin
    if origin.keepdims or origin.axis is None:
        return ""
    if isinstance(origin.axis, int) and _ndim(step.inputs[1]) is not None:
        return _new_axis(origin.axis, _ndim(step.inputs[1]))
    return None


def _mean_of_all_floats(step):
    """Whether a ReduceMean averages every element of a float32 or float64
    array: then it is the sum over the count, as the operation computes it."""
    origin = step.origin
    return (origin.axis is None and not origin.keepdims
            and step.inputs[0].dtype in (np.float32, np.float64))


def _comment(step):
    op_type = step.op_type or step.origin.type
    name = step.origin.name if step.origin is not None else ""
    return f"{op_type} '{name}'" if name else op_type
