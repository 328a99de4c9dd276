"""Each optimizer against its update worked out by hand in NumPy, with
TensorFlow 1's documented formulas, on a least-squares problem small enough
to follow: loss = sum((X w + b - y)**2)."""
import numpy as np
import pytest

import minidl as tf

X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.3]])
Y = np.array([1.0, -2.0, 0.5])
W0, B0 = np.array([0.3, -0.2]), np.array(0.1)


def hand_gradient(w, b):
    """d/dw and d/db of sum((X w + b - y)**2): 2 X^T r and 2 sum(r), r the residuals."""
    residuals = X @ w + b - Y
    return 2 * X.T @ residuals, 2 * residuals.sum()


def train(optimizer, steps, dtype=tf.float64):
    """The values of w and b after `steps` runs of `optimizer.minimize(loss)`."""
    w = tf.Variable(W0, dtype=dtype, name="w")
    b = tf.Variable(B0, dtype=dtype, name="b")
    residuals = tf.matmul(tf.constant(X, dtype), w) + b - tf.constant(Y, dtype)
    loss = tf.reduce_sum(tf.square(residuals))
    step = optimizer.minimize(loss)
    with tf.Session() as sess:
        for _ in range(steps):
            sess.run(step)
        return sess.run([w, b])


def assert_trained_to(values, expected_w, expected_b):
    np.testing.assert_allclose(values[0], expected_w, rtol=1e-12)
    np.testing.assert_allclose(values[1], expected_b, rtol=1e-12)


def test_gradient_descent_one_step():
    grad_w, grad_b = hand_gradient(W0, B0)
    assert_trained_to(train(tf.train.GradientDescentOptimizer(0.1), 1),
                      W0 - 0.1 * grad_w, B0 - 0.1 * grad_b)


@pytest.mark.parametrize("use_nesterov", [False, True], ids=["momentum", "nesterov"])
def test_momentum_two_steps(use_nesterov):
    """accum = momentum * accum + g;  w -= lr * accum
    (nesterov: w -= lr * g + lr * momentum * accum)."""
    lr, momentum = 0.05, 0.9
    w, b = W0.copy(), B0.copy()
    accum_w, accum_b = np.zeros(2), np.zeros(())
    for _ in range(2):
        grad_w, grad_b = hand_gradient(w, b)
        accum_w, accum_b = momentum * accum_w + grad_w, momentum * accum_b + grad_b
        if use_nesterov:
            w = w - lr * grad_w - lr * momentum * accum_w
            b = b - lr * grad_b - lr * momentum * accum_b
        else:
            w, b = w - lr * accum_w, b - lr * accum_b
    optimizer = tf.train.MomentumOptimizer(lr, momentum, use_nesterov=use_nesterov)
    assert_trained_to(train(optimizer, 2), w, b)


def test_adam_two_steps():
    """m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g**2;
    lr_t = lr sqrt(1 - beta2**t) / (1 - beta1**t);  w -= lr_t m / (sqrt(v) + epsilon)."""
    lr, beta1, beta2, epsilon = 0.01, 0.8, 0.95, 1e-3
    params = [W0.copy(), B0.copy()]
    m = [np.zeros(2), np.zeros(())]
    v = [np.zeros(2), np.zeros(())]
    for t in (1, 2):
        grads = hand_gradient(*params)
        lr_t = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        for i, g in enumerate(grads):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            params[i] = params[i] - lr_t * m[i] / (np.sqrt(v[i]) + epsilon)
    optimizer = tf.train.AdamOptimizer(lr, beta1=beta1, beta2=beta2, epsilon=epsilon)
    assert_trained_to(train(optimizer, 2), *params)


OPTIMIZERS = {
    "gradient descent": lambda: tf.train.GradientDescentOptimizer(0.1),
    "momentum": lambda: tf.train.MomentumOptimizer(0.1, 0.9),
    "nesterov": lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
    "adam": lambda: tf.train.AdamOptimizer(0.1),
}


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS.values(), ids=OPTIMIZERS.keys())
def test_float32_variables_stay_float32(make_optimizer):
    w, b = train(make_optimizer(), 2, dtype=tf.float32)
    assert w.dtype == np.float32 and b.dtype == np.float32


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS.values(), ids=OPTIMIZERS.keys())
def test_a_float64_loss_does_not_change_a_float32_variables_dtype(make_optimizer):
    w = tf.Variable(W0, dtype=tf.float32)
    loss = tf.reduce_sum(tf.square(w * 2.0 - Y[:2]))
    step = make_optimizer().minimize(loss)
    with tf.Session() as sess:
        sess.run(step)
        sess.run(step)
        assert sess.run(w).dtype == np.float32


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS.values(), ids=OPTIMIZERS.keys())
def test_only_trainable_variables_move(make_optimizer):
    w = tf.Variable([1.0, 2.0])
    frozen = tf.Variable([3.0, 4.0], trainable=False)
    step = make_optimizer().minimize(tf.reduce_sum(tf.square(w * frozen)))
    with tf.Session() as sess:
        sess.run(step)
        w_value, frozen_value = sess.run([w, frozen])
    assert not np.allclose(w_value, [1.0, 2.0])
    np.testing.assert_array_equal(frozen_value, [3.0, 4.0])


