"""Running another framework's training step in a process of its own.

PyTorch and TensorFlow start thread pools whose threads keep spinning for a
while after each step; in the same process as NumPy, they and OpenBLAS's
threads fight over the cores, and all the figures become nonsense (a NumPy
step ten times slower than alone). In a child process of its own, a framework
only runs during its turn; the parent asks it to take N steps and it answers
with its speed.
"""
import multiprocessing

import problems
import timing
import training_steps


def _serve(connection, builder_name, problem_index, threads):
    trainer = getattr(training_steps, builder_name)(problems.problems()[problem_index], threads)
    connection.send(None if trainer is None else trainer.name)
    if trainer is None:
        return
    for steps in iter(connection.recv, None):
        trainer.step()
        connection.send(timing.steps_per_second(trainer.step, steps))


class IsolatedTrainer:
    """A trainer built by `training_steps.<builder_name>` in a child process,
    limited to `threads` threads (None: its framework's default).

    Attributes:
        name: the trainer's name, or None when its framework is not installed
            (the child has then already exited).
    """

    def __init__(self, builder_name, problem_index, threads=None):
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, daemon=True,
                                       args=(child_end, builder_name, problem_index, threads))
        self.process.start()
        self.name = self.connection.recv()

    def steps_per_second(self, steps):
        """Have the child run `steps` training steps; their speed."""
        self.connection.send(steps)
        return self.connection.recv()

    def close(self):
        if self.name is not None:
            self.connection.send(None)
        self.process.join()
