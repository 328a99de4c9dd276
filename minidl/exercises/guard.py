"""Keeping a check honest: an answer may not hand the work to the library.

An exercise that asks you to write a traversal is not done by calling
`tf.traversal.topological_order`, however right its result. While your answer
runs, `refusing` watches every Python function call (with `sys.setprofile`)
and stops at the first call to one of the library functions the exercise
asks you to write. Watching the calls rather than reading the source catches
the function under any name it was imported as, and nothing else.

It can also bound the time an answer may take, so that an answer that does
exponentially much work fails with an explanation instead of never finishing.
"""
import sys
import time
from contextlib import contextmanager

from .feedback import fail


class _Stop(BaseException):
    """Raised inside the answer to stop it. A BaseException, so that an
    answer's own `except Exception:` cannot swallow it."""


@contextmanager
def refusing(what, shortcuts=(), seconds=None, too_slow="", reason=None):
    """Run the block (which calls the learner's answer) while refusing calls to
    `shortcuts`, and stopping it after `seconds`.

    Args:
        what: the answer's name in the message, e.g. "my_run".
        shortcuts: (name, function) pairs: the library's versions of what the
            exercise asks for, as a learner would spell them (`"tf.Session.run"`).
        seconds: the longest the block may take, or None for no limit.
        too_slow: what to say when the time is up: why the answer is slow.
        reason: why calling a shortcut is refused, when it is not that it is
            the library's version of the answer.
    """
    codes = {function.__code__: name for name, function in shortcuts}
    deadline = None if seconds is None else time.perf_counter() + seconds
    seen = {"shortcut": None, "timeout": False}

    def watch(frame, event, arg):
        if event != "call":
            return
        name = codes.get(frame.f_code)
        if name is not None:
            seen["shortcut"] = name
            raise _Stop
        if deadline is not None and time.perf_counter() > deadline:
            seen["timeout"] = True
            raise _Stop

    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        yield
    except _Stop:
        pass
    finally:
        sys.setprofile(previous)
    if seen["shortcut"]:
        name = seen["shortcut"]
        if reason:
            fail(f"{what} calls `{name}`: {reason}")
        fail(f"Write it yourself: {what} calls `{name}`, the library's version, which is "
             f"what this check compares your answer against.")
    if seen["timeout"]:
        fail(f"{what} was stopped after {seconds:g} seconds. {too_slow}".rstrip())
