"""How every exercise check answers the learner.

A check says one of three things, always in plain words:

- the answer is not written yet (a stub returns None): `not_yet` prints a
  reminder and ends the check, so a notebook with unfinished exercises still
  runs from top to bottom;
- the answer is wrong: the check raises an AssertionError that says what was
  tried, what came out, what was expected and, where it can tell, why;
- the answer is right: `correct` prints "Correct!" and what it means.

Most checks are made of three steps: `call` the answer on copies of the
inputs (watched for shortcuts), turn what it returns into `numbers` (or a
`number`, a `truth`, a `node`), and see that it `agrees` with the reference,
whose failure names the likely mistake: the `hint` of the first wrong answer
it matches. An answer of the wrong type is refused with a word on what it is.
"""
import functools
import inspect

import numpy as np

from ..session import Session
from .guard import refusing


def answer_is(kind, base=None, having=""):
    """Decorate a check whose answer (its last argument) must be a function
    (`kind="function"`), a class (`kind="class"`, a subclass of `base` when
    given, `having` the methods the exercise asks for) or any value
    (`kind="value"`): anything else is refused before the check tries it."""
    def decorate(check):
        name = list(inspect.signature(check).parameters)[-1]

        @functools.wraps(check)
        def checked(*args):
            answer = args[-1]
            if kind == "function":
                expect(callable(answer), f"{name} should be a function, which the check calls; "
                       f"it is {describe(answer)}. Pass the function itself, {name}, without "
                       f"calling it.")
            if kind == "class":
                subclass = f", a subclass of tf.{base.__name__}" if base else ""
                expect(isinstance(answer, type) and issubclass(answer, base or object),
                       f"{name} should be a class of your own{subclass}{having}; it is "
                       f"{describe(answer)}")
            try:
                return check(*args)
            except _NotYet as stub:
                _say(str(stub))
        return checked
    return decorate


class _NotYet(BaseException):
    """Raised by `not_yet` and caught by `answer_is`: a stub is no failure. A
    BaseException, so that a check's `except Exception:` lets it through."""


def not_yet(what, verb="returns"):
    """End the check, printing that `what` (e.g. "depends_on") still returns
    None, or, with verb="is", that a value to fill in is still None."""
    raise _NotYet(f"Not implemented yet: {what} {verb} None. Complete it and run this "
                  f"cell again.")


def answered(value, what):
    """`value`; when it is None (a stub's result), the end of the check with `not_yet`."""
    if value is None:
        not_yet(what)
    return value


def call(answer, what, *args, refuse=(), **watch):
    """What `answer(*args)` returns, `answered`, given copies of the arrays and
    lists in `args` (an answer that changes its inputs in place changes no one
    else's data), while `refusing(what, refuse, **watch)` watches it."""
    copies = [np.copy(a) if isinstance(a, np.ndarray) else
              list(a) if isinstance(a, list) else a for a in args]
    with refusing(what, refuse, **watch):
        value = answer(*copies)
    return answered(value, what)


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


def expect(condition, message):
    """Fail with `message` unless `condition` holds."""
    if not condition:
        fail(message)


def show(value):
    """A value as the learner would print it: arrays rounded to 4 decimals, a long
    one as its first and last three rows ("..." between), and a whole float as
    5.0 (NumPy's "5." would end a sentence twice)."""
    text = np.array2string(np.asarray(value), precision=4, suppress_small=True, separator=", ",
                           threshold=20, edgeitems=3).replace("\n", "")
    return text + "0" if text.endswith(".") else text


def close(value, expected, **tolerances):
    """Whether `value` has `expected`'s shape and np.allclose values."""
    return np.shape(value) == np.shape(expected) and np.allclose(value, expected, **tolerances)


def hint(got, *guesses):
    """The text of the first (value, text) guess that `got` equals (`close`),
    or "": what a wrong answer most likely did."""
    return next((text for value, text in guesses if close(got, value)), "")


def compare(got, expected, message, *guesses, **tolerances):
    """Fail with `message` and the `hint` of `guesses` unless `got` is `close`
    to `expected`."""
    expect(close(got, expected, **tolerances), message + hint(got, *guesses))


