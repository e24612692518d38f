"""Real cases for the points, deadlines and packet page tests: a store in the test's data folder,
a Highly Skilled Professional case with a points profile, events and attached PDFs and photos."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from zairyu.store import Store

PROFILE: dict[str, Any] = {
    "category": "b",
    "application_date": "2026-04-01",
    "birth_date": "1990-06-15",
    "education": "master",
    "experience_years": 6,
    "annual_salary_yen": 8_000_000,
    "bonuses": ["japanese_n2"],
}


def make_pdf(path: Path, pages: int, label: str = "page") -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 28)
        canvas.drawString(60, A4[1] - 120, f"{label} {number}")
        canvas.rect(40, 40, A4[0] - 80, A4[1] - 80)
        canvas.showPage()
    canvas.save()
    return path


def make_photo(path: Path, size: tuple[int, int] = (600, 800)) -> Path:
    Image.new("RGB", size, (180, 200, 220)).save(path, "JPEG", quality=85)
    return path


def pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def hsp_case(store: Store, files: Path, *, profile: dict[str, Any] | None = None, attach: bool = True) -> int:
    """An HSP(i)(b) change-of-status case with a profile and, optionally, two documents with files."""
    case_id = store.create_case(route="hsp-1b", procedure="change", title="Move to HSP",
                                applicant={"name": "Alex Example", "passport_expiry": "2030-01-31"})
    store.set_points(case_id, profile or PROFILE)
    if attach:
        files.mkdir(parents=True, exist_ok=True)
        documents = store.get_case(case_id).documents
        store.attach(case_id, documents[0].code, make_pdf(files / "first.pdf", 2, "first"))
        store.attach(case_id, documents[1].code, make_photo(files / "photo.jpg"))
    return case_id


def today() -> dt.date:
    return dt.date.today()
