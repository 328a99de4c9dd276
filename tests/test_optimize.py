"""The optimizing session: each pass on a small graph, and the promises that
hold whatever the passes do: the learner's graph is untouched, values agree
with the plain session, and errors name the learner's nodes."""
import numpy as np
import pytest

import minidl as tf
from minidl.optimize import optimize
from minidl.optimize.common_subexpressions import eliminate_common_subexpressions
from minidl.optimize.constant_folding import fold_constants
from minidl.optimize.identities import remove_identities
from minidl.optimize.stable_softmax import stabilize_softmax
from minidl.session import execution_order


def program_for(fetches, fed=(), passes=()):
    return optimize(execution_order(fetches, set(fed)), fetches, set(fed), passes)


def op_types(program):
    return [step.op_type for step in program.steps if step.kind == "compute"]


def test_constant_folding_computes_a_constant_expression_once():
    x = tf.placeholder(tf.float64, (3,))
    scale = tf.reduce_sum(tf.constant([1.0, 2.0, 3.0])) * 2.0
    y = x * scale
    before = program_for([y], [x])
    after = program_for([y], [x], [fold_constants])
    assert op_types(before) == ["ReduceSum", "Multiply", "Multiply"]
    assert op_types(after) == ["Multiply"]
    folded = [step.value for step in after.steps if step.kind == "constant"]
    assert [float(value) for value in folded] == [12.0]


def test_constant_folding_leaves_variables_and_feeds_alone():
    w = tf.Variable(2.0)
    y = w * tf.constant(3.0)
    assert op_types(program_for([y], passes=[fold_constants])) == ["Multiply"]


def test_common_subexpressions_are_computed_once():
    x = tf.placeholder(tf.float64, (2,))
    y = tf.placeholder(tf.float64, (2,))
    total = tf.exp(x * y) + tf.exp(x * y)
    assert op_types(program_for([total], [x, y])).count("Multiply") == 2
    program = program_for([total], [x, y], [eliminate_common_subexpressions])
    assert op_types(program) == ["Multiply", "Exp", "Add"]
    add = program.steps[-1]
    assert add.inputs[0] is add.inputs[1]


def test_common_subexpressions_keep_operations_with_different_attributes():
    x = tf.placeholder(tf.float64, (2, 3))
    both = tf.reduce_sum(x, axis=0), tf.reduce_sum(x, axis=1)
    program = program_for(list(both), [x], [eliminate_common_subexpressions])
    assert op_types(program) == ["ReduceSum", "ReduceSum"]


def test_identities_vanish_only_when_the_shape_stays():
    x = tf.placeholder(tf.float32, (None, 3))
    negated = -(x * 1.0 + 0.0)
    same = -negated
    program = program_for([same], [x], [remove_identities])
    assert op_types(program) == []
    assert program.fetches[0].origin is x
    stretched = x * tf.ones_like(tf.constant(np.ones((4, 3), np.float32)))
    program = program_for([stretched], [x], [fold_constants, remove_identities])
    assert op_types(program) == ["Multiply"]


def test_identities_keep_a_change_of_dtype():
    x = tf.placeholder(tf.float32, (3,))
    y = x * tf.constant(1.0, dtype=tf.float64)
    assert y.dtype == np.float64
    assert op_types(program_for([y], [x], [remove_identities])) == ["Multiply"]


def tutorial_loss(logits, labels):
    p = tf.nn.softmax(logits)
    return -tf.reduce_mean(tf.reduce_sum(labels * tf.log(p), axis=1))


def test_log_of_softmax_becomes_log_softmax_and_its_gradient_loses_the_division():
    z = tf.placeholder(tf.float64, (None, 3))
    c = tf.placeholder(tf.float64, (None, 3))
    J = tutorial_loss(z, c)
    grad, = tf.gradients(J, [z])
    program = program_for([J, grad], [z, c], [stabilize_softmax])
    types = op_types(program)
    assert "Log" not in types and "LogSoftmax" in types
    assert "SoftmaxLogGradient" in types
    assert not [step for step in program.steps
                if step.op_type == "Divide" and step.inputs[1].op_type == "Softmax"]


