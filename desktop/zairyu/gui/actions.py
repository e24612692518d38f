"""Every action of the main window in one table: id → menu, text, shortcut, handler.

The window builds its menus from this table (``build_actions``), so each action appears in a
menu with its shortcut, and a page or a test finds an action by its ``ActionId``. ``handler``
names a method of the window, which passes the action on to the page it concerns. The texts are
marked with QT_TRANSLATE_NOOP and translated when the action is built (context "actions").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:  # PySide6 types it as returning object; it returns the text, marked for lupdate
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "actions"


class Menu(Enum):
    FILE = QT_TRANSLATE_NOOP("actions", "&File")
    EDIT = QT_TRANSLATE_NOOP("actions", "&Edit")
    VIEW = QT_TRANSLATE_NOOP("actions", "&View")
    HELP = QT_TRANSLATE_NOOP("actions", "&Help")


class ActionId(Enum):
    NEW_CASE = "new_case"
    EDIT_APPLICANT = "edit_applicant"
    ADD_DOCUMENT = "add_document"
    ATTACH_FILES = "attach_files"
    EXPORT_CHECKLIST = "export_checklist"
    EXPORT_CASE_CHECKLIST = "export_case_checklist"
    PRINT = "print"
    SETTINGS = "settings"
    OPEN_DATA_FOLDER = "open_data_folder"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    SHOW_CASE = "show_case"
    SHOW_CHECKLISTS = "show_checklists"
    SHOW_POINTS = "show_points"
    SHOW_DEADLINES = "show_deadlines"
    SHOW_PACKET = "show_packet"
    ABOUT = "about"


Shortcut = str | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    menu: Menu
    text: str  # the English source; translated in context "actions"
    shortcut: Shortcut
    handler: str  # a method of the window
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.NEW_CASE, Menu.FILE, QT_TRANSLATE_NOOP("actions", "&New case…"), "Ctrl+N", "new_case"),
    ActionSpec(ActionId.EDIT_APPLICANT, Menu.FILE, QT_TRANSLATE_NOOP("actions", "Edit the &applicant…"),
               "Ctrl+Shift+A", "edit_applicant"),
    ActionSpec(ActionId.ADD_DOCUMENT, Menu.FILE, QT_TRANSLATE_NOOP("actions", "Add a &document of your own…"),
               "Ctrl+Shift+D", "add_document"),
    ActionSpec(ActionId.ATTACH_FILES, Menu.FILE, QT_TRANSLATE_NOOP("actions", "A&ttach files to the document…"),
               "Ctrl+T", "attach_files"),
    ActionSpec(ActionId.EXPORT_CHECKLIST, Menu.FILE, QT_TRANSLATE_NOOP("actions", "&Export checklist as PDF…"),
               "Ctrl+E", "export_checklist", separator_before=True),
    ActionSpec(ActionId.EXPORT_CASE_CHECKLIST, Menu.FILE,
               QT_TRANSLATE_NOOP("actions", "Export the &case's checklist as PDF…"), None, "export_case_checklist"),
    ActionSpec(ActionId.PRINT, Menu.FILE, QT_TRANSLATE_NOOP("actions", "&Print…"), QKeySequence.StandardKey.Print,
               "print_current", separator_before=True),
    ActionSpec(ActionId.SETTINGS, Menu.FILE, QT_TRANSLATE_NOOP("actions", "&Settings…"),
               QKeySequence.StandardKey.Preferences, "show_settings", separator_before=True),
    ActionSpec(ActionId.OPEN_DATA_FOLDER, Menu.FILE, QT_TRANSLATE_NOOP("actions", "Open &data folder"), None,
               "open_data_folder"),
    ActionSpec(ActionId.QUIT, Menu.FILE, QT_TRANSLATE_NOOP("actions", "&Quit"), QKeySequence.StandardKey.Quit,
               "close", separator_before=True),
    ActionSpec(ActionId.UNDO, Menu.EDIT, QT_TRANSLATE_NOOP("actions", "&Undo"), "Ctrl+Z", "undo"),
    ActionSpec(ActionId.REDO, Menu.EDIT, QT_TRANSLATE_NOOP("actions", "&Redo"), "Ctrl+Shift+Z", "redo"),
    ActionSpec(ActionId.FIND, Menu.EDIT, QT_TRANSLATE_NOOP("actions", "&Find documents"),
               QKeySequence.StandardKey.Find, "find_documents", separator_before=True),
    ActionSpec(ActionId.SHOW_CASE, Menu.VIEW, QT_TRANSLATE_NOOP("actions", "My &case"), "Ctrl+1", "show_case"),
    ActionSpec(ActionId.SHOW_CHECKLISTS, Menu.VIEW, QT_TRANSLATE_NOOP("actions", "&Route checklists"), "Ctrl+2",
               "show_checklists"),
    ActionSpec(ActionId.SHOW_POINTS, Menu.VIEW, QT_TRANSLATE_NOOP("actions", "&Points"), "Ctrl+3", "show_points"),
    ActionSpec(ActionId.SHOW_DEADLINES, Menu.VIEW, QT_TRANSLATE_NOOP("actions", "&Deadlines"), "Ctrl+4",
               "show_deadlines"),
    ActionSpec(ActionId.SHOW_PACKET, Menu.VIEW, QT_TRANSLATE_NOOP("actions", "P&acket"), "Ctrl+5", "show_packet"),
    ActionSpec(ActionId.ABOUT, Menu.HELP, QT_TRANSLATE_NOOP("actions", "&About Zairyu"), None, "show_about"),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build_actions(target: QObject, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[ActionId, QAction]:
    """One QAction per spec, parented to and triggering ``target``'s handler method; without its
    shortcut (``set_shortcuts``)."""
    actions: dict[ActionId, QAction] = {}
    for spec in specs:
        action = QAction(translate(spec.text), target)
        action.setObjectName(f"action_{spec.id.value}")
        handler = getattr(target, spec.handler)
        action.triggered.connect(lambda _checked=False, run=handler: run())
        actions[spec.id] = action
    return actions


def set_shortcuts(actions: dict[ActionId, QAction], specs: tuple[ActionSpec, ...] = ACTIONS) -> None:
    """Give each action its shortcut. Kept apart from ``build_actions`` because the first shortcut
    set makes PySide6 build the Python enums of Qt's whole ``Qt`` namespace (about 90 of them, a
    tenth of a second under a profiler), which the window's first paint does not need: the window
    sets them when its data is open, as the actions become usable."""
    for spec in specs:
        if spec.shortcut is not None:
            actions[spec.id].setShortcut(QKeySequence(spec.shortcut))
