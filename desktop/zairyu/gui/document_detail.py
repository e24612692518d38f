"""The detail pane: everything the route file says about one document, with its source."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QFrame, QTextBrowser

from zairyu.domain.checklist import ChecklistItem
from zairyu.domain.routes import FRESHNESS_RULES, ISSUER_LABELS, Submission
from zairyu.gui.ui_language import prefers_japanese


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
            (self.tr("Issued by"), f"{escape(issuer_en)} <span style='color:#808080'>"
                                   f"{escape(issuer_ja)}</span>"),
            (self.tr("Submit"), escape(submit)),
            (self.tr("Translation"), escape(
                self.tr("Usually in a foreign language: attach a Japanese translation.")
                if doc.foreign_language else self.tr("Not usually needed."))),
        ]
        if doc.freshness is not None:
            _months, english, japanese, source = FRESHNESS_RULES[doc.freshness]
            rows.append((self.tr("Freshness"),
                         f"{escape(english)} ({escape(japanese)}) — {_link(source)}"))
        if doc.form_number:
            rows.append((self.tr("Points form row"), escape(doc.form_number)))
        if doc.when.note_en or doc.when.note_ja:
            rows.append((self.tr("Applies when"), "<br>".join(
                escape(t) for t in (doc.when.note_en, doc.when.note_ja) if t)))
        if doc.notes_en or doc.notes_ja:
            rows.append((self.tr("Notes"), "<br>".join(escape(t) for t in (doc.notes_en, doc.notes_ja) if t)))
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
                f"margin-bottom:8px'><tr><td><b>{label}</b> — {escape(doc.unverified)}</td></tr></table>")
        if item.conditional_en:
            label = escape(self.tr("Only if"))
            parts.append(
                "<table width='100%' cellpadding='6' style='background:#e8f0fb; color:#0b3d75; "
                f"margin-bottom:8px'><tr><td><b>{label}:</b> {escape(item.conditional_en)}</td></tr></table>")
        parts.append("<table cellspacing='0' cellpadding='3'>")
        for label, value in rows:
            parts.append(f"<tr><td style='color:#808080; padding-right:14px' valign='top'>"
                         f"{escape(label)}</td><td valign='top'>{value}</td></tr>")
        parts.append("</table>")
        return "".join(parts)
