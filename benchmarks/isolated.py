"""Running another framework's training step in a process of its own.

PyTorch and TensorFlow start thread pools whose threads keep spinning for a
while after each step; in the same process as NumPy, they and OpenBLAS's
threads fight over the cores, and all the figures become nonsense (a NumPy
step ten times slower than alone). In a child process of its own, a framework
only runs during its turn; the parent asks it to take N steps and it answers
with its speed.
"""
import multiprocessing
import os

import problems
import timing
import training_steps


def _serve(connection, builder_name, problem_index, threads):
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    try:
        build = getattr(training_steps, builder_name)
        trainer = build(problems.problems()[problem_index], threads)
    except Exception as error:
        connection.send((None, f"failed to start: {error!r}"))
        return
    if trainer is None:
        connection.send((None, "not installed, skipped"))
        return
    connection.send((trainer.name, None))
    for steps in iter(connection.recv, None):
        trainer.step()
        connection.send(timing.steps_per_second(trainer.step, steps))


class IsolatedTrainer:
    """A trainer built by `training_steps.<builder_name>` in a child process,
    limited to `threads` threads (None: its framework's default). The child's
    error output is discarded: the frameworks' start-up logs would bury the
    figures.

    Attributes:
        name: the trainer's name, or None when it could not be built (the
            child has then already exited).
        why_not: when `name` is None, why: not installed, or the error.
    """

    def __init__(self, builder_name, problem_index, threads=None):
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, daemon=True,
                                       args=(child_end, builder_name, problem_index, threads))
        self.process.start()
        self.name, self.why_not = self.connection.recv()

    def steps_per_second(self, steps):
        """Have the child run `steps` training steps; their speed."""
        self.connection.send(steps)
        return self.connection.recv()

    def close(self):
        if self.name is not None:
            self.connection.send(None)
        self.process.join()