def test_var_list_limits_what_moves():
    w, b = tf.Variable([1.0, 2.0]), tf.Variable(5.0)
    step = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(w * b), var_list=[w])
    with tf.Session() as sess:
        sess.run(step)
        w_value, b_value = sess.run([w, b])
    np.testing.assert_allclose(w_value, [1.0 - 0.5, 2.0 - 0.5])
    assert b_value == 5.0


def test_compute_gradients_pairs_each_variable_with_its_gradient():
    w, unused = tf.Variable([1.0, 2.0], name="w"), tf.Variable(0.0, name="unused")
    pairs = tf.train.GradientDescentOptimizer(0.1).compute_gradients(tf.reduce_sum(w * w))
    assert [variable for _, variable in pairs] == [w, unused]
    assert pairs[1][0] is None
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(pairs[0][0]), [2.0, 4.0])


def test_apply_gradients_uses_the_gradients_it_is_given():
    w = tf.Variable([1.0, 2.0])
    step = tf.train.GradientDescentOptimizer(0.5).apply_gradients(
        [(tf.constant([10.0, -10.0]), w)])
    with tf.Session() as sess:
        sess.run(step)
        np.testing.assert_allclose(sess.run(w), [-4.0, 7.0])


def test_a_loss_that_depends_on_no_trainable_variable_is_a_clear_error():
    x = tf.placeholder(tf.float64, (2,))
    frozen = tf.Variable([1.0, 1.0], name="frozen", trainable=False)
    tf.Variable([0.0], name="elsewhere")
    loss = tf.reduce_sum(x * frozen, name="my_loss")
    with pytest.raises(ValueError, match=r"loss 'my_loss' depends on none of the trainable "
                                         r"variables \['elsewhere'\]"):
        tf.train.GradientDescentOptimizer(0.1).minimize(loss)


def test_assign_returns_an_op_that_changes_the_variable_when_run():
    w = tf.Variable([1.0, 2.0])
    update = w.assign([5.0, 6.0])
    assert isinstance(update, tf.Operation)
    with tf.Session() as sess:
        np.testing.assert_array_equal(sess.run(w), [1.0, 2.0])
        np.testing.assert_array_equal(sess.run(update), [5.0, 6.0])
        np.testing.assert_array_equal(sess.run(w), [5.0, 6.0])


def test_assign_of_the_wrong_shape_names_the_variable_and_changes_nothing():
    w = tf.Variable([1.0, 2.0], name="w")
    shape_unknown = tf.placeholder(tf.float64)
    update = w.assign(shape_unknown)
    with tf.Session() as sess:
        with pytest.raises(ValueError, match=r"variable 'w' has shape \(2,\).*shape \(3,\)"):
            sess.run(update, {shape_unknown: [1.0, 2.0, 3.0]})
        np.testing.assert_array_equal(sess.run(w), [1.0, 2.0])


@pytest.mark.parametrize("make_optimizer", OPTIMIZERS.values(), ids=OPTIMIZERS.keys())
def test_global_variables_initializer_also_resets_the_optimizer_slots(make_optimizer):
    """After the reset, a step gives exactly what the very first step gave:
    nothing of the momentum (or Adam's averages and step count) is left."""
    w = tf.Variable(W0, name="w")
    step = make_optimizer().minimize(tf.reduce_sum(tf.square(tf.constant(X) @ w - Y)))
    init = tf.global_variables_initializer()
    with tf.Session() as sess:
        sess.run(init)
        sess.run(step)
        first = sess.run(w)
        sess.run(step)
        sess.run(init)
        np.testing.assert_array_equal(sess.run(w), W0)
        sess.run(step)
        np.testing.assert_array_equal(sess.run(w), first)
