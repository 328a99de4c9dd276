"""train.Saver: what it writes, that restore round-trips, that a crash during
save leaves the last good file, and that a mismatched restore changes nothing."""
import os
import zipfile

import numpy as np
import pytest
from error_helpers import raises

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
    real_write_array = np.lib.format.write_array

    def write_half_then_crash(file, array, **options):
        real_write_array(file, array[: len(array) // 2], **options)
        raise OSError("disk full")

    with tf.Session() as sess:
        path = saver.save(sess, str(tmp_path / "model"))
        overwrite(sess, variables)
        monkeypatch.setattr(np.lib.format, "write_array", write_half_then_crash)
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


def test_any_variable_name_is_saved_even_the_names_of_numpys_own_arguments(tmp_path):
    names = ["file", "allow_pickle", "args", "kwds", "W/Adam/m"]
    variables = [tf.Variable([float(i), -1.0], name=name) for i, name in enumerate(names)]
    saver = tf.train.Saver()
    with tf.Session() as sess:
        path = saver.save(sess, str(tmp_path / "model"))
        overwrite(sess, variables)
        saver.restore(sess, path)
        restored = sess.run(variables)
    with np.load(path) as saved:
        assert sorted(saved.files) == sorted(names)
    for i, value in enumerate(restored):
        np.testing.assert_array_equal(value, [float(i), -1.0])


def test_two_variables_of_one_name_are_refused_by_the_saver():
    first = tf.Variable(1.0, name="w")
    with tf.Graph().as_default():
        second = tf.Variable(2.0, name="w")
    with raises(ValueError, "'w'", "more than one"):
        tf.train.Saver([first, second])


def test_a_restore_that_fails_on_a_later_variable_changes_no_earlier_one(tmp_path):
    path = str(tmp_path / "model.npz")
    np.savez(path, a=np.array([5.0, 6.0]), b=np.array(["one", "two"]))
    a = tf.Variable([1.0, 2.0], name="a")
    b = tf.Variable([3.0, 4.0], name="b")
    with tf.Session() as sess:
        with raises(TypeError, "variable 'b'", "float64", "<U3"):
            tf.train.Saver([a, b]).restore(sess, path)
        np.testing.assert_array_equal(sess.run(a), [1.0, 2.0])
        np.testing.assert_array_equal(sess.run(b), [3.0, 4.0])


def test_a_float_checkpoint_is_not_truncated_into_an_integer_variable(tmp_path):
    with tf.Graph().as_default():
        tf.Variable([0.0, 1.0], name="w")
        tf.Variable(2.7, name="steps")
        with tf.Session() as sess:
            path = tf.train.Saver().save(sess, str(tmp_path / "floats"))
    w = tf.Variable([5.0, 5.0], name="w")
    steps = tf.Variable(7, name="steps")
    with tf.Session() as sess:
        with raises(TypeError, "variable 'steps'", "int64", "float64"):
            tf.train.Saver().restore(sess, path)
        np.testing.assert_array_equal(sess.run(w), [5.0, 5.0])
        assert sess.run(steps) == 7


def test_a_float64_checkpoint_restores_into_float32_variables(tmp_path):
    with tf.Graph().as_default():
        tf.Variable([0.25, 1.5], name="w")
        with tf.Session() as sess:
            path = tf.train.Saver().save(sess, str(tmp_path / "model"))
    w = tf.Variable([0.0, 0.0], dtype=tf.float32, name="w")
    with tf.Session() as sess:
        tf.train.Saver().restore(sess, path)
        restored = sess.run(w)
    assert restored.dtype == tf.float32
    np.testing.assert_array_equal(restored, [0.25, 1.5])


def write_text(path):
    path.write_text("not an archive")


def write_npy(path):
    with open(path, "wb") as file:
        np.save(file, np.ones(3))


def write_pickled_objects(path):
    np.savez(path, w=np.array([{"a": 1}], dtype=object))


def write_zip_of_text(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("w.txt", "hello")


@pytest.mark.parametrize("write", [write_text, write_npy, write_pickled_objects,
                                   write_zip_of_text])
def test_a_file_that_is_not_a_checkpoint_is_reported_as_such(tmp_path, write):
    path = tmp_path / "model.npz"
    write(path)
    w = tf.Variable([1.0, 2.0], name="w")
    with tf.Session() as sess:
        with raises(ValueError, "model.npz", "not a minidl checkpoint"):
            tf.train.Saver().restore(sess, str(path))
        np.testing.assert_array_equal(sess.run(w), [1.0, 2.0])
