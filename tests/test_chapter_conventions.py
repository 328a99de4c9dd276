"""What every chapter promises its reader (README.md, CONVENTIONS.md): where it
comes from, and exercises with a difficulty and model answers."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISE = re.compile(r"^\*\*(\d+)\. ([^*]+?)\*\*(.*)", re.M)
STARS = re.compile(r"\((★{1,3})\)")
LEGEND = "Stars give the difficulty: ★ applies the chapter directly"


def markdown(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def exercises_part(path):
    """The Markdown from the '## Exercises' heading on."""
    text = "\n".join(markdown(path))
    start = text.find("## Exercises")
    assert start >= 0, f"{path.name} has no '## Exercises' section"
    return text[start:]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_the_opening_says_what_the_chapter_draws_on(path):
    assert "*Sources.*" in markdown(path)[0], (
        f"{path.name}: the first cell has no '*Sources.*' line saying what the chapter "
        f"follows and what is its own (README.md, Sources)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_exercise_has_its_stars_the_legend_and_the_model_answers(path):
    part = exercises_part(path)
    exercises = EXERCISE.findall(part)
    assert exercises, f"{path.name}: no exercise written '**1. Title**'"
    unstarred = [f"{number}. {title}" for number, title, rest in exercises
                 if not STARS.match(rest.strip())]
    assert not unstarred, f"{path.name}: exercises without (★) to (★★★): {unstarred}"
    assert LEGEND in part, f"{path.name}: the exercises do not say what the stars mean"
    answers = re.search(r"solutions/(chapter\w+)\.py", part)
    assert answers and (ROOT / "solutions" / f"{answers.group(1)}.py").exists(), (
        f"{path.name}: the exercises do not point to their model answers in solutions/")
