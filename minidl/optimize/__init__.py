"""The optimizing session's layer: rewrite the graph a run needs, then compile it.

`Session(optimize=True)` hands each new set of fetches and feeds to
`OptimizedPlan`. Each pass is a module of its own: constant folding, common
subexpressions, algebraic identities, the stable softmax rewrites, the softmax
cross-entropy's gradient as one step, in-place updates, and code generation.
None of them changes the learner's graph.
"""
from .plan import PASSES, OptimizedPlan, optimize

__all__ = ["PASSES", "OptimizedPlan", "optimize"]
