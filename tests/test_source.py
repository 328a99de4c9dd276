"""show_source: the notebooks' window onto the library's real code."""
import inspect

import pytest

import minidl
from minidl.graph import Node
from minidl.source import SourceCode, show_source


def without_hiding(text):
    """`text` without its `__tracebackhide__ = True` lines (comment or not)."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if line.split("#")[0].strip() != "__tracebackhide__ = True")


def outside_minidl():
    """A function defined in the tests, not in minidl."""


def test_method_source_is_dedented_and_located_by_relative_file_and_name():
    shown = show_source(minidl.Session.run)
    assert shown.location == "minidl/session.py, Session.run"
    assert shown.code.startswith("def run(self, fetches, feed_dict=None):\n")
    assert "return _rebuild(" in shown.code


def test_class_source_starts_at_class_statement():
    shown = show_source(minidl.Session)
    assert shown.location == "minidl/session.py, Session"
    assert shown.code.startswith("class Session")
    assert "def close(self):" in shown.code


def test_markdown_is_a_python_block_under_its_location_without_absolute_paths():
    shown = show_source(minidl.sigmoid)
    markdown = shown._repr_markdown_()
    header, body = markdown.split("\n\n", 1)
    assert header == f"`{shown.location}`"
    assert shown.location == "minidl/ops/activations.py, sigmoid"
    assert body == f"```python\n{shown.code}```\n"
    assert str(minidl.source.PACKAGE_DIR) not in markdown
    assert not shown.location.startswith("/")


def test_plain_text_shows_location_then_code():
    shown = show_source(minidl.sigmoid)
    assert str(shown) == f"# {shown.location}\n{shown.code}"
    assert repr(shown) == str(shown)


def test_fence_is_longer_than_any_backtick_run_in_the_code():
    markdown = SourceCode('"""Use ```python blocks."""\n', "minidl/x.py, x")._repr_markdown_()
    assert "\n````python\n" in markdown
    assert markdown.endswith("\n````\n")


def test_property_shows_its_getter():
    shown = show_source(Node.ndim)
    assert shown.code.startswith("@property\ndef ndim(self")
    assert shown.location == "minidl/graph.py, Node.ndim"


def test_module_source_is_the_whole_file_located_by_its_path():
    shown = show_source(minidl.session)
    assert shown.location == "minidl/session.py"
    assert shown.code == without_hiding((minidl.source.PACKAGE_DIR / "session.py").read_text())


def test_code_outside_minidl_is_refused_by_name():
    with pytest.raises(ValueError, match="outside_minidl.*outside minidl"):
        show_source(outside_minidl)


def test_object_without_source_is_refused_with_its_type():
    with pytest.raises(TypeError, match="got a Placeholder"):
        show_source(minidl.placeholder(minidl.float64, name="x"))


def test_a_class_can_be_shown_without_some_methods_and_the_heading_says_which():
    whole = show_source(minidl.Graph)
    shown = show_source(minidl.Graph, omit=("temporary_nodes", "__repr__"))
    assert "def temporary_nodes" in whole.code and "def temporary_nodes" not in shown.code
    assert "def __repr__" not in shown.code and "@contextmanager" not in shown.code
    assert "def add(self, node):" in shown.code and "def unique_name" in shown.code
    assert shown.location == "minidl/graph.py, Graph (without temporary_nodes, __repr__)"
    assert len(shown.code.splitlines()) < len(whole.code.splitlines()) - 15
    assert shown.code.endswith("\n") and not shown.code.endswith("\n\n")


def test_omitting_a_method_the_class_lacks_is_an_error_naming_it():
    with pytest.raises(ValueError, match="Graph has no method 'run'"):
        show_source(minidl.Graph, omit=("run",))


def test_a_listing_never_shows_the_lines_that_hide_library_frames_from_tracebacks():
    # Operation.__init__ and infer_shape_and_dtype both start with one.
    written = inspect.getsource(minidl.Operation)
    assert written.count("__tracebackhide__ = True") == 2
    expected = without_hiding(written)
    for shown in (show_source(minidl.Operation), show_source(minidl.Operation, omit=("gradient",))):
        assert "__tracebackhide__" not in shown.code
    assert show_source(minidl.Operation).code == expected
    assert "def __init__(self, inputs=(), name=None):\n        graph, inputs" in expected
