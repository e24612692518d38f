"""The points profile as a form: one field per key of the profile, each with a one-sentence tooltip.

The form holds no profile of its own: ``profile_data()`` reads the fields into the JSON shape the
points engine parses (the same as ``zairyu points PROFILE.json``), and ``load()`` fills them from a
stored profile. Labels of the form's rows come from the points table in both languages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from zairyu.domain.points import Bonus, Category, Education, Research, designated_universities
from zairyu.domain.points.engine import BONUS_ORDER, RESEARCH_ITEMS
from zairyu.domain.points.table import LABELS
from zairyu.domain.points.universities import University
from zairyu.domain.points_items import FORM_NUMBER, PointsItem
from zairyu.gui.date_fields import date_edit
from zairyu.gui.ui_language import prefers_japanese

MAX_SALARY_YEN = 2_000_000_000


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def _set_iso(edit: QDateEdit, value: str | dt.date | None, fallback: dt.date) -> None:
    day = value if isinstance(value, dt.date) else None
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    day = day or fallback
    edit.setDate(QDate(day.year, day.month, day.day))


def item_label(item: PointsItem) -> str:
    """The form's wording of a row, in the interface language, with its evidence number (a check box
    text: "&" doubled, so "R&D" is not read as a keyboard shortcut)."""
    english, japanese = LABELS[item]
    label = japanese if prefers_japanese() else english
    return f"{FORM_NUMBER[item]} {label}".strip().replace("&", "&&")


def list_date() -> str:
    """The designated-university list's date in the interface language (the data says it in both:
    "As of January 2026 / 令和８年１月時点")."""
    label = designated_universities().data.as_of_label
    english, _slash, japanese = label.partition(" / ")
    return (japanese or label) if prefers_japanese() else english


def _both(item: PointsItem) -> str:
    english, japanese = LABELS[item]
    return f"{FORM_NUMBER[item]} {english}\n{japanese}"


def _clipped(check: QCheckBox) -> None:
    """A long row label is cut at the form's edge instead of widening it (the tooltip has it whole)."""
    check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    check.setMinimumWidth(120)


