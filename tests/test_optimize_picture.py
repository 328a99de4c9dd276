"""Pictures of programs: each step drawn as a node of its kind, before and after a pass."""
import numpy as np

import minidl as tf
from minidl.optimize.constant_folding import fold_constants
from minidl.optimize.picture import draw_program, program_for, program_graph
from minidl.optimize.stable_softmax import stabilize_softmax


def kinds(picture):
    return {node.name: node.kind for node in picture.layout.nodes}


def test_folding_draws_the_folded_step_as_a_constant_and_drops_its_inputs():
    X = tf.placeholder(tf.float32, (None, 2), name="X")
    scale = tf.multiply(tf.constant(2.0, tf.float32, name="two"),
                        tf.constant(3.0, tf.float32, name="three"), name="scale")
    y = tf.multiply(X, scale, name="y")
    before = draw_program(program_for(y, [X]))
    after = draw_program(program_for(y, [X], [fold_constants]))
    assert kinds(before) == {"X": "placeholder", "two": "constant", "three": "constant",
                             "scale": "operation", "y": "operation"}
    assert kinds(after) == {"X": "placeholder", "scale": "constant", "y": "operation"}
    assert ("Multiply", "type") in after.labels["y"]
    assert after.labels["scale"] == [("scale", "name")]


def test_a_rewritten_step_is_drawn_with_its_new_type_under_the_learners_name():
    logits = tf.placeholder(tf.float64, (None, 3), name="logits")
    log_p = tf.log(tf.nn.softmax(logits), name="log_p")
    after = draw_program(program_for(log_p, [logits], [stabilize_softmax]))
    assert [node.name for node in after.layout.nodes] == ["logits", "log_p"]
    assert ("LogSoftmax", "type") in after.labels["log_p"]


def test_stand_ins_live_in_a_private_graph_and_leave_the_learners_alone():
    W = tf.Variable(np.ones((2, 2)), name="W")
    X = tf.placeholder(tf.float64, (None, 2), name="X")
    y = tf.matmul(X, W, name="y")
    graph = tf.get_default_graph()
    count = len(graph.nodes)
    stand_ins = program_graph(program_for(y, [X]))
    assert len(graph.nodes) == count
    assert stand_ins[0].graph is not graph
    assert [x.type for x in stand_ins[0].inputs] == ["Placeholder", "Variable"]


def test_a_learners_operation_is_drawn_under_its_own_class_name():
    class Cube(tf.Operation):
        def __init__(self, x):
            super().__init__([x], name="cubed")

        def compute(self, x):
            return x * x * x

    X = tf.placeholder(tf.float32, (None, 2), name="X")
    picture = draw_program(program_for(Cube(X), [X]))
    assert ("Cube", "type") in picture.labels["cubed"]
