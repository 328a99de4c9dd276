"""Sessions: running a graph.

`Session.run(fetches, feed_dict)` works out which nodes the fetches need,
puts them in topological order (inputs first), and computes each once. The
order is worked out once per combination of fetches and fed nodes and then
reused: the loop that runs it is the whole cost of a run on top of NumPy.
"""
import numpy as np

from .graph import Node, format_shape, get_default_graph
from .placeholder import Placeholder
from .shapes import shape_matches
from .traversal import topological_order
from .variable import Variable, VariableUpdate


class Session:
    """Runs the nodes of one graph (`tf.Session`). Usable as a context manager.

    Args:
        graph: the graph to run; the default graph when None.
        check_numerics: when True, a run stops at the first operation whose
            value contains NaN or infinity, naming it and its inputs. Slower;
            meant for hunting down a `log(0)`.
    """

    def __init__(self, graph=None, check_numerics=False):
        self.graph = graph or get_default_graph()
        self.check_numerics = check_numerics
        self.closed = False
        self._plans = {}

    def run(self, fetches, feed_dict=None):
        """Compute the values of `fetches`.

        Args:
            fetches: a node, or any nesting of lists, tuples and dicts of nodes.
            feed_dict: values for placeholders (or any other node, whose value
                is then taken as given), as `{node: value}`.

        Returns:
            The values, as NumPy arrays, in the same structure as `fetches`.
            An operation that only updates variables (an optimizer step) gives None.
        """
        if self.closed:
            raise RuntimeError("this session is closed; open a new one with minidl.Session()")
        fetch_nodes = _flatten(fetches, [])
        for node in fetch_nodes:
            self._check_in_graph(node, "fetch")
        feed = {}
        for node, value in (feed_dict or {}).items():
            self._check_in_graph(node, "feed")
            feed[node] = _checked_feed(node, value)
        plan = self._plans.get((tuple(fetch_nodes), frozenset(feed)))
        if plan is None:
            plan = _Plan(fetch_nodes, feed)
            self._plans[(tuple(fetch_nodes), frozenset(feed))] = plan
        if self.check_numerics:
            # The run reports the first NaN or infinity itself, by name; NumPy's
            # own warning about it would only come first and say less.
            with np.errstate(all="ignore"):
                fetched = plan.execute(feed, check_numerics=True)
        else:
            fetched = plan.execute(feed, check_numerics=False)
        return _rebuild(fetches, iter(fetched))

    def close(self):
        """Free the session; using it again is an error."""
        self.closed = True
        self._plans.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def _check_in_graph(self, node, verb):
        if not isinstance(node, Node):
            raise TypeError(f"cannot {verb} {node!r}: only minidl nodes can be "
                            f"{'fetched' if verb == 'fetch' else 'fed'}")
        if node.graph is not self.graph:
            raise ValueError(f"cannot {verb} '{node.name}': it belongs to another graph "
                             f"than this session's; create the session with "
                             f"minidl.Session(graph=...) for that graph")


class _Plan:
    """How to run one set of fetches given one set of fed nodes, worked out once.

    Every node needed gets a position in the topological order; a run keeps
    the values in a list indexed by those positions. Each step also lists the
    values that no later step reads: they are dropped as soon as that step has
    run, so NumPy can reuse their memory while it is still in the cache.
    """

    def __init__(self, fetch_nodes, fed_nodes):
        order = topological_order(fetch_nodes, stop_at=fed_nodes)
        missing = [node for node in order
                   if isinstance(node, Placeholder) and node not in fed_nodes]
        if missing:
            raise ValueError(_missing_feed_message(missing[0], fetch_nodes))
        position = {node: i for i, node in enumerate(order)}
        self.size = len(order)
        self.fed_positions = [(node, position[node]) for node in fed_nodes if node in position]
        self.fetch_positions = [position[node] for node in fetch_nodes]
        self.variables = [node for node in order if isinstance(node, Variable)]
        steps = [(i, node, node.compute, [position[x] for x in node.inputs])
                 for i, node in enumerate(order) if node not in fed_nodes]
        self.updates = [(i, node) for i, node, _, _ in steps if isinstance(node, VariableUpdate)]
        kept = set(self.fetch_positions) | {i for i, _ in self.updates}
        self.steps = [step + (done_with,)
                      for step, done_with in zip(steps, _last_reads(steps, kept))]

    def execute(self, feed, check_numerics):
        """Compute every node in order, then apply the variable updates.
        Returns the values of the fetches."""
        values = [None] * self.size
        for node, i in self.fed_positions:
            values[i] = feed[node]
        for i, node, compute, input_positions, done_with in self.steps:
            inputs = [values[j] for j in input_positions]
            try:
                values[i] = compute(*inputs)
            except (ValueError, TypeError, IndexError, ArithmeticError) as error:
                raise _compute_error(node, inputs, error) from error
            if check_numerics:
                _check_finite(node, values[i], inputs)
            for j in done_with:
                values[j] = None
        # An optimizer's step writes into the variables' own arrays, so a fetched
        # value that is such an array, or a view of one, is copied first: what a
        # run returns never changes afterwards.
        variable_arrays = [variable.value for variable in self.variables]
        for i in self.fetch_positions:
            values[i] = _unshared(values[i], variable_arrays)
        for i, update in self.updates:
            values[i] = update.apply(values[i])
        return [values[i] for i in self.fetch_positions]


