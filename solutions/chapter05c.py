"""Model answer to chapter 5c, autodiff in one page: the complete scalar engine."""
import math


class Scalar:
    """A number that remembers how it was computed, for reverse-mode differentiation.

    parents: pairs (input, local derivative d self / d input), one per input.
    grad: d output / d self, filled in by `output.backward()`.
    """

    def __init__(self, value, parents=()):
        self.value = float(value)
        self.parents = parents
        self.grad = 0.0

    def __repr__(self):
        return f"Scalar(value={self.value:.4f}, grad={self.grad:.4f})"

    def __add__(self, other):
        other = lift(other)
        return Scalar(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        other = lift(other)
        return Scalar(self.value * other.value, ((self, other.value), (other, self.value)))

    def __pow__(self, exponent):
        local = exponent * self.value ** (exponent - 1)
        return Scalar(self.value ** exponent, ((self, local),))

    def exp(self):
        e = math.exp(self.value)
        return Scalar(e, ((self, e),))

    def tanh(self):
        t = math.tanh(self.value)
        return Scalar(t, ((self, 1 - t * t),))

    __radd__ = __add__

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + -lift(other)

    def __rsub__(self, other):
        return lift(other) - self

    def __truediv__(self, other):
        return self * lift(other) ** -1

    def __rtruediv__(self, other):
        return lift(other) * self ** -1

    def backward(self):
        """Fill in grad = d self / d node for every node self depends on: walk a
        topological order backwards, so that a node has received everything
        from its consumers before it passes its grad on to its parents."""
        order, visited = [], set()

        def visit(node):
            if id(node) not in visited:
                visited.add(id(node))
                for parent, _ in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in node.parents:
                parent.grad += local * node.grad


def lift(x):
    """A plain number as a Scalar (a constant); a Scalar as it is."""
    return x if isinstance(x, Scalar) else Scalar(x)