def test_the_tutorials_loss_is_finite_at_large_logits_only_when_optimized():
    z = tf.placeholder(tf.float32, (None, 3))
    c = tf.placeholder(tf.float32, (None, 3))
    J = tutorial_loss(z, c)
    grad, = tf.gradients(J, [z])
    logits = np.array([[200.0, 0.0, -200.0], [1.0, 2.0, 3.0]], np.float32)
    labels = np.array([[0, 0, 1], [0, 1, 0]], np.float32)
    feed = {z: logits, c: labels}
    with np.errstate(all="ignore"):
        plain_J, plain_grad = tf.Session(optimize=False).run([J, grad], feed)
    assert not np.isfinite(plain_J) and not np.all(np.isfinite(plain_grad))
    J_value, grad_value = tf.Session(optimize=True).run([J, grad], feed)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    np.testing.assert_allclose(J_value, -np.mean(np.sum(labels * log_p, axis=1)), rtol=1e-6)
    np.testing.assert_allclose(grad_value, (np.exp(log_p) - labels) / 2, atol=1e-7)


def test_the_stable_gradient_agrees_with_finite_differences():
    z = tf.placeholder(tf.float64, (2, 3))
    c = tf.constant([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
    J = tutorial_loss(z, c)
    grad, = tf.gradients(J, [z])
    logits = np.array([[0.5, -1.0, 2.0], [3.0, 0.0, -2.0]])
    session = tf.Session(optimize=True)
    grad_value = session.run(grad, {z: logits})
    numeric = np.zeros_like(logits)
    for index in np.ndindex(logits.shape):
        step = np.zeros_like(logits)
        step[index] = 1e-6
        numeric[index] = (session.run(J, {z: logits + step})
                          - session.run(J, {z: logits - step})) / 2e-6
    np.testing.assert_allclose(grad_value, numeric, rtol=1e-5, atol=1e-8)


def train_tutorial_network(optimize, steps=30):
    rng = np.random.default_rng(0)
    X_data = rng.normal(size=(40, 2)).astype(np.float32)
    Y_data = np.eye(2, dtype=np.float32)[(X_data[:, 0] * X_data[:, 1] > 0).astype(int)]
    graph = tf.Graph()
    with graph.as_default():
        X = tf.placeholder(tf.float32, (None, 2), name="X")
        Y = tf.placeholder(tf.float32, (None, 2), name="Y")
        W1 = tf.Variable(rng.normal(size=(2, 8)).astype(np.float32), name="W1")
        b1 = tf.Variable(np.zeros(8, np.float32), name="b1")
        W2 = tf.Variable(rng.normal(size=(8, 2)).astype(np.float32), name="W2")
        b2 = tf.Variable(np.zeros(2, np.float32), name="b2")
        hidden = tf.sigmoid(tf.matmul(X, W1) + b1)
        J = tutorial_loss(tf.matmul(hidden, W2) + b2, Y)
        train_op = tf.train.AdamOptimizer(0.05).minimize(J)
    names = [node.name for node in graph.nodes]
    session = tf.Session(graph, optimize=optimize)
    losses = [session.run([train_op, J], {X: X_data, Y: Y_data})[1] for _ in range(steps)]
    assert [node.name for node in graph.nodes] == names
    return np.array(losses), session.run([W1, b1, W2, b2])


def test_an_optimized_session_trains_like_the_plain_one_and_leaves_the_graph_alone():
    plain_losses, plain_weights = train_tutorial_network(optimize=False)
    losses, weights = train_tutorial_network(optimize=True)
    np.testing.assert_allclose(losses, plain_losses, rtol=1e-5)
    for value, plain in zip(weights, plain_weights):
        np.testing.assert_allclose(value, plain, rtol=1e-4, atol=1e-6)


def test_the_generated_code_is_straight_line_python_naming_the_learners_nodes():
    X = tf.placeholder(tf.float32, (None, 2), name="X")
    W = tf.Variable(np.ones((2, 3), np.float32), name="W")
    y = tf.sigmoid(tf.matmul(X, W, name="scores"), name="probabilities")
    session = tf.Session(optimize=True)
    session.run(y, {X: np.ones((1, 2), np.float32)})
    source = session.generated_code(y, {X: None})
    assert source.startswith("def run(")
    assert "for " not in source
    assert "@" in source and "'scores'" in source and "'probabilities'" in source


def test_an_error_in_an_optimized_run_names_the_learners_node():
    X = tf.placeholder(tf.float32, (None, None), name="X")
    W = tf.Variable(np.ones((2, 3), np.float32), name="W")
    y = tf.matmul(X, W, name="scores")
    with pytest.raises(ValueError, match="MatMul 'scores'"):
        tf.Session(optimize=True).run(y, {X: np.ones((1, 5), np.float32)})


def test_check_numerics_names_the_node_in_an_optimized_run():
    x = tf.placeholder(tf.float32, (2,), name="x")
    y = tf.sqrt(x, name="root")
    with pytest.raises(FloatingPointError, match="Sqrt 'root'"):
        tf.Session(check_numerics=True, optimize=True).run(y, {x: np.array([1.0, -1.0])})


def test_a_failed_optimized_step_changes_no_variable():
    X = tf.placeholder(tf.float32, (None, None), name="X")
    W = tf.Variable(np.ones((2, 1), np.float32), name="W")
    J = tf.reduce_sum(tf.matmul(X, W))
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(J)
    session = tf.Session(optimize=True)
    session.run(train_op, {X: np.ones((3, 2), np.float32)})
    before = session.run(W)
    with pytest.raises(ValueError):
        session.run(train_op, {X: np.ones((3, 5), np.float32)})
    np.testing.assert_array_equal(session.run(W), before)


def test_a_missing_feed_is_reported_as_in_the_plain_session():
    X = tf.placeholder(tf.float32, (None, 2), name="X")
    with pytest.raises(ValueError, match="placeholder 'X' needs a value"):
        tf.Session(optimize=True).run(X * 2.0)


def test_an_optimized_step_updates_in_place_and_fetched_values_do_not_move():
    W = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    step = tf.train.GradientDescentOptimizer(0.5).minimize(tf.reduce_sum(W))
    with tf.Session(optimize=True) as sess:
        fetched, transposed, row = sess.run([W, tf.transpose(W), tf.reshape(W, (4,))])
        during_step, _ = sess.run([W, step])
        address = W.value.__array_interface__["data"][0]  # a number: it holds no array
        sess.run(step)
    assert W.value.__array_interface__["data"][0] == address  # written in place
    np.testing.assert_array_equal(W.value, [[0.0, 1.0], [2.0, 3.0]])
    np.testing.assert_array_equal(fetched, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(transposed, [[1.0, 3.0], [2.0, 4.0]])
    np.testing.assert_array_equal(row, [1.0, 2.0, 3.0, 4.0])
    np.testing.assert_array_equal(during_step, [[1.0, 2.0], [3.0, 4.0]])


def test_in_place_steps_give_the_same_bits_as_plain_ones_for_every_optimizer():
    for make in (lambda: tf.train.GradientDescentOptimizer(0.1),
                 lambda: tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True),
                 lambda: tf.train.AdamOptimizer(0.01)):
        results = []
        for optimizing in (False, True):
            graph = tf.Graph()
            with graph.as_default():
                W = tf.Variable(np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3))
                J = tf.reduce_sum(tf.square(tf.matmul(tf.constant(np.ones((4, 2), np.float32)), W)))
                train_op = make().minimize(J)
            session = tf.Session(graph, optimize=optimizing)
            for _ in range(5):
                session.run(train_op)
            results.append(session.run(W))
        np.testing.assert_array_equal(results[0], results[1])


def test_softmax_beside_log_softmax_becomes_e_to_the_log_softmax():
    z = tf.placeholder(tf.float64, (None, 3))
    c = tf.placeholder(tf.float64, (None, 3))
    J = tutorial_loss(z, c)
    grad, = tf.gradients(J, [z])
    program = program_for([J, grad], [z, c], [stabilize_softmax])
    assert "Softmax" not in op_types(program)
    exp, = [step for step in program.steps if step.op_type == "Exp"]
    assert exp.inputs[0].op_type == "LogSoftmax" and exp.origin.type == "Softmax"
    assert program.steps.index(exp.inputs[0]) < program.steps.index(exp)
    feed = {z: np.array([[0.5, -1.0, 2.0], [3.0, 0.0, -2.0]]), c: np.eye(3)[[2, 0]]}
    plain = tf.Session(optimize=False).run([J, grad], feed)
    optimized = tf.Session(optimize=True).run([J, grad], feed)
    for value, expected in zip(optimized, plain):
        np.testing.assert_allclose(value, expected, rtol=1e-12)


def test_plain_gradient_descent_is_one_multiplication_per_variable_when_shapes_are_known():
    X = tf.placeholder(tf.float32, (None, 2), name="X")
    W = tf.Variable(np.ones((2, 3), np.float32), name="W")
    b = tf.Variable(np.zeros(3, np.float32), name="b")
    train_op = tf.train.GradientDescentOptimizer(0.25).minimize(
        tf.reduce_sum(tf.matmul(X, W) + b))
    session = tf.Session(optimize=True)
    source = session.generated_code(train_op, {X: None})
    assert "InPlaceGradientDescent" in source and source.count("learning_rate") == 2
    # W's gradient is a matrix product that nothing else reads: scaled in its own array
    assert source.count(", out=") == 1
    session.run(train_op, {X: np.ones((4, 2), np.float32)})
    np.testing.assert_array_equal(W.value, np.full((2, 3), 1 - 0.25 * 4, np.float32))
    np.testing.assert_array_equal(b.value, np.full(3, -0.25 * 4, np.float32))


def test_a_learning_rate_changed_between_runs_is_used_as_in_the_plain_session():
    values = []
    for optimizing in (False, True):
        with tf.Graph().as_default():
            W = tf.Variable(np.ones((2, 3), np.float32), name="W")
            J = tf.reduce_sum(tf.matmul(tf.constant(np.ones((4, 2), np.float32)), W))
            optimizer = tf.train.GradientDescentOptimizer(0.25)
            train_op = optimizer.minimize(J)
            session = tf.Session(optimize=optimizing)
            session.run(train_op)
            optimizer.learning_rate = 0.5
            session.run(train_op)
            values.append(session.run(W))
    np.testing.assert_array_equal(values[1], values[0])
    np.testing.assert_array_equal(values[1], np.full((2, 3), 1 - 4 * 0.25 - 4 * 0.5))


def test_a_fetched_gradient_is_not_scaled_in_its_own_array():
    X = tf.placeholder(tf.float32, (None, 2), name="X")
    W = tf.Variable(np.ones((2, 3), np.float32), name="W")
    J = tf.reduce_sum(tf.matmul(X, W))
    grad_W, = tf.gradients(J, [W])
    train_op = tf.train.GradientDescentOptimizer(0.25).apply_gradients([(grad_W, W)])
    session = tf.Session(optimize=True)
    assert ", out=" not in session.generated_code([train_op, grad_W], {X: None})
    _, fetched = session.run([train_op, grad_W], {X: np.ones((4, 2), np.float32)})
    np.testing.assert_array_equal(fetched, np.full((2, 3), 4.0, np.float32))


def test_gradient_descent_keeps_its_checks_when_a_gradients_shape_is_known_only_at_run_time():
    X = tf.placeholder(tf.float32, (None, None), name="X")
    W = tf.Variable(np.ones((2, 1), np.float32), name="W")
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(tf.matmul(X, W)))
    source = tf.Session(optimize=True).generated_code(train_op, {X: None})
    assert "InPlaceGradientDescent" not in source and "ApplyGradients" in source


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
def test_new_axes_and_unreduced_gradients_are_written_inline_with_the_same_values(axis):
    x = tf.placeholder(tf.float32, (None, 3), name="x")
    expanded = tf.expand_dims(x, axis)
    fetches = [expanded]
    if -2 <= axis < 2:  # a reduction over an axis x has, and its gradient
        fetches += tf.gradients(tf.reduce_sum(tf.square(tf.reduce_sum(x, axis=axis))), [x])
    fetches += tf.gradients(tf.reduce_mean(x * x), [x]) + [tf.reduce_mean(x * x)]
    feed = {x: np.arange(12, dtype=np.float32).reshape(4, 3) / 7}
    session = tf.Session(optimize=True)
    source = session.generated_code(fetches, feed)
    assert "ExpandDims" in source and "None]  # ExpandDims" in source
    assert "np.full(" in source and ".size  # ReduceMean" in source
    plain = tf.Session(optimize=False).run(fetches, feed)
    for value, expected in zip(session.run(fetches, feed), plain):
        assert value.shape == expected.shape
        np.testing.assert_array_equal(value, expected)


