"""Re-make each program's `<name>.tf1.txt`: what it prints on TensorFlow 1
(`tensorflow.compat.v1` from requirements-frameworks.txt), with the same
initial weights and data as on minidl (see harness.py).

    TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python tests/tf1_programs/make_expected.py
"""
import sys
import tempfile

from harness import PROGRAMS, expected_path, load_tensorflow_v1, run_program

if __name__ == "__main__":
    if load_tensorflow_v1() is None:
        sys.exit("TensorFlow is not installed: pip install -r requirements-frameworks.txt")
    for name in sys.argv[1:] or PROGRAMS:
        with tempfile.TemporaryDirectory() as workdir:
            printed = run_program(name, "tensorflow", workdir)
        expected_path(name).write_text(printed)
        print(f"{name}: {len(printed.splitlines())} lines")
