"""The packages only the pictures need, asked for by name when they are missing.

minidl's core needs NumPy alone. `minidl.plot` and `minidl.draw` draw with
matplotlib, and `minidl.explore` adds ipywidgets; the extra
`minidl[notebooks]` installs them. Each of those packages calls `require`
first, so that a learner without them reads one line saying what to install,
not a traceback from deep inside an import.
"""
from importlib.util import find_spec

INSTALL = 'pip install "minidl[notebooks]"'


def require(feature, *packages):
    """Raise ModuleNotFoundError naming `feature`, the missing packages and the
    command that installs them, if any of `packages` cannot be imported."""
    missing = [package for package in packages if find_spec(package) is None]
    if missing:
        raise ModuleNotFoundError(f"{feature} needs {' and '.join(missing)}, which "
                                  f"{'is' if len(missing) == 1 else 'are'} not installed: "
                                  f"{INSTALL}", name=missing[0])
