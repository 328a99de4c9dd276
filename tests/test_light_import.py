"""`import minidl` loads NumPy and the core only; the pictures and the
explorables (matplotlib, ipywidgets) load the first time a name from them is
used, and without those packages they say in one line what to install.

Each check runs in a fresh Python process: this one has imported matplotlib
already (conftest.py)."""
import subprocess
import sys
from pathlib import Path

import pytest

import minidl

ROOT = Path(__file__).parent.parent
PICTURE_PACKAGES = ("matplotlib", "ipywidgets", "anywidget", "IPython", "PIL", "contourpy")


def run_python(program):
    """What `program` prints in a new Python process that imports this checkout's minidl."""
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def error_without(package, program):
    """The last line of the error `program` stops with when `package` cannot be imported."""
    blocked = f"import sys\nsys.modules[{package!r}] = None\n{program}"
    result = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode != 0, f"{program!r} ran without {package}"
    return result.stderr.strip().splitlines()[-1]


def test_import_minidl_imports_no_picture_package():
    loaded = run_python("import sys, minidl\n"
                        f"print(sorted(name for name in sys.modules "
                        f"if name.split('.')[0] in {PICTURE_PACKAGES!r}))")
    assert loaded == "[]\n"


def test_the_core_trains_without_matplotlib_and_ipywidgets():
    program = ("import sys\n"
               "sys.modules['matplotlib'] = sys.modules['ipywidgets'] = None\n"
               "import minidl as tf\n"
               "x = tf.placeholder(); w = tf.Variable(3.0)\n"
               "J = tf.square(w * x - 2.0)\n"
               "step = tf.train.GradientDescentOptimizer(0.1).minimize(J)\n"
               "with tf.Session() as session:\n"
               "    session.run(tf.global_variables_initializer())\n"
               "    for _ in range(100):\n"
               "        session.run(step, {x: 1.0})\n"
               "    print(f'{session.run(w):.4f}')")
    assert run_python(program) == "2.0000\n"


def test_submodules_and_their_names_load_on_first_use():
    program = ("import sys, minidl\n"
               "before = 'minidl.plot' in sys.modules, 'minidl.explore' in sys.modules\n"
               "print(before, minidl.plot is sys.modules['minidl.plot'],\n"
               "      minidl.draw_graph is sys.modules['minidl.draw'].draw_graph,\n"
               "      minidl.playground is sys.modules['minidl.explore'].playground,\n"
               "      minidl.exercises is sys.modules['minidl.exercises'])")
    assert run_python(program) == "(False, False) True True True True\n"


def test_lazy_names_are_listed_and_exported():
    for name in ("plot", "draw", "explore", "exercises", "draw_graph", "graph_layout",
                 "backprop_trace", "playground"):
        assert name in dir(minidl)
    namespace = {}
    exec("from minidl import *", namespace)
    assert namespace["draw_graph"] is minidl.draw.draw_graph
    assert namespace["playground"] is minidl.explore.playground


def test_an_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="module 'minidl' has no attribute 'plott'"):
        minidl.plott  # noqa: B018


@pytest.mark.parametrize("package, program, feature", [
    ("matplotlib", "import minidl\nminidl.plot.scatter", "minidl.plot"),
    ("matplotlib", "import minidl\nminidl.draw_graph", "minidl.draw"),
    ("matplotlib", "from minidl.draw import draw_graph", "minidl.draw"),
    ("matplotlib", "import minidl\nminidl.playground()", "minidl.explore"),
    ("ipywidgets", "from minidl.explore import learning_rate_explorer", "minidl.explore"),
])
def test_a_picture_without_its_package_says_in_one_line_what_to_install(package, program,
                                                                       feature):
    assert error_without(package, program) == (
        f"ModuleNotFoundError: {feature} needs {package}, which is not installed: "
        f'pip install "minidl[notebooks]"')