def _last_reads(steps, kept):
    """For each step, the positions of the values it is the last step to read,
    leaving out the positions in `kept` (needed after the steps)."""
    last_reader = {}
    for k, (_, _, _, input_positions) in enumerate(steps):
        for j in input_positions:
            last_reader[j] = k
    done_with = [[] for _ in steps]
    for j, k in last_reader.items():
        if j not in kept:
            done_with[k].append(j)
    return done_with


def _unshared(value, arrays):
    """`value`, or a copy of it if it is one of `arrays` or a view of one.
    (NumPy keeps the array that owns a view's memory in `view.base`.)"""
    if isinstance(value, np.ndarray):
        owner = value if value.base is None else value.base
        if any(owner is array for array in arrays):
            return value.copy()
    return value


def _checked_feed(node, value):
    """`value` as an array of the node's dtype and shape, or a clear error."""
    if not (isinstance(value, np.ndarray) and value.dtype == (node.dtype or value.dtype)):
        try:
            array = np.asarray(value)
        except ValueError as error:
            raise ValueError(f"the value fed to {_what(node)} is not an array: {error}") from None
        if node.dtype is not None and array.dtype != node.dtype:
            if not np.can_cast(array.dtype, node.dtype, casting="same_kind"):
                raise TypeError(f"{_what(node)} holds {node.dtype.name} values and cannot be "
                                f"fed {array.dtype.name} values; convert them first, e.g. "
                                f"np.asarray(value, dtype='{node.dtype.name}')")
            array = array.astype(node.dtype)
        value = array
    if not shape_matches(value.shape, node.shape):
        raise ValueError(f"{_what(node)} has shape {format_shape(node.shape)} (None matches "
                         f"any size), but the value fed has shape {value.shape}")
    return value


def _what(node):
    """How an error message names a fed node: `placeholder 'X'`."""
    return f"{node.type.lower()} '{node.name}'"


def _missing_feed_message(placeholder, fetch_nodes):
    names = ", ".join(f"'{node.name}'" for node in fetch_nodes)
    return (f"placeholder '{placeholder.name}' needs a value: {names} depend(s) on it. "
            f"Give it one with feed_dict={{{placeholder.name}: ...}}")


def _describe(node, value):
    shape = getattr(value, "shape", ())
    dtype = getattr(value, "dtype", type(value).__name__)
    return f"'{node.name}' (shape {tuple(shape)}, {dtype})"


def _compute_error(node, input_values, error):
    inputs = ", ".join(_describe(x, v) for x, v in zip(node.inputs, input_values))
    kind = next(k for k in (TypeError, ValueError, IndexError, ArithmeticError)
                if isinstance(error, k))
    return kind(f"{node.type} '{node.name}' failed on inputs {inputs or '(none)'}: {error}")


def _check_finite(node, value, input_values):
    if np.issubdtype(np.asarray(value).dtype, np.inexact) and not np.all(np.isfinite(value)):
        inputs = "; ".join(f"{_describe(x, v)} {_value_range(v)}"
                           for x, v in zip(node.inputs, input_values))
        raise FloatingPointError(
            f"{node.type} '{node.name}' produced NaN or infinity from inputs: "
            f"{inputs or '(none)'}")


def _value_range(value):
    """`min 0 max 2` for an input in a NaN report, or `empty`: an empty array
    has neither (NumPy's min of one is an error)."""
    if np.size(value) == 0:
        return "empty"
    return f"min {np.min(value):.4g} max {np.max(value):.4g}"


def _flatten(fetches, nodes):
    """Collect the nodes in a nesting of lists, tuples and dicts, in order."""
    if isinstance(fetches, (list, tuple)):
        for item in fetches:
            _flatten(item, nodes)
    elif isinstance(fetches, dict):
        for item in fetches.values():
            _flatten(item, nodes)
    else:
        nodes.append(fetches)
    return nodes


def _rebuild(fetches, values):
    """The structure of `fetches`, with each node replaced by the next value."""
    if isinstance(fetches, (list, tuple)):
        items = [_rebuild(item, values) for item in fetches]
        if isinstance(fetches, list):
            return items
        is_namedtuple = hasattr(fetches, "_fields")  # its fields are separate arguments
        return type(fetches)(*items) if is_namedtuple else type(fetches)(items)
    if isinstance(fetches, dict):
        return {key: _rebuild(item, values) for key, item in fetches.items()}
    return next(values)
