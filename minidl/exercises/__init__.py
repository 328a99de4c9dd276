"""Automatic checks for the exercises at the end of each chapter.

Each chapter's checks live in their own module (`minidl.exercises.chapter03`,
...). A check takes the learner's answer, tries it, and says in plain words what
is right or what is wrong; model answers live in the project's `solutions/`
folder, outside the notebooks, and the tests prove each one passes its check.

A check that builds graphs builds its own (inside `with Graph().as_default():`),
so it leaves the notebook's default graph as it was.
"""
