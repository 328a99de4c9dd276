"""Timing several implementations fairly on a busy machine.

Timings on a shared machine drift: another process starts, the CPU clocks
down. Comparing a run of A measured now with a run of B measured a minute
later mixes that drift into the ratio. So the implementations take turns:
every round times each of them once (in a rotating order), each round gives
one ratio to the reference, and the median over rounds is reported.

Between turns the benchmark pauses briefly: thread pools (OpenBLAS's, OpenMP's
in PyTorch, TensorFlow's) keep their threads spinning for a while after their
last piece of work, and on a machine with few cores those spinning threads
would steal the next implementation's time.
"""
import statistics
import time


def steps_per_second(step, steps):
    """How many calls of `step` a second, over `steps` calls."""
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - start)


def interleaved(measures, rounds, seconds_per_turn, pause=0.2):
    """Time implementations in turns.

    Args:
        measures: {name: function}, each function taking a number of steps,
            running them, and returning steps per second. The first is the
            reference for the ratios.
        rounds: how many turns each implementation gets.
        seconds_per_turn: about how long one turn lasts.
        pause: seconds to wait before each turn, for spinning threads to settle.

    Returns:
        {name: (median steps per second, median of the per-round ratios to
        the reference)}.
    """
    names = list(measures)
    for measure in measures.values():
        measure(1)
    sizes = {name: max(3, round(measures[name](3) * seconds_per_turn)) for name in names}
    rates = {name: [] for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            time.sleep(pause)
            rates[name].append(measures[name](sizes[name]))
    reference = rates[names[0]]
    return {name: (statistics.median(rates[name]),
                   statistics.median(r / ref for r, ref in zip(rates[name], reference)))
            for name in names}
