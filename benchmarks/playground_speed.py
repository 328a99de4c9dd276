"""How long the Playground's work takes in the kernel, part by part, on the
2-8-8-2 network of `make browser-test` (XOR, 250 training points, batches of
10: 25 training steps per epoch, one epoch per picture).

    .venv/bin/python benchmarks/playground_speed.py [--frames N]

It prints the median milliseconds of: one epoch of training; reading the
network's state for the picture (one session run over the grid); sending a
picture (the units' bytes, the weights and the losses, with the grid run);
the whole step Play repeats; and a rebuild, what a change of data set,
network shape, activation or optimizer costs before its first picture
(target: under 50 ms). The pictures per second the browser draws are
measured by `make browser-test`.
"""
import argparse
import statistics
import time

import minidl as tf
from minidl.explore.playground.picture import unit_values


def median_ms(action, count):
    times = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=30)
    frames = parser.parse_args().frames
    playground = tf.playground(dataset="xor", hidden=(8, 8))
    network, picture = playground.network, playground.picture
    for _ in range(3):
        playground.step()
    datasets = iter(["circles", "xor"] * frames)
    parts = {
        "train one epoch (25 steps)": lambda: network.train_epochs(1),
        "read the state (grid run)": lambda: unit_values(network, picture.resolution),
        "send a picture (with grid run)": lambda: picture.show(network),
        "whole step (train + send)": playground.step,
        "rebuild (change of data set)": lambda: playground.set(dataset=next(datasets)),
    }
    for name, action in parts.items():
        print(f"{name:31s} {median_ms(action, frames):7.1f} ms")
    step = median_ms(playground.step, frames)
    print(f"pictures per second the kernel can make: {1000 / step:.1f}")


if __name__ == "__main__":
    main()
