"""The database schema as a list of forward migrations, numbered by ``PRAGMA user_version``.

Migration N takes a database at version N-1 to version N. A new install runs them all; an old
file runs the ones it lacks, in one transaction, after an automatic backup (backups.py). Never
edit a migration that has shipped: add a new one (tests/store/data holds a real version-1 file).

Values the user picks from a fixed list are CHECKed here too, so no code path can store a status
the app cannot show.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

DOCUMENT_STATUSES = ("needed", "requested", "received", "translating", "ready", "submitted", "not_applicable")
TRANSLATION_STATUSES = ("not_needed", "needed", "in_progress", "done", "certified")
APPLICANT_RELATIONS = ("main", "spouse", "child", "other")
MEDIA_TYPES = ("application/pdf", "image/jpeg", "image/png")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


# Version 1: the first schema (kept verbatim; tests/store/make_v1_fixture.py builds the stored file).
V1_STATEMENTS = (
    """CREATE TABLE applicants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        nationality TEXT NOT NULL DEFAULT '',
        birth_date TEXT,
        passport_number TEXT NOT NULL DEFAULT '',
        passport_expiry TEXT,
        residence_card_number TEXT NOT NULL DEFAULT '',
        residence_card_expiry TEXT
    )""",
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        applicant_id INTEGER NOT NULL REFERENCES applicants(id),
        route TEXT NOT NULL,
        procedure TEXT NOT NULL,
        employer_category INTEGER CHECK (employer_category BETWEEN 1 AND 4),
        title TEXT NOT NULL DEFAULT '',
        target_filing_date TEXT,
        notes TEXT NOT NULL DEFAULT '',
        points_profile TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    f"""CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_ja TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL DEFAULT 'route' CHECK (origin IN ('route', 'user')),
        required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'needed' CHECK (status IN {_in(DOCUMENT_STATUSES)}),
        translation TEXT NOT NULL DEFAULT 'not_needed' CHECK (translation IN {_in(TRANSLATION_STATUSES)}),
        issued TEXT,
        notes TEXT NOT NULL DEFAULT '',
        UNIQUE (case_id, code)
    )""",
    f"""CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        media_type TEXT NOT NULL CHECK (media_type IN {_in(MEDIA_TYPES)}),
        pages INTEGER NOT NULL CHECK (pages >= 1),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        encrypted_owner_only INTEGER NOT NULL DEFAULT 0 CHECK (encrypted_owner_only IN (0, 1))
    )""",
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        original_name TEXT NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (document_id, sha256)
    )""",
    "CREATE INDEX documents_by_case ON documents(case_id, position)",
    "CREATE INDEX attachments_by_document ON attachments(document_id)",
)

# Version 2: families (spouse, children linked to the main applicant), document expiry and copies,
# the points profile's dated history (instead of one column), and the dated events of a case.
V2_STATEMENTS = (
    f"ALTER TABLE applicants ADD COLUMN relation TEXT NOT NULL DEFAULT 'main' "
    f"CHECK (relation IN {_in(APPLICANT_RELATIONS)})",
    "ALTER TABLE applicants ADD COLUMN main_applicant_id INTEGER REFERENCES applicants(id) ON DELETE CASCADE",
    "ALTER TABLE documents ADD COLUMN expiry TEXT",
    "ALTER TABLE documents ADD COLUMN copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 0 AND 99)",
    """CREATE TABLE points_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        saved_at TEXT NOT NULL,
        profile TEXT NOT NULL CHECK (json_valid(profile))
    )""",
    # Carry the one v1 profile over as the first version of its history.
    """INSERT INTO points_history (case_id, saved_at, profile)
        SELECT id, updated_at, points_profile FROM cases
        WHERE points_profile IS NOT NULL AND json_valid(points_profile)""",
    "ALTER TABLE cases DROP COLUMN points_profile",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        extra TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX points_history_by_case ON points_history(case_id, id)",
    "CREATE INDEX events_by_case ON events(case_id, date)",
    "CREATE INDEX applicants_by_main ON applicants(main_applicant_id)",
)


# Version 3: households. A dependant's case links to the case of the principal it depends on (the
# link clears when the principal's case is deleted); the pay a person earns or will earn (the
# household income of the HSP family routes); a pregnancy's expected date of birth.
V3_STATEMENTS = (
    "ALTER TABLE cases ADD COLUMN principal_case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL",
    "ALTER TABLE cases ADD COLUMN annual_pay_yen INTEGER CHECK (annual_pay_yen >= 0)",
    "ALTER TABLE cases ADD COLUMN expected_birth TEXT",
    "CREATE INDEX cases_by_principal ON cases(principal_case_id)",
)


# Version 4: whether the user has answered the translation question of a document that needs a
# translation only when it is not in Japanese (translation_rule "if_not_japanese"): until then the
# app asks once. A translation already under way or done counts as answered.
V4_STATEMENTS = (
    "ALTER TABLE documents ADD COLUMN translation_answered INTEGER NOT NULL DEFAULT 0"
    " CHECK (translation_answered IN (0, 1))",
    "UPDATE documents SET translation_answered = 1 WHERE translation NOT IN ('needed', 'not_needed')",
)


# Version 5: who translates a document (the editor asks for the translation status and translator).
V5_STATEMENTS = (
    "ALTER TABLE documents ADD COLUMN translator TEXT NOT NULL DEFAULT ''",
)


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[sqlite3.Connection], None]


def _statements(statements: tuple[str, ...]) -> Callable[[sqlite3.Connection], None]:
    # Executed one by one inside the caller's transaction (executescript would COMMIT first).
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "first schema", _statements(V1_STATEMENTS)),
    Migration(2, "families, document expiry and copies, points history, events", _statements(V2_STATEMENTS)),
    Migration(3, "households: the principal's case, pay, expected birth", _statements(V3_STATEMENTS)),
    Migration(4, "the translation question of documents that may be in Japanese", _statements(V4_STATEMENTS)),
    Migration(5, "the translator of a document", _statements(V5_STATEMENTS)),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
