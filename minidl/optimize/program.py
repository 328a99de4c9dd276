"""A program: the steps one run needs, in order, as the optimizer sees them.

The optimizer never edits the learner's graph. It copies the nodes a run
needs into a program of `Step`s, rewrites that, and runs the result. Each step
remembers the learner's node it stands for (`origin`), so an error or a NaN
found in the optimized run still names a node the learner built.
"""
from ..constant import Constant
from ..variable import Variable, VariableUpdate


class Step:
    """One value of the program: `compute(*values of inputs)`.

    Attributes:
        kind: "feed", "constant", "variable", "update" or "compute".
        op_type: the operation type, e.g. "MatMul" ("Placeholder", "Const",
            "Variable" for the other kinds): what rewrites match on. Only
            minidl's own classes have one; a learner's operation, whatever
            its class is called, has None, and no rewrite touches it.
        inputs: the steps whose values `compute` takes, in order.
        compute: the function that computes the value (an operation's
            `compute`, or one a rewrite made).
        apply: for an update step, what changes the variables once the run
            has computed everything (the operation's `apply`, or a pass's).
        origin: the learner's node this step stands for.
        value: a constant step's value.
        attrs: what besides its inputs decides the value (an axis, a perm),
            for finding two steps that compute the same thing.
    """

    def __init__(self, kind, op_type, inputs=(), compute=None, origin=None,
                 value=None, attrs=(), shape=None, dtype=None):
        self.kind, self.op_type = kind, op_type
        self.inputs, self.compute = list(inputs), compute
        self.origin, self.value, self.attrs = origin, value, attrs
        self.apply = origin.apply if kind == "update" else None
        self.shape = origin.shape if shape is None and origin is not None else shape
        self.dtype = origin.dtype if dtype is None and origin is not None else dtype

    @property
    def stateful(self):
        """Whether the step's operation may give a new value at every run
        (random numbers): it says so itself, or it says nothing and is not
        minidl's own (a learner's operation is never guessed to be pure)."""
        declared = getattr(self.origin, "stateful", None)
        if declared is None:
            return self.kind == "compute" and not _is_minidl_operation(self.origin)
        return declared

    @property
    def pure(self):
        """Whether the value depends only on the inputs' values: then it may be
        computed ahead of time, or shared with a step that computes the same."""
        return self.kind in ("constant", "compute") and not self.stateful

    def __repr__(self):
        name = f" '{self.origin.name}'" if self.origin is not None else ""
        return f"<Step {self.op_type or self.origin.type}{name}>"


class Program:
    """The steps of one run, inputs before the steps that use them.

    Attributes:
        steps: every step, in an order where inputs come first.
        fetches: the steps whose values the run returns, one per fetch.
        updates: the "update" steps: their values change variables after the run.
    """

    def __init__(self, steps, fetches, updates):
        self.steps, self.fetches, self.updates = steps, fetches, updates

    @classmethod
    def from_nodes(cls, order, fetch_nodes, fed_nodes):
        """The program that computes `fetch_nodes` given values for `fed_nodes`;
        `order` lists the other nodes they need, inputs first."""
        step_of = {node: Step("feed", "Placeholder", origin=node) for node in fed_nodes}
        for node in order:
            step_of[node] = _step_for(node, [step_of[x] for x in node.inputs])
        steps = [step_of[node] for node in fed_nodes] + [step_of[node] for node in order]
        updates = [step for step in steps if step.kind == "update"]
        return cls(steps, [step_of[node] for node in fetch_nodes], updates).prune()

    def replace(self, replacements):
        """Use `replacements[step]` wherever a step in it was used, then drop
        the steps nothing needs any more."""
        def final(step):
            while step in replacements:
                step = replacements[step]
            return step
        for step in self.steps:
            step.inputs = [final(x) for x in step.inputs]
        self.fetches = [final(step) for step in self.fetches]
        self.prune()

    def substitute(self, new_step_for):
        """Put `new_step_for(step)` in place of each step for which it is not
        None: the new step goes just before the old one (its inputs come
        earlier), the old one's users read it instead, and the old one goes
        unless something else still needs it."""
        replacements, steps = {}, []
        for step in self.steps:
            step.inputs = [replacements.get(x, x) for x in step.inputs]
            new = new_step_for(step)
            if new is not None:
                steps.append(new)
                replacements[step] = new
            steps.append(step)
        self.steps = steps
        self.replace(replacements)
        return self

    def prune(self):
        """Keep only the steps a fetch or an update needs (in their order)."""
        needed, stack = set(), list(self.fetches) + list(self.updates)
        while stack:
            step = stack.pop()
            if step not in needed:
                needed.add(step)
                stack.extend(step.inputs)
        self.steps = [step for step in self.steps if step in needed]
        return self

    def count(self, kind="compute"):
        """How many steps of a kind the program has."""
        return sum(step.kind == kind for step in self.steps)


def _step_for(node, inputs):
    """The step that stands for `node` (not fed), given the steps of its inputs."""
    if isinstance(node, Constant):
        return Step("constant", "Const", origin=node, value=node.value)
    if isinstance(node, Variable):
        return Step("variable", "Variable", origin=node)
    kind = "update" if isinstance(node, VariableUpdate) else "compute"
    op_type = node.type if _is_minidl_operation(node) else None
    return Step(kind, op_type, inputs, node.compute, origin=node, attrs=_attrs_of(node))


def _is_minidl_operation(node):
    """Whether `node` is one of minidl's own operations (its class is defined
    in the library), which the passes know: matched by where the class lives,
    never by its name."""
    return type(node).__module__.partition(".")[0] == "minidl"


def _attrs_of(node):
    """What besides its inputs decides an operation's value: its own attributes,
    as something hashable, or None when one of them cannot be compared."""
    bookkeeping = {"graph", "name", "inputs", "consumers", "dtype", "shape"}
    try:
        attrs = tuple(sorted((key, _hashable(value)) for key, value in vars(node).items()
                             if key not in bookkeeping))
        hash(attrs)
    except TypeError:
        return None
    return attrs


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(x) for x in value)
    if hasattr(value, "tobytes"):
        return (value.dtype.str, value.shape, value.tobytes())
    return value