def loss_and_gradient(form, labels_shape=(None, 3)):
    z = tf.placeholder(tf.float32, (None, 3), name="z")
    c = tf.placeholder(tf.float32, labels_shape, name="c")
    if form == "fused":
        J = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=c, logits=z))
    else:
        J = tutorial_loss(z, c)
    grad, = tf.gradients(J, [z])
    return z, c, J, grad


@pytest.mark.parametrize("form", ["fused", "tutorial"])
def test_the_mean_cross_entropys_gradient_becomes_one_step_with_the_same_values(form):
    z, c, J, grad = loss_and_gradient(form)
    from minidl.optimize.plan import PASSES
    from minidl.optimize.softmax_cross_entropy import fuse_softmax_cross_entropy_gradient
    fused = program_for([J, grad], [z, c], PASSES)
    assert "SoftmaxCrossEntropyGradient" in op_types(fused)
    assert not {"Unreduce", "ExpandDims", "SoftmaxLogGradient"} & set(op_types(fused))
    rng = np.random.default_rng(1)
    feed = {z: rng.normal(size=(5, 3)).astype(np.float32),
            c: np.eye(3, dtype=np.float32)[[0, 2, 1, 1, 0]] * np.float32(0.9)}
    unfused = [p for p in PASSES if p is not fuse_softmax_cross_entropy_gradient]
    session = tf.Session(optimize=True)
    values = session.run([J, grad], feed)
    np.testing.assert_array_equal(values[1], _run_program(unfused, [J, grad], feed)[1])
    if form == "fused":  # the very same arithmetic as the plain session's
        np.testing.assert_array_equal(values[1], tf.Session(optimize=False).run(grad, feed))


