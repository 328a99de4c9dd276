"""The Playground at the kernel level: its code runs as it is, its controls
rebuild or retune the network, and its picture follows the weights."""
import contextlib
import io
import json
import time

import numpy as np
import pytest

import minidl as tf
from minidl.explore.playground import Settings, playground_code
from minidl.explore.playground.network import PlaygroundNetwork
from minidl.explore.playground.picture import PlaygroundPicture


def test_shown_code_runs_as_it_is_and_gives_the_playgrounds_losses():
    playground = tf.playground(dataset="xor", hidden=(8, 8), features=("x1", "x2", "x1*x2"),
                               optimizer="Adam", l2_rate=0.001, batch_size=7)
    for _ in range(3):
        playground.step()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(playground.code(), {})
    network = playground.network
    assert printed.getvalue() == (f"epoch 3: train loss {network.train_losses[-1]:.3f}, "
                                  f"test loss {network.test_losses[-1]:.3f}\n")


def test_a_playground_leaves_the_learners_default_graph_alone():
    graph = tf.get_default_graph()
    tf.playground().step()
    assert tf.get_default_graph() is graph
    assert graph.nodes == []


def test_settings_name_what_is_wrong():
    with pytest.raises(ValueError, match=r"dataset='moons' \(choose from circles, xor"):
        Settings(dataset="moons")
    with pytest.raises(ValueError, match=r"hidden=\(9,\) \(0 to 4 layers of 1 to 8 units\)"):
        Settings(hidden=(9,))
    with pytest.raises(ValueError, match="features=()"):
        Settings(features=())


@pytest.mark.parametrize("hidden", [(), (1,), (8, 8, 8, 8)])
def test_networks_of_every_depth_build_and_train(hidden):
    network = PlaygroundNetwork(Settings(hidden=hidden, features=("x1", "x2", "sin(x1)")))
    assert network.X.shape[1] == 3
    assert [W.shape for W in network.weights] == list(zip((3, *hidden), (*hidden, 2)))
    network.train_epochs(2)
    assert network.epoch == 2 and len(network.train_losses) == 3


def test_training_lowers_the_loss_and_changes_the_picture():
    playground = tf.playground(dataset="blobs", learning_rate=0.1)
    units = playground.picture.units
    for _ in range(5):
        playground.step()
    network = playground.network
    assert network.epoch == 5
    assert network.train_losses[-1] < network.train_losses[0]
    assert playground.picture.units != units
    assert playground.picture.losses == [np.round(network.train_losses, 4).tolist(),
                                         np.round(network.test_losses, 4).tolist()]
    assert "epoch 5" in playground.status.value


def test_changing_the_data_or_the_network_starts_again():
    playground = tf.playground()
    playground.step()
    playground.set(dataset="spiral")
    assert playground.network.epoch == 0
    assert playground.settings.dataset == "spiral"
    playground.set(layers=3)
    assert playground.settings.hidden == (4, 2, 2)
    assert not playground.controls["units 3"].disabled and playground.controls["units 4"].disabled
    playground.set(**{"feature x1^2": True})
    assert playground.network.X.shape[1] == 3


def test_learning_rate_and_batch_size_change_without_starting_again():
    playground = tf.playground()
    playground.step()
    weights = playground.network.weight_values()
    playground.set(learning_rate=0.3, batch_size=25)
    assert playground.network.epoch == 1
    assert playground.network.optimizer.learning_rate == 0.3
    assert playground.network.names["batch_size"] == 25
    for before, after in zip(weights, playground.network.weight_values()):
        np.testing.assert_array_equal(before, after)
    code = playground.code()
    assert "learning_rate=0.03" in code
    assert "optimizer.learning_rate = 0.3\nbatch_size = 25\nprint(" in code


def printed_by(code):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {})
    return printed.getvalue()


@pytest.mark.parametrize("optimizer", ["GradientDescent", "Adam"])
def test_shown_code_reproduces_the_losses_after_changes_while_training(optimizer):
    playground = tf.playground(optimizer=optimizer, learning_rate=0.01)
    playground.train(2)
    playground.set(learning_rate=0.3)
    playground.train(3)
    playground.set(batch_size=25, learning_rate=0.1)
    playground.step()
    network = playground.network
    assert printed_by(playground.code()) == (
        f"epoch 6: train loss {network.train_losses[-1]:.3f}, "
        f"test loss {network.test_losses[-1]:.3f}\n")


def test_a_change_before_training_starts_again_with_it():
    playground = tf.playground()
    playground.set(learning_rate=0.3)
    assert playground.network.settings.learning_rate == 0.3
    assert "optimizer.learning_rate" not in playground.code()


def test_turning_off_the_last_feature_is_refused():
    playground = tf.playground(features=("x2",))
    playground.step()
    playground.set(**{"feature x2": False})
    assert playground.controls["feature x2"].value
    assert playground.settings.features == ("x2",)
    assert playground.network.epoch == 1
    playground.set(**{"feature x1": True})
    assert playground.settings.features == ("x1", "x2")


