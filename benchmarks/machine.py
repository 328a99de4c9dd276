"""A description of the machine the figures come from: they mean little without it."""
import ctypes
import os
import platform
import re

import numpy as np


def cpu_model():
    """The processor's name from /proc/cpuinfo (or what `platform` knows)."""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _openblas_function(name):
    """A function of the OpenBLAS library NumPy loaded (`get_num_threads`...),
    or None when it cannot be found (another BLAS, or no /proc)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return None
    for path in paths:
        library = ctypes.CDLL(path)
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", "64_"),
                               ("scipy_openblas", ""), ("openblas", "")):
            function = getattr(library, f"{prefix}_{name}{suffix}", None)
            if function is not None:
                return function
    return None


def openblas():
    """(kernel name, thread count) of the OpenBLAS NumPy loaded, or None."""
    corename, threads = _openblas_function("get_corename"), _openblas_function("get_num_threads")
    if corename is None or threads is None:
        return None
    corename.restype = ctypes.c_char_p
    return corename().decode(), threads()


def set_openblas_threads(count):
    """Make NumPy's OpenBLAS use `count` threads; False if it cannot be found."""
    set_threads = _openblas_function("set_num_threads")
    if set_threads is None:
        return False
    set_threads(count)
    return True


def describe():
    """Lines describing the processor, cores, Python, NumPy and its BLAS."""
    blas = openblas()
    blas_text = "not OpenBLAS, or not found" if blas is None else (
        f"OpenBLAS, kernel {blas[0]}, {blas[1]} thread(s)")
    settings = ", ".join(f"{name}={os.environ[name]}" for name in sorted(os.environ)
                         if re.match(r"(OPENBLAS|OMP|MKL)_", name)) or "none set"
    return [f"cpu      {cpu_model()}, {os.cpu_count()} cores",
            f"python   {platform.python_version()}, numpy {np.__version__}",
            f"blas     {blas_text}; BLAS/OpenMP environment: {settings}"]