def agrees(got, expected, where, what, *guesses, why="", **tolerances):
    """`got` as `numbers`, or a failure that says, `where` (e.g. "with k = 2"),
    that `what` has the wrong shape or values, what they should be, then `why`
    and the `hint` of `guesses`."""
    got = numbers(got, what)
    mistake = hint(got, *guesses)
    expect(np.shape(got) == np.shape(expected), f"{where}, {what} should have shape "
           f"{np.shape(expected)}; it has shape {np.shape(got)}.{mistake}")
    compare(got, expected, f"{where}, {what} is {show(got)}, but should be {show(expected)}."
            f"{why}{mistake}", **tolerances)
    return got


def run(fetches, feed_dict=None):
    """The values of `fetches` in a session of the default graph; NaN and
    infinity pass silently, for the check to report."""
    with Session() as session, np.errstate(all="ignore"):
        return session.run(fetches, feed_dict)


def value_of(answer, what, feed_dict=None, why="so that a session can run it"):
    """The value of the node the learner's `what` returns, as `numbers`, or a
    clear failure when it is no node or not numbers."""
    node(answer, f"what {what} returns", why)
    return numbers(run(answer, feed_dict), f"the value of {what}'s node")


def describe(value):
    """What a value is, in words, for a message about a value of the wrong type."""
    if isinstance(value, str):
        return f"the string {value!r}"
    if value is None:
        return "None"
    name = getattr(value, "name", None)
    if hasattr(value, "inputs") and isinstance(name, str):
        return f"the minidl node '{name}' (of type {type(value).__name__})"
    if isinstance(value, np.ndarray):
        return f"a NumPy array of dtype {value.dtype} and shape {value.shape}"
    if isinstance(value, type):
        return f"the class {value.__name__}"
    if callable(value):
        return f"the function {getattr(value, '__name__', repr(value))}"
    kind = type(value).__name__
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}, {value!r}"


def number(value, what, example="0.05"):
    """`value` as a float, or a clear failure when it is not one number (a
    node, or a string that looks like a number: quotes make it text)."""
    expect(not hasattr(value, "inputs"), f"{what} should be a plain number computed with "
           f"NumPy or math, not a minidl node: nothing here needs a graph")
    expect(isinstance(value, (int, float, np.number, np.ndarray))
           and not isinstance(value, (bool, np.bool_)),
           f"{what} should be a number, like {example}; it is {describe(value)}."
           + (f" Quotes make it text, even when it looks like a number: write {value}, "
              f"not {value!r}." if isinstance(value, str) else ""))
    expect(np.ndim(value) == 0 and np.asarray(value).dtype.kind in "iuf",
           f"{what} should be one number, like {example}; it is {describe(value)}")
    return float(value)


def numbers(value, what):
    """`value` as a float64 array, or a clear failure when it holds anything
    but numbers (strings, nodes, None)."""
    expect(not isinstance(value, str), f"{what} should be numbers (a NumPy array); it is "
           f"{describe(value)}. Quotes make it text, even when it looks like numbers: return "
           f"the values themselves.")
    expect(not hasattr(value, "inputs"), f"{what} should be NumPy numbers; it is "
           f"{describe(value)}. A node is a recipe: run it in a session to get its value.")
    try:
        array = np.asarray(value)
    except ValueError as error:
        fail(f"{what} should be an array of numbers; NumPy cannot make one of "
             f"{describe(value)}: {error}")
    expect(array.dtype.kind in "biuf", f"{what} should hold numbers; it is {describe(value)}")
    return array.astype(np.float64)


def two_arrays(value, function, first, second):
    """The two arrays a function returns, as `numbers`, or a clear failure
    naming `function` when it returns anything but a pair."""
    expect(isinstance(value, (tuple, list)) and len(value) == 2, f"{function} should return "
           f"two arrays, {first} and {second}; it returned {describe(value)}")
    return numbers(value[0], first), numbers(value[1], second)


def truth(value, what):
    """`value` as a bool, or a clear failure when it is not True or False
    (the string "False" would count as true)."""
    expect(isinstance(value, (bool, np.bool_)), f"{what} should be True or False; it is "
           f"{describe(value)}." + (" Without quotes: the string 'False' is not False."
                                    if isinstance(value, str) else ""))
    return bool(value)


def node(value, what, why="so that a session can run it"):
    """`value` itself when it is a minidl node, or a clear failure."""
    expect(value is not None and hasattr(value, "inputs") and hasattr(value, "graph"),
           f"{what} should be a minidl node, built with minidl operations ({why}); it is "
           f"{describe(value)}")
    return value
