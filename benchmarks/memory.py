"""Whether training holds on to memory: the process's size before and after
many steps.

Two views: the resident set size (RSS) the operating system reports, which
counts everything including NumPy's buffers and the allocator's reserves, and
tracemalloc, which counts the memory Python allocations still hold (NumPy
reports its array buffers to it too). A leak, such as a cache that grows with
every run, shows in both.
"""
import resource
import tracemalloc


def resident_kib():
    """The current resident set size of this process, in KiB (from /proc,
    else the peak size that `resource` reports)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_growth(step, steps, warmup=100):
    """Memory before and after `steps` calls of `step`, measured twice: once by
    RSS alone, once by tracemalloc (whose own bookkeeping would blur the RSS).
    `warmup` calls come first, so that one-time caches are already filled.

    Returns:
        {"rss": (before, after), "traced": (held after, peak)}, all in KiB;
        "traced" counts what was allocated during the steps.
    """
    for _ in range(warmup):
        step()
    rss_before = resident_kib()
    for _ in range(steps):
        step()
    rss_after = resident_kib()
    tracemalloc.start()
    for _ in range(steps):
        step()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rss": (rss_before, rss_after), "traced": (held / 1024, peak / 1024)}
