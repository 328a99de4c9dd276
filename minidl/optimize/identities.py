"""Algebraic identities: steps that give back their input unchanged.

`x * 1`, `x + 0`, `x - 0`, `-(-x)` and a transpose of a transpose are x
itself. Gradient code makes such steps often (the loss's gradient starts as
ones). Each rule only fires when the result has exactly x's shape and dtype,
so that a `* 1` that broadcasts x to a larger shape is kept.
"""


def remove_identities(program):
    """Let the users of each identity step read its input instead."""
    replacements = {}
    for step in program.steps:
        step.inputs = [replacements.get(x, x) for x in step.inputs]
        same = _identity_of(step)
        if same is not None and _same_shape_and_dtype(same, step):
            replacements[step] = same
    program.replace(replacements)
    return program


def _identity_of(step):
    """The input that `step` gives back unchanged, or None."""
    if step.kind != "compute":
        return None
    inputs = step.inputs
    if step.op_type == "Multiply":
        return _other_than(inputs, 1)
    if step.op_type == "Add":
        return _other_than(inputs, 0)
    if step.op_type in ("Subtract", "Divide"):
        x, y = inputs
        return x if _is_constant(y, 0 if step.op_type == "Subtract" else 1) else None
    if step.op_type == "Negative" and inputs[0].op_type == "Negative":
        return inputs[0].inputs[0]
    if step.op_type == "MatrixTranspose" and inputs[0].op_type == "MatrixTranspose":
        return inputs[0].inputs[0]
    return None


def _other_than(inputs, number):
    """Of two inputs, the one that is not a constant equal to `number` everywhere."""
    x, y = inputs
    if _is_constant(y, number):
        return x
    if _is_constant(x, number):
        return y
    return None


def _is_constant(step, number):
    """A constant of one element equal to `number` (a larger one could broadcast
    its partner to a larger shape, which no shape check before running can rule out)."""
    return step.kind == "constant" and step.value.size == 1 and bool(step.value == number)


def _same_shape_and_dtype(x, step):
    """Only a known, equal shape and dtype make replacing `step` by `x` safe,
    and at least one axis: arithmetic on a 0-d array gives a NumPy scalar,
    which is what the plain run returns (and `json.dumps` takes), not x's array."""
    return (x.shape is not None and step.shape is not None and len(step.shape) > 0
            and tuple(x.shape) == tuple(step.shape) and x.dtype == step.dtype)
