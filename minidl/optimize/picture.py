"""Pictures of a program: what the optimizer made of a graph, drawn with `draw_graph`.

`draw_graph` draws nodes. A program is made of steps, so `program_graph`
gives each step a stand-in node in a fresh private graph, named after the
learner's node it stands for and of the same kind: a folded step is drawn
as a constant, a rewritten one with its new type (`LogSoftmax`). The
learner's graph is never touched.
"""
from ..constant import Constant
from ..draw import draw_graph
from ..graph import Graph, Node
from ..placeholder import Placeholder
from ..session import execution_order
from ..variable import Variable
from .plan import optimize


class StepNode(Node):
    """The stand-in for one computing step: its type is the step's `op_type`
    (a learner's operation, which has none, keeps its class's name)."""

    def __init__(self, graph, step, inputs):
        self.step = step
        super().__init__(graph, step.origin.name, inputs, step.dtype, step.shape)

    @property
    def type(self):
        return self.step.op_type or self.step.origin.type


def program_graph(program):
    """A fresh graph with one stand-in node per step of `program`.

    Returns:
        The stand-ins of the fetched steps and of the updates, in that order.
    """
    graph, node_of = Graph(), {}
    with graph.as_default():
        for step in program.steps:
            name, inputs = step.origin.name, [node_of[x] for x in step.inputs]
            if step.kind == "feed":
                node_of[step] = Placeholder(step.dtype, step.shape, name)
            elif step.kind == "constant":
                node_of[step] = Constant(step.value, name=name, graph=graph)
            elif step.kind == "variable":
                node_of[step] = Variable(step.origin.value, name=name, trainable=False)
            else:
                node_of[step] = StepNode(graph, step, inputs)
    wanted = list(program.fetches) + [x for x in program.updates if x not in program.fetches]
    return list(dict.fromkeys(node_of[step] for step in wanted))


def program_for(fetches, fed_nodes=(), passes=()):
    """The program for `fetches` (a node or a list) with `fed_nodes` fed,
    after `passes` (none by default: the graph as the learner built it)."""
    fetches = list(fetches) if isinstance(fetches, (list, tuple)) else [fetches]
    fed_nodes = set(fed_nodes)
    return optimize(execution_order(fetches, fed_nodes), fetches, fed_nodes, passes)


def draw_program(program, title=None, direction=None, dpi=100):
    """Draw `program`'s steps as a graph (`title`, `direction` and `dpi` as for
    `draw_graph`; a program's values are not drawn: its stand-ins cannot run)."""
    return draw_graph(program_graph(program), title=title, direction=direction, dpi=dpi)
