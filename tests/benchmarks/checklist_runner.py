"""Time one 60-document checklist PDF in a fresh process, after start-up (imports done).

``python checklist_runner.py OUT.pdf`` prints the seconds from "export pressed" to the file being
in place: font resolution, layout, drawing, fsync and replace.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from zairyu.cli.common import route_catalog
from zairyu.domain.checklist import required_documents
from zairyu.reports.checklist_pdf import ChecklistHeader, rows_from_items, write_checklist_pdf


def sixty_rows() -> list:
    """60 real documents from the route files, with case states filled in as a user would have them."""
    rows = []
    seen: set[str] = set()
    for route in route_catalog():
        for procedure in route.procedures:
            for row in rows_from_items(required_documents(route, procedure.id.value)):
                if row.code not in seen:
                    seen.add(row.code)
                    rows.append(row)
    rows = rows[:60]
    assert len(rows) == 60, len(rows)
    states = ("needed", "requested", "received", "translating", "ready", "submitted")
    from dataclasses import replace

    return [replace(row, status=states[i % len(states)], issued=dt.date(2026, 9, 1) if i % 2 else None)
            for i, row in enumerate(rows)]


if __name__ == "__main__":
    rows = sixty_rows()
    route = route_catalog().get("hsp-1b")
    header = ChecklistHeader(route_en=route.name_en, route_ja=route.name_ja, procedure_en="Change of status",
                             procedure_ja="在留資格変更許可申請", rules_date=route.rules_date,
                             rules_version="route data v1", applicant="Benchmark Applicant", title="60 documents")
    start = time.perf_counter()
    write_checklist_pdf(header, rows, Path(sys.argv[1]))
    print(f"{time.perf_counter() - start:.4f}")
