"""Common-subexpression elimination: the same operation on the same inputs, once.

Backpropagation builds many steps that forward already computed, and equal
constants (two 1.0s, two axes) are made in many places. Two pure steps of one
type, with the same attributes and the same inputs, always have the same
value, so the later one is dropped and its users read the earlier one.
"""


def eliminate_common_subexpressions(program):
    """Keep one step of each group that computes the same value."""
    first_with, replacements = {}, {}
    for step in program.steps:
        step.inputs = [replacements.get(x, x) for x in step.inputs]
        key = _key(step)
        if key is None:
            continue
        if key in first_with:
            replacements[step] = first_with[key]
        else:
            first_with[key] = step
    program.replace(replacements)
    return program


def _key(step):
    """What makes two steps equal: None for a step that must stay on its own."""
    if step.kind == "constant":
        value = step.value
        return ("constant", type(value), value.dtype.str, value.shape, value.tobytes())
    if not step.pure or step.attrs is None:
        return None
    return (step.op_type, type(step.origin), step.attrs, tuple(map(id, step.inputs)))
