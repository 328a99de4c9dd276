"""requirements-lock.txt pins what `make lab`, `make test` and CI install; it
must satisfy what requirements.txt and pyproject.toml ask for, or the tests run
in an environment the requirements do not describe. Fix: `make lock`."""
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


def lock_pins():
    """{name: [(version, marker or None)]} from requirements-lock.txt."""
    pins = {}
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            name, version, marker = match.groups()
            pins.setdefault(normalized(name), []).append((version, marker and Marker(marker)))
    return pins


def declared():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [Requirement(line) for line in lines if line.strip() and line[0] != "#"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return requirements + [Requirement(text) for text in pyproject["project"]["dependencies"]]


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_lock_pins_a_version_each_requirement_allows(requirement, python):
    environment = {"python_version": python, "python_full_version": f"{python}.0",
                   "sys_platform": "linux", "os_name": "posix", "platform_system": "Linux"}
    pinned = [version for version, marker in lock_pins().get(normalized(requirement.name), [])
              if marker is None or marker.evaluate(environment)]
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