def test_rapid_changes_coalesce_into_one_rebuild_with_the_latest():
    playground = tf.playground()
    frames = playground.frames
    with playground._lock:  # the background thread is busy
        for dataset in ("xor", "blobs", "spiral"):
            playground.controls["dataset"].value = dataset
        playground.controls["noise"].value = 0.3
    deadline = time.time() + 30
    while playground._thread is not None and time.time() < deadline:
        time.sleep(0.01)
    assert playground.settings.dataset == "spiral" and playground.settings.noise == 0.3
    assert playground.network.settings == playground.settings
    assert playground.frames == frames + 1


def test_weight_lines_are_coloured_by_sign_and_thickened_by_size():
    playground = tf.playground(hidden=(3,))
    names = playground.network.names
    picture = PlaygroundPicture(playground.network, names["X_train"], names["y_train"],
                                names["X_test"], names["y_test"])
    weights = np.concatenate([W.ravel() for W in playground.network.weight_values()])
    colours = picture.weight_lines.get_colors()
    blue, red = tf.plot.class_color(1), tf.plot.class_color(0)
    for weight, colour in zip(weights, colours):
        expected = blue if weight > 0 else red
        np.testing.assert_allclose(colour[:3], tuple(int(expected[k:k + 2], 16) / 255
                                                     for k in (1, 3, 5)))
    widths = picture.weight_lines.get_linewidths()
    assert np.all(np.diff(np.asarray(widths)[np.argsort(np.abs(weights))]) >= 0)


def test_the_live_picture_sends_each_units_values_as_bytes():
    playground = tf.playground(hidden=(3,), activation="sigmoid")
    network, picture = playground.network, playground.picture
    resolution = picture.resolution
    units = np.frombuffer(picture.units, np.uint8).reshape(-1, resolution, resolution)
    assert len(units) == 2 + 3 + 1
    ticks = np.linspace(-6, 6, resolution)
    x1 = np.tile(ticks, resolution).reshape(resolution, resolution)
    np.testing.assert_allclose(units[0], (x1 / 6 + 1) * 127.5, atol=1)
    hidden = 1 / (1 + np.exp(-(np.column_stack([x1.ravel(), x1.T.ravel()])
                               @ network.session.run(network.W1)
                               + network.session.run(network.b1))))
    np.testing.assert_allclose(units[3], hidden[:, 1].reshape(resolution, resolution) * 255,
                               atol=1)
    weights = np.concatenate([W.ravel() for W in network.weight_values()])
    np.testing.assert_allclose(picture.weights, weights, atol=1e-4)
    assert picture.network["columns"] == [["x1", "x2"], ["unit 1", "unit 2", "unit 3"],
                                          ["p(blue)"]]


def test_play_trains_in_the_background_until_paused():
    playground = tf.playground()
    playground.play()
    deadline = time.time() + 30
    while playground.network.epoch < 2 and time.time() < deadline:
        time.sleep(0.05)
    playground.pause()
    while playground._thread is not None and time.time() < deadline:
        time.sleep(0.05)
    epoch = playground.network.epoch
    assert epoch >= 2
    time.sleep(0.2)
    assert playground.network.epoch == epoch
    assert playground.play_button.description == "Play"


def test_the_graph_and_the_code_are_shown_on_request():
    playground = tf.playground()
    assert playground.code_view.value == "" and playground.graph_view.value == b""
    playground.code_button.value = True
    playground.graph_button.value = True
    assert "tf.train.GradientDescentOptimizer(learning_rate=0.03)" in playground.code_view.value
    assert playground.graph_view.value == playground.graph().png(2)
    assert playground.graph_view.layout.width == f"{playground.graph().size()[0]}px"


def test_code_for_the_defaults_names_the_playgrounds_choices():
    code = playground_code(Settings(), 10)
    assert "tf.datasets.circles(n=500, seed=0, noise=0.1)" in code
    assert "hidden1 = tf.tanh(X @ W1 + b1)" in code
    assert "for _ in range(10):" in code


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid", "linear"])
@pytest.mark.parametrize("optimizer", ["GradientDescent", "Momentum", "Adam"])
def test_every_activation_and_optimizer_trains(activation, optimizer):
    playground = tf.playground(activation=activation, optimizer=optimizer, hidden=(3, 2))
    playground.train(2)
    assert np.isfinite(playground.network.train_losses[-1])


def test_a_loss_that_overflows_pauses_play_and_says_so():
    playground = tf.playground(activation="linear", learning_rate=10.0, hidden=(8, 8, 8, 8),
                               features=("x1", "x2", "x1^2", "x2^2", "x1*x2"))
    playground.play_button.value = True
    with playground._lock:  # no background thread trains meanwhile
        playground.train(30)  # pytest turns a NumPy warning into an error
    assert not np.isfinite(playground.network.train_losses[-1])
    assert not playground.play_button.value
    assert "overflowed; lower the learning rate" in playground.status.value
    assert None in playground.picture.losses[0]
    json.dumps(playground.picture.weights + playground.picture.losses, allow_nan=False)
