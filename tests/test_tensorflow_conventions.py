"""TensorFlow's conventions where a learner's code relies on them: axes and
shapes spelled with NumPy integers or a bare int, negative axes in a
permutation, softmax's axis=None (the last axis), and the mean of integers
(an integer, as TensorFlow computes it)."""
import numpy as np
import pytest
from error_helpers import Unchanged, raises

import minidl as tf


def run(node, feed=None):
    with tf.Session() as sess:
        return sess.run(node, feed)


X_VALUE = np.arange(6.0).reshape(2, 3)


@pytest.mark.parametrize("axis", [np.int64(1), np.int32(-1), [np.int64(1)], (np.int64(1),),
                                  np.array([1])])
def test_a_numpy_integer_axis_works_like_a_python_int(axis):
    x = tf.constant(X_VALUE)
    for reduce, reference in [(tf.reduce_sum, np.sum), (tf.reduce_mean, np.mean),
                              (tf.reduce_max, np.max)]:
        y = reduce(x, axis=axis)
        assert y.shape == (2,)
        np.testing.assert_allclose(run(y), reference(X_VALUE, axis=1))
        grad, = tf.gradients(y, x)
        assert run(grad).shape == (2, 3)


def test_a_bare_int_is_a_shape_of_one_axis():
    x = tf.placeholder(tf.float64, shape=5, name="x")
    assert x.shape == (5,)
    y = tf.reshape(tf.constant(X_VALUE), 6)
    assert y.shape == (6,)
    np.testing.assert_array_equal(run(y), np.arange(6.0))


def test_numpy_integers_in_a_shape_become_python_ints():
    x = tf.placeholder(tf.float64, shape=[None, np.int64(3)], name="x")
    assert x.shape == (None, 3) and type(x.shape[1]) is int
    assert "shape=(None, 3)" in repr(x)
    y = tf.reshape(x, np.array([3, -1]))
    np.testing.assert_array_equal(run(y, {x: X_VALUE}), X_VALUE.reshape(3, 2))


@pytest.mark.parametrize("op", [tf.nn.softmax, tf.nn.log_softmax])
def test_softmax_axis_none_means_the_last_axis_as_in_tensorflow(op):
    x = tf.constant(X_VALUE)
    np.testing.assert_allclose(run(op(x, axis=None)), run(op(x, axis=-1)))
    assert np.allclose(run(tf.reduce_sum(tf.nn.softmax(x, axis=None), axis=-1)), 1.0)


@pytest.mark.parametrize("dtype", [tf.int32, tf.int64])
def test_the_mean_of_integers_is_an_integer_rounded_toward_zero_as_in_tensorflow(dtype):
    x = tf.constant(np.array([[1, 2], [-1, -2], [3, 4]], dtype=dtype))
    everything, per_row = tf.reduce_mean(x), tf.reduce_mean(x, axis=1)
    assert everything.dtype == per_row.dtype == dtype
    assert run(everything) == 1                        # 7 / 6, rounded toward zero
    np.testing.assert_array_equal(run(per_row), [1, -1, 3])
    assert run(per_row).dtype == dtype


def test_the_mean_of_floats_is_unchanged():
    x = tf.constant(np.array([1, 2], dtype=np.float32))
    assert run(tf.reduce_mean(x)) == np.float32(1.5)
    assert tf.reduce_mean(x).dtype == tf.float32


def test_the_mean_of_booleans_is_refused_with_the_cast_to_write():
    correct = tf.equal(tf.constant([1, 2, 3]), tf.constant([1, 0, 3]), name="correct")
    unchanged = Unchanged(correct.graph)
    with raises(TypeError, "'correct'", "bool", "tf.cast(correct, tf.float32)"):
        tf.reduce_mean(correct)
    unchanged.check()


def test_booleans_fed_to_a_mean_of_unknown_dtype_are_refused_when_it_runs():
    flags = tf.placeholder(name="flags")
    mean = tf.reduce_mean(flags)
    with raises(TypeError, "'flags'", "booleans", "tf.cast(flags, tf.float32)"):
        run(mean, {flags: [True, False]})


def test_a_permutation_axis_out_of_range_is_an_error_naming_the_op():
    x = tf.placeholder(tf.float64, (2, 3), name="x")
    unchanged = Unchanged(x.graph)
    with raises(ValueError, "Transpose 'flipped'", "(2, 3)", "-3"):
        tf.transpose(x, (-3, 0), name="flipped")
    unchanged.check()


@pytest.mark.parametrize("shape, expected", [(5, (5,)), (np.int64(5), (5,)),
                                             ((np.int64(2), 3), (2, 3))])
def test_an_initializer_takes_a_bare_int_or_numpy_integers_as_its_shape(shape, expected):
    for initializer in (tf.zeros_initializer(), tf.constant_initializer(0.5),
                        tf.random_normal_initializer(seed=1),
                        tf.glorot_uniform_initializer(seed=1)):
        assert initializer(shape).shape == expected
