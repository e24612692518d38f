"""The custom item-data roles of every model in the GUI, in one place so no two collide (a
delegate reading one model's role from another model must get None, not a foreign object)."""

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

# The domain or store object behind a row.
ItemRole = _BASE + 1  # ChecklistItem (checklist table)
RouteRole = _BASE + 2  # RouteSpec (route list)
CaseRole = _BASE + 3  # CaseSummary (cases table)
DocumentRole = _BASE + 4  # CaseDocument (a case's documents)
# Presentation.
BadgeRole = _BASE + 10  # list[(kind, text)] of pills for BadgeDelegate
JapaneseNameRole = _BASE + 11  # str (route list, second line)
ProceduresRole = _BASE + 12  # str (route list, third line)
RouteIdRole = _BASE + 13  # str
SortRole = _BASE + 14  # a value that sorts the column in its own order (dates, statuses)
FreshnessRole = _BASE + 15  # case_documents_model.FreshnessState | None
CaseIdRole = _BASE + 16  # int (the case tree: a case row)
ApplicantIdRole = _BASE + 17  # int (the case tree: an applicant row)
AttachmentRole = _BASE + 18  # store Attachment (a document's files)
