"""Every picture a notebook stores fits the notebook column and is sharp on a
high-resolution screen: PNGs at twice the pixels ("retina"), with the width to
show them at, at most a column wide; never "unconfined" (which makes JupyterLab
show an image at full size, scrolling sideways, instead of fitting it)."""
import base64
import json
from pathlib import Path

import pytest

COLUMN_WIDTH = 900  # pixels at 1x: JupyterLab's notebook column in a 1280-1400 px window
NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def stored_pngs(path):
    """(cell number, PNG bytes, output metadata) of every PNG the notebook stores."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                png = base64.b64decode(output["data"]["image/png"])
                yield number, png, output.get("metadata", {}).get("image/png", {})


def png_size(png):
    """(width, height) in pixels, from the PNG header."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_stored_picture_is_retina_and_fits_the_column(path):
    for number, png, metadata in stored_pngs(path):
        where = f"{path.name}, cell {number}"
        assert not metadata.get("unconfined"), f"{where}: an unconfined image scrolls sideways"
        assert "width" in metadata, (f"{where}: a PNG without a display width; set "
                                     f"InlineBackend.figure_formats = ['retina'] in the first cell")
        width, height = png_size(png)
        assert width == pytest.approx(2 * metadata["width"], abs=2), (
            f"{where}: {width} px stored for {metadata['width']} px shown: not retina")
        assert metadata["width"] <= COLUMN_WIDTH, (
            f"{where}: {metadata['width']} px wide at 1x, more than a notebook column "
            f"({COLUMN_WIDTH} px): make the figure at most 9 inches wide")
