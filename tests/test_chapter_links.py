"""Every chapter a chapter's prose names is a link that resolves.

The series grew chapter by chapter, and plain "chapter 8" went stale when
chapters were inserted before it. So in the notebooks' Markdown:

- every "chapter N" is a link, written `[chapter 11](11_debugging_and_initialization.ipynb#Anchor)`
  (the heading part is optional but usual: it names the section the sentence means);
- a link's notebook exists, its number is the N of the link's text, and its
  heading anchor is one of that notebook's headings, as JupyterLab and the site
  name them (the heading's text, spaces turned into hyphens);
- a chapter does not call itself "chapter N" ("this chapter" does);
- headings (whose anchors a link would change) may name chapters without a
  link, but only chapters that exist.
"""
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
FILE_NAME = re.compile(r"0*(\d+[a-z]?)_\w+\.ipynb")
TITLE = re.compile(r"# Chapter (\d+[a-z]?): (.+)")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
MENTION = re.compile(r"\b[Cc]hapters? (\d+[a-z]?)")
HEADING = re.compile(r"#{1,6} (.+)")


def markdown_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(index, "".join(cell["source"])) for index, cell in enumerate(cells)
            if cell["cell_type"] == "markdown"]


def outside_fences(text):
    return re.sub(r"```.*?```", "", text, flags=re.S)


def outside_code(text):
    """The text with fenced and inline code blanked out (code may say anything)."""
    return re.sub(r"`[^`\n]*`", "", outside_fences(text))


def anchor(heading):
    """A heading's anchor as JupyterLab makes it from the rendered text: Markdown
    links become their text, code and emphasis marks go, spaces become hyphens."""
    text = LINK.sub(r"\1", heading)
    text = re.sub(r"[`*]", "", text)
    return text.strip().replace(" ", "-")


def chapter_number(path):
    return FILE_NAME.fullmatch(path.name).group(1)


CHAPTERS = {chapter_number(path): path for path in NOTEBOOKS}


def anchors(path):
    return {anchor(match.group(1)) for _, text in markdown_cells(path)
            for line in outside_fences(text).splitlines() if (match := HEADING.fullmatch(line))}


def problems(path):
    """Every chapter reference in the notebook's prose that does not resolve."""
    own = chapter_number(path)
    found = []
    for index, text in markdown_cells(path):
        for line in outside_code(text).splitlines():
            where = f"cell {index}: {line.strip()[:90]!r}"
            heading = HEADING.fullmatch(line)
            if heading:
                for number in MENTION.findall(line):
                    if number not in CHAPTERS:
                        found.append(f"{where}: there is no chapter {number}")
                continue
            for label, target in LINK.findall(line):
                found.extend(f"{where}: {problem}" for problem in link_problems(label, target))
                named = MENTION.match(label)
                if named and named.group(1) == own:
                    found.append(f"{where}: the chapter calls itself {label!r}: say 'this chapter'")
            for number in MENTION.findall(LINK.sub("", line)):
                found.append(f"{where}: 'chapter {number}' is not a link; write "
                             f"[chapter {number}]({CHAPTERS.get(number, Path('??')).name}#Heading)")
    return found


def link_problems(label, target):
    """What is wrong with one link [label](target) that goes to a chapter."""
    if re.match(r"[a-z]+:", target):  # a web address: not a chapter
        return []
    name, _, heading = target.partition("#")
    if not name.endswith(".ipynb"):
        return []
    path = Path(NOTEBOOKS[0].parent / name)
    if not path.exists():
        return [f"{name} is not a chapter"]
    result = []
    named = MENTION.match(label)
    if named and named.group(1) != chapter_number(path):
        result.append(f"the link says chapter {named.group(1)} but goes to {name}")
    if heading and heading not in anchors(path):
        result.append(f"{name} has no heading #{heading} (its headings: {sorted(anchors(path))})")
    return result


def test_every_chapter_is_named_as_its_title_says():
    for number, path in CHAPTERS.items():
        first = markdown_cells(path)[0][1].splitlines()[0]
        title = TITLE.fullmatch(first)
        assert title and title.group(1) == number, (
            f"{path.name} starts with {first!r}, not '# Chapter {number}: Title'")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_chapter_references_are_links_that_resolve(path):
    found = problems(path)
    assert not found, f"{path.name}:\n" + "\n".join(found)


def test_the_check_finds_a_stale_reference():
    stale = "In [chapter 8](08_real_data_digits.ipynb#Initialization) and chapter 4, as ..."
    assert len(LINK.findall(stale)) == 1
    assert MENTION.findall(LINK.sub("", stale)) == ["4"]
    assert link_problems("chapter 8", "08_real_data_digits.ipynb#Initialization")
    assert link_problems("chapter 11", "08_real_data_digits.ipynb")
    assert link_problems("chapter 13", "13_nothing.ipynb")
    assert not link_problems("chapter 8", "08_real_data_digits.ipynb")
