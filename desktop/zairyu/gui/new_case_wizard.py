"""The new-case assistant (Ctrl+N): a few plain questions, a proposed route and procedure with what
they require, the checklist's own conditions, and the applicant; then the case is created with
only the documents that apply (the others marked not applicable, so nothing is lost).

Who knows their route skips the questions ("choose route and procedure"). The proposal comes
from ``domain.route_advice``; the documents and their conditions from the route data, in the
interface's language.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from zairyu.domain.checklist import required_documents
from zairyu.domain.points.table import LABELS as POINTS_LABELS
from zairyu.domain.points_items import PointsItem
from zairyu.domain.route_advice import Aim, Answer, CurrentStatus, Location, Proposal, Reason, Situation, Work, propose
from zairyu.domain.routes import DocumentSpec, RouteSpec
from zairyu.errors import ZairyuError
from zairyu.gui.error_text import error_text
from zairyu.gui.ui_language import prefers_japanese

if TYPE_CHECKING:
    from zairyu.gui.case_session import CaseSession

START, SITUATION, WORK, ROUTE, EMPLOYER, CONDITIONS, APPLICANT = range(7)
NO_DATE = QDate(1900, 1, 1)
# Points items nearly every claim rests on: ticked to start with.
USUAL_ITEMS = (PointsItem.EDUCATION, PointsItem.EXPERIENCE, PointsItem.SALARY, PointsItem.AGE)


def _radio_group(page: QWizardPage, layout: QVBoxLayout, options: list[tuple[Any, str]],
                 name: str) -> QButtonGroup:
    group = QButtonGroup(page)
    for number, (value, text) in enumerate(options):
        button = QRadioButton(text, page)
        button.setObjectName(f"{name}_{value}")
        button.setProperty("value", value)
        group.addButton(button, number)
        layout.addWidget(button)
    group.button(0).setChecked(True)
    return group


def _value(group: QButtonGroup) -> Any:
    button = group.checkedButton()
    return button.property("value") if button is not None else None


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class NewCaseWizard(QWizard):
    def __init__(self, session: CaseSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseWizard")
        self.session = session
        self.catalog = session.catalog
        self._japanese = prefers_japanese()
        self.created_case_id: int | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(720, 560)
        self._reason_texts = {
            Reason.PERMANENT: self.tr("You live in Japan and want permanent residence: the points route to it."),
            Reason.HSP_2: self.tr("Highly Skilled Professional (ii) is a change from (i), after 3 years in it "
                                  "(1 for J-Skip)."),
            Reason.J_FIND: self.tr("J-Find is for graduates of a top-ranked university within 5 years of the "
                                   "degree who look for work or prepare a business in Japan."),
            Reason.J_SKIP: self.tr("Your income and degree or experience meet J-Skip: Highly Skilled Professional "
                                   "treatment without the points."),
            Reason.HSP_POINTS: self.tr("With 70 points or more, the Highly Skilled Professional (i) status for "
                                       "your work gives a 5-year stay and other advantages."),
            Reason.CHECK_HSP_1B: self.tr("If you reach 70 points, Highly Skilled Professional (i)(b) is worth a "
                                         "look; the points page can tell."),
            Reason.ENGINEER: self.tr("Professional work for a company based on your degree or experience is "
                                     "Engineer/Specialist in Humanities/International Services."),
            Reason.CHECK_POINTS: self.tr("Research and business management are covered through Highly Skilled "
                                         "Professional (i): check on the points page that you reach 70 points."),
            Reason.NOT_COVERED: self.tr("Under 70 points, research at a university is the Professor or Researcher "
                                        "status and running a business the Business Manager status, which Zairyu "
                                        "does not cover: choose a route yourself or ask the immigration office."),
            Reason.COE: self.tr("From abroad you apply, through the employer or another person in Japan, for a "
                                "certificate of eligibility."),
            Reason.EXTENSION: self.tr("You already hold this status: extend your period of stay."),
            Reason.CHANGE: self.tr("You live in Japan under another status: apply to change it."),
            Reason.PROCEDURE_MISSING: self.tr("Zairyu's data for this route does not cover that procedure; choose "
                                              "one of the route's procedures yourself."),
        }
        self.start_page = _StartPage(self)
        self.situation_page = _SituationPage(self)
        self.work_page = _WorkPage(self)
        self.route_page = _RoutePage(self)
        self.employer_page = _EmployerPage(self)
        self.conditions_page = _ConditionsPage(self)
        self.applicant_page = _ApplicantPage(self)
        for number, page in ((START, self.start_page), (SITUATION, self.situation_page), (WORK, self.work_page),
                             (ROUTE, self.route_page), (EMPLOYER, self.employer_page),
                             (CONDITIONS, self.conditions_page), (APPLICANT, self.applicant_page)):
            self.setPage(number, page)
        self.setStartId(START)

    # -- what the pages share ------------------------------------------------------------------

    def name_of(self, spec: RouteSpec | DocumentSpec | Any) -> str:
        return spec.name_ja if self._japanese else spec.name_en

    def reason_text(self, reason: Reason) -> str:
        return self._reason_texts[reason]

    def situation(self) -> Situation:
        in_japan = _value(self.situation_page.location) == Location.IN_JAPAN.value
        return Situation(
            location=Location.IN_JAPAN if in_japan else Location.ABROAD,
            work=Work(_value(self.work_page.work)),
            current_status=CurrentStatus(self.situation_page.status_combo.currentData()) if in_japan else None,
            aim=Aim(self.situation_page.aim_combo.currentData()) if in_japan else Aim.WORK,
            points_70=Answer(_value(self.work_page.points)),
            j_skip_income=Answer(_value(self.work_page.j_skip)),
        )

    def proposal(self) -> Proposal:
        return propose(self.situation(), self.catalog)

    def asks_questions(self) -> bool:
        return bool(_value(self.start_page.path) == "questions")

    def route(self) -> RouteSpec | None:
        route_id = self.route_page.route_combo.currentData()
        return self.catalog.get(route_id) if route_id else None

    def procedure(self) -> str | None:
        value = self.route_page.procedure_combo.currentData()
        return str(value) if value else None

    def employer_category(self) -> int | None:
        route = self.route()
        if route is None or not route.uses_employer_category:
            return None
        value = _value(self.employer_page.category)
        return int(value) if value else None

    # -- the end ---------------------------------------------------------------------------------

    def accept(self) -> None:
        route, procedure = self.route(), self.procedure()
        if route is None or procedure is None:
            return
        page = self.applicant_page
        arguments: dict[str, Any] = {
            "route": route.id.value, "procedure": procedure, "employer_category": self.employer_category(),
            "title": page.title_edit.text().strip(), "target_filing_date": _date(page.filing_edit.date()),
            "not_applicable": self.conditions_page.not_applicable_codes(),
        }
        applicant_id = page.person_combo.currentData()
        if applicant_id:
            arguments["applicant_id"] = applicant_id
        else:
            arguments["applicant"] = {"name": page.name_edit.text(), "nationality": page.nationality_edit.text(),
                                      "birth_date": _date(page.birth_edit.date())}
        try:
            self.created_case_id = self.session.create_case(**arguments)
        except ZairyuError as exc:
            page.error_label.setText(error_text(exc))
            return
        super().accept()


def _date(value: QDate) -> dt.date | None:
    return None if value == NO_DATE or not value.isValid() else dt.date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMinimumDate(NO_DATE)
    editor.setSpecialValueText(" ")
    editor.setDate(NO_DATE)
    return editor


class _Page(QWizardPage):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.box = QVBoxLayout(self)


class _StartPage(_Page):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("A new case"))
        self.setSubTitle(self.tr("A case follows one application. Zairyu proposes the route from a few questions, "
                                 "or you choose it yourself."))
        self.path = _radio_group(self, self.box, [
            ("questions", self.tr("Help me find my route: answer a few questions")),
            ("choose", self.tr("I know my route and procedure: choose them")),
        ], "path")
        self.box.addStretch(1)

    def nextId(self) -> int:
        return SITUATION if self.wizard_.asks_questions() else ROUTE


class _SituationPage(_Page):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Where are you now?"))
        self.location = _radio_group(self, self.box, [
            (Location.ABROAD.value, self.tr("Outside Japan: I will come to Japan")),
            (Location.IN_JAPAN.value, self.tr("In Japan, with a residence status")),
        ], "location")
        form = QFormLayout()
        self.status_combo = QComboBox(self)
        for status, text in ((CurrentStatus.ENGINEER_SPECIALIST,
                              self.tr("Engineer/Specialist in Humanities/International Services")),
                             (CurrentStatus.HSP_1, self.tr("Highly Skilled Professional (i)")),
                             (CurrentStatus.J_FIND, self.tr("J-Find (Designated Activities)")),
                             (CurrentStatus.J_SKIP, self.tr("J-Skip (Highly Skilled Professional)")),
                             (CurrentStatus.STUDENT, self.tr("Student")),
                             (CurrentStatus.OTHER, self.tr("Another status"))):
            self.status_combo.addItem(text, status.value)
        self.aim_combo = QComboBox(self)
        for aim, text in ((Aim.WORK, self.tr("A status for my work (a change or an extension)")),
                          (Aim.HSP_2, self.tr("Highly Skilled Professional (ii)")),
                          (Aim.PERMANENT, self.tr("Permanent residence"))):
            self.aim_combo.addItem(text, aim.value)
        form.addRow(self.tr("Your status now"), self.status_combo)
        form.addRow(self.tr("You apply for"), self.aim_combo)
        self.box.addLayout(form)
        self.box.addStretch(1)
        self.location.idToggled.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        in_japan = _value(self.location) == Location.IN_JAPAN.value
        self.status_combo.setEnabled(in_japan)
        self.aim_combo.setEnabled(in_japan)

    def nextId(self) -> int:
        if _value(self.location) == Location.IN_JAPAN.value and self.aim_combo.currentData() != Aim.WORK.value:
            return ROUTE  # permanent residence or HSP (ii): the work questions do not decide it
        return WORK


class _WorkPage(_Page):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your work in Japan"))
        self.work = _radio_group(self, self.box, [
            (Work.ENGINEERING.value, self.tr("Engineering, IT, humanities or international work for a company")),
            (Work.RESEARCH.value, self.tr("Research or teaching at a university or research institute")),
            (Work.BUSINESS.value, self.tr("Running or managing a business")),
            (Work.JOB_HUNTING.value, self.tr("Looking for work or preparing a business, after graduating from a "
                                             "top-ranked university")),
        ], "work")
        self.box.addWidget(_label(self.tr(
            "<b>Do you reach 70 points</b> on the Highly Skilled Professional points table (degree, "
            "experience, salary, age, Japanese, …)?"), self))
        self.points = _radio_group(self, self.box, [
            (Answer.NOT_SURE.value, self.tr("Not sure")), (Answer.YES.value, self.tr("Yes")),
            (Answer.NO.value, self.tr("No")),
        ], "points")
        self.box.addWidget(_label(self.tr(
            "<b>Do you earn ¥20 million a year or more</b> with a master's or doctor's degree or 10 years' "
            "experience (or ¥40 million with 5 years managing a business)?"), self))
        self.j_skip = _radio_group(self, self.box, [
            (Answer.NO.value, self.tr("No")), (Answer.YES.value, self.tr("Yes")),
        ], "jskip")
        self.box.addStretch(1)

    def nextId(self) -> int:
        return ROUTE


class _RoutePage(_Page):
    """The proposal (or, for those who know, the choice), with what it requires and grants."""

    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Route and procedure"))
        form = QFormLayout()
        self.route_combo = QComboBox(self)
        self.route_combo.setObjectName("wizardRoute")
        for route in wizard.catalog:
            self.route_combo.addItem(wizard.name_of(route), route.id.value)
        self.procedure_combo = QComboBox(self)
        self.procedure_combo.setObjectName("wizardProcedure")
        form.addRow(self.tr("&Route"), self.route_combo)
        form.addRow(self.tr("&Procedure"), self.procedure_combo)
        self.box.addLayout(form)
        self.reasons_label = _label("", self)
        self.about_label = _label("", self)
        self.about_label.setTextFormat(Qt.TextFormat.RichText)
        self.box.addWidget(self.reasons_label)
        self.box.addWidget(self.about_label)
        self.box.addStretch(1)
        self.route_combo.currentIndexChanged.connect(lambda _i: self._route_changed())
        self.procedure_combo.currentIndexChanged.connect(lambda _i: self._describe())

    def initializePage(self) -> None:
        wizard = self.wizard_
        if not wizard.asks_questions():
            self.setSubTitle(self.tr("Choose the route and the procedure of your application."))
            self.reasons_label.setText("")
            self._route_changed()
            return
        proposal = wizard.proposal()
        self.setSubTitle(self.tr("Zairyu proposes this from your answers; you can change it.") if proposal.route
                         else self.tr("No route in Zairyu fits your answers; you can still choose one."))
        self.reasons_label.setText("\n".join(wizard.reason_text(r) for r in proposal.reasons))
        if proposal.route is not None:
            self.route_combo.setCurrentIndex(self.route_combo.findData(proposal.route.value))
        self._route_changed(proposal.procedure.value if proposal.procedure else None)

    def _route_changed(self, procedure: str | None = None) -> None:
        route = self.wizard_.route()
        self.procedure_combo.blockSignals(True)
        self.procedure_combo.clear()
        if route is not None:
            for spec in route.procedures:
                self.procedure_combo.addItem(self.wizard_.name_of(spec), spec.id.value)
            if procedure is not None:
                self.procedure_combo.setCurrentIndex(max(self.procedure_combo.findData(procedure), 0))
        self.procedure_combo.blockSignals(False)
        self._describe()

    def _describe(self) -> None:
        route, procedure = self.wizard_.route(), self.wizard_.procedure()
        if route is None or procedure is None:
            self.about_label.setText("")
            return
        spec = route.procedure(procedure)
        japanese = self.wizard_._japanese
        # The data has its summaries in English; a Japanese interface shows the status's name.
        summary = route.status_ja if japanese else route.summary_en
        notes = "" if japanese else spec.notes_en
        self.about_label.setText(f"<p><b>{route.name_ja if japanese else route.name_en}</b> — {summary}</p>"
                                 + (f"<p>{notes}</p>" if notes else ""))

    def nextId(self) -> int:
        route = self.wizard_.route()
        return EMPLOYER if route is not None and route.uses_employer_category else CONDITIONS


class _EmployerPage(_Page):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your employer"))
        self.setSubTitle(self.tr("The immigration office sorts employers into four categories; the bigger and "
                                 "better known the employer, the fewer company documents you hand in. Ask the "
                                 "HR department if you are not sure."))
        self.category = _radio_group(self, self.box, [
            ("", self.tr("Not sure yet (the case lists the documents of every category, marked “only if”)")),
            ("1", self.tr("Category 1 — listed on a Japanese stock exchange, a public body, or a company with "
                          "certain government certifications")),
            ("2", self.tr("Category 2 — paid ¥10 million or more of income tax withheld from salaries last year")),
            ("3", self.tr("Category 3 — filed last year's statement of withholding tax on salaries, with less than "
                          "that")),
            ("4", self.tr("Category 4 — none of these (for example a company founded this year)")),
        ], "category")
        self.box.addStretch(1)

    def nextId(self) -> int:
        return CONDITIONS


class _ConditionsPage(_Page):
    """The checklist's "only if" rows as questions, and the points items claimed (HSP routes)."""

    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What applies to you"))
        self.setSubTitle(self.tr("Tick what is true for you. Documents for the rest are kept in the case, marked "
                                 "“not applicable”; you can change that later."))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.inner = QWidget(scroll)
        self.inner_box = QVBoxLayout(self.inner)
        scroll.setWidget(self.inner)
        self.box.addWidget(scroll)
        self.condition_boxes: dict[str, QCheckBox] = {}  # document code → box
        self.item_boxes: dict[PointsItem, QCheckBox] = {}
        self._documents: list[DocumentSpec] = []

    def initializePage(self) -> None:
        while self.inner_box.count():
            old = self.inner_box.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.condition_boxes.clear()
        self.item_boxes.clear()
        wizard = self.wizard_
        route, procedure = wizard.route(), wizard.procedure()
        if route is None or procedure is None:
            return
        items = required_documents(route, procedure, employer_category=wizard.employer_category())
        self._documents = [item.document for item in items]
        japanese = wizard._japanese
        asked = [doc for doc in self._documents if doc.when.note_en and not doc.when.points_items]
        if asked:
            self.inner_box.addWidget(_label(self.tr("<b>Your situation</b>"), self.inner))
        for doc in asked:
            condition = (doc.when.note_ja or doc.when.note_en) if japanese else doc.when.note_en
            box = QCheckBox(f"{condition} — {wizard.name_of(doc)}", self.inner)
            box.setObjectName(f"condition_{doc.code}")
            self.condition_boxes[doc.code] = box
            self.inner_box.addWidget(box)
        claimable = sorted({i for doc in self._documents for i in (doc.when.points_items or [])},
                           key=list(PointsItem).index)
        if claimable:
            self.inner_box.addWidget(_label(self.tr("<b>The points items you will claim</b> (the evidence for "
                                                    "each is listed)"), self.inner))
        for points_item in claimable:
            english, japanese_label = POINTS_LABELS[points_item]
            box = QCheckBox(japanese_label if japanese else english, self.inner)
            box.setObjectName(f"item_{points_item.value}")
            box.setChecked(points_item in USUAL_ITEMS)
            self.item_boxes[points_item] = box
            self.inner_box.addWidget(box)
        if not asked and not claimable:
            self.inner_box.addWidget(_label(self.tr("Every document of this route applies: nothing to ask."),
                                            self.inner))
        self.inner_box.addStretch(1)

    def not_applicable_codes(self) -> list[str]:
        claimed = {item for item, box in self.item_boxes.items() if box.isChecked()}
        codes = [code for code, box in self.condition_boxes.items() if not box.isChecked()]
        codes += [doc.code for doc in self._documents
                  if doc.when.points_items and not claimed.intersection(doc.when.points_items)]
        return codes

    def nextId(self) -> int:
        return APPLICANT


