"""The matrix product, with NumPy's rules (so a matrix times a vector works)."""
from ..operation import Operation
from ..shapes import broadcast_shapes, incompatible_inputs, one_element_dtype
from .broadcast import unbroadcast
from .reductions import reduce_sum
from .shape_ops import expand_dims


class MatMul(Operation):
    """a @ b, the matrix product: (n, k) @ (k, m) gives (n, m).

    With C = A B, each C_ij = sum_k A_ik B_kj, so
    dL/dA = dL/dC B^T  and  dL/dB = A^T dL/dC.

    `transpose_a` and `transpose_b` multiply by A^T or B^T instead, with no
    node of their own to transpose first. As in NumPy, a vector operand
    works ((n, k) @ (k,) gives (n,)) and stacks of matrices broadcast; the
    gradient for those cases is `_gradient_in_general`.
    """

    default_name = "matmul"

    def __init__(self, a, b, transpose_a=False, transpose_b=False, name=None):
        __tracebackhide__ = True
        self.transpose_a, self.transpose_b = transpose_a, transpose_b
        super().__init__([a, b], name)

    def compute(self, a, b):
        if self.transpose_a:
            a = _transposed(self, a, "a")
        if self.transpose_b:
            b = _transposed(self, b, "b")
        return a @ b

    def gradient(self, grad):
        a, b = self.inputs
        if a.ndim == b.ndim == 2 and not (self.transpose_a or self.transpose_b):
            return [matmul(grad, b, transpose_b=True),   # dL/dA = dL/dC B^T
                    matmul(a, grad, transpose_a=True)]   # dL/dB = A^T dL/dC
        return _gradient_in_general(self, grad)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        __tracebackhide__ = True
        return (_product_shape(self, *input_shapes),
                one_element_dtype(self, input_shapes, input_dtypes))


def matmul(a, b, transpose_a=False, transpose_b=False, name=None):
    """The matrix product a @ b, of a^T or b^T with `transpose_a` or
    `transpose_b` (`tf.matmul`; like NumPy, it also takes vectors)."""
    __tracebackhide__ = True
    return MatMul(a, b, transpose_a, transpose_b, name)


def _gradient_in_general(product, grad):
    """The gradients of `product` = a' @ b' for any operands: a' is a, or a^T
    with transpose_a (b' likewise); a vector a is a matrix of one row, a
    vector b one of one column; stacks of matrices broadcast.

    dL/da' = dL/dC b'^T and dL/db' = a'^T dL/dC, as for two matrices; the
    gradient of a transposed operand is transposed back, the axis a vector
    lacked is summed away, and broadcast stacks are summed (`unbroadcast`)."""
    a, b = product.inputs
    transpose_a, transpose_b = product.transpose_a, product.transpose_b
    if b.ndim == 1:
        grad, b = expand_dims(grad, -1), expand_dims(b, -1)
    if a.ndim == 1:
        grad, a = expand_dims(grad, -2), expand_dims(a, -2)
    if transpose_a:   # dL/dA = (dL/dA')^T = b' dL/dC^T
        grad_a = matmul(b, grad, transpose_a=transpose_b, transpose_b=True)
    else:             # dL/dA = dL/dC b'^T
        grad_a = matmul(grad, b, transpose_b=not transpose_b)
    if transpose_b:   # dL/dB = (dL/dB')^T = dL/dC^T a'
        grad_b = matmul(grad, a, transpose_a=True, transpose_b=transpose_a)
    else:             # dL/dB = a'^T dL/dC
        grad_b = matmul(a, grad, transpose_a=not transpose_a)
    original_a, original_b = product.inputs
    if original_a.ndim == 1:
        grad_a = reduce_sum(grad_a, -2)
    if original_b.ndim == 1:
        grad_b = reduce_sum(grad_b, -1)
    return [unbroadcast(grad_a, original_a), unbroadcast(grad_b, original_b)]


def _product_shape(product, a, b):
    """The shape of a' @ b' for operands of shapes `a` and `b` (see MatMul)."""
    if a is None or b is None:
        return None
    for shape, transposed, which in ((a, product.transpose_a, "a"),
                                      (b, product.transpose_b, "b")):
        if len(shape) == 0 or transposed and len(shape) < 2:
            need = "a matrix" if transposed else "a vector or a matrix"
            raise incompatible_inputs(product, [a, b], f"transpose_{which} needs {need}"
                                      if transposed else f"{which} must be {need}")
    rows = () if len(a) == 1 else (a[-1],) if product.transpose_a else (a[-2],)
    inner_a = a[-2] if product.transpose_a else a[-1]
    inner_b = b[0] if len(b) == 1 else b[-1] if product.transpose_b else b[-2]
    columns = () if len(b) == 1 else (b[-2],) if product.transpose_b else (b[-1],)
    if None not in (inner_a, inner_b) and inner_a != inner_b:
        raise incompatible_inputs(product, [a, b], f"the inner sizes {inner_a} and "
                                  f"{inner_b} differ")
    stacks = broadcast_shapes(product, [a[:-2], b[:-2]])
    return stacks + rows + columns


def _transposed(product, value, which):
    """The transpose of `value` (each matrix of a stack), or an error if it is a
    vector: possible when the graph did not know its number of axes."""
    if value.ndim < 2:
        raise ValueError(
            f"transpose_{which} needs {which} to be a matrix, but it is a value of "
            f"shape {value.shape}: a vector where a matrix was needed. If this is the "
            f"gradient of a matmul whose input had an unknown number of axes, give "
            f"that input's placeholder a shape, e.g. placeholder(shape=(None,)), so "
            f"that the gradient knows it is a vector")
    return value.mT
