"""Real TensorFlow 1 programs from public repositories (tests/tf1_programs/,
each with its source, licence and changes in its header) run on minidl with
only their import line changed, and print the numbers TensorFlow 1 printed
(`<name>.tf1.txt`, made by tests/tf1_programs/make_expected.py). Both sides
start from the same weights and data (tests/tf1_programs/harness.py).

Numbers agree to float32's precision: TensorFlow computes these programs in
float32, minidl in float64 wherever a program writes `"float"` or Python floats.
"""
import os
import sys
from pathlib import Path

import numpy as np
import pytest

import minidl

sys.path.insert(0, str(Path(__file__).parent / "tf1_programs"))
from harness import (  # noqa: E402
    PROGRAMS,
    expected_path,
    load_tensorflow_v1,
    numbers_and_words,
    run_program,
)

# Where minidl prints other words than TensorFlow 1, on purpose (API_INDEX.md):
# Saver.save returns the file it wrote; TensorFlow 1 returns the path prefix.
KNOWN_DIFFERENCES = {"save_restore_model": [("model.ckpt.npz", "model.ckpt")]}


def assert_same_print(printed, expected):
    """The same words, and numbers equal to float32 precision."""
    numbers, words = numbers_and_words(printed)
    expected_numbers, expected_words = numbers_and_words(expected)
    assert words == expected_words
    np.testing.assert_allclose(numbers, expected_numbers, rtol=1e-4, atol=1e-5)


def test_there_is_a_handful_of_programs_each_with_tensorflows_numbers():
    assert len(PROGRAMS) >= 5
    for name in PROGRAMS:
        assert expected_path(name).read_text().strip(), name


@pytest.mark.parametrize("optimize", [False, True], ids=["plain", "optimizing"])
@pytest.mark.parametrize("name", PROGRAMS)
def test_program_prints_what_tensorflow_1_printed(name, optimize, tmp_path, monkeypatch):
    """On the plain session and, every `tf.Session()` made optimizing, on
    chapter 12's optimizing session."""
    if optimize:
        from minidl.optimize import OptimizingSession
        monkeypatch.setattr(minidl, "Session", OptimizingSession)
    printed = run_program(name, "minidl", tmp_path)
    for ours, theirs in KNOWN_DIFFERENCES.get(name, []):
        printed = printed.replace(ours, theirs)
    assert_same_print(printed, expected_path(name).read_text())


@pytest.mark.parametrize("name", PROGRAMS)
def test_stored_numbers_are_what_tensorflow_1_prints_today(name, tmp_path):
    if load_tensorflow_v1() is None:
        missing = "TensorFlow is not installed (pip install -r requirements-frameworks.txt)"
        if os.environ.get("MINIDL_REQUIRE_FRAMEWORKS"):  # CI: nothing may be skipped
            pytest.fail(missing)
        pytest.skip(missing)
    assert_same_print(run_program(name, "tensorflow", tmp_path),
                      expected_path(name).read_text())


def test_a_wrong_number_is_caught():
    with pytest.raises(AssertionError):
        assert_same_print("cost= 1.0002 W= [0.5 0.25]", "cost= 1.0 W= [0.5 0.25]")
    with pytest.raises(AssertionError):
        assert_same_print("Accuracy: 0.5", "Accurate: 0.5")
    assert_same_print("W= [np.float64(0.50000001), 2.0]", "W= [np.float32(0.5), 2.0]")
