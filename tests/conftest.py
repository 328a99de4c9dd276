"""Every test starts with a fresh default graph and leaves none behind, so
tests that build into the default graph (as the tutorial does) cannot see
each other's nodes, nor the gradients another test registered. Plots are
drawn off-screen (Agg) and every figure a test opens is closed after it."""
import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import minidl  # noqa: E402
from minidl.gradients import _registered_gradients  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_default_graph():
    minidl.reset_default_graph()
    yield
    minidl.reset_default_graph()


@pytest.fixture(autouse=True)
def registered_gradients_restored():
    """`@RegisterGradient` inside a test registers for that test only."""
    registry = _registered_gradients
    saved = dict(registry)
    yield
    registry.clear()
    registry.update(saved)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")
