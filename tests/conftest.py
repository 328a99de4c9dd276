"""Every test starts with a fresh default graph and leaves none behind, so
tests that build into the default graph (as the tutorial does) cannot see
each other's nodes."""
import pytest

import minidl


@pytest.fixture(autouse=True)
def fresh_default_graph():
    minidl.reset_default_graph()
    yield
    minidl.reset_default_graph()
