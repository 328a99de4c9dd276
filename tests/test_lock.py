"""requirements-lock.txt pins what `make lab`, `make test` and CI install; it
must satisfy what requirements.txt and pyproject.toml (its dependencies and its
extras) ask for, or the tests run in an environment the requirements do not
describe. docs/requirements-lock.txt, the website's builder, must satisfy
docs/requirements.txt and agree with the main lock. Fix: `make lock`."""
import re
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+?)(?: ; (.+))?$")
# The Pythons the lock is written for (pyproject's requires-python, >=3.10).
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_pins(lock="requirements-lock.txt"):
    """{name: [(version, marker or None)]} from a lock file."""
    pins = {}
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            name, version, marker = match.groups()
            pins.setdefault(normalized(name), []).append((version, marker and Marker(marker)))
    return pins


def requirements_in(path):
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in lines if line.strip() and line[0] != "#"]


def pinned_for(pins, name, python):
    """The versions `pins` gives package `name` on Linux with Python `python`."""
    environment = {"python_version": python, "python_full_version": f"{python}.0",
                   "sys_platform": "linux", "os_name": "posix", "platform_system": "Linux"}
    return [version for version, marker in pins.get(normalized(name), [])
            if marker is None or marker.evaluate(environment)]


def declared():
    requirements = requirements_in("requirements.txt")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    extras = [text for texts in project.get("optional-dependencies", {}).values()
              for text in texts]
    return requirements + [Requirement(text) for text in project["dependencies"] + extras]


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_lock_pins_a_version_each_requirement_allows(requirement, python):
    pinned = pinned_for(lock_pins(), requirement.name, python)
    assert len(pinned) == 1, (
        f"requirements-lock.txt pins {requirement.name} {len(pinned)} times for Python "
        f"{python} (once expected): run `make lock` and commit requirements-lock.txt")
    assert requirement.specifier.contains(pinned[0], prereleases=True), (
        f"requirements-lock.txt pins {requirement.name}=={pinned[0]}, which '{requirement}' "
        f"does not allow: run `make lock` and commit requirements-lock.txt")


def test_requirements_and_pyproject_declare_the_same_minimums():
    bounds = {}
    for requirement in declared():
        bounds.setdefault(normalized(requirement.name), set()).add(str(requirement.specifier))
    assert {name: specs for name, specs in bounds.items() if len(specs) > 1} == {}


@pytest.mark.parametrize("python", PYTHONS)
def test_docs_lock_satisfies_docs_requirements_and_agrees_with_the_main_lock(python):
    docs, main = lock_pins("docs/requirements-lock.txt"), lock_pins()
    for requirement in requirements_in("docs/requirements.txt"):
        pinned = pinned_for(docs, requirement.name, python)
        assert len(pinned) == 1 and requirement.specifier.contains(pinned[0], True), (
            f"docs/requirements-lock.txt pins {requirement.name} {pinned} for Python {python}, "
            f"not one version '{requirement}' allows: run `make lock`")
    differ = {name: (pinned_for(docs, name, python), pinned_for(main, name, python))
              for name in docs.keys() & main.keys()}
    differ = {name: pins for name, pins in differ.items() if all(pins) and pins[0] != pins[1]}
    assert differ == {}, (
        "docs/requirements-lock.txt and requirements-lock.txt pin these differently "
        "(docs, main): run `make lock`")
