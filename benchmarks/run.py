"""How fast is minidl? Run `make benchmark` (or `python benchmarks/run.py`).

Prints, for two networks, training steps per second in minidl (plain and
optimizing sessions, each with the fused loss and with the loss written the
tutorial's way), in the same step written by hand in NumPy (the floor: what the
arithmetic alone costs), and in PyTorch and TensorFlow 1 graphs where those are
installed, with each one's ratio to the NumPy floor; then what `Session.run`
costs per node and per run; then what the first run of an optimizing session
costs; then whether 10,000 training steps make the process grow.
benchmarks/README.md explains the method and records figures.
"""
import argparse
import functools
import time

import checks
import isolated
import machine
import memory
import overhead
import problems
import timing
import training_steps

import minidl
from minidl.traversal import topological_order

# (optimize, loss form) of each minidl trainer timed, in the order of the table.
MINIDL_VARIANTS = ((False, "fused"), (False, "tutorial"), (True, "fused"), (True, "tutorial"))
OPTIMIZATION_COST_TARGET = 0.020  # seconds, for a graph of about 60 nodes


def compare_speed(problem_index, rounds, seconds_per_turn, threads):
    """Steps per second of every implementation available, interleaved. NumPy
    and minidl run here; PyTorch and TensorFlow each in a process of their own."""
    problem = problems.problems()[problem_index]
    print(f"\n{problem.name}")
    local = [training_steps.numpy_trainer(problem)] + [
        training_steps.minidl_trainer(problem, optimize, loss_form)
        for optimize, loss_form in MINIDL_VARIANTS]
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
    targets = {training_steps.minidl_name(): problem.target}
    targets.update({training_steps.minidl_name(True, loss_form): target
                    for loss_form, target in problem.optimized_targets.items()})
    for name, (rate, ratio) in results.items():
        target = ""
        if name in targets:
            met = "met" if ratio >= targets[name] else "NOT met"
            target = f"  (target >= {targets[name]:.2f}x: {met})"
        print(f"  {name:34s} {rate:10,.0f} steps/s  {ratio:5.2f}x numpy{target}")
    for framework, other in others.items():
        if other.name is None:
            print(f"  {framework:34s} {other.why_not}")
    check_minidl(problem)


def check_minidl(problem, steps=20):
    """Print whether minidl computes what the NumPy floor computes, in float32."""
    for optimize, loss_form in MINIDL_VARIANTS:
        mine = training_steps.minidl_trainer(problem, optimize, loss_form)
        difference = checks.largest_difference(
            mine, training_steps.numpy_trainer(problem), steps)
        print(f"  {mine.name}: weights after {steps} steps differ from numpy's by at "
              f"most {difference:.1e}")
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


def report_optimization_cost(problem, repeats=9):
    """What the first run of a fresh optimizing session costs more than a plain
    session's first run: the passes and the code generation, once per graph."""
    graph, X, Y, _, loss, train_op = training_steps.build_training_graph(
        minidl, problem, "tutorial")
    feed = {X: problem.X, Y: problem.Y}
    nodes = len(topological_order([train_op, loss]))

    def first_run(optimize):
        session = minidl.Session(graph=graph, optimize=optimize)
        start = time.perf_counter()
        session.run([train_op, loss], feed)
        return time.perf_counter() - start

    costs = sorted(first_run(True) - first_run(False) for _ in range(repeats))
    print(f"\nFirst run of an optimizing session, minus a plain session's first run "
          f"({problem.name}, tutorial loss, {nodes} nodes; median of {repeats})")
    met = "met" if costs[repeats // 2] < OPTIMIZATION_COST_TARGET else "NOT met"
    print(f"  {costs[repeats // 2] * 1e3:6.1f} ms  (target < "
          f"{OPTIMIZATION_COST_TARGET * 1e3:.0f} ms: {met})")


def report_memory(problem, steps):
    for optimize in (False, True):
        trainer = training_steps.minidl_trainer(problem, optimize)
        growth = memory.memory_growth(trainer.step, steps)
        (before, after), (held, peak) = growth["rss"], growth["traced"]
        print(f"\nMemory over {steps:,} {trainer.name} training steps ({problem.name})")
        print(f"  RSS          {before:,} KiB before, {after:,} KiB after "
              f"({after - before:+,} KiB)")
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
    report_optimization_cost(problems.problems()[0])
    report_memory(problems.problems()[0], arguments.memory_steps)


if __name__ == "__main__":
    main()
