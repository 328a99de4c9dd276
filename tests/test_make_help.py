"""`make help` (also plain `make`) lists every target with one line each,
README.md's two commands first."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_help_lists_every_target_once_with_the_readme_commands_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:((?:.*\\\n)*.*)$", makefile, re.MULTILINE)
                .group(1).replace("\\\n", " ").split())
    output = subprocess.run(["make", "--no-print-directory", "-s"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    listed = [line.split()[1] for line in output.splitlines() if line.startswith("make ")]
    assert listed[:2] == ["lab", "test"]
    assert sorted(listed) == sorted(phony)
