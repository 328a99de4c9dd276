"""Shared helpers for the tests of bad input: an error's message names what
went wrong (`raises`), and the failed call left the graph and its variables
as they were (`Unchanged`)."""
import re

import numpy as np
import pytest


class Unchanged:
    """A record of a graph's nodes and its variables' values, to check after an
    error that nothing was added, renamed or changed."""

    def __init__(self, graph):
        self.graph = graph
        self.names = [node.name for node in graph.nodes]
        self.values = {variable.name: variable.value.copy() for variable in graph.variables}

    def check(self):
        assert [node.name for node in self.graph.nodes] == self.names
        assert [variable.name for variable in self.graph.variables] == list(self.values)
        for variable in self.graph.variables:
            np.testing.assert_array_equal(variable.value, self.values[variable.name])
        for node in self.graph.nodes:
            assert all(consumer in self.graph.nodes for consumer in node.consumers)


def raises(error_type, *fragments):
    """pytest.raises for `error_type` whose message contains every fragment, literally."""
    return pytest.raises(error_type, match="(?s)" + "".join(
        f"(?=.*{re.escape(fragment)})" for fragment in fragments))
