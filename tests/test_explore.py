"""The chapter explorables, at the kernel level: move a control as a learner
would, and check that the model and the picture change as they should."""
import base64
import time

import numpy as np
import pytest

import minidl as tf
from minidl import explore


def png_size(png):
    """(width, height) in pixels, from the PNG header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@pytest.fixture
def blobs():
    return tf.datasets.blobs(n=100, seed=0)


def test_perceptron_explorer_follows_its_sliders(blobs):
    explorer = explore.perceptron_explorer(*blobs)
    picture, draws = explorer.png(), explorer.draws
    assert explorer.accuracy() == 1.0
    explorer.set(w1=-1.0)  # the boundary now runs along the clouds, not between them
    assert explorer.draws == draws + 1
    assert explorer.png() != picture
    assert explorer.accuracy() < 0.75
    assert explorer.describe().startswith("perceptron w = (-1.0, 1.0), b = 0.0")


def test_a_dragged_slider_is_redrawn_once_for_its_latest_value(blobs):
    explorer = explore.perceptron_explorer(*blobs)
    draws = explorer.draws
    with explorer._lock:  # the picture is being drawn while the slider moves on
        for w1 in (0.5, 0.0, -0.5, -1.0):
            explorer.controls["w1"].value = w1
    deadline = time.time() + 30
    while explorer._thread is not None and time.time() < deadline:
        time.sleep(0.01)
    assert explorer.draws == draws + 1
    assert explorer.describe().startswith("perceptron w = (-1.0, 1.0)")


def test_perceptron_explorer_leaves_the_default_graph_alone(blobs):
    graph = tf.get_default_graph()
    explore.perceptron_explorer(*blobs).set(b=1.0)
    assert tf.get_default_graph() is graph
    assert graph.nodes == []


def test_an_explorable_shows_a_widget_a_still_picture_and_a_line_of_text(blobs):
    explorer = explore.criterion_explorer(*blobs)
    bundle, metadata = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    png = base64.b64decode(bundle["image/png"])
    # Both pictures have twice the pixels of the size they are shown at.
    width, height = explorer.size()
    assert metadata["image/png"] == {"width": width, "height": height}
    assert png_size(png) == png_size(explorer.png()) == (2 * width, 2 * height)
    assert explorer.image.layout.width == f"{width}px"
    assert bundle["text/plain"] == explorer.describe()


def test_a_still_of_small_multiples_shows_each_setting_side_by_side():
    explorer = explore.learning_rate_explorer()
    shown = []
    plot = explorer.plot
    explorer.plot = lambda ax: (shown.append(explorer.value("learning_rate")), plot(ax))
    bundle, metadata = explorer._repr_mimebundle_()
    assert shown == [0.02, 0.07, 0.11]
    assert explorer.value("learning_rate") == 0.02
    width, height = metadata["image/png"]["width"], metadata["image/png"]["height"]
    assert png_size(base64.b64decode(bundle["image/png"])) == (2 * width, 2 * height)
    assert width > 2.5 * height


def test_criterion_explorer_error_rate_jumps_while_cross_entropy_slides(blobs):
    explorer = explore.criterion_explorer(*blobs)
    error_rates, losses = explorer.curves()
    assert np.any(np.diff(error_rates) != 0)  # it jumps somewhere...
    flat = np.flatnonzero(np.diff(error_rates) == 0)
    assert len(flat) > len(error_rates) / 2  # ...and stays put at most angles
    # On a flat step of the error rate, J still moves with every degree.
    assert np.all(np.abs(np.diff(losses)[flat]) > 0)
    picture = explorer.png()
    explorer.set(angle=100)
    error_rate, J = explorer.measure()
    assert (error_rate, J) == (error_rates[280], pytest.approx(losses[280]))
    assert explorer.png() != picture


def test_criterion_explorer_scale_changes_the_loss_not_the_error_rate(blobs):
    explorer = explore.criterion_explorer(*blobs)
    error_rate, J = explorer.measure()
    explorer.set(scale=3.0)
    assert explorer.measure()[0] == error_rate
    assert explorer.measure()[1] < J  # every point is right: more confidence costs less


def test_descent_path_takes_gradient_descent_steps():
    path, losses = explore.descent_path(lambda w1, w2: w1 ** 2 + 10 * w2 ** 2, (-2.0, 1.0),
                                        tf.train.GradientDescentOptimizer(0.02), 3)
    expected = [np.array([-2.0, 1.0])]
    for _ in range(3):
        w = expected[-1]
        expected.append(w - 0.02 * np.array([2 * w[0], 20 * w[1]]))
    np.testing.assert_allclose(path, expected)
    np.testing.assert_allclose(losses, [w[0] ** 2 + 10 * w[1] ** 2 for w in expected])


def test_descent_path_stops_a_diverging_run_before_it_overflows():
    path, _ = explore.descent_path(lambda w1, w2: w1 ** 2 + w2 ** 2, (1.0, 1.0),
                                   tf.train.GradientDescentOptimizer(5.0), 1000)
    assert len(path) < 1000 and np.isfinite(path).all()


@pytest.mark.parametrize("rate, behaviour", [(0.02, "converges"), (0.07, "zig-zags"),
                                             (0.11, "diverges")])
def test_learning_rate_explorer_says_what_the_path_does(rate, behaviour):
    explorer = explore.learning_rate_explorer()
    explorer.set(learning_rate=rate)
    path, losses = explorer.path()
    assert explorer.behaviour() == behaviour
    across = path[:, 1]  # w2, across the narrow valley
    assert (np.all(np.sign(across[1:]) != np.sign(across[:-1]))) == (behaviour != "converges")
    assert (losses[-1] > losses[0]) == (behaviour == "diverges")


def test_backprop_stepper_steps_within_the_trace():
    a, b = tf.Variable(2.0, name="a"), tf.Variable(1.0, name="b")
    trace = tf.backprop_trace((a + b) * (b + 1), [a, b])
    stepper = explore.backprop_stepper(trace)
    assert stepper.png() == trace.draw(1).png(2)
    assert stepper.previous.disabled and not stepper.next.disabled
    stepper.previous.click()
    assert stepper.value("step") == 1
    for _ in range(10):
        stepper.next.click()
    assert stepper.value("step") == len(trace.steps)
    assert stepper.next.disabled and not stepper.previous.disabled
    assert stepper.png() == trace.draw(len(trace.steps)).png(2)
    assert stepper.describe().startswith(f"step {len(trace.steps)} of {len(trace.steps)}")


def test_backprop_stepper_still_shows_the_first_middle_and_last_step():
    a, b = tf.Variable(2.0, name="a"), tf.Variable(1.0, name="b")
    trace = tf.backprop_trace((a + b) * (b + 1), [a, b])
    bundle, metadata = explore.backprop_stepper(trace)._repr_mimebundle_()
    heights = [png_size(trace.draw(number).png(2))[1] for number in (1, 3, 5)]
    assert len(trace.steps) == 5
    assert png_size(base64.b64decode(bundle["image/png"]))[1] == sum(heights)
    assert metadata["image/png"]["height"] == sum(heights) // 2


def test_optimizer_race_momentum_without_momentum_is_gradient_descent():
    race = explore.optimizer_race(lambda w1, w2: 0.05 * w1 ** 2 + 5 * w2 ** 2, (-4.5, 1.5),
                                  num_steps=20)
    picture = race.png()
    race.set(momentum=0.0, momentum_rate=0.18)
    results = race.race()
    np.testing.assert_allclose(results["momentum"][0], results["gradient descent"][0])
    assert race.png() != picture
