"""How long one picture of the Playground takes in the kernel, part by part,
on the 2-8-8-2 network of `make browser-test` (XOR, 250 training points,
batches of 10: 25 training steps per epoch, one epoch per picture).

    .venv/bin/python benchmarks/playground_speed.py [--frames N]

It prints the median milliseconds of: one epoch of training; reading the
network's state for the picture (one session run over the grid); drawing a
frame by blitting and encoding it as JPEG (what Play sends); and, to compare,
drawing the whole figure afresh and encoding a PNG, which is what a canvas
that redraws everything for each picture would pay. The pictures per second
the browser receives are measured by `make browser-test`.
"""
import argparse
import io
import statistics
import time

import minidl as tf


def median_ms(action, count):
    times = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def full_redraw(picture):
    buffer = io.BytesIO()
    picture.figure.canvas.draw()
    picture.figure.savefig(buffer, format="png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=30)
    frames = parser.parse_args().frames
    playground = tf.playground(dataset="xor", hidden=(8, 8))
    network, picture = playground.network, playground.picture
    for _ in range(3):
        playground.step()
    parts = {
        "train one epoch (25 steps)": lambda: network.train_epochs(1),
        "read the state (grid run)": picture.update,
        "frame: blit + JPEG": picture.frame,
        "whole step (all three)": playground.step,
        "compare: full redraw + PNG": lambda: full_redraw(picture),
    }
    for name, action in parts.items():
        print(f"{name:28s} {median_ms(action, frames):7.1f} ms")
    step = median_ms(playground.step, frames)
    print(f"pictures per second the kernel can make: {1000 / step:.1f}")


if __name__ == "__main__":
    main()
