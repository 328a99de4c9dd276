"""Runs a TF1 program from this folder on minidl or on TensorFlow 1
(`tensorflow.compat.v1`) and returns what it printed.

Both runs start from the same numbers: NumPy's global generator is seeded
the same way (for programs that draw with NumPy), and the random ops
(`random_normal`, `truncated_normal`, `random_uniform`) are replaced by
stand-ins that return constants drawn with NumPy in the order the program asks
for them. So the initial weights are equal, and whatever differs in the
printed numbers comes from the libraries' arithmetic. (minidl's own random
ops are tested on their own, in tests/test_tf1_api.py: TensorFlow's generator
cannot be reproduced with NumPy's.)

Each program imports the library as published except for its import line,
which reads `import minidl as tf`; for TensorFlow that line becomes
`import tensorflow.compat.v1 as tf`.
"""
import contextlib
import io
import os
import re
import sys
import warnings
from pathlib import Path

import numpy as np

FOLDER = Path(__file__).parent
PROGRAMS = sorted(path.stem for path in FOLDER.glob("*.py")
                  if path.stem not in {"harness", "digits_as_mnist", "make_expected"})
IMPORT_LINE = "import minidl as tf\n"
SEED = 0


def load_tensorflow_v1():
    """`tensorflow.compat.v1` in graph mode, quiet, or None if not installed."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import tensorflow.compat.v1 as tf
    except ImportError:
        return None
    tf.disable_v2_behavior()
    tf.logging.set_verbosity(tf.logging.ERROR)
    return tf


def run_program(name, library, workdir):
    """What program `name` printed when run on `library` ("minidl" or
    "tensorflow") in the folder `workdir`."""
    source = (FOLDER / f"{name}.py").read_text()
    if IMPORT_LINE not in source:
        raise ValueError(f"{name}.py should import the library with {IMPORT_LINE!r}")
    if library == "tensorflow":
        tf = load_tensorflow_v1()
        source = source.replace(IMPORT_LINE, "import tensorflow.compat.v1 as tf\n")
    else:
        import minidl as tf
    tf.reset_default_graph()
    np.random.seed(SEED)
    output = io.StringIO()
    with (_stand_in_random_ops(tf), contextlib.redirect_stdout(output),
          contextlib.chdir(workdir), _on_path(FOLDER), warnings.catch_warnings()):
        warnings.simplefilter("ignore")  # TensorFlow's deprecations, Agg's plt.show
        with _figures_drawn_off_screen():
            exec(compile(source, str(FOLDER / f"{name}.py"), "exec"), {"__name__": "__main__"})
    return output.getvalue()


@contextlib.contextmanager
def _figures_drawn_off_screen():
    """Programs that plot draw with Agg, into nothing; a program that ends by
    waiting for a key press (`plt.waitforbuttonpress()`) gets one at once."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    wait = plt.waitforbuttonpress
    plt.waitforbuttonpress = lambda *args, **kwargs: True
    try:
        yield
    finally:
        plt.waitforbuttonpress = wait
        plt.close("all")
        plt.ioff()


@contextlib.contextmanager
def _stand_in_random_ops(tf):
    """Replace tf's random ops by constants drawn with NumPy, in call order."""
    rng = np.random.default_rng(SEED)

    def random_normal(shape, mean=0.0, stddev=1.0, dtype=np.float32, seed=None, name=None):
        return tf.constant(rng.normal(mean, stddev, shape).astype(np.float32))

    def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=np.float32, seed=None, name=None):
        return tf.constant(np.clip(rng.normal(mean, stddev, shape), mean - 2 * stddev,
                                   mean + 2 * stddev).astype(np.float32))

    def random_uniform(shape, minval=0, maxval=None, dtype=np.float32, seed=None, name=None):
        maxval = 1 if maxval is None else maxval
        return tf.constant(rng.uniform(minval, maxval, shape).astype(np.float32))

    stand_ins = {"random_normal": random_normal, "truncated_normal": truncated_normal,
                 "random_uniform": random_uniform}
    originals = {name: getattr(tf, name) for name in stand_ins}
    for name, function in stand_ins.items():
        setattr(tf, name, function)
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(tf, name, function)


@contextlib.contextmanager
def _on_path(folder):
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))


NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
SCALAR_REPR = re.compile(r"np\.(?:float|int)\d+\(([^()]*)\)")


def numbers_and_words(output):
    """The numbers a program printed, and the text around them with spacing
    collapsed: NumPy prints float32 and float64 arrays with different widths,
    and numbers in lists as `np.float32(1.5)`."""
    output = SCALAR_REPR.sub(r"\1", output)
    numbers = [float(number) for number in NUMBER.findall(output)]
    words = " ".join(NUMBER.sub("#", output).split())
    return np.array(numbers), re.sub(r"\s*([\[\]\(\),])\s*", r"\1", words)


def expected_path(name):
    return FOLDER / f"{name}.tf1.txt"
