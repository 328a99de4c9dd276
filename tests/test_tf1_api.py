"""The TensorFlow 1 names a learner meets in the next tutorial (issue 25):
initial values from ops, the default session, TF1's older keyword spellings,
`softmax_cross_entropy_with_logits`. Each is checked against a formula or
TensorFlow 1's documented behaviour, not against minidl's own result."""
import numpy as np
import pytest
from gradcheck import check_gradients

import minidl as tf


def fresh_graph_values(build, seed=3):
    """The value `build()` gives in a fresh graph whose graph seed is `seed`."""
    with tf.Graph().as_default():
        tf.set_random_seed(seed)
        node = build()
        with tf.Session() as sess:
            return sess.run(node)


@pytest.mark.parametrize("build", [
    lambda: tf.random_normal([4, 3], seed=1),
    lambda: tf.truncated_normal([4, 3]),
    lambda: tf.random_uniform([4, 3], minval=-1.0, maxval=1.0),
])
def test_random_ops_follow_the_graph_and_op_seeds(build):
    first, second = fresh_graph_values(build), fresh_graph_values(build)
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, fresh_graph_values(build, seed=4))
    assert first.shape == (4, 3) and first.dtype == np.float32


def test_random_ops_draw_new_numbers_on_every_run():
    x = tf.random_normal([5], seed=2)
    with tf.Session() as sess:
        assert not np.array_equal(sess.run(x), sess.run(x))


def test_random_ops_have_the_documented_distributions():
    with tf.Graph().as_default():
        normal = tf.random_normal([20000], mean=1.0, stddev=0.5, dtype=tf.float64, seed=1)
        truncated = tf.truncated_normal([20000], stddev=2.0, seed=1)
        uniform = tf.random_uniform([20000], minval=-3.0, maxval=1.0, seed=1)
        integers = tf.random_uniform([20000], maxval=5, dtype=tf.int32, seed=1)
        with tf.Session() as sess:
            n, t, u, i = sess.run([normal, truncated, uniform, integers])
    assert n.dtype == np.float64 and abs(n.mean() - 1.0) < 0.02 and abs(n.std() - 0.5) < 0.02
    assert np.abs(t).max() <= 4.0 and abs(t.std() - 2.0 * 0.8796) < 0.05  # std of N cut at 2 sd
    assert -3.0 <= u.min() and u.max() < 1.0 and abs(u.mean() + 1.0) < 0.05
    assert i.dtype == np.int32 and set(np.unique(i)) == {0, 1, 2, 3, 4}


def test_random_uniform_of_integers_needs_maxval():
    with pytest.raises(ValueError, match="maxval"):
        tf.random_uniform([2], dtype=tf.int32)


def test_a_random_shape_computed_in_the_run_is_refused_saying_so():
    x = tf.placeholder(tf.float32, [None, 3])
    with pytest.raises(TypeError, match="shape as numbers when the graph is built"):
        tf.random_normal([tf.shape(x)[0], 3])


def test_zeros_ones_and_fill_are_float32_unless_told():
    with tf.Session() as sess:
        zeros, ones, filled = sess.run([tf.zeros([2, 3]), tf.ones(4, dtype=tf.int32),
                                        tf.fill([2], 7)])
    np.testing.assert_array_equal(zeros, np.zeros((2, 3), np.float32))
    assert zeros.dtype == np.float32 and ones.dtype == np.int32
    np.testing.assert_array_equal(filled, [7, 7])


def test_a_variable_starts_from_the_value_of_an_op_and_the_initializer_restores_it():
    with tf.Graph().as_default():
        tf.set_random_seed(5)
        W = tf.Variable(tf.random_normal([3, 2], stddev=0.1))
        b = tf.Variable(tf.zeros([2]))
        c = tf.Variable(tf.constant([1.0, 2.0]) * 3)
        with tf.Session() as sess:
            start = sess.run(W)
            sess.run(W.assign(np.ones((3, 2))))
            sess.run(tf.global_variables_initializer())
            np.testing.assert_array_equal(sess.run(W), start)
            np.testing.assert_array_equal(sess.run([b, c]), [[0, 0], [3, 6]])
    assert W.dtype == np.float32 and 0 < np.abs(start).max() < 0.5
    assert start.tolist() == fresh_graph_values(lambda: tf.random_normal([3, 2], stddev=0.1),
                                                seed=5).tolist()


