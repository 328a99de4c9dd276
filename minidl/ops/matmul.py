"""The matrix product, with NumPy's rules (so a matrix times a vector works)."""
import numpy as np

from ..operation import Operation
from .broadcast import unbroadcast
from .reductions import reduce_sum
from .shape_ops import expand_dims, matrix_transpose


class MatMul(Operation):
    """a @ b, the matrix product: (n, k) @ (k, m) gives (n, m).

    With C = A B, each C_ij = sum_k A_ik B_kj, so
    dL/dA = dL/dC B^T  and  dL/dB = A^T dL/dC.
    `transpose_a` and `transpose_b` multiply by A^T or B^T instead, with no
    node of their own to transpose first; the gradients use them.
    A vector operand works as in NumPy: (n, k) @ (k,) gives (n,), and its
    gradient puts back the axis the vector lacks: dL/db_k = sum_n dL/dC_n A_nk.
    Stacks of matrices broadcast like NumPy arrays, so their gradients are
    unbroadcast; two plain matrices broadcast nothing.
    """

    default_name = "matmul"

    def __init__(self, a, b, transpose_a=False, transpose_b=False, name=None):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b
        super().__init__([a, b], name)

    def compute(self, a, b):
        return np.matmul(a.mT if self.transpose_a else a, b.mT if self.transpose_b else b)

    def gradient(self, grad):
        a, b = self.inputs
        if b.ndim == 1:
            grad = expand_dims(grad, -1)
            return [grad * b, unbroadcast(grad * a, b)]
        if a.ndim == 1:
            grad = expand_dims(grad, -2)
            return [unbroadcast(reduce_sum(b * grad, -1), a), expand_dims(a, -1) * grad]
        # With A' = A^T when transpose_a (else A), and B' likewise, C = A' B',
        # so dL/dA' = dL/dC B'^T and dL/dB' = A'^T dL/dC.
        grad_a = matmul(grad, b, transpose_b=not self.transpose_b)
        grad_b = matmul(a, grad, transpose_a=not self.transpose_a)
        if self.transpose_a:
            grad_a = matrix_transpose(grad_a)
        if self.transpose_b:
            grad_b = matrix_transpose(grad_b)
        if a.ndim == b.ndim == 2:
            return [grad_a, grad_b]
        return [unbroadcast(grad_a, a), unbroadcast(grad_b, b)]


def matmul(a, b, transpose_a=False, transpose_b=False, name=None):
    """The matrix product a @ b, of a^T or b^T with `transpose_a` or
    `transpose_b` (`tf.matmul`; like NumPy, it also takes vectors)."""
    return MatMul(a, b, transpose_a, transpose_b, name)
