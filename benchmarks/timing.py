"""Timing several implementations fairly on a busy machine.

Timings on a shared machine drift: another process starts, the CPU clocks
down. Comparing a run of A measured now with a run of B measured a minute
later mixes that drift into the ratio. So the implementations take turns:
every round times each of them once (in a rotating order), each round gives
one ratio to the reference, and the median over rounds is reported.
"""
import statistics
import time


def steps_per_second(step, steps):
    """How many calls of `step` a second, over `steps` calls."""
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - start)


def steps_per_turn(step, seconds):
    """About how many calls of `step` take `seconds` (at least 3)."""
    step()
    rate = steps_per_second(step, 3)
    return max(3, round(rate * seconds))


def interleaved(steps, rounds, seconds_per_turn):
    """Time each function in `steps` (a dict name -> function) in turns.

    Returns:
        {name: (median steps per second, median ratio to the first function)}.
    """
    names = list(steps)
    sizes = {name: steps_per_turn(steps[name], seconds_per_turn) for name in names}
    rates = {name: [] for name in names}
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            rates[name].append(steps_per_second(steps[name], sizes[name]))
    reference = rates[names[0]]
    return {name: (statistics.median(rates[name]),
                   statistics.median(r / ref for r, ref in zip(rates[name], reference)))
            for name in names}
