"""A learner's own operation, written the tutorial's way, is a full citizen:
it computes, infers its shape, joins the graph, and can have a gradient."""
import numpy as np
import pytest

import minidl
from minidl import Graph, Operation, Session, Variable, placeholder


class add(Operation):
    """x + y, written exactly as the tutorial writes its first operation."""

    def __init__(self, x, y):
        super().__init__([x, y])

    def compute(self, x_value, y_value):
        return x_value + y_value


class cube(Operation):
    """x**3, with its gradient 3 x**2 built from minidl operations."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x_value):
        return x_value ** 3

    def gradient(self, grad):
        x, = self.inputs
        return [grad * 3 * x * x]


class ScaledSum(Operation):
    """scale * (x + y): an operation with a setting kept on the instance."""

    def __init__(self, x, y, scale):
        self.scale = scale
        super().__init__([x, y])

    def compute(self, x_value, y_value):
        return self.scale * (x_value + y_value)


def test_tutorial_style_operation_computes_and_joins_the_graph():
    Graph().as_default()
    x = placeholder()
    b = Variable([1, 1])
    z = add(x, b)
    assert z.name == "add" and z.type == "add"
    assert z.inputs == (x, b) and x.consumers == [z] and b.consumers == [z]
    assert minidl.get_default_graph().nodes == [x, b, z]
    np.testing.assert_array_equal(Session().run(z, {x: [1, 2]}), [2, 3])


def test_own_operation_gets_its_shape_and_dtype_from_its_compute():
    x = placeholder(minidl.float32, (None, 3))
    z = add(x, np.ones(3, np.float32))
    assert z.shape == (None, 3) and z.dtype == np.float32


def test_own_operation_reports_incompatible_shapes_when_built():
    x = placeholder(minidl.float64, (None, 3), name="x")
    with pytest.raises(ValueError, match=r"add 'add'.*\(None, 3\).*\(4,\)"):
        add(x, np.ones(4))
    assert minidl.get_default_graph().nodes == [x]


def test_own_operation_works_with_python_operators_and_plain_numbers():
    x = placeholder(minidl.float32, (2,))
    z = ScaledSum(x, 1.0, scale=2.0) * 3.0
    value = Session().run(z, {x: [1.0, 2.0]})
    assert value.dtype == np.float32
    np.testing.assert_allclose(value, [12.0, 18.0])


def test_own_operation_gradient_matches_finite_differences():
    x = placeholder(minidl.float64, (3,))
    y = minidl.reduce_sum(cube(x))
    gradient, = minidl.gradients(y, [x])
    point = np.array([-1.5, 0.5, 2.0])
    h = 1e-6
    with Session() as session:
        symbolic = session.run(gradient, {x: point})
        numeric = [(session.run(y, {x: point + h * e}) - session.run(y, {x: point - h * e}))
                   / (2 * h) for e in np.eye(3)]
    np.testing.assert_allclose(symbolic, numeric, rtol=1e-6)


def test_own_operation_without_gradient_names_itself_when_differentiated():
    x = placeholder(minidl.float64, (2,))
    z = minidl.reduce_sum(add(x, x))
    with pytest.raises(LookupError, match="'add'.*gradient"):
        minidl.gradients(z, [x])


def test_registered_gradient_serves_an_own_operation():
    class Twice(Operation):
        def __init__(self, x):
            super().__init__([x])

        def compute(self, x_value):
            return 2 * x_value

    @minidl.RegisterGradient("Twice")
    def _twice_gradient(op, grad):
        return [2 * grad]

    x = placeholder(minidl.float64, (2,))
    gradient, = minidl.gradients(minidl.reduce_sum(Twice(x)), [x])
    np.testing.assert_array_equal(Session().run(gradient, {x: [1.0, 5.0]}), [2.0, 2.0])


def test_compute_that_overwrites_inputs_is_told_what_inputs_are():
    class add_saving_values(Operation):
        """The tutorial's add also saves its input values in `self.inputs`."""

        def __init__(self, x, y):
            super().__init__([x, y])

        def compute(self, x_value, y_value):
            self.inputs = [x_value, y_value]
            return x_value + y_value

    x = placeholder(minidl.float64, (2,), name="x")
    with pytest.raises(AttributeError, match="add_saving_values 'add_saving_values'.*inputs"):
        add_saving_values(x, 1.0)
    assert minidl.get_default_graph().nodes == [x]
    assert x.consumers == []
