"""Walking a graph: which nodes a result depends on, and in what order to compute them."""


def topological_order(targets, stop_at=()):
    """Every node the `targets` depend on, each once, inputs before their users.

    This is a post-order traversal: a node is listed only after all of its
    inputs are. It keeps its own stack instead of recursing, so a chain of
    10,000 nodes is fine, and it remembers what it has visited, so a node
    shared by many paths is visited once.

    Args:
        targets: the nodes whose values are wanted.
        stop_at: nodes whose inputs are not needed (fed nodes: their value is given).
    """
    stop_at = set(stop_at)
    order, visited = [], set()
    for target in targets:
        if target in visited:
            continue
        visited.add(target)
        stack = [(target, _inputs_of(target, stop_at))]
        while stack:
            node, inputs_left = stack[-1]
            unvisited = next((x for x in inputs_left if x not in visited), None)
            if unvisited is None:
                stack.pop()
                order.append(node)
            else:
                visited.add(unvisited)
                stack.append((unvisited, _inputs_of(unvisited, stop_at)))
    return order


def _inputs_of(node, stop_at):
    return iter(() if node in stop_at else node.inputs)