class _ApplicantPage(_Page):
    def __init__(self, wizard: NewCaseWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The applicant"))
        self.setSubTitle(self.tr("Who applies? You can add the passport and residence-card details later."))
        form = QFormLayout()
        self.person_combo = QComboBox(self)
        self.person_combo.addItem(self.tr("A new person"), 0)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("wizardName")
        self.nationality_edit = QLineEdit(self)
        self.nationality_edit.setObjectName("wizardNationality")
        self.birth_edit = _date_edit(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("wizardTitle")
        self.title_edit.setPlaceholderText(self.tr("For example: Move to Tokyo 2027"))
        self.filing_edit = _date_edit(self)
        form.addRow(self.tr("&Applicant"), self.person_combo)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("Na&tionality"), self.nationality_edit)
        form.addRow(self.tr("Date of &birth"), self.birth_edit)
        form.addRow(self.tr("Case &title"), self.title_edit)
        form.addRow(self.tr("Planned &filing date"), self.filing_edit)
        self.box.addLayout(form)
        self.error_label = _label("", self)
        self.error_label.setObjectName("wizardError")
        self.box.addWidget(self.error_label)
        self.box.addStretch(1)
        self.person_combo.currentIndexChanged.connect(lambda _i: self._person_changed())

    def initializePage(self) -> None:
        self.person_combo.blockSignals(True)
        while self.person_combo.count() > 1:
            self.person_combo.removeItem(1)
        seen: set[int] = set()
        for case in self.wizard_.session.list_cases():
            if case.applicant_id not in seen:
                seen.add(case.applicant_id)
                self.person_combo.addItem(case.applicant_name or self.tr("Applicant without a name"),
                                          case.applicant_id)
        self.person_combo.blockSignals(False)
        self._person_changed()

    def _person_changed(self) -> None:
        new = not self.person_combo.currentData()
        for widget in (self.name_edit, self.nationality_edit, self.birth_edit):
            widget.setEnabled(new)

    def nextId(self) -> int:
        return -1
