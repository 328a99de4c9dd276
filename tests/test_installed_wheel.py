"""minidl works outside the repository: built as a wheel, installed with
`minidl[notebooks]` into a fresh virtual environment under the system's temporary
folder, it imports with NumPy as its one dependency, trains chapter 8's network
on the digits (which travel inside the package), and runs chapter 8's notebook,
copied to a temporary folder, with nbval.

It installs from the package index (every package at the version the lock
pins) and takes a minute or more, so it runs only where MINIDL_TEST_WHEEL=1:
`make test-wheel`, which CI (.ci/run) runs."""
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).parent.parent
NOTEBOOK = ROOT / "notebooks" / "08_real_data_digits.ipynb"
TRAINING_TEST = Path(__file__).parent / "test_digits_accuracy.py"

pytestmark = pytest.mark.skipif(
    os.environ.get("MINIDL_TEST_WHEEL") != "1",
    reason="builds and installs a wheel from the package index: run `make test-wheel`")


def sanitize_file():
    """The nbval sanitize file the project's own pytest options name."""
    options = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return ROOT / re.search(r"--nbval-sanitize-with (\S+?)\"?\s", options).group(1)


def run(command, cwd):
    """Run `command` in `cwd` without this checkout on the path; return its output."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PYTHONPATH", "VIRTUAL_ENV", "MPLBACKEND")}
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=environment,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the wheel of this checkout and `minidl[notebooks]`
    installed; returns (its python, an empty folder to work in)."""
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(ROOT / "minidl", source / "minidl",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    wheels = tmp_path_factory.mktemp("wheels")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", wheels, source],
        cwd=source)
    wheel, = wheels.glob("minidl-*.whl")
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", f"{wheel}[notebooks]", "pytest", "nbval",
         "ipykernel", "-c", ROOT / "requirements-lock.txt"], cwd=environment)
    return python, tmp_path_factory.mktemp("work")


def test_minidl_imports_from_the_venv_and_needs_only_numpy(installed):
    python, work = installed
    found = json.loads(run([python, "-c",
                            "import importlib.metadata, json, minidl\n"
                            "print(json.dumps([minidl.__file__,\n"
                            "      importlib.metadata.requires('minidl')]))"], cwd=work))
    location, requires = found
    assert Path(location).is_relative_to(python.parent.parent)
    requirements = [Requirement(text) for text in requires]
    assert [str(r) for r in requirements if r.marker is None] == ["numpy>=2.0"]
    assert {r.name for r in requirements
            if r.marker and r.marker.evaluate({"extra": "notebooks"})} >= {"matplotlib",
                                                                          "ipywidgets"}


def test_the_digits_and_their_licence_travel_with_the_package(installed):
    python, work = installed
    files = run([python, "-c", "from importlib.resources import files\n"
                 "data = files('minidl') / 'data'\n"
                 "print(sorted(item.name for item in data.iterdir()))"], cwd=work)
    assert files == "['README.md', 'digits.csv.gz']\n"


def test_chapter8_network_trains_on_the_digits_outside_the_checkout(installed):
    python, work = installed
    shutil.copy(TRAINING_TEST, work)
    output = run([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", TRAINING_TEST.name],
                 cwd=work)
    assert "1 passed" in output


def test_chapter8_notebook_runs_with_nbval_outside_the_checkout(installed):
    python, work = installed
    shutil.copy(NOTEBOOK, work)
    shutil.copy(sanitize_file(), work / "sanitize.cfg")
    output = run([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval",
                  "--nbval-current-env", "--nbval-sanitize-with", "sanitize.cfg",
                  NOTEBOOK.name], cwd=work)
    assert re.search(r"\d+ passed", output) and "failed" not in output
