"""How fast is minidl? Run `make benchmark` (or `python benchmarks/run.py`).

Prints, for two networks, training steps per second in minidl, in the same
step written by hand in NumPy (the floor: what the arithmetic alone costs), and
in PyTorch and TensorFlow 1 graphs where those are installed, with each one's
ratio to the NumPy floor; then what `Session.run` costs per node and per run;
then whether 10,000 training steps make the process grow. benchmarks/README.md
explains the method and records figures.
"""
import argparse

import checks
import machine
import memory
import overhead
import problems
import timing
import training_steps


def compare_speed(problem, rounds, seconds_per_turn):
    print(f"\n{problem.name}")
    trainers = training_steps.trainers(problem)
    results = timing.interleaved({t.name: t.step for t in trainers}, rounds, seconds_per_turn)
    for name, (rate, ratio) in results.items():
        target = ""
        if name == "minidl":
            met = "met" if ratio >= problem.target else "NOT met"
            target = f"  (target >= {problem.target:.2f}x: {met})"
        print(f"  {name:34s} {rate:10,.0f} steps/s  {ratio:5.2f}x numpy{target}")
    for framework, available in (("pytorch", "pytorch"), ("tensorflow", "tensorflow")):
        if not any(t.name.startswith(available) for t in trainers):
            print(f"  {framework:34s} not installed, skipped")


def check_minidl(problem, steps=20):
    mine = training_steps.minidl_trainer(problem)
    difference = checks.largest_difference(mine, training_steps.numpy_trainer(problem), steps)
    print(f"  minidl vs numpy after {steps} steps: largest weight difference {difference:.1e}")
    dtypes = checks.dtypes_in_a_step(training_steps.minidl_trainer(problem))
    found = ", ".join(f"{len(nodes)} {dtype}" for dtype, nodes in sorted(dtypes.items()))
    print(f"  values a minidl step computes: {found}")
    for dtype, nodes in dtypes.items():
        if dtype != "float32":
            print(f"    not float32 ({dtype}): {', '.join(nodes)}")


def report_overhead(length):
    costs = overhead.session_overhead(length)
    print(f"\nSession.run overhead (a chain of {length} scalar additions, minus the "
          f"same NumPy calls)")
    print(f"  per node {costs['per node']:6.2f} us")
    print(f"  per run  {costs['per run']:6.2f} us")


def report_memory(problem, steps):
    growth = memory.memory_growth(training_steps.minidl_trainer(problem).step, steps)
    (before, after), (held, peak) = growth["rss"], growth["traced"]
    print(f"\nMemory over {steps:,} minidl training steps ({problem.name})")
    print(f"  RSS          {before:,} KiB before, {after:,} KiB after ({after - before:+,} KiB)")
    print(f"  tracemalloc  {held:,.1f} KiB still held after another {steps:,} steps "
          f"(peak {peak:,.1f} KiB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9,
                        help="interleaved rounds per network (default 9)")
    parser.add_argument("--seconds", type=float, default=0.3,
                        help="seconds per implementation per round (default 0.3)")
    parser.add_argument("--memory-steps", type=int, default=10_000,
                        help="training steps for the memory check (default 10,000)")
    arguments = parser.parse_args()

    print("minidl benchmark")
    for line in machine.describe():
        print(f"  {line}")
    print(f"\nTraining steps per second: median of {arguments.rounds} interleaved rounds; "
          f"ratio = median of the per-round ratios to the NumPy floor")
    for problem in problems.problems():
        compare_speed(problem, arguments.rounds, arguments.seconds)
        check_minidl(problem)
    report_overhead(length=1000)
    report_memory(problems.problems()[0], arguments.memory_steps)


if __name__ == "__main__":
    main()
