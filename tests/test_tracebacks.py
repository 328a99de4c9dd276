"""An error raised on a learner's behalf shows, in a notebook, the learner's
line and then the line that raised it: the library frames in between mark
themselves `__tracebackhide__`, which IPython honours (it never hides the last
frame, the one that raised)."""
import numpy as np
import pytest

import minidl
from minidl.source import PACKAGE_DIR


def library_frames_shown(error_info):
    """The names of the minidl functions a notebook's traceback would show
    before the one that raised."""
    frames, tb = [], error_info.tb
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return [frame.f_code.co_qualname for frame in frames[:-1]
            if frame.f_code.co_filename.startswith(str(PACKAGE_DIR))
            and not frame.f_locals.get("__tracebackhide__")]


def test_a_feed_of_the_wrong_shape_shows_no_library_frame_before_the_check():
    x = minidl.placeholder(minidl.float64, (None, 2), name="x")
    with minidl.Session() as session, pytest.raises(ValueError, match="has shape") as error:
        session.run(x * 2.0, {x: np.ones((3, 3))})
    assert library_frames_shown(error) == []


def test_a_missing_feed_shows_no_library_frame_before_the_check():
    x = minidl.placeholder(minidl.float64, name="x")
    with minidl.Session() as session, pytest.raises(ValueError, match="needs a value") as error:
        session.run(x * 2.0)
    assert library_frames_shown(error) == []


@pytest.mark.parametrize("build", [
    lambda a, b: minidl.matmul(a, b), lambda a, b: a @ b,
], ids=["matmul", "@"])
def test_mismatched_shapes_show_no_library_frame_before_the_rule(build):
    a = minidl.placeholder(minidl.float64, (None, 2))
    with pytest.raises(ValueError, match="cannot take inputs of shapes") as error:
        build(a, np.ones((3, 4)))
    assert library_frames_shown(error) == []


def test_a_nan_located_by_check_numerics_shows_no_library_frame_before_the_check():
    x = minidl.placeholder(minidl.float64, (2,))
    with minidl.Session(check_numerics=True) as session:
        with pytest.raises(FloatingPointError, match="produced NaN") as error:
            session.run(minidl.log(x), {x: [-1.0, 1.0]})
    assert library_frames_shown(error) == []



def test_inputs_from_two_graphs_show_no_library_frame_before_the_check():
    with minidl.Graph().as_default():
        x = minidl.placeholder(minidl.float64, (2, 2), name="x")
    with minidl.Graph().as_default():
        y = minidl.placeholder(minidl.float64, (2, 2), name="y")
        with pytest.raises(ValueError, match="different graphs") as error:
            minidl.matmul(x, y)
    assert library_frames_shown(error) == []
