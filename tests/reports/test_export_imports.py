"""`zairyu export packet` only merges files behind its cover: it does not load the checklist and
points renderers (their imports are a large part of a short export)."""

from __future__ import annotations

import subprocess
import sys

RENDERERS = ("zairyu.reports.checklist_pdf", "zairyu.reports.points_pdf")


def test_the_packet_export_path_imports_no_other_renderer() -> None:
    script = ("import sys\n"
              "import zairyu.cli.export_cmd, zairyu.reports.case_exports, zairyu.reports.packet\n"
              f"print([name for name in {RENDERERS!r} if name in sys.modules])")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
