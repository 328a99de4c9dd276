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
    A vector operand works as in NumPy: (n, k) @ (k,) gives (n,), and its
    gradient puts back the axis the vector lacks: dL/db_k = sum_n dL/dC_n A_nk.
    """

    default_name = "matmul"

    def __init__(self, a, b, name=None):
        super().__init__([a, b], name)

    def compute(self, a, b):
        return np.matmul(a, b)

    def gradient(self, grad):
        a, b = self.inputs
        if b.ndim == 1:
            grad = expand_dims(grad, -1)
            return [grad * b, unbroadcast(grad * a, b)]
        if a.ndim == 1:
            grad = expand_dims(grad, -2)
            return [unbroadcast(reduce_sum(b * grad, -1), a), expand_dims(a, -1) * grad]
        return [unbroadcast(matmul(grad, matrix_transpose(b)), a),
                unbroadcast(matmul(matrix_transpose(a), grad), b)]


def matmul(a, b, name=None):
    """The matrix product a @ b (`tf.matmul`; like NumPy, it also takes vectors)."""
    return MatMul(a, b, name)