class PointsForm(QWidget):
    """Fields for every key of a points profile; ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointsForm")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.basics_box = QGroupBox(self)
        basics = QFormLayout(self.basics_box)
        self.category_combo = QComboBox(self.basics_box)
        self.category_combo.setObjectName("categoryCombo")
        for category in Category:
            self.category_combo.addItem("", category.value)
        self.application_date = date_edit(self.basics_box, "applicationDate")
        self.birth_date = date_edit(self.basics_box, "birthDate")
        self.education_combo = QComboBox(self.basics_box)
        self.education_combo.setObjectName("educationCombo")
        for education in Education:
            self.education_combo.addItem("", education.value)
        self.multiple_degrees = QCheckBox(self.basics_box)
        self.experience = QDoubleSpinBox(self.basics_box)
        self.experience.setObjectName("experienceYears")
        self.experience.setRange(0, 80)
        self.experience.setDecimals(1)
        self.experience.setSingleStep(0.5)
        self.work_start_known = QCheckBox(self.basics_box)
        self.work_start_date = date_edit(self.basics_box, "workStartDate")
        work_start = QHBoxLayout()
        work_start.addWidget(self.work_start_known)
        work_start.addWidget(self.work_start_date, 1)
        self.salary = QSpinBox(self.basics_box)
        self.salary.setObjectName("annualSalary")
        self.salary.setRange(0, MAX_SALARY_YEN)
        self.salary.setSingleStep(100_000)
        self.salary.setGroupSeparatorShown(True)
        self.salary.setPrefix("¥ ")
        self.position_combo = QComboBox(self.basics_box)
        self.position_combo.setObjectName("positionCombo")
        for value in (None, "representative", "director"):
            self.position_combo.addItem("", value)
        self.licenses = QSpinBox(self.basics_box)
        self.licenses.setObjectName("licenses")
        self.licenses.setRange(0, 100)
        self._labels: dict[str, QLabel] = {}
        for combo in (self.category_combo, self.education_combo, self.position_combo):
            # As wide as the form allows, never wider (long translations are cut, the tooltip explains).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for key, widget in (("category", self.category_combo), ("application_date", self.application_date),
                            ("birth_date", self.birth_date), ("education", self.education_combo),
                            ("multiple_degrees", self.multiple_degrees), ("experience_years", self.experience),
                            ("work_start_date", work_start), ("annual_salary_yen", self.salary),
                            ("position", self.position_combo), ("licenses", self.licenses)):
            label = QLabel(self.basics_box)
            self._labels[key] = label
            basics.addRow(label, widget)
        layout.addWidget(self.basics_box)

        self.research_box = QGroupBox(self)
        research = QVBoxLayout(self.research_box)
        self.research_checks: dict[Research, QCheckBox] = {}
        for kind in Research:
            check = QCheckBox(self.research_box)
            check.setObjectName(f"research_{kind.value}")
            _clipped(check)
            self.research_checks[kind] = check
            research.addWidget(check)
        layout.addWidget(self.research_box)

        self.bonus_box = QGroupBox(self)
        bonuses = QVBoxLayout(self.bonus_box)
        self.bonus_checks: dict[Bonus, QCheckBox] = {}
        for bonus in BONUS_ORDER:
            check = QCheckBox(self.bonus_box)
            check.setObjectName(f"bonus_{bonus.value}")
            _clipped(check)
            self.bonus_checks[bonus] = check
            bonuses.addWidget(check)
            if bonus is Bonus.DESIGNATED_UNIVERSITY:
                bonuses.addLayout(self._university_search())
        layout.addWidget(self.bonus_box)
        layout.addStretch(1)

        for signal in (self.category_combo.currentIndexChanged, self.education_combo.currentIndexChanged,
                       self.position_combo.currentIndexChanged, self.application_date.dateChanged,
                       self.birth_date.dateChanged, self.work_start_date.dateChanged,
                       self.experience.valueChanged, self.salary.valueChanged, self.licenses.valueChanged,
                       self.multiple_degrees.toggled, self.work_start_known.toggled,
                       *(c.toggled for c in self.research_checks.values()),
                       *(c.toggled for c in self.bonus_checks.values())):
            signal.connect(self.changed)
        self.work_start_known.toggled.connect(self.work_start_date.setEnabled)
        self.work_start_date.setEnabled(False)
        self.retranslate()

    def _university_search(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setContentsMargins(24, 0, 0, 6)
        self.university_edit = QLineEdit(self.bonus_box)
        self.university_edit.setObjectName("universitySearch")
        self.university_edit.setClearButtonEnabled(True)
        index = designated_universities()
        names = sorted({u.name_en for u in index.data.universities} | {u.name_ja for u in index.data.universities})
        completer = QCompleter(QStringListModel(names, self), self.university_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.university_edit.setCompleter(completer)
        self.university_edit.textChanged.connect(self._look_up_university)
        self.university_result = QLabel(self.bonus_box)
        self.university_result.setObjectName("universityResult")
        self.university_result.setWordWrap(True)
        box.addWidget(self.university_edit)
        box.addWidget(self.university_result)
        return box

    # -- language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.basics_box.setTitle(self.tr("Who you are and what you earn"))
        self.research_box.setTitle(self.tr("Research achievements (④–⑦)"))
        self.bonus_box.setTitle(self.tr("Special additions (⑨–㉑)"))
        texts = {
            "category": (self.tr("Category"), self.tr(
                "The kind of work: (a) research, (b) specialised or technical work, (c) business management.")),
            "application_date": (self.tr("Filing date"), self.tr(
                "The day you file: the form counts your age, experience and salary on this day.")),
            "birth_date": (self.tr("Date of birth"), self.tr(
                "Age points in categories a and b depend on your age on the filing date.")),
            "education": (self.tr("Highest degree"), self.tr(
                "Only your highest degree counts (row ①); an MBA or MOT scores 25 in b and c.")),
            "multiple_degrees": (self.tr("Two or more graduate degrees"), self.tr(
                "Doctor's, master's or professional degrees in two or more fields add 5 points.")),
            "experience_years": (self.tr("Years of experience"), self.tr(
                "Practical experience in the field of the work you will do, in years (row ②).")),
            "work_start_date": (self.tr("Current job since"), self.tr(
                "With the day your current job began, experience bands move on its anniversaries.")),
            "annual_salary_yen": (self.tr("Annual salary"), self.tr(
                "The salary your Japanese employer promises for a year (row ③); below ¥3,000,000 rules "
                "out categories b and c.")),
            "position": (self.tr("Position (category c)"), self.tr(
                "A representative director scores 10, another director 5 (row ⑳, category c only).")),
            "licenses": (self.tr("Japanese licences"), self.tr(
                "Japanese national licences or IT qualifications of the notice (row ⑧, category b only).")),
        }
        for key, (label, tip) in texts.items():
            self._labels[key].setText(label)
            self._labels[key].setToolTip(tip)
        self.category_combo.setToolTip(texts["category"][1])
        self.application_date.setToolTip(texts["application_date"][1])
        self.birth_date.setToolTip(texts["birth_date"][1])
        self.education_combo.setToolTip(texts["education"][1])
        self.multiple_degrees.setToolTip(texts["multiple_degrees"][1])
        self.experience.setToolTip(texts["experience_years"][1])
        self.work_start_date.setToolTip(texts["work_start_date"][1])
        self.work_start_known.setToolTip(texts["work_start_date"][1])
        self.salary.setToolTip(texts["annual_salary_yen"][1])
        self.position_combo.setToolTip(texts["position"][1])
        self.licenses.setToolTip(texts["licenses"][1])
        self.multiple_degrees.setText(self.tr("Yes, in different fields"))
        self.work_start_known.setText(self.tr("Known:"))
        self.experience.setSuffix(self.tr(" years"))
        for index, name in enumerate((self.tr("a — advanced academic research"),
                                      self.tr("b — advanced specialised or technical work"),
                                      self.tr("c — advanced business management"))):
            self.category_combo.setItemText(index, name)
        for index, name in enumerate((self.tr("Doctorate"), self.tr("MBA or MOT"), self.tr("Master's degree"),
                                      self.tr("Professional degree (専門職学位)"), self.tr("Bachelor's degree"),
                                      self.tr("None counted"))):
            self.education_combo.setItemText(index, name)
        for index, name in enumerate((self.tr("None"), self.tr("Representative director"), self.tr("Director"))):
            self.position_combo.setItemText(index, name)
        research_tips = {
            Research.PATENT: self.tr("You are the inventor of a patented invention (row ④)."),
            Research.GRANTS: self.tr("You worked three or more times on research funded by a foreign "
                                     "government (row ⑤)."),
            Research.PAPERS: self.tr("You are first or corresponding author of three or more papers in "
                                     "indexed journals (row ⑥)."),
            Research.OTHER: self.tr("Another research achievement the Minister of Justice recognises (row ⑦)."),
        }
        for kind, check in self.research_checks.items():
            check.setText(item_label(RESEARCH_ITEMS[kind]))
            check.setToolTip(f"{_both(RESEARCH_ITEMS[kind])}\n{research_tips[kind]}")
        for bonus, check in self.bonus_checks.items():
            check.setText(item_label(PointsItem(bonus.value)))
            check.setToolTip(_both(PointsItem(bonus.value)) + "\n" + self.tr(
                "Tick if this applies to you; the evidence it needs is listed once you claim it."))
        as_of = list_date()
        self.university_edit.setPlaceholderText(self.tr("Search the designated-university list…"))
        self.university_edit.setToolTip(self.tr(
            "Checks a university against the ISA list of designated universities ({as_of}).").format(as_of=as_of))
        self._look_up_university(self.university_edit.text())

    def _look_up_university(self, text: str) -> None:
        as_of = list_date()
        query = text.strip()
        if not query:
            self.university_result.setText(self.tr("ISA list {as_of}").format(as_of=as_of))
            return
        result = designated_universities().lookup(query)
        japanese = prefers_japanese()

        def label(university: University) -> str:
            return university.label_ja() if japanese else university.label()

        if result.found:
            self.university_result.setText(self.tr("✓ {university} is on the list ({as_of}).").format(
                university=label(result.matches[0]), as_of=as_of))
        elif result.matches:
            self.university_result.setText(self.tr("Several universities match: {names}.").format(
                names="; ".join(label(u) for u in result.matches[:5])))
        else:
            text = self.tr("Not on the list ({as_of}).").format(as_of=as_of)
            if result.suggestions:
                text += " " + self.tr("Did you mean: {names}?").format(
                    names="; ".join(u.name_ja if japanese else u.name_en for u in result.suggestions))
            text += " " + self.tr("The MEXT and MOFA lists (⑰-Ⅱ, ⑰-Ⅲ) are separate.")
            self.university_result.setText(text)

    # -- data -----------------------------------------------------------------------------------

    def profile_data(self) -> dict[str, Any]:
        """The fields as a points profile (the JSON shape ``parse_profile`` reads)."""
        data: dict[str, Any] = {
            "category": self.category_combo.currentData(),
            "application_date": _iso(self.application_date),
            "birth_date": _iso(self.birth_date),
            "education": self.education_combo.currentData(),
            "multiple_degrees": self.multiple_degrees.isChecked(),
            "experience_years": self.experience.value(),
            "annual_salary_yen": self.salary.value(),
            "research": [kind.value for kind, check in self.research_checks.items() if check.isChecked()],
            "licenses": self.licenses.value(),
            "bonuses": [bonus.value for bonus, check in self.bonus_checks.items() if check.isChecked()],
        }
        if self.position_combo.currentData():
            data["position"] = self.position_combo.currentData()
        if self.work_start_known.isChecked():
            data["work_start_date"] = _iso(self.work_start_date)
        return data

    def load(self, profile: dict[str, Any] | None, *, application_date: dt.date,
             birth_date: dt.date | None) -> None:
        """Fill the fields from ``profile``, or from plain defaults and the case's dates without one."""
        profile = profile or {}
        blockers = [w.blockSignals(True) for w in self._inputs()]
        try:
            self.category_combo.setCurrentIndex(max(self.category_combo.findData(profile.get("category", "b")), 0))
            _set_iso(self.application_date, profile.get("application_date"), application_date)
            _set_iso(self.birth_date, profile.get("birth_date") or birth_date, dt.date(1990, 1, 1))
            self.education_combo.setCurrentIndex(
                max(self.education_combo.findData(profile.get("education", "bachelor")), 0))
            self.multiple_degrees.setChecked(bool(profile.get("multiple_degrees", False)))
            self.experience.setValue(float(profile.get("experience_years", 0)))
            self.work_start_known.setChecked(bool(profile.get("work_start_date")))
            self.work_start_date.setEnabled(bool(profile.get("work_start_date")))
            _set_iso(self.work_start_date, profile.get("work_start_date"), application_date)
            self.salary.setValue(min(int(profile.get("annual_salary_yen", 0)), MAX_SALARY_YEN))
            self.position_combo.setCurrentIndex(max(self.position_combo.findData(profile.get("position")), 0))
            self.licenses.setValue(int(profile.get("licenses", 0)))
            for kind, check in self.research_checks.items():
                check.setChecked(kind.value in profile.get("research", []))
            for bonus, check in self.bonus_checks.items():
                check.setChecked(bonus.value in profile.get("bonuses", []))
        finally:
            for widget, blocked in zip(self._inputs(), blockers, strict=True):
                widget.blockSignals(blocked)
        self.changed.emit()

    def _inputs(self) -> list[QWidget]:
        return [self.category_combo, self.application_date, self.birth_date, self.education_combo,
                self.multiple_degrees, self.experience, self.work_start_known, self.work_start_date, self.salary,
                self.position_combo, self.licenses, *self.research_checks.values(), *self.bonus_checks.values()]

    def field_label(self, field: str) -> str:
        """The form's label of a profile key, as shown (the key itself where the form has no label)."""
        label = self._labels.get(field)
        return label.text() if label is not None else field

    def field_widget(self, field: str) -> QWidget | None:
        """The input of a profile key (to point at it when the engine refuses its value)."""
        return {"category": self.category_combo, "application_date": self.application_date,
                "birth_date": self.birth_date, "education": self.education_combo,
                "multiple_degrees": self.multiple_degrees, "experience_years": self.experience,
                "work_start_date": self.work_start_date, "annual_salary_yen": self.salary,
                "position": self.position_combo, "licenses": self.licenses, "research": self.research_box,
                "bonuses": self.bonus_box}.get(field)
