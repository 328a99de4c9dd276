"""Keeping a check honest: an answer may not hand the work to the library.

An exercise that asks you to write a traversal is not done by calling
`tf.traversal.topological_order`, however right its result. While your answer
runs, `refusing` watches every Python function call (with `sys.setprofile`)
and stops at the first call to one of the library functions the exercise
asks you to write. Watching the calls rather than reading the source catches
the function under any name it was imported as, and nothing else. An answer
that switches the watch off (`sys.setprofile(None)`) is stopped too.

It can also bound the time an answer may take, so that an answer that does
exponentially much work fails with an explanation instead of never finishing,
and it can note every `Session.run` the answer makes (`runs`), so that a
check can see how the answer's numbers were computed.
"""
import inspect
import sys
import time
from contextlib import contextmanager

from ..optimize.session import OptimizingSession
from ..session import Session

# A learner's session.run, plain or optimizing (Session(optimize=True)).
RUN_CODES = {Session.run.__code__, OptimizingSession.run.__code__}


class _Stop(BaseException):
    """Raised inside the answer to stop it. A BaseException, so that an
    answer's own `except Exception:` cannot swallow it."""


def with_helpers(name, function):
    """(name, function), then every other function of the module that defines
    `function`, its private helpers included: an exercise that rebuilds the
    function may not call any of them."""
    module = sys.modules[function.__module__]
    helpers = [(f"{module.__name__}.{helper}", value) for helper, value in vars(module).items()
               if inspect.isfunction(value) and value.__module__ == module.__name__
               and value is not function]
    return [(name, function)] + helpers


@contextmanager
def refusing(what, shortcuts=(), seconds=None, too_slow="", reason=None, runs=None):
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
        runs: a list that receives (fetches, feed_dict, values) for every
            `Session.run` made in the block, or None.
    """
    codes = {function.__code__: name for name, function in shortcuts}
    deadline = None if seconds is None else time.perf_counter() + seconds
    seen = {"shortcut": None, "timeout": False, "done": False}
    running = {}

    def watch(frame, event, arg):
        if seen["done"]:
            return
        if event == "c_call" and arg is sys.setprofile:
            seen["shortcut"] = "sys.setprofile"
            raise _Stop
        if runs is not None and frame.f_code in RUN_CODES:
            if event == "call" and not running:  # an optimizing run's plain re-run is part of it
                running[frame] = (frame.f_locals["fetches"], frame.f_locals["feed_dict"])
            elif event == "return" and frame in running:
                runs.append((*running.pop(frame), arg))
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
        if sys.getprofile() is not watch:
            seen["shortcut"] = "sys.setprofile"
    except _Stop:
        pass
    finally:
        seen["done"] = True
        sys.setprofile(previous)
    name = seen["shortcut"]
    if name == "sys.setprofile":
        raise AssertionError(f"{what} switches off the check's watch over the calls it makes "
                             f"(sys.setprofile): the check cannot tell what it computes "
                             f"without it.")
    if name:
        raise AssertionError(f"{what} calls `{name}`: {reason}" if reason else
                             f"Write it yourself: {what} calls `{name}`, the library's "
                             f"version, which is what this check compares your answer against.")
    if seen["timeout"]:
        raise AssertionError(f"{what} was stopped after {seconds:g} seconds. {too_slow}".rstrip())
