"""Render the SVG app icon into the raster formats packagers need: PNGs (hicolor sizes, the Linux
window icon), a Windows .ico and a macOS .icns. Used by build.sh: ``python render_icons.py OUT``.

Qt renders the SVG (the same engine that draws it in the app); Pillow writes .ico and .icns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "zairyu.svg"


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"zairyu-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"render_icons: could not write {path}")
        written.append(path)
    largest = Image.open(out_dir / "zairyu-512.png")
    largest.save(out_dir / "zairyu.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(out_dir / "zairyu.icns")
    written += [out_dir / "zairyu.ico", out_dir / "zairyu.icns"]
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python render_icons.py OUT_DIR")
    for path in render(Path(sys.argv[1])):
        print(path)