def test_an_initial_value_that_needs_a_feed_is_refused_and_the_graph_is_unchanged():
    x = tf.placeholder(tf.float32, [2], name="x")
    graph = tf.get_default_graph()
    before = list(graph.nodes)
    with pytest.raises(ValueError, match="placeholder 'x'"):
        tf.Variable(x * 2)
    assert graph.nodes[:len(before)] == before and not tf.global_variables()


def test_softmax_cross_entropy_with_logits_has_v2s_values_and_no_gradient_for_labels():
    labels = tf.constant([[0.2, 0.8], [1.0, 0.0]])
    logits = tf.constant([[1.0, -1.0], [0.5, 2.0]])
    loss = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    z = np.array([[1.0, -1.0], [0.5, 2.0]])
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    expected = -(np.array([[0.2, 0.8], [1.0, 0.0]]) * log_p).sum(axis=1)
    grad_labels, grad_logits = tf.gradients(tf.reduce_sum(loss), [labels, logits])
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(loss), expected)
        np.testing.assert_allclose(sess.run(grad_logits),
                                   np.exp(log_p) - [[0.2, 0.8], [1.0, 0.0]])
    assert grad_labels is None


def test_softmax_cross_entropy_with_logits_wants_named_arguments_as_in_tf1():
    with pytest.raises(ValueError, match="named arguments"):
        tf.nn.softmax_cross_entropy_with_logits(tf.constant([[1.0]]), tf.constant([[1.0]]))


def test_a_with_block_makes_the_session_the_default_for_eval_and_run():
    v = tf.Variable(1.0)
    x = tf.placeholder(tf.float64)
    step = v.assign(v + x)
    assert tf.get_default_session() is None
    with tf.Session() as sess:
        assert tf.get_default_session() is sess
        tf.global_variables_initializer().run()
        assert step.run(feed_dict={x: 2.0}) is None
        assert v.eval() == 3.0
        assert (v * x).eval(feed_dict={x: 2.0}) == 6.0
    assert tf.get_default_session() is None


def test_as_default_does_not_close_and_an_inner_default_wins():
    v = tf.constant(2.0)
    outer, inner = tf.Session(), tf.Session()
    with outer.as_default():
        with inner.as_default():
            assert tf.get_default_session() is inner
        assert tf.get_default_session() is outer
        assert v.eval() == 2.0
    assert not outer.closed and tf.get_default_session() is None


def test_an_interactive_session_is_the_default_until_closed():
    v = tf.constant(5.0)
    sess = tf.InteractiveSession()
    try:
        assert v.eval() == 5.0
    finally:
        sess.close()
    assert tf.get_default_session() is None


def test_eval_without_a_default_session_says_how_to_get_one():
    v = tf.constant(5.0, name="five")
    with pytest.raises(ValueError, match=r"'five'.eval\(\).*no default session.*tf.Session"):
        v.eval()
    with pytest.raises(ValueError, match="no default session"):
        v.run()
    assert v.eval(session=tf.Session()) == 5.0


def test_reductions_and_argmax_take_tf1s_older_spellings():
    x = np.array([[1.0, 5.0], [3.0, 2.0]])
    with tf.Session() as sess:
        values = sess.run([tf.reduce_sum(x, reduction_indices=1),
                           tf.reduce_mean(x, reduction_indices=[0], keep_dims=True),
                           tf.reduce_max(x, keep_dims=True),
                           tf.argmax(x, dimension=1), tf.argmax(x),
                           tf.arg_min(x, 1), tf.argmin(x, dimension=0), tf.arg_max(x, 0)])
    expected = [[6.0, 5.0], [[2.0, 3.5]], [[5.0]], [1, 0], [1, 0], [0, 1], [0, 1], [1, 0]]
    for value, want in zip(values, expected):
        np.testing.assert_array_equal(value, want)


def test_both_spellings_of_an_axis_are_refused():
    with pytest.raises(ValueError, match="axis or reduction_indices, not both"):
        tf.reduce_sum(tf.constant([1.0]), axis=0, reduction_indices=0)
    with pytest.raises(ValueError, match="axis or dimension"):
        tf.argmax(tf.constant([1.0]), axis=0, dimension=0)


