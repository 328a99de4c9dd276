"""The optimizing session: chapter 2's session, with its runs rewritten and compiled.

`OptimizingSession` is a `Session` that overrides one method, `run`. The
first run of each set of fetches and fed nodes makes an `OptimizedPlan`
(the passes, then code generation); every run then calls it. When that run
fails, the plain interpreter does the same run again, so the error is the
one the plain session gives, naming the learner's node; the random numbers
the failed run drew are taken as given, so none is drawn twice.
`Session(optimize=True)` makes one.
"""
from ..session import Session, _flatten, _rebuild, execution_order
from .plan import OptimizedPlan


class OptimizingSession(Session):
    """A `Session` whose runs give the same values as the plain session's,
    faster. With `check_numerics`, runs are the plain session's (it names
    the first NaN itself). `optimize` is there for `Session(optimize=True)`,
    which passes it on; this session always optimizes."""

    def __init__(self, graph=None, check_numerics=False, optimize=True):
        super().__init__(graph, check_numerics)
        self._plans = {}

    def run(self, fetches, feed_dict=None):
        """As `Session.run`: the same values, types and errors, computed by
        the compiled plan of these fetches and fed nodes."""
        __tracebackhide__ = True
        if self.check_numerics:
            return super().run(fetches, feed_dict)
        fetch_nodes = _flatten(fetches, [])
        feed = self._checked_feed(fetch_nodes, feed_dict)
        plan = self._plan(fetch_nodes, feed)
        try:
            values = plan.run(feed)
        except Exception as error:
            drawn = plan.drawn_before(error)
        else:
            return _rebuild(fetches, iter(values))
        # The plain run says which node failed, and how, as a plain session does.
        return super().run(fetches, {**feed, **drawn})

    def generated_code(self, fetches, feed_dict=None):
        """The Python source that this session runs for `fetches` when the
        nodes in `feed_dict` are fed (their values do not matter)."""
        fetch_nodes = _flatten(fetches, [])
        return self._plan(fetch_nodes, dict.fromkeys(feed_dict or {})).source

    def _plan(self, fetch_nodes, fed):
        """The optimized plan for these fetches and fed nodes, made on first use."""
        __tracebackhide__ = True
        key = (tuple(fetch_nodes), frozenset(fed))
        if key not in self._plans:
            self._plans[key] = OptimizedPlan(execution_order(fetch_nodes, fed), fetch_nodes, fed)
        return self._plans[key]

    def close(self):
        super().close()
        self._plans.clear()


Session.optimizing_session = OptimizingSession
