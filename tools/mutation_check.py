"""The mutation check (`make mutation-check`): do the tests guard the optimizer?

For every mutant of tools/mutants.py (a wrong result planted in the code
generator or in one pass), run the unit tests twice, as `make test` does
(plain sessions by default) and as `make test-optimized` does
(`--optimized-sessions`), stopping at the first failure. Every run must fail.
The optimizer's own tests run first, so a caught mutant costs seconds.

    .venv/bin/python tools/mutation_check.py [mutant ...]
"""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from mutants import MUTANTS  # noqa: E402

FIRST = ["tests/test_optimize_promises.py", "tests/test_optimize.py",
         "tests/test_optimize_differential.py"]


def caught(mutant, optimized):
    """Whether the unit tests fail with `mutant` planted (the optimizer's own
    tests first, then, if they all pass, every test); how long it took; and
    pytest's output."""
    environment = {**os.environ, "MINIDL_MUTANT": mutant,
                   "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tools")])}
    start = time.perf_counter()
    for tests in (FIRST, ["tests"]):
        command = [sys.executable, "-m", "pytest", "-p", "mutants", "-p", "no:xdist",
                   "-p", "no:cacheprovider", "-o", "addopts=", "-x", "-q", *tests]
        if optimized:
            command.append("--optimized-sessions")
        finished = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True,
                                  text=True)
        if finished.returncode != 0:
            break
    return finished.returncode == 1, time.perf_counter() - start, finished.stdout


def main(names):
    missed = []
    for mutant in names or MUTANTS:
        for optimized in (False, True):
            failed, seconds, output = caught(mutant, optimized)
            kind = "make test-optimized" if optimized else "make test"
            failing = next((line for line in output.splitlines()
                            if line.startswith("FAILED")), "")
            print(f"{mutant:24} {kind:20} {'caught' if failed else 'MISSED'} "
                  f"({seconds:.0f} s) {failing[:90]}", flush=True)
            if not failed:
                missed.append((mutant, kind))
    if missed:
        sys.exit(f"mutants no test caught: {missed}")


if __name__ == "__main__":
    main(sys.argv[1:])
