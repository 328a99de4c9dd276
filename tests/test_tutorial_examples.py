"""The tutorial's own examples, spelled as the tutorial spells them, give the
numbers its math says they give (worked out here in NumPy)."""
import numpy as np

from minidl import (
    Graph,
    Session,
    Variable,
    add,
    log,
    matmul,
    multiply,
    negative,
    placeholder,
    reduce_sum,
    sigmoid,
    softmax,
)


def test_affine_transformation_z_equals_A_x_plus_b():
    Graph().as_default()
    A = Variable([[1, 0], [0, -1]])
    b = Variable([1, 1])
    x = placeholder()
    y = matmul(A, x)
    z = add(y, b)
    output = Session().run(z, {x: [1, 2]})
    np.testing.assert_array_equal(output, [2, -1])


def test_sigmoid_of_a_weighted_sum_of_a_single_point():
    Graph().as_default()
    x = placeholder()
    w = Variable([1, 1])
    b = Variable(0)
    p = sigmoid(add(matmul(w, x), b))
    session = Session()
    np.testing.assert_allclose(session.run(p, {x: [3, 2]}), 1 / (1 + np.exp(-5.0)))


def red_and_blue_points(rng):
    """Fifty points around (-2, -2) (red) and fifty around (2, 2) (blue)."""
    red_points = rng.standard_normal((50, 2)) - 2 * np.ones((50, 2))
    blue_points = rng.standard_normal((50, 2)) + 2 * np.ones((50, 2))
    return red_points, blue_points


def numpy_perceptron(X, W, b):
    scores = X @ W + b
    return np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)


def test_perceptron_with_softmax_separates_red_and_blue_points():
    red_points, blue_points = red_and_blue_points(np.random.default_rng(0))
    points = np.concatenate((blue_points, red_points))

    Graph().as_default()
    X = placeholder()
    W = Variable([[1, -1], [1, -1]])
    b = Variable([0, 0])
    p = softmax(add(matmul(X, W), b))
    session = Session()
    output_probabilities = session.run(p, {X: points})

    expected = numpy_perceptron(points, np.array([[1, -1], [1, -1]]), np.zeros(2))
    np.testing.assert_allclose(output_probabilities, expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(output_probabilities.sum(axis=1), 1.0)
    # Class 0 gets e**s / (e**s + e**-s) with s = x1 + x2: the first column
    # says "blue" exactly where s > 0.
    s = points.sum(axis=1)
    np.testing.assert_array_equal(output_probabilities[:, 0] > 0.5, s > 0)
    np.testing.assert_allclose(output_probabilities[:, 1], 1 / (1 + np.exp(2 * s)), rtol=1e-9)


def test_cross_entropy_loss_of_the_perceptron():
    red_points, blue_points = red_and_blue_points(np.random.default_rng(1))
    points = np.concatenate((blue_points, red_points))
    labels = [[1, 0]] * len(blue_points) + [[0, 1]] * len(red_points)

    Graph().as_default()
    X = placeholder()
    c = placeholder()
    W = Variable([[1, -1], [1, -1]])
    b = Variable([0, 0])
    p = softmax(add(matmul(X, W), b))
    J = negative(reduce_sum(reduce_sum(multiply(c, log(p)), axis=1)))
    session = Session()
    loss = session.run(J, {X: points, c: labels})

    expected = -np.sum(np.array(labels) * np.log(numpy_perceptron(points, np.array(
        [[1, -1], [1, -1]]), np.zeros(2))))
    np.testing.assert_allclose(loss, expected, rtol=1e-12)