def _run_program(passes, fetches, feed):
    from minidl.optimize.codegen import GeneratedFunction
    program = program_for(fetches, list(feed), passes)
    function = GeneratedFunction(program)
    fetched, _ = function.run(*[feed[step.origin] for step in function.fed_steps])
    return fetched


def test_for_one_hot_labels_the_fused_gradient_is_p_minus_c_over_n():
    z, c, J, grad = loss_and_gradient("tutorial")
    logits = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], np.float32)
    labels = np.eye(3, dtype=np.float32)[[1, 0]]
    value = tf.Session(optimize=True).run(grad, {z: logits, c: labels})
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(value, (p - labels) / 2, rtol=1e-6, atol=1e-7)


def test_labels_broadcast_against_the_scores_are_summed_back_as_backpropagation_does():
    z, c, J, grad = loss_and_gradient("tutorial", labels_shape=(3,))
    feed = {z: np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], np.float32),
            c: np.array([0.2, 0.3, 0.5], np.float32)}
    from minidl.optimize.plan import PASSES
    from minidl.optimize.softmax_cross_entropy import fuse_softmax_cross_entropy_gradient
    assert "SoftmaxCrossEntropyGradient" in op_types(program_for([J, grad], [z, c], PASSES))
    unfused = [p for p in PASSES if p is not fuse_softmax_cross_entropy_gradient]
    value = tf.Session(optimize=True).run(grad, feed)
    np.testing.assert_array_equal(value, _run_program(unfused, [J, grad], feed)[1])
    np.testing.assert_allclose(value, tf.Session(optimize=False).run(grad, feed), rtol=1e-6)
