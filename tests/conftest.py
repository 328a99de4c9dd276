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


def pytest_addoption(parser):
    parser.addoption("--optimized-sessions", action="store_true",
                     help="make Session(optimize=True) the default in every unit test, "
                          "so the whole suite checks the optimizing session too")
    parser.addoption("--random-graphs", type=int, default=300,
                     help="how many random graphs tests/test_optimize_differential.py "
                          "runs in a plain and an optimizing session")


def pytest_configure(config):
    config.addinivalue_line("markers", "plain_session_only: the test is about the plain "
                            "interpreter itself; --optimized-sessions skips it")


@pytest.fixture(autouse=True)
def session_kind(request, monkeypatch):
    if request.config.getoption("--optimized-sessions"):
        if request.node.get_closest_marker("plain_session_only"):
            pytest.skip("tests the plain interpreter, not the optimizing session")
        import minidl.optimize  # noqa: F401  (the layer Session(optimize=True) opens)
        plain_new = minidl.Session.__new__

        def optimizing_new(cls, graph=None, check_numerics=False, optimize=True):
            return plain_new(cls, graph, check_numerics, optimize)

        monkeypatch.setattr(minidl.Session, "__new__", staticmethod(optimizing_new))