@pytest.mark.parametrize("index", [
    lambda x: x[0], lambda x: x[:, 1:3], lambda x: x[..., -1], lambda x: x[1, ::2],
    lambda x: x[:, tf.newaxis, 2], lambda x: x[::-1] * x[0],
], ids=["row", "columns", "last", "stride", "newaxis", "reversed-and-reused"])
def test_indexing_a_node_gives_numpys_values_and_gradients(index):
    x = np.arange(12.0).reshape(3, 4) / 7
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(index(tf.constant(x))), index(x))
    check_gradients(index, x)


def test_indexing_knows_the_static_shape_where_it_can():
    x = tf.placeholder(tf.float32, [None, 4])
    assert x[0].shape == (4,) and x[:, 1:3].shape == (None, 2)
    assert x[..., -1].shape == (None,) and x[:, tf.newaxis].shape == (None, 1, 4)
    assert x[:, 1:3].dtype == np.float32


def test_indexing_with_a_node_or_a_list_is_refused_naming_both():
    x = tf.constant(np.ones((2, 3)), name="x")
    graph = tf.get_default_graph()
    count = len(graph.nodes)
    i = tf.constant(0, name="i")
    with pytest.raises(TypeError, match="cannot index 'x' with node 'i'"):
        x[i]
    with pytest.raises(TypeError, match=r"cannot index 'x' with \[0, 1\]"):
        x[[0, 1]]
    assert len(graph.nodes) == count + 1  # only i


def test_shape_is_the_dynamic_shape_of_the_run():
    x = tf.placeholder(tf.float32, [None, 3])
    batch = tf.shape(x)[0]
    assert tf.shape(x).shape == (2,) and tf.shape(x).dtype == np.int32
    with tf.Session() as sess:
        assert sess.run(batch, {x: np.ones((5, 3))}) == 5
        np.testing.assert_array_equal(sess.run(tf.shape(x), {x: np.ones((2, 3))}), [2, 3])


def test_assign_functions_set_add_and_subtract_and_give_the_new_value():
    v = tf.Variable([1.0, 2.0])
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(tf.assign_add(v, [1.0, 1.0])), [2.0, 3.0])
        np.testing.assert_array_equal(sess.run(tf.assign_sub(v, 0.5)), [1.5, 2.5])
        np.testing.assert_array_equal(sess.run(tf.assign(v, [0.0, 9.0])), [0.0, 9.0])
        np.testing.assert_array_equal(sess.run(v), [0.0, 9.0])


def test_a_saver_takes_tf1s_dict_of_names_and_a_pathlib_path(tmp_path):
    w = tf.Variable([1.0, 2.0], name="w")
    saver = tf.train.Saver({"weights": w})
    with tf.Session() as sess:
        written = saver.save(sess, tmp_path / "model")
        with np.load(written) as saved:
            assert saved.files == ["weights"]
        sess.run(w.assign([7.0, 7.0]))
        saver.restore(sess, tmp_path / "model")
        np.testing.assert_array_equal(sess.run(w), [1.0, 2.0])
        with pytest.raises(ValueError, match=r"no value for variable 'w' \(saved as 'other'\)"):
            tf.train.Saver({"other": w}).restore(sess, tmp_path / "model")


def test_dense_says_what_to_write_for_a_float_units_or_an_initializer_class():
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    graph = tf.get_default_graph()
    count = len(graph.nodes)
    with pytest.raises(TypeError, match=r"dense 'dense': units must be .* units=2, got 2.0"):
        tf.layers.dense(x, units=2.0)
    with pytest.raises(TypeError, match=r"kernel_initializer is the class GlorotUniform.*"
                                        r"parentheses"):
        tf.layers.dense(x, 2, kernel_initializer=tf.glorot_uniform_initializer)
    with pytest.raises(TypeError, match="bias_initializer is the class"):
        tf.layers.dense(x, 2, bias_initializer=tf.zeros_initializer)
    assert len(graph.nodes) == count
    assert tf.layers.dense(x, np.int64(2)).shape == (None, 2)


def test_a_constant_initializer_too_short_for_the_shape_is_refused_saying_why():
    with pytest.raises(ValueError, match="holds 2 numbers.*needs 4.*TensorFlow 1 would repeat"):
        tf.constant_initializer([1.0, 2.0])((2, 2))
