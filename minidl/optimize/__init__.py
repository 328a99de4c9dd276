"""The optimizing session's layer: rewrite the graph a run needs, then compile it.

`OptimizingSession` (what `Session(optimize=True)` makes) hands each new set
of fetches and feeds to `OptimizedPlan`. Each pass is a module of its own:
constant folding, common subexpressions, algebraic identities, the stable
softmax rewrites, the softmax cross-entropy's gradient as one step, in-place
updates, and code generation. None of them changes the learner's graph, and
the plain session (`minidl/session.py`) knows none of them.
"""
from .plan import PASSES, OptimizedPlan, optimize
from .session import OptimizingSession

__all__ = ["PASSES", "OptimizedPlan", "OptimizingSession", "optimize"]
