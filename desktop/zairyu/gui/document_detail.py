"""The detail pane: everything the route file says about one document, with its source."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QTextBrowser

from zairyu.domain.checklist import ChecklistItem
from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, DocumentSpec, Submission
from zairyu.gui.ui_language import prefers_japanese


def unverified_reason(doc: DocumentSpec, japanese: bool) -> str:
    """Why an entry is unverified: the data's English reason, or, in a Japanese interface (the
    data has no Japanese reason), that no official source confirmed it."""
    if not japanese:
        return doc.unverified or ""
    return QCoreApplication.translate("DocumentDetailView", "no official source confirmed this entry")


def _link(url: str) -> str:
    return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'


class DocumentDetailView(QTextBrowser):
    def __init__(self, parent: Any = None, *, japanese: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentDetail")
        # A Japanese interface leads with the Japanese name.
        self._japanese = prefers_japanese() if japanese is None else japanese
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Links open in the user's browser: a click, never a request made by the app itself.
        self.setOpenExternalLinks(True)
        self._tier_labels = {
            "official": self.tr("official (Immigration Services Agency)"),
            "official-copy": self.tr("official text, as reproduced"),
            "law-mirror": self.tr("law text (mirror)"),
            "institutional": self.tr("institutional"),
            "secondary": self.tr("secondary (practitioner's summary)"),
        }
        self.show_item(None)

    def show_item(self, item: ChecklistItem | None) -> None:
        self.setHtml(self.html_for(item))

    def html_for(self, item: ChecklistItem | None) -> str:
        if item is None:
            hint = escape(self.tr("Select a document to see what it is, who issues it and where the rule "
                                  "comes from."))
            return f'<p style="color:#808080; margin:12px">{hint}</p>'
        doc = item.document
        submit = {
            Submission.ORIGINAL: self.tr("the original"),
            Submission.COPY: self.tr("a copy"),
            Submission.SHOW: self.tr("show it at the counter; it is not handed in"),
        }[doc.submit]
        if doc.copies > 1:
            submit += " " + self.tr("({copies} copies)").format(copies=doc.copies)
        issuer_en, issuer_ja = ISSUER_LABELS[doc.issuer]

        rows: list[tuple[str, str]] = [
            (self.tr("Issued by"), escape(issuer_ja) if self._japanese else
             f"{escape(issuer_en)} <span style='color:#808080'>{escape(issuer_ja)}</span>"),
            (self.tr("Submit"), escape(submit)),
            (self.tr("Translation"), escape(
                self.tr("Usually in a foreign language: attach a Japanese translation.")
                if doc.foreign_language else self.tr("Not usually needed."))),
        ]
        if doc.freshness is not None:
            _months, english, japanese, source = FRESHNESS_RULES[doc.freshness]
            rule = escape(japanese) if self._japanese else f"{escape(english)} ({escape(japanese)})"
            rows.append((self.tr("Freshness"), f"{rule} — {_link(source)}"))
        if doc.form_number:
            rows.append((self.tr("Points form row"), escape(doc.form_number)))
        # A Japanese interface shows the data's Japanese fields only (the English ones are not
        # translations a reader of Japanese needs).
        conditions = (doc.when.note_ja,) if self._japanese else (doc.when.note_en, doc.when.note_ja)
        notes = (doc.notes_ja,) if self._japanese else (doc.notes_en, doc.notes_ja)
        if any(conditions):
            rows.append((self.tr("Applies when"), "<br>".join(escape(t) for t in conditions if t)))
        if any(notes):
            rows.append((self.tr("Notes"), "<br>".join(escape(t) for t in notes if t)))
        tier = self._tier_labels.get(doc.source_tier, doc.source_tier)
        rows.append((self.tr("Source"), f"{_link(doc.source)}<br><span style='color:#808080'>"
                                        f"{escape(tier)}</span>"))

        first, second = (doc.name_ja, doc.name_en) if self._japanese else (doc.name_en, doc.name_ja)
        parts = [
            f"<h2 style='margin:0'>{escape(first)}</h2>",
            f"<p style='font-size:large; margin:2px 0 0 0'>{escape(second)}</p>",
            f"<p style='color:#808080; margin:2px 0 8px 0'><code>{escape(doc.code)}</code></p>",
        ]
        if doc.unverified:
            label = escape(self.tr("UNVERIFIED"))
            parts.append(
                "<table width='100%' cellpadding='6' style='background:#fff3cd; color:#3d2c00; "
                f"margin-bottom:8px'><tr><td><b>{label}</b> — {escape(unverified_reason(doc, self._japanese))}"
                "</td></tr></table>")
        if item.conditional_en:
            label = escape(self.tr("Only if"))
            # The reason is worded in English by the checklist; a Japanese interface shows the
            # data's Japanese condition, or says that it depends on the answers above.
            condition = item.conditional_en if not self._japanese else (
                doc.when.note_ja or self.tr("it depends on your answers above"))
            parts.append(
                "<table width='100%' cellpadding='6' style='background:#e8f0fb; color:#0b3d75; "
                f"margin-bottom:8px'><tr><td><b>{label}:</b> {escape(condition)}</td></tr></table>")
        parts.append("<table cellspacing='0' cellpadding='3'>")
        for label, value in rows:
            parts.append(f"<tr><td style='color:#808080; padding-right:14px' valign='top'>"
                         f"{escape(label)}</td><td valign='top'>{value}</td></tr>")
        parts.append("</table>")
        return "".join(parts)
