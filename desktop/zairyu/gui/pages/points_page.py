"""The points page: a case's Highly Skilled Professional points profile, scored as the ISA form does.

Left, the profile as a form; right, live: the total against 70 (and 80), the salary-floor gate,
the warnings (a birthday that costs points before a plausible decision, items that do not apply),
the item-by-item breakdown with the evidence each claimed item needs in this case, the single
changes worth most, a what-if for salary and experience, and the permanent-residence timing from
the case's profile history. Every number comes from the points engine (``zairyu.domain.points``);
the page computes nothing itself. Saving the profile goes through the session, as one undoable
command.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.points import (
    PointsProfile,
    PointsResult,
    best_improvements,
    birthday_warnings,
    parse_profile,
    permanent_residence_timing,
    points_table,
    score,
    what_if,
)
from zairyu.domain.wording import in_language
from zairyu.errors import ZairyuError
from zairyu.gui.date_fields import date_edit
from zairyu.gui.error_text import error_text
from zairyu.gui.pages.base import Page, PageId, row_table
from zairyu.gui.points_form import MAX_SALARY_YEN, PointsForm
from zairyu.gui.points_models import (
    BreakdownColumn,
    BreakdownModel,
    ImprovementColumn,
    ImprovementsModel,
    evidence_by_item,
)
from zairyu.gui.print_jobs import start_export, start_print
from zairyu.gui.ui_language import prefers_japanese
from zairyu.reports.case_exports import export_points, points_for_case
from zairyu.store.models import CaseView

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

STYLE_SHEET = """
#pointsTotal { font-size: 15pt; font-weight: 600; }
#salaryGate { font-weight: 600; }
#profileError { color: #b3261e; font-weight: 600; }
"""
THRESHOLD_PR_ONE_YEAR = 80  # 永住許可に関するガイドライン: 80 points now and a year before → 1 year's residence



def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PointsPage(Page):
    page_id = PageId.POINTS
    # The user asked to see a document of the case (an evidence link): case id, document code.
    document_requested = Signal(int, str)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._case: CaseView | None = None
        self._profile: PointsProfile | None = None
        self._result: PointsResult | None = None
        self._jobs: list[Any] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        top = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("routeTitle")
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePoints")
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportPoints")
        self.export_button.clicked.connect(self._choose_export_file)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printPoints")
        self.print_button.clicked.connect(self.print_summary)
        for button in (self.save_button, self.export_button, self.print_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("countsLabel")
        layout.addWidget(self.case_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.form = PointsForm()
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(450)
        splitter.addWidget(scroll)

        results = QWidget(splitter)
        right = QVBoxLayout(results)
        right.setContentsMargins(12, 0, 0, 0)
        self.total_label = QLabel(results)
        self.total_label.setObjectName("pointsTotal")
        self.total_label.setWordWrap(True)
        self.gate_label = QLabel(results)
        self.gate_label.setObjectName("salaryGate")
        self.gate_label.setWordWrap(True)
        self.error_label = QLabel(results)
        self.error_label.setObjectName("profileError")
        self.error_label.setWordWrap(True)
        self.warnings_label = QLabel(results)
        self.warnings_label.setObjectName("pointsWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.total_label, self.gate_label, self.error_label, self.warnings_label):
            right.addWidget(label)

        self.breakdown_model = BreakdownModel(self)
        self.breakdown_view = row_table(results, "breakdownTable")
        self.breakdown_view.setModel(self.breakdown_model)
        for column, width in ((BreakdownColumn.ROW, 40), (BreakdownColumn.ITEM, 260),
                              (BreakdownColumn.POINTS, 56), (BreakdownColumn.NOTE, 240)):
            self.breakdown_view.setColumnWidth(column, width)
        self.breakdown_view.doubleClicked.connect(self._open_evidence)
        right.addWidget(self.breakdown_view, 3)

        lower = QHBoxLayout()
        self.improvements_box = QGroupBox(results)
        improvements = QVBoxLayout(self.improvements_box)
        self.improvements_model = ImprovementsModel(self)
        self.improvements_view = row_table(self.improvements_box, "improvementsTable")
        self.improvements_view.setModel(self.improvements_model)
        header = self.improvements_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ImprovementColumn.CHANGE, QHeaderView.ResizeMode.Stretch)
        for number in (ImprovementColumn.GAIN, ImprovementColumn.TOTAL):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        improvements.addWidget(self.improvements_view)
        lower.addWidget(self.improvements_box, 3)

        side = QVBoxLayout()
        self.what_if_box = QGroupBox(results)
        what_if_form = QFormLayout(self.what_if_box)
        self.what_if_salary = QSpinBox(self.what_if_box)
        self.what_if_salary.setObjectName("whatIfSalary")
        self.what_if_salary.setRange(0, MAX_SALARY_YEN)
        self.what_if_salary.setSingleStep(500_000)
        self.what_if_salary.setGroupSeparatorShown(True)
        self.what_if_salary.setPrefix("¥ ")
        self.what_if_experience = QDoubleSpinBox(self.what_if_box)
        self.what_if_experience.setObjectName("whatIfExperience")
        self.what_if_experience.setRange(0, 80)
        self.what_if_experience.setDecimals(1)
        self.what_if_salary_label = QLabel(self.what_if_box)
        self.what_if_experience_label = QLabel(self.what_if_box)
        what_if_form.addRow(self.what_if_salary_label, self.what_if_salary)
        what_if_form.addRow(self.what_if_experience_label, self.what_if_experience)
        self.what_if_result = QLabel(self.what_if_box)
        self.what_if_result.setObjectName("whatIfResult")
        self.what_if_result.setWordWrap(True)
        what_if_form.addRow(self.what_if_result)
        self.what_if_salary.valueChanged.connect(self._update_what_if)
        self.what_if_experience.valueChanged.connect(self._update_what_if)
        side.addWidget(self.what_if_box)

        self.pr_box = QGroupBox(results)
        pr_form = QFormLayout(self.pr_box)
        self.residence_since = date_edit(self.pr_box, "residenceSince")
        self.residence_label = QLabel(self.pr_box)
        pr_form.addRow(self.residence_label, self.residence_since)
        self.pr_button = QPushButton(self.pr_box)
        self.pr_button.setObjectName("checkPrTiming")
        self.pr_button.clicked.connect(self.check_pr_timing)
        pr_form.addRow(self.pr_button)
        self.pr_result = QLabel(self.pr_box)
        self.pr_result.setObjectName("prResult")
        self.pr_result.setWordWrap(True)
        pr_form.addRow(self.pr_result)
        side.addWidget(self.pr_box)
        lower.addLayout(side, 2)
        right.addLayout(lower, 1)
        splitter.addWidget(results)
        splitter.setSizes([470, 810])
        layout.addWidget(splitter, 1)

        self.setStyleSheet(STYLE_SHEET)
        self.form.changed.connect(self.recompute)
        session.case_changed.connect(self._case_changed)
        self.retranslate()
        self.set_case(session.current_case_id)

    # -- data in --------------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        try:
            self._case = self.session.get_case(case_id) if case_id is not None and self.session.available else None
        except ZairyuError:
            self._case = None  # deleted meanwhile
        self._show_case(self._case)

    def _case_changed(self, case_id: int) -> None:
        """The case was edited (here, by an undo, or on another page): read it again."""
        if self._case is not None and case_id == self._case.id:
            self.set_case(case_id)

    def _show_case(self, case: CaseView | None) -> None:
        self.form.setEnabled(case is not None)
        self.save_button.setEnabled(case is not None)
        self.pr_button.setEnabled(case is not None)
        self._update_case_label()
        if case is None:
            self.breakdown_model.set_result(None, {})
            self.improvements_model.set_improvements([])
            for label in (self.total_label, self.gate_label, self.error_label, self.warnings_label,
                          self.what_if_result, self.pr_result):
                label.clear()
            self._update_buttons()
            return
        planned = case.target_filing_date or dt.date.today() + dt.timedelta(days=30)
        landed = sorted(e["date"] for e in case.events if e.get("type") == "landed" and not e.get("person"))
        self.residence_since.setDate(_qdate(dt.date.fromisoformat(landed[0]) if landed else planned))
        self.pr_result.clear()
        self.form.load(case.points_profile, application_date=planned, birth_date=case.applicant.birth_date)

    def _update_case_label(self) -> None:
        case = self._case
        if case is None:
            self.case_label.setText(self.tr("Choose a case on the My case page to enter its points."))
            return
        title = case.title or self.tr("(untitled)")
        if case.points_profile is None:
            self.case_label.setText(self.tr("Case {id}: {title} — no points profile saved yet").format(
                id=case.id, title=title))
        else:
            self.case_label.setText(self.tr("Case {id}: {title} — profile saved {saved}").format(
                id=case.id, title=title, saved=case.points_history[-1].saved_at[:10]))

    # -- computing ------------------------------------------------------------------------------

    def current_profile(self) -> PointsProfile | None:
        return self._profile

    def result(self) -> PointsResult | None:
        return self._result

    def recompute(self) -> None:
        """Score the form as it stands (fast: the engine is pure Python over one table)."""
        if self._case is None:
            return
        try:
            profile = parse_profile(self.form.profile_data())
            result = score(profile)
        except ZairyuError as exc:
            self._profile = self._result = None
            self.error_label.setText(self.tr("Not scored yet: {problem}").format(problem=self._problem_text(exc)))
            self._point_at(exc.field)
            self.breakdown_model.set_result(None, {})
            self.improvements_model.set_improvements([])
            self.total_label.clear()
            self.gate_label.clear()
            self.warnings_label.clear()
            self._update_buttons()
            return
        self._point_at(None)
        self.error_label.clear()
        self._profile, self._result = profile, result
        evidence = evidence_by_item(self._case, self.session.catalog.get(self._case.route))
        self.breakdown_model.set_result(result, evidence)
        self.improvements_model.set_improvements(best_improvements(profile))
        self._show_total(result)
        self._show_warnings([*birthday_warnings(profile, dt.date.today()), *result.warnings])
        # The what-if starts from the profile as entered.
        for spin in (self.what_if_salary, self.what_if_experience):
            spin.blockSignals(True)
        self.what_if_salary.setValue(profile.annual_salary_yen)
        self.what_if_experience.setValue(profile.experience_years)
        for spin in (self.what_if_salary, self.what_if_experience):
            spin.blockSignals(False)
        self._update_what_if()
        self._update_buttons()

    def _show_warnings(self, warnings: list[str]) -> None:
        """The engine's warnings, in the interface language (the engine words each in both)."""
        if not warnings:
            self.warnings_label.clear()
            return
        japanese = prefers_japanese()
        self.warnings_label.setText("<b>" + escape(self.tr("Warnings")) + "</b><ul>" +
                                    "".join(f"<li>{escape(in_language(w, japanese=japanese))}</li>"
                                            for w in warnings) + "</ul>")

    def _problem_text(self, exc: ZairyuError) -> str:
        """What is wrong with the profile: in a Japanese window the form's label and the engine's
        Japanese wording, where the engine gives one; else its English sentence."""
        problem_ja = exc.details.get("problem_ja")
        if prefers_japanese() and problem_ja and exc.field:
            return f"{self.form.field_label(exc.field)}：{problem_ja}"
        return str(exc)

    def _point_at(self, field: str | None) -> None:
        name = (field or "").split("[", 1)[0].split(".", 1)[0]
        for key in ("category", "application_date", "birth_date", "education", "multiple_degrees",
                    "experience_years", "work_start_date", "annual_salary_yen", "position", "licenses",
                    "research", "bonuses"):
            widget = self.form.field_widget(key)
            if widget is not None:
                widget.setProperty("invalid", key == name)
                widget.setStyleSheet("[invalid=true] { border: 2px solid #c0392b; }" if key == name else "")

    def _show_total(self, result: PointsResult) -> None:
        if result.total >= THRESHOLD_PR_ONE_YEAR:
            verdict = self.tr("80 or more: also the 1-year basis for permanent residence")
        elif result.total >= result.threshold:
            verdict = self.tr("{threshold} or more: enough for Highly Skilled Professional status").format(
                threshold=result.threshold)
        else:
            verdict = self.tr("{short} short of {threshold}").format(short=result.threshold - result.total,
                                                                    threshold=result.threshold)
        self.total_label.setText(self.tr("Total {total} points — {verdict}").format(total=result.total,
                                                                                    verdict=verdict))
        if not result.salary_floor_met:
            self.gate_label.setText(self.tr(
                "✗ Salary below ¥{floor}: category {category} is ruled out whatever the points.").format(
                floor=f"{result.salary_floor_yen:,}", category=result.category.value))
        elif result.category in points_table().salary_floor_categories:
            self.gate_label.setText(self.tr("✓ Salary meets the ¥{floor} floor.").format(
                floor=f"{result.salary_floor_yen:,}"))
        else:
            self.gate_label.setText(self.tr("Category a has no minimum salary."))

    def _update_what_if(self) -> None:
        profile = self._profile
        if profile is None:
            self.what_if_result.clear()
            return
        try:
            now, changed = what_if(profile, annual_salary_yen=self.what_if_salary.value(),
                                   experience_years=self.what_if_experience.value())
        except ZairyuError as exc:
            self.what_if_result.setText(str(exc))
            return
        gain = changed.total - now.total
        self.what_if_result.setText(self.tr("Total {before} → {after} ({gain})").format(
            before=now.total, after=changed.total, gain=f"{gain:+d}"))

    def check_pr_timing(self) -> None:
        """When each points basis for permanent residence opens, from the saved history and the form."""
        if self._case is None or self._profile is None:
            return
        try:
            history = points_for_case(self._case).history if self._case.points_profile else []
        except ZairyuError:
            history = []
        by_date = {p.application_date: p for p in history}
        by_date[self._profile.application_date] = self._profile
        since = self.residence_since.date().toPython()
        assert isinstance(since, dt.date)
        timing = permanent_residence_timing([by_date[d] for d in sorted(by_date)], since)
        labels = {"80": self.tr("80 points, 1 year"), "70": self.tr("70 points, 3 years"),
                  "j-skip": self.tr("J-Skip, 1 year")}
        lines = []
        for route in timing.routes:
            when = (self.tr("from {date}").format(date=route.earliest_date.isoformat()) if route.earliest_date
                    else self.tr("not within 10 years with these profiles"))
            lines.append(f"{labels[route.basis]}: {when}")
        self.pr_result.setText("\n".join(lines))

    # -- saving, exporting, printing ------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        if self._case is None or self._profile is None:
            return False
        stored = self._case.points_profile
        if stored is None:
            return True
        try:
            return parse_profile(stored) != self._profile
        except ZairyuError:
            return True

    def _update_buttons(self) -> None:
        saved = self._case is not None and self._case.points_profile is not None and not self.has_unsaved_changes()
        self.save_button.setEnabled(self._profile is not None and self.has_unsaved_changes())
        self.export_button.setEnabled(saved)
        self.print_button.setEnabled(saved)
        tip = "" if saved else self.tr("Save the profile first: the summary shows the saved profile.")
        self.export_button.setToolTip(tip or self.tr("Save the points summary as a PDF."))
        self.print_button.setToolTip(tip or self.tr("Print the points summary (Ctrl+P)."))

    def save(self) -> None:
        if self._case is None or self._profile is None:
            return
        try:
            self.session.set_points(self._case.id, self._profile.model_dump(mode="json", exclude_none=True))
        except ZairyuError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.status_message.emit(self.tr("Points profile saved (Ctrl+Z undoes it)."))

    def _choose_export_file(self) -> None:
        if self._case is None:
            return
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export points summary"),
                                                    f"zairyu-points-case-{self._case.id}.pdf",
                                                    self.tr("PDF files (*.pdf)"))
        if name:
            self.export_summary(Path(name).with_suffix(".pdf"))

    def export_summary(self, output: Path) -> Any:
        case = self._case
        if case is None:
            return None
        return start_export(self, lambda control: export_points(case, output, control=control), output,
                            self.tr("Export points summary"))

    def print_summary(self) -> None:
        case = self._case
        if case is None or not self.print_button.isEnabled():
            return
        self._jobs.append(start_print(self, lambda out, control: export_points(case, out, control=control),
                                      f"points-case-{case.id}.pdf", self.tr("Print points summary")))

    def _open_evidence(self, index: QModelIndex) -> None:
        if self._case is None or not index.isValid():
            return
        evidence = self.breakdown_model.evidence(index.row())
        if evidence:
            self.document_requested.emit(self._case.id, evidence[0].code)

    # -- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Points"))
        self.save_button.setText(self.tr("&Save profile"))
        self.save_button.setToolTip(self.tr("Store this profile in the case (Ctrl+Z undoes it)."))
        self.export_button.setText(self.tr("Export summary PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.improvements_box.setTitle(self.tr("Changes worth most"))
        self.what_if_box.setTitle(self.tr("What if…"))
        self.what_if_salary_label.setText(self.tr("Annual salary"))
        self.what_if_salary.setToolTip(self.tr("Try another salary: the total beside it uses the points form."))
        self.what_if_experience_label.setText(self.tr("Years of experience"))
        self.what_if_experience.setToolTip(self.tr("Try more years of experience."))
        self.what_if_experience.setSuffix(self.tr(" years"))
        self.pr_box.setTitle(self.tr("Permanent residence"))
        self.residence_label.setText(self.tr("Living in Japan since"))
        self.residence_since.setToolTip(self.tr(
            "The start of your continuous residence in Japan (your landing, unless you left for long)."))
        self.pr_button.setText(self.tr("Check timing"))
        self.pr_button.setToolTip(self.tr("When each points basis for permanent residence opens, from your "
                                           "saved profiles and this one."))
        self.breakdown_model.retranslate()
        self.improvements_model.retranslate()
        self._update_case_label()
        if self._case is not None:
            self.recompute()
        else:
            self._update_buttons()
