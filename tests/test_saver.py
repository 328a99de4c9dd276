"""train.Saver: what it writes, that restore round-trips, that a crash during
save leaves the last good file, and that a mismatched restore changes nothing."""
import os

import numpy as np
import pytest

import minidl as tf


def model(W_shape=(2, 3)):
    """Variables as a small network has them: float32 weights, a bias, a step count."""
    W = tf.Variable(np.arange(np.prod(W_shape), dtype=float).reshape(W_shape),
                    dtype=tf.float32, name="W")
    b = tf.Variable([0.5, -0.5, 1.5], name="b")
    steps = tf.Variable(7, dtype=tf.int64, name="steps", trainable=False)
    return W, b, steps


def values(variables):
    return [variable.value.copy() for variable in variables]


def overwrite(sess, variables):
    sess.run([v.assign(np.full(v.shape, 99, v.dtype)) for v in variables])


def test_save_returns_the_path_written(tmp_path):
    model()
    saver = tf.train.Saver()
    with tf.Session() as sess:
        written = saver.save(sess, str(tmp_path / "model"))
        assert written == str(tmp_path / "model.npz")
        assert saver.save(sess, str(tmp_path / "other.npz")) == str(tmp_path / "other.npz")
    assert sorted(os.listdir(tmp_path)) == ["model.npz", "other.npz"]
    with np.load(written) as saved:
        assert sorted(saved.files) == ["W", "b", "steps"]


def test_restore_round_trips_values_and_dtypes(tmp_path):
    variables = model()
    saved = values(variables)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        path = saver.save(sess, str(tmp_path / "model"))
        overwrite(sess, variables)
        saver.restore(sess, path)
        restored = sess.run(list(variables))
    for value, expected in zip(restored, saved):
        np.testing.assert_array_equal(value, expected)
        assert value.dtype == expected.dtype


def test_restore_into_a_new_graph_with_the_same_names(tmp_path):
    W, b, steps = model()
    with tf.Session() as sess:
        sess.run(W.assign(-np.ones((2, 3))))
        path = tf.train.Saver().save(sess, str(tmp_path / "model"))
    with tf.Graph().as_default():
        W_again, _, _ = model()
        saver = tf.train.Saver()
        with tf.Session() as sess:
            saver.restore(sess, path)
            np.testing.assert_array_equal(sess.run(W_again), -np.ones((2, 3)))


def test_optimizer_slots_are_saved_so_training_resumes_where_it_stopped(tmp_path):
    w = tf.Variable([1.0, -2.0], name="w")
    step = tf.train.MomentumOptimizer(0.1, 0.9).minimize(tf.reduce_sum(tf.square(w)))
    saver = tf.train.Saver()
    init = tf.global_variables_initializer()
    with tf.Session() as sess:
        sess.run(step)
        path = saver.save(sess, str(tmp_path / "model"))
        sess.run(step)
        continued = sess.run(w)
        sess.run(init)
        saver.restore(sess, path)
        sess.run(step)
        np.testing.assert_array_equal(sess.run(w), continued)


def test_a_crash_while_saving_leaves_the_previous_file_and_no_temporary_file(
        tmp_path, monkeypatch):
    variables = model()
    saved = values(variables)
    saver = tf.train.Saver()
    real_savez = np.savez

    def savez_then_crash(file, **arrays):
        real_savez(file, **arrays)
        file.truncate(20)
        raise OSError("disk full")

    with tf.Session() as sess:
        path = saver.save(sess, str(tmp_path / "model"))
        overwrite(sess, variables)
        monkeypatch.setattr(np, "savez", savez_then_crash)
        with pytest.raises(OSError, match="disk full"):
            saver.save(sess, str(tmp_path / "model"))
    assert os.listdir(tmp_path) == ["model.npz"]
    with np.load(path) as on_disk:
        for variable, expected in zip(variables, saved):
            np.testing.assert_array_equal(on_disk[variable.name], expected)


def test_restore_of_a_wrong_shape_names_the_variable_and_changes_nothing(tmp_path):
    with tf.Graph().as_default():
        model(W_shape=(3, 2))
        with tf.Session() as sess:
            path = tf.train.Saver().save(sess, str(tmp_path / "other_model"))
    b = tf.Variable([1.0, 2.0, 3.0], name="b")
    W = tf.Variable(np.ones((2, 3)), dtype=tf.float32, name="W")
    saver = tf.train.Saver([b, W])
    with tf.Session() as sess:
        with pytest.raises(ValueError, match=r"variable 'W' has shape \(2, 3\), but '.*"
                                             r"other_model.npz' holds shape \(3, 2\)"):
            saver.restore(sess, path)
        np.testing.assert_array_equal(sess.run(b), [1.0, 2.0, 3.0])
        np.testing.assert_array_equal(sess.run(W), np.ones((2, 3)))


def test_restore_of_a_missing_name_names_the_variable_and_changes_nothing(tmp_path):
    with tf.Graph().as_default():
        tf.Variable([0.0, 0.0, 0.0], name="b")
        with tf.Session() as sess:
            path = tf.train.Saver().save(sess, str(tmp_path / "bias_only"))
    b = tf.Variable([1.0, 2.0, 3.0], name="b")
    tf.Variable(5.0, name="extra")
    saver = tf.train.Saver()
    with tf.Session() as sess:
        with pytest.raises(ValueError, match=r"no value for variable 'extra'; it has \['b'\]"):
            saver.restore(sess, path)
        np.testing.assert_array_equal(sess.run(b), [1.0, 2.0, 3.0])
