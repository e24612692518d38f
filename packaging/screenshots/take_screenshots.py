"""Screenshots of the main screens for the README and the AppStream metadata.

Run under a virtual display from the repository root:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python packaging/screenshots/take_screenshots.py

It fills a fresh data folder with a sample household (demo_data.py), opens the real main window
in English and in Japanese, and saves ``<page>-<lang>.png`` for the points, deadlines and packet
pages at 1280×800 (``--size 1920x1080`` for the larger variant) beside this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = ("points", "deadlines", "packet")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    data = Path(tempfile.mkdtemp(prefix="zairyu-screenshots-"))
    os.environ["ZAIRYU_DATA_DIR"] = str(data)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import zairyu.gui  # noqa: F401  (its PySide6 workarounds precede the first Qt call)
    from zairyu.cli.common import route_catalog
    from zairyu.gui import language
    from zairyu.gui.main_window import MainWindow
    from zairyu.gui.pages.base import PageId
    from zairyu.store import open_store

    sys.path.insert(0, str(HERE))
    import demo_data

    app = QApplication(sys.argv[:1])
    catalog = route_catalog()
    store = open_store(data, catalog=catalog)
    case_id = demo_data.build(store, data / "scans", dt.date.today())
    for lang in ("en", "ja"):
        language.apply_language(app, lang)
        window = MainWindow(catalog, store=store, settings=QSettings(str(data / "settings.ini"),
                                                                      QSettings.Format.IniFormat))
        window.resize(width, height)
        window.show()
        window.session.set_current_case(case_id)
        for name in PAGES:
            window.show_page(PageId(name))
            if name == "points":
                window.points_page.check_pr_timing()
            if name == "deadlines":
                window.deadlines_page.scope_combo.setCurrentIndex(1)  # the whole household
            for _ in range(30):
                app.processEvents()
            window.grab().save(str(args.out / f"{name}-{lang}{args.suffix}.png"))
        window.close()
        window.deleteLater()
        app.processEvents()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
