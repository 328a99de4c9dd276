"""How every exercise check answers the learner.

A check says one of three things, always in plain words:

- the answer is not written yet (the stub still returns None): `not_yet`
  prints a reminder, so a notebook with unfinished exercises still runs
  from top to bottom;
- the answer is wrong: the check raises an AssertionError that says what
  was tried, what came out, what was expected and, where it can tell, why;
- the answer is right: `correct` prints "Correct!" and what it means.
"""
import numpy as np


def not_yet(what, verb="returns"):
    """Print that `what` (e.g. "depends_on") still returns None, or, with
    verb="is", that a value the learner should fill in is still None."""
    _say(f"Not implemented yet: {what} {verb} None. Complete it and run this cell again.")


def correct(message):
    """Print the verdict for a right answer, with what it shows."""
    _say(f"Correct! {message}")


def _say(line):
    """Print `line` in one write: a notebook stores it as one piece of output,
    where print's two writes (text, then newline) may be stored as two."""
    print(line + "\n", end="")


def fail(message):
    """Raise the AssertionError that tells the learner what is wrong."""
    raise AssertionError(message)


def show(value):
    """A value as the learner would print it: arrays rounded to 4 decimals."""
    text = np.array2string(np.asarray(value), precision=4, suppress_small=True,
                           separator=", ")
    return text.replace("\n", "")
