"""Did a change make training faster? Compare two copies of minidl, step for step.

    python benchmarks/compare_trees.py BEFORE AFTER [--problem 1] [--rounds 40]

BEFORE and AFTER are directories that each hold a `minidl/` package (a git
worktree, or a copy of the tree before the change). Three processes train the
same problem: one with BEFORE's minidl, one with AFTER's, and one with the NumPy
floor. They take turns, in a rotating order, for `--rounds` rounds of a fixed
number of steps. Each round gives each its time per step; the script prints the
medians, each one's median ratio to the floor, and the median over rounds of
AFTER's time divided by BEFORE's: below 1 means the change made steps faster.

Separate processes keep the two copies apart (each imports its own `minidl`),
and pairing them round by round cancels most of the drift of a busy machine.
The git history of benchmarks/README.md records what this gave for each
performance change.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def serve(implementation, problem_index):
    """The child process: build one trainer, then time as many steps as each
    line of standard input asks for, printing microseconds per step."""
    sys.path.insert(0, HERE)
    import machine
    import problems
    import training_steps

    machine.set_openblas_threads(1)
    problem = problems.problems()[problem_index]
    make = (training_steps.numpy_trainer if implementation == "floor"
            else training_steps.minidl_trainer)
    step = make(problem).step
    for _ in range(50):
        step()
    for line in sys.stdin:
        steps = int(line)
        start = time.perf_counter()
        for _ in range(steps):
            step()
        print((time.perf_counter() - start) / steps * 1e6, flush=True)


def compare(before, after, problem_index, rounds):
    """Run the three processes in turns; return {name: [µs per step, one per round]}."""
    trees = {"floor": before, "before": before, "after": after}
    children = {
        name: subprocess.Popen(
            [sys.executable, __file__, "--child", "floor" if name == "floor" else "minidl",
             "--problem", str(problem_index)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": os.path.abspath(tree)})
        for name, tree in trees.items()}
    steps = 500 if problem_index == 0 else 40
    times = {name: [] for name in children}
    names = list(children)
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            child = children[name]
            child.stdin.write(f"{steps}\n")
            child.stdin.flush()
            times[name].append(float(child.stdout.readline()))
    for child in children.values():
        child.stdin.close()
        child.wait()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", nargs="?", help="directory holding minidl/ before the change")
    parser.add_argument("after", nargs="?", help="directory holding minidl/ after the change")
    parser.add_argument("--problem", type=int, default=1,
                        help="0: the tutorial's 2-8-8-2; 1: the MNIST-shaped 784-256-10")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        serve(arguments.child, arguments.problem)
        return
    if not (arguments.before and arguments.after):
        parser.error("give the two directories to compare")
    times = compare(arguments.before, arguments.after, arguments.problem, arguments.rounds)
    floor = times["floor"]
    for name, per_round in times.items():
        ratio = statistics.median(f / t for f, t in zip(floor, per_round))
        print(f"{name:7s} {statistics.median(per_round):9.1f} us per step   "
              f"{ratio:.3f}x the floor's speed")
    paired = statistics.median(a / b for a, b in zip(times["after"], times["before"]))
    print(f"after / before, time per step (median of {arguments.rounds} rounds): {paired:.3f}")


if __name__ == "__main__":
    main()
