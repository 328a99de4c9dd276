"""Chapter 9's optional libraries, TensorFlow 1's API and PyTorch: imported
when installed, and when not, a message saying what to run, so that the
chapter's Run All goes on to its last cell either way.

Not part of the TensorFlow-1 API (`import minidl as tf` does not export it):
`from minidl.frameworks import import_framework`.
"""
import contextlib
import importlib
import os
import sys

INSTALL_COMMAND = "%pip install -r ../requirements-frameworks.txt -c ../requirements-lock.txt"

_SETTINGS = {
    # tf.compat.v1.layers lives in the tf-keras package, used only with this set.
    "tensorflow.compat.v1": {"TF_USE_LEGACY_KERAS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"},
    "torch": {},
}


def import_framework(name):
    """`import name` for "tensorflow.compat.v1" or "torch", or None when it is not installed.

    TensorFlow's start-up log lines (its C++ code writes them straight to the
    process's standard error, each with a timestamp and a process id, whatever
    TF_CPP_MIN_LOG_LEVEL says) are sent nowhere while it loads. When the
    library is missing, prints the command that installs it and returns None.
    """
    for variable, value in _SETTINGS[name].items():
        os.environ.setdefault(variable, value)
    try:
        with _quiet_native_stderr():
            return importlib.import_module(name)
    except ImportError:
        print(f"{name.split('.')[0]} is not installed in this kernel, so this cell shows "
              f"only what it would do. To run it, run\n    {INSTALL_COMMAND}\nin a cell, "
              f"restart the kernel and run the notebook again.")
        return None


@contextlib.contextmanager
def _quiet_native_stderr():
    """Point file descriptor 2 at the null device while the block runs: what
    compiled code writes there disappears; Python's own sys.stderr is untouched."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
