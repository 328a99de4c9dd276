"""Values in a few characters, for pictures and tables: `0.693`,
`[0.1, -2.3]`, or `mean 0.12, shape (100, 2)`."""
import numpy as np

MAX_LISTED = 4  # arrays with at most this many elements are written out in full


def summarize(value, digits=3, with_shape=True):
    """A short, deterministic description of a value: a number to `digits`
    significant digits, a small array in full, a bigger one by its mean and
    (when `with_shape`) its shape."""
    array = np.asarray(value)
    if array.size == 0:
        return f"empty, shape {array.shape}"
    if is_listed(array):
        return _listed(array, digits)
    mean = f"mean {format_number(array.mean(), digits)}"
    return f"{mean}, shape {array.shape}" if with_shape else mean


def is_listed(value):
    """Whether `summarize` writes every element of `value` out."""
    return 0 < np.size(value) <= MAX_LISTED


def format_number(number, digits=3):
    """`number` to `digits` significant digits (`0.693`, `1.2e+03`, `-4`)."""
    number = np.asarray(number).item()
    if isinstance(number, bool):
        return str(number)
    return f"{number + 0:.{digits}g}"  # + 0 turns -0.0 into 0.0


def _listed(array, digits):
    if array.ndim == 0:
        return format_number(array, digits)
    return "[" + ", ".join(_listed(part, digits) for part in array) + "]"
