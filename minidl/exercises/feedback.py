"""How every exercise check answers the learner.

A check says one of three things, always in plain words:

- the answer is not written yet (the stub still returns None): `answered`
  or `not_yet` ends the check and `answer_is` prints a reminder, so a
  notebook with unfinished exercises still runs from top to bottom;
- the answer is wrong: the check raises an AssertionError that says what
  was tried, what came out, what was expected and, where it can tell, why;
- the answer is right: `correct` prints "Correct!" and what it means.

An answer of the wrong type (a string where a number is asked, a NumPy array
where a node is, a function where a class is) is refused with a word on what
it is and what was expected: `answer_is` checks the answer itself, and
`number`, `numbers`, `truth` and `node` check a value and return it
(`value_of` runs the learner's node first). `compare` fails a wrong value
with the `hint` that names its likely mistake.
"""
import functools
import inspect

import numpy as np

from ..session import Session


def answer_is(kind, base=None, having=""):
    """Decorate a check whose answer (its last argument) must be a function
    (`kind="function"`) or a class (`kind="class"`, a subclass of `base` when
    given, `having` the methods the exercise asks for), or any value
    (`kind="value"`): anything else is refused, with what it is, before the
    check tries it. A stub's None ends the check with `not_yet`'s reminder."""
    def decorate(check):
        name = list(inspect.signature(check).parameters)[-1]

        @functools.wraps(check)
        def checked(*args):
            answer = args[-1]
            if kind == "function" and not callable(answer):
                fail(f"{name} should be a function, which the check calls; it is "
                     f"{describe(answer)}. Pass the function itself, {name}, without "
                     f"calling it.")
            if kind == "class" and not (isinstance(answer, type) and
                                        issubclass(answer, base or object)):
                base_name = f", a subclass of tf.{base.__name__}" if base else ""
                fail(f"{name} should be a class of your own{base_name}{having}; it is "
                     f"{describe(answer)}")
            try:
                return check(*args)
            except _NotYet as stub:
                _say(str(stub))
        return checked
    return decorate


class _NotYet(Exception):
    """Raised by `not_yet` and caught by `answer_is`: a stub is no failure."""


def not_yet(what, verb="returns"):
    """End the check, printing that `what` (e.g. "depends_on") still returns
    None, or, with verb="is", that a value the learner should fill in is still None."""
    raise _NotYet(f"Not implemented yet: {what} {verb} None. Complete it and run this "
                  f"cell again.")


def answered(value, what):
    """`value`; when it is None (a stub's result), the end of the check with `not_yet`."""
    if value is None:
        not_yet(what)
    return value


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
    if not close(got, expected, **tolerances):
        fail(message + hint(got, *guesses))


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
    """`value` as a float, or a clear failure when it is not one number.

    A string that looks like a number ("0.1") is refused: quotes make it text."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number,
                                                                    np.ndarray)):
        fail(f"{what} should be a number, like {example}; it is {describe(value)}."
             + (f" Quotes make it text, even when it looks like a number: write {value}, "
               f"not {value!r}." if isinstance(value, str) else ""))
    if np.ndim(value) != 0 or np.asarray(value).dtype.kind not in "iuf":
        fail(f"{what} should be one number, like {example}; it is {describe(value)}")
    return float(value)


def numbers(value, what):
    """`value` as a float64 array, or a clear failure when it holds anything
    but numbers (strings, nodes, None)."""
    if isinstance(value, str):
        fail(f"{what} should be numbers (a NumPy array); it is {describe(value)}. "
             f"Quotes make it text, even when it looks like numbers: return the values "
             f"themselves.")
    if hasattr(value, "inputs"):
        fail(f"{what} should be NumPy numbers; it is {describe(value)}. A node is a "
             f"recipe: run it in a session to get its value.")
    try:
        array = np.asarray(value)
    except ValueError as error:
        fail(f"{what} should be an array of numbers; NumPy cannot make one of "
             f"{describe(value)}: {error}")
    if array.dtype.kind not in "biuf":
        fail(f"{what} should hold numbers; it is {describe(value)}")
    return array.astype(np.float64)


def two_arrays(value, function, first, second):
    """The two arrays a function returns, as `numbers`, or a clear failure
    naming `function` when it returns anything but a pair."""
    if not (isinstance(value, (tuple, list)) and len(value) == 2):
        fail(f"{function} should return two arrays, {first} and {second}; it "
             f"returned {describe(value)}")
    return numbers(value[0], first), numbers(value[1], second)


def path_like(path, expected, description, start="the start"):
    """Fail unless `path` has `expected`'s shape: one point for `start`, then
    one per step."""
    if path.shape != expected.shape:
        steps = len(expected) - 1
        fail(f"for {description} with {steps} steps, the path should hold {steps + 1} "
             f"points of shape {expected.shape[1:]} ({start}, then one per step); it has "
             f"shape {path.shape}")


def truth(value, what):
    """`value` as a bool, or a clear failure when it is not True or False
    (the string "False" would count as true)."""
    if not isinstance(value, (bool, np.bool_)):
        fail(f"{what} should be True or False; it is {describe(value)}."
             + (" Without quotes: the string 'False' is not False." if isinstance(value, str)
                else ""))
    return bool(value)


def node(value, what, why="so that a session can run it"):
    """`value` itself when it is a minidl node, or a clear failure."""
    if value is None or not hasattr(value, "inputs") or not hasattr(value, "graph"):
        fail(f"{what} should be a minidl node, built with minidl operations ({why}); "
             f"it is {describe(value)}")
    return value
