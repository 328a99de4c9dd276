"""Sessions: running a graph.

`Session.run(fetches, feed_dict)` lists the nodes the fetches need in
topological order (inputs first), stopping at fed nodes, and computes each
from its inputs' values. Variables change only at the end of a run.
"""
import numpy as np

from . import default_session
from .graph import Node, format_shape, get_default_graph
from .placeholder import Placeholder
from .shapes import shape_matches
from .traversal import topological_order
from .variable import VariableUpdate, refuse_two_updates_of_one_variable


class Session:
    """Runs the nodes of one graph (`tf.Session`). Usable as a context
    manager, which makes it the default session (`minidl.default_session`).

    Args:
        graph: the graph to run; the default graph when None.
        check_numerics: when True, a run stops at the first operation whose
            value contains NaN or infinity, naming it and its inputs. Slower;
            meant for hunting down a `log(0)`.
        optimize: when True, the session made is chapter 12's optimizing
            session, a layer built on this one (`minidl.optimize`): the same
            values, computed faster. This class itself never optimizes.
    """

    optimizing_session = None  # the class optimize=True makes; minidl.optimize sets it

    def __new__(cls, graph=None, check_numerics=False, optimize=False):
        if optimize and cls is Session:  # the door into chapter 12's layer
            if Session.optimizing_session is None:
                raise RuntimeError("Session(optimize=True) needs chapter 12's layer: "
                                   "import minidl.optimize first")
            cls = Session.optimizing_session
        return super().__new__(cls)

    def __init__(self, graph=None, check_numerics=False, optimize=False):
        self.graph = graph or get_default_graph()
        self.check_numerics = check_numerics
        self.closed = False
        self._orders = {}

    def run(self, fetches, feed_dict=None):
        """Compute the values of `fetches`.

        Args:
            fetches: a node, or any nesting of lists, tuples and dicts of nodes.
            feed_dict: values for placeholders (or any other node, whose value
                is then taken as given), as `{node: value}`.

        Returns:
            The values, as NumPy arrays, in the same structure as `fetches`.
        """
        __tracebackhide__ = True  # an error shows the learner's line, then its own
        fetch_nodes = _flatten(fetches, [])
        values = self._checked_feed(fetch_nodes, feed_dict)
        key = (tuple(fetch_nodes), frozenset(values))
        if key not in self._orders:  # the same order serves every run of a training loop
            self._orders[key] = execution_order(fetch_nodes, fed_nodes=values)
        order = self._orders[key]
        # With check_numerics, the run names the first NaN or infinity itself.
        with np.errstate(all="ignore" if self.check_numerics else None):
            for node in order:
                try:
                    values[node] = node.compute(*[values[x] for x in node.inputs])
                except (ValueError, TypeError, IndexError, ArithmeticError) as error:
                    raise _compute_error(node, values, error) from error
                if self.check_numerics:
                    _check_finite(node, values)
        # Only now, with every value computed, do variables change: all at once,
        # and not at all if a node failed. (An update rebinds `variable.value`
        # to a new array, so an array that a run returned never changes.)
        for node in order:
            if isinstance(node, VariableUpdate):
                values[node] = node.apply(values[node])
        return _rebuild(fetches, iter([values[node] for node in fetch_nodes]))

    def close(self):
        """Free the session; using it again is an error."""
        self.closed = True
        self._orders.clear()

    def __enter__(self):  # inside `with`, this is the default session
        default_session.make_default(self)
        return self

    def __exit__(self, *exc_info):
        default_session.stop_being_default(self)
        self.close()
        return False

    def as_default(self):
        """A `with` block in which this session is the default session."""
        return default_session.as_default(self)

    def _checked_feed(self, fetch_nodes, feed_dict):
        """The fed values as {node: array}, once the fetches and the feed are checked."""
        __tracebackhide__ = True
        if self.closed:
            raise RuntimeError("this session is closed; open a new one with minidl.Session()")
        for node in fetch_nodes:
            self._check_in_graph(node, "fetch")
        feed = {}
        for node, value in (feed_dict or {}).items():
            self._check_in_graph(node, "feed")
            feed[node] = _checked_feed(node, value)
        return feed

    def _check_in_graph(self, node, verb):
        if not isinstance(node, Node):
            raise TypeError(f"cannot {verb} {node!r}: only minidl nodes can be "
                            f"{'fetched' if verb == 'fetch' else 'fed'}")
        if node.graph is not self.graph:
            raise ValueError(f"cannot {verb} '{node.name}': it belongs to another graph "
                             f"than this session's; create the session with "
                             f"minidl.Session(graph=...) for that graph")


def execution_order(fetch_nodes, fed_nodes):
    """The nodes a run must compute to get `fetch_nodes`, in topological order,
    leaving out the fed nodes (their values are given) and everything only
    they need.

    Raises:
        ValueError: a placeholder is needed but not fed, or two updates change
            one variable; the message names them.
    """
    __tracebackhide__ = True
    order = topological_order(fetch_nodes, stop_at=fed_nodes)
    for node in order:
        if isinstance(node, Placeholder) and node not in fed_nodes:
            raise ValueError(_missing_feed_message(node, fetch_nodes))
    refuse_two_updates_of_one_variable(order)
    return [node for node in order if node not in fed_nodes]


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


def _compute_error(node, values, error):
    """The error of a node that failed, naming it and its inputs' shapes."""
    inputs = ", ".join(_describe(x, values[x]) for x in node.inputs)
    kind = next(k for k in (TypeError, ValueError, IndexError, ArithmeticError)
                if isinstance(error, k))
    return kind(f"{node.type} '{node.name}' failed on inputs {inputs or '(none)'}: {error}")


def _check_finite(node, values):
    """An error naming `node` if its value holds NaN or infinity. For an
    update (a value of {variable: new value}) each new value counts."""
    value = values[node]
    named = value.items() if isinstance(value, dict) else [(node, value)]
    for owner, array in named:
        if np.issubdtype(np.asarray(array).dtype, np.inexact) and not np.all(np.isfinite(array)):
            inputs = "; ".join(f"{_describe(x, values[x])} {_value_range(values[x])}"
                               for x in node.inputs)
            target = "" if owner is node else f" for variable '{owner.name}'"
            raise FloatingPointError(
                f"{node.type} '{node.name}' produced NaN or infinity{target} from inputs: "
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
