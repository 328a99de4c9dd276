"""How fast is minidl? Run `make benchmark` (or `python benchmarks/run.py`).

Prints, for two networks, training steps per second in minidl, in the same
step written by hand in NumPy (the floor: what the arithmetic alone costs), and
in PyTorch and TensorFlow 1 graphs where those are installed, with each one's
ratio to the NumPy floor; then what `Session.run` costs per node and per run;
then whether 10,000 training steps make the process grow. benchmarks/README.md
explains the method and records figures.
"""
import argparse
import functools

import checks
import isolated
import machine
import memory
import overhead
import problems
import timing
import training_steps


def compare_speed(problem_index, rounds, seconds_per_turn, threads):
    """Steps per second of every implementation available, interleaved. NumPy
    and minidl run here; PyTorch and TensorFlow each in a process of their own."""
    problem = problems.problems()[problem_index]
    print(f"\n{problem.name}")
    local = [training_steps.numpy_trainer(problem), training_steps.minidl_trainer(problem)]
    measures = {trainer.name: functools.partial(timing.steps_per_second, trainer.step)
                for trainer in local}
    others = {framework: isolated.IsolatedTrainer(builder, problem_index, threads)
              for framework, builder in (("pytorch", "torch_trainer"),
                                         ("tensorflow", "tensorflow_trainer"))}
    for other in others.values():
        if other.name is not None:
            measures[other.name] = other.steps_per_second
    results = timing.interleaved(measures, rounds, seconds_per_turn)
    for other in others.values():
        other.close()
    for name, (rate, ratio) in results.items():
        target = ""
        if name == "minidl":
            met = "met" if ratio >= problem.target else "NOT met"
            target = f"  (target >= {problem.target:.2f}x: {met})"
        print(f"  {name:34s} {rate:10,.0f} steps/s  {ratio:5.2f}x numpy{target}")
    for framework, other in others.items():
        if other.name is None:
            print(f"  {framework:34s} {other.why_not}")
    check_minidl(problem)


def check_minidl(problem, steps=20):
    """Print whether minidl computes what the NumPy floor computes, in float32."""
    mine, floor = training_steps.minidl_trainer(problem), training_steps.numpy_trainer(problem)
    difference = checks.largest_difference(mine, floor, steps)
    print(f"  minidl's weights after {steps} steps differ from numpy's by at most "
          f"{difference:.1e}")
    dtypes = checks.dtypes_in_a_step(training_steps.minidl_trainer(problem))
    counts = ", ".join(f"{len(nodes)} {dtype}" for dtype, nodes in sorted(dtypes.items()))
    print(f"  values a minidl step computes, by dtype: {counts}")
    for dtype, nodes in dtypes.items():
        if dtype != "float32":
            print(f"    NOT float32 ({dtype}): {', '.join(nodes)}")


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
    parser.add_argument("--threads", type=int, default=1,
                        help="threads for NumPy's BLAS, PyTorch and TensorFlow alike "
                             "(default 1; 0 leaves each library its own default)")
    arguments = parser.parse_args()
    if arguments.threads and not machine.set_openblas_threads(arguments.threads):
        print("(could not find OpenBLAS to set its threads; --threads applies to "
              "PyTorch and TensorFlow only)")

    print("minidl benchmark")
    for line in machine.describe():
        print(f"  {line}")
    print(f"\nTraining steps per second: median of {arguments.rounds} interleaved rounds; "
          f"ratio = median of the per-round ratios to the NumPy floor")
    for problem_index in range(len(problems.problems())):
        compare_speed(problem_index, arguments.rounds, arguments.seconds,
                      arguments.threads or None)
    report_overhead(length=1000)
    report_memory(problems.problems()[0], arguments.memory_steps)


if __name__ == "__main__":
    main()
