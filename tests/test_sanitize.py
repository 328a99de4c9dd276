"""tests/sanitize.cfg hides only what changes between runs: nbval applies
its rules to every output it compares, so a rule that matched too much would
hide a real difference (a size, a number) from the notebook tests."""
import re
from pathlib import Path

import pytest
from nbval.plugin import get_sanitize_patterns

CONFIG = Path(__file__).parent / "sanitize.cfg"


def sanitize(text):
    """`text` as nbval compares it: each rule applied in order, as nbval does."""
    for regex, replace in get_sanitize_patterns(CONFIG.read_text(encoding="utf-8")):
        text = re.sub(regex, replace, text)
    return text


def test_every_rule_is_read_by_nbval():
    rules = get_sanitize_patterns(CONFIG.read_text(encoding="utf-8"))
    written = CONFIG.read_text(encoding="utf-8").count("\nregex: ")
    assert len(rules) == written >= 1


@pytest.mark.parametrize("text", [
    "<GraphPicture: 6 nodes in 4 layers>", "420x197 px", "<Figure size 500x400 with 1 Axes>",
    "0x1F", "J = 0.6931 after 100 steps", "3.0000e-08", "array([0.659 , 0.2424, 0.0986])",
    "step 10x0", "width 1094x240"])
def test_sizes_and_numbers_are_left_alone(text):
    assert sanitize(text) == text


@pytest.mark.parametrize("address", ["0x7f3a2c1d5e90", "0x55d1c0ffee00", "0x00007FF6A1B2"])
def test_a_memory_address_is_hidden_whole(address):
    text = f"<minidl.Foo object at {address}>, then 420x197 px"
    assert sanitize(text) == "<minidl.Foo object at 0xADDRESS>, then 420x197 px"
