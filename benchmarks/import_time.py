"""How long does `import minidl` take, next to `import numpy`?

Run `python benchmarks/import_time.py` (or `make benchmark`). Each import is
timed in a fresh Python process (nothing already imported, as when a script or
a notebook kernel starts): the process reads the clock, runs the import
statement, reads the clock again and prints the difference. The rounds
alternate between the statements, so a busy moment of the machine hits all of
them alike; the table gives the median and the fastest round of each.

The target (issue 27): `import minidl` takes at most twice `import numpy`,
because the core needs only NumPy and the pictures (matplotlib, ipywidgets)
load on first use. The last row, everything the notebooks use loaded at once,
is what `import minidl` cost before that.
"""
import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = {
    "import numpy": "import numpy",
    "import minidl": "import minidl",
    "import minidl, then its pictures": "import minidl, minidl.plot, minidl.draw, minidl.explore",
}
TARGET_RATIO = 2.0


def time_in_fresh_process(statement):
    """Seconds that `statement` takes in a new Python process."""
    program = ("import time\n"
               "start = time.perf_counter()\n"
               f"{statement}\n"
               "print(time.perf_counter() - start)")
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [path for path in [os.environ.get("PYTHONPATH")] if path]))
    result = subprocess.run([sys.executable, "-c", program], env=environment, check=True,
                            capture_output=True, text=True)
    return float(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15,
                        help="fresh processes per statement (default 15)")
    rounds = parser.parse_args().rounds
    times = {name: [] for name in STATEMENTS}
    for _ in range(rounds):
        for name, statement in STATEMENTS.items():
            times[name].append(time_in_fresh_process(statement))
    print(f"Import times, {rounds} fresh processes each (Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs):")
    print(f"{'statement':<34} {'median':>9} {'fastest':>9}")
    for name, seconds in times.items():
        print(f"{name:<34} {statistics.median(seconds) * 1e3:7.1f} ms "
              f"{min(seconds) * 1e3:6.1f} ms")
    ratio = statistics.median(times["import minidl"]) / statistics.median(times["import numpy"])
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"import minidl / import numpy (medians): {ratio:.2f}x "
          f"(target <= {TARGET_RATIO:.0f}x: {verdict})")


if __name__ == "__main__":
    main()
