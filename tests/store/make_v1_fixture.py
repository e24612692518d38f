"""Build tests/store/data/v1/: a real version-1 data folder (database + vault), as Zairyu 0.1 wrote it.

Run once and commit the result; the migration tests open a copy of it. Re-running rewrites it from
the frozen version-1 statements in zairyu.store.schema (V1_STATEMENTS), never from the current schema.

    .venv/bin/python tests/store/make_v1_fixture.py
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "desktop"))

from PIL import Image  # noqa: E402

from zairyu.store.schema import V1_STATEMENTS  # noqa: E402

TARGET = HERE / "data" / "v1"

# A points profile, as a v1 case stored it (one column, no history).
PROFILE = {"category": "b", "application_date": "2026-04-01", "birth_date": "1994-05-10",
           "education": "master", "experience_years": 5, "annual_salary_yen": 8_000_000,
           "bonuses": ["japanese_n1"]}


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "vault").mkdir(exist_ok=True)
    db = TARGET / "zairyu.sqlite3"
    for leftover in (db, TARGET / "zairyu.sqlite3-wal", TARGET / "zairyu.sqlite3-shm"):
        leftover.unlink(missing_ok=True)

    buffer = io.BytesIO()
    Image.new("RGB", (120, 160), (200, 210, 220)).save(buffer, "PNG")
    png = buffer.getvalue()
    sha = hashlib.sha256(png).hexdigest()
    for old in (TARGET / "vault").iterdir():
        old.unlink()
    (TARGET / "vault" / f"{sha}.png").write_bytes(png)

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file in git
    conn.execute("BEGIN")
    for statement in V1_STATEMENTS:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO applicants (id, name, nationality, birth_date, passport_number, passport_expiry)"
                 " VALUES (1, 'Maria Silva', 'Brazil', '1994-05-10', 'FZ123456', '2030-01-31')")
    stamp = "2026-03-01T09:00:00+00:00"
    conn.execute("INSERT INTO cases (id, applicant_id, route, procedure, employer_category, title,"
                 " target_filing_date, notes, points_profile, created_at, updated_at)"
                 " VALUES (1, 1, 'engineer-specialist', 'change', 3, 'Change to engineer', '2026-04-01',"
                 " 'Ask HR for the contract', ?, ?, ?)", (json.dumps(PROFILE), stamp, stamp))
    conn.execute("INSERT INTO documents (id, case_id, code, name_en, name_ja, position, status, translation,"
                 " issued, notes) VALUES (1, 1, 'photo', 'Photograph', '写真', 0, 'received', 'not_needed',"
                 " '2026-02-20', '')")
    # A document the route data of that time listed and today's does not: user data must survive.
    conn.execute("INSERT INTO documents (id, case_id, code, name_en, name_ja, position, status, translation,"
                 " notes) VALUES (2, 1, 'v1-retired-document', 'A document of the old list', '旧書類', 1,"
                 " 'requested', 'in_progress', 'Asked the university on 1 March')")
    conn.execute("INSERT INTO documents (id, case_id, code, name_en, name_ja, position, origin, status)"
                 " VALUES (3, 1, 'cover-letter', 'Cover letter', '', 2, 'user', 'ready')")
    conn.execute("INSERT INTO blobs (sha256, media_type, pages, size_bytes) VALUES (?, 'image/png', 1, ?)",
                 (sha, len(png)))
    conn.execute("INSERT INTO attachments (document_id, sha256, original_name, added_at)"
                 " VALUES (1, ?, 'photo-scan.png', ?)", (sha, stamp))
    conn.execute("COMMIT")
    conn.close()
    os.chmod(db, 0o600)
    print(f"wrote {db} and {sha}.png")


if __name__ == "__main__":
    main()
