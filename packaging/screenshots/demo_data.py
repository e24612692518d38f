"""A sample household for the screenshots: two cases with a points profile, dated events and
attached scans (PDFs drawn with reportlab, a JPEG photo), written into a fresh data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from zairyu.store import Store

PROFILE = {
    "category": "b",
    "application_date": "2026-12-21",
    "birth_date": "1997-01-20",
    "education": "master",
    "experience_years": 6,
    "annual_salary_yen": 8_500_000,
    "bonuses": ["japanese_n2", "designated_university"],
    "work_start_date": "2023-04-01",
}


def _scan(path: Path, title: str, pages: int) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 26)
        canvas.drawString(72, A4[1] - 110, title)
        canvas.setFont("Helvetica", 13)
        for line in range(18):
            canvas.drawString(72, A4[1] - 160 - line * 22, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.")
        canvas.drawString(72, 60, f"page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return path


def _photo(path: Path) -> Path:
    image = Image.new("RGB", (900, 1200), (214, 226, 238))
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 220, 600, 560), fill=(232, 196, 170))
    draw.rectangle((220, 600, 680, 1200), fill=(60, 80, 120))
    image.save(path, "JPEG", quality=88)
    return path


def build(store: Store, files: Path, today: dt.date) -> int:
    """Create the sample cases; returns the id of the main one."""
    files.mkdir(parents=True, exist_ok=True)
    main = store.create_case(route="hsp-1b", procedure="change", title="Change to HSP (b)",
                             applicant={"name": "Alex Morgan", "nationality": "Canada", "birth_date": "1997-01-20",
                                        "passport_expiry": "2031-05-31", "residence_card_expiry": "2027-04-01"})
    store.update_case(main, target_filing_date=(today + dt.timedelta(days=20)).isoformat())
    store.set_points(main, PROFILE)
    documents = store.get_case(main).documents
    scans = [("Application form", 4), ("Photo", 0), ("Passport", 2), ("Residence card", 1),
             ("Employment contract", 3), ("Diploma", 1), ("Certificate of employment", 2)]
    for doc, (title, pages) in zip(documents, scans, strict=False):
        scan = _photo(files / "photo.jpg") if pages == 0 else _scan(files / f"{doc.code}.pdf", title, pages)
        store.attach(main, doc.code, scan)
        store.set_document(main, doc.code, status="ready", issued=(today - dt.timedelta(days=40)).isoformat())
    store.add_event(main, "landed", "2023-04-01")
    store.add_event(main, "stay_expires", "2027-04-01")
    store.add_event(main, "moved", (today - dt.timedelta(days=6)).isoformat())
    spouse = store.create_case(route="engineer-specialist", procedure="extension", title="Extension (Sam)",
                               applicant={"name": "Sam Morgan", "passport_expiry": (today + dt.timedelta(days=9))
                                          .isoformat()})
    store.add_event(spouse, "stay_expires", (today + dt.timedelta(days=75)).isoformat())
    store.add_event(spouse, "employer_changed", (today - dt.timedelta(days=20)).isoformat())
    return main
